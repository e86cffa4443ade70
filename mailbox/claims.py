"""The claim protocol: claim a message, decide, record, then move; never the other way round.

After GNU Mailman's queue runner, every message the watcher touches goes
through these states, each committed before the next step starts:

    claimed  -> the store knows of the message; one more attempt is counted
    decided  -> the decision, its contact-log entry and correspondence are saved
    moved    -> the message is in its final folder (or `quarantined`, or
                `left` where it was because it is not ours to handle)

A watcher killed at any instant therefore restarts in a known state. A
`claimed` message is decided afresh (nothing about it was saved); a
`decided` one is finished from what was saved, not decided again, so its
contact is logged exactly once. Attempts are counted when a message is
claimed, not when an error is caught, so a message that crashes the whole
process is caught too: after `max_attempts` it goes to quarantine.

Claims are keyed by the email itself (mailbox, Message-ID, SHA-256 of the
raw bytes), never by the server's handle, which changes when a message
moves; a second copy of a finished message is recognised and sent after
the first.

An email reopened from the digest ("this has a new issue") keeps its
decision; its return to where escalated email is kept has states of its
own (`ReturnState`), recorded the same way: before the move and after it
(mailbox/reopening.py). A return that fails, other than in an outage, is
counted with its error; after `max_attempts` it is `failed` and waits
for an operator, as a quarantined message does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from register.ids import utcnow
from register.ports import RegisterSession


class State(StrEnum):
    CLAIMED = "claimed"
    DECIDED = "decided"
    MOVED = "moved"
    LEFT = "left"
    QUARANTINED = "quarantined"


FINAL = frozenset({State.MOVED, State.LEFT, State.QUARANTINED})


class ReturnState(StrEnum):
    """How far a reopened email has got on its way back to the escalated folder."""

    NONE = ""  # never reopened
    REQUESTED = "requested"  # an officer reopened it; the watcher has not started
    RETURNING = "returning"  # the watcher is moving it to `returned_to`
    RETURNED = "returned"  # it is in `returned_to`
    MISSING = "missing"  # it was in neither folder; the operator was told
    FAILED = "failed"  # moving it failed `max_attempts` times; the operator was told


PENDING_RETURN = frozenset({ReturnState.REQUESTED, ReturnState.RETURNING})


class Claim(Protocol):
    """A stored claim, as the watcher reads it (store.mail_repo.MailClaim)."""

    @property
    def id(self) -> str: ...
    @property
    def folder(self) -> str: ...
    @property
    def server_key(self) -> str: ...
    @property
    def message_id(self) -> str: ...
    @property
    def content_sha256(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def attempts(self) -> int: ...
    @property
    def last_error(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def decision(self) -> Mapping[str, Any]: ...
    @property
    def destination(self) -> str: ...
    @property
    def person_id(self) -> str | None: ...
    @property
    def officer(self) -> str: ...
    @property
    def decided_at(self) -> datetime | None: ...
    @property
    def notified_at(self) -> datetime | None: ...
    @property
    def reopened_by(self) -> str: ...
    @property
    def reopened_at(self) -> datetime | None: ...
    @property
    def return_state(self) -> str: ...
    @property
    def returned_to(self) -> str: ...
    @property
    def returned_at(self) -> datetime | None: ...
    @property
    def return_attempts(self) -> int: ...
    @property
    def return_error(self) -> str: ...


class ClaimSession(RegisterSession, Protocol):
    """The unit of work the watcher needs: the register plus its claims (store.mail_repo)."""

    def claim_by_content(self, mailbox: str, message_id: str, sha256: str) -> Claim | None: ...

    def claim(self, claim_id: str) -> Claim | None: ...

    def new_claim(
        self, mailbox: str, folder: str, server_key: str, message_id: str, sha256: str
    ) -> Claim: ...

    def update_claim(
        self, claim_id: str, expect_state: str | None = None, **values: Any
    ) -> bool: ...

    def claims_in_state(self, mailbox: str, state: str) -> Sequence[Claim]: ...

    def keys_in_state(self, mailbox: str, folder: str, state: str) -> set[str]: ...

    def claims_to_return(self, mailbox: str) -> Sequence[Claim]: ...

    def failed_returns(self, mailbox: str) -> Sequence[Claim]: ...


def take(
    session: ClaimSession, mailbox: str, folder: str, key: str, message_id: str, sha256: str
) -> Claim:
    """Claim a message, or take up its existing claim and count one more attempt.

    The server key and folder are refreshed: a message replayed from
    quarantine, or listed again after a restart, has a new handle.
    """
    found = session.claim_by_content(mailbox, message_id, sha256)
    if found is None:
        return session.new_claim(mailbox, folder, key, message_id, sha256)
    counted = found.attempts + (0 if found.state in FINAL else 1)
    session.update_claim(found.id, folder=folder, server_key=key, attempts=counted)
    claim = session.claim(found.id)
    assert claim is not None
    return claim


def record_decision(session: ClaimSession, claim_id: str, **values: Any) -> None:
    """Move a claim from claimed to decided; refuses if someone else decided it first."""
    if not session.update_claim(
        claim_id, expect_state=State.CLAIMED, state=State.DECIDED, decided_at=utcnow(), **values
    ):
        raise RuntimeError(f"claim {claim_id} was no longer waiting for a decision")


def record_failure(session: ClaimSession, claim_id: str, error: str) -> None:
    """Keep the latest error on the claim, for the operator and for the quarantine alert."""
    session.update_claim(claim_id, last_error=error[:2000])


def record_finished(session: ClaimSession, claim_id: str, state: State) -> None:
    session.update_claim(claim_id, state=state, finished_at=utcnow())


def record_notified(session: ClaimSession, claim_id: str) -> None:
    session.update_claim(claim_id, notified_at=utcnow())


def where_now(claim: Claim) -> str:
    """The folder a finished email is in: where it was decided, or where it was returned to."""
    if claim.return_state == ReturnState.RETURNED and claim.returned_to:
        return claim.returned_to
    return claim.destination


def record_reopened(session: ClaimSession, claim_id: str, by: str) -> None:
    """Ask the watcher to move a filed email back; the decision itself is left as it was."""
    session.update_claim(
        claim_id, reopened_by=by, reopened_at=utcnow(), return_state=ReturnState.REQUESTED
    )


def record_returning(session: ClaimSession, claim_id: str, to: str) -> None:
    """Say where the email is going before it is moved, so a restart knows to look there first."""
    session.update_claim(claim_id, return_state=ReturnState.RETURNING, returned_to=to)


def record_returned(session: ClaimSession, claim_id: str, state: ReturnState) -> None:
    """The return is over: the email is in `returned_to`, or it could not be found."""
    session.update_claim(claim_id, return_state=state, returned_at=utcnow())


def record_return_failure(
    session: ClaimSession, claim_id: str, attempts: int, error: str, *, gave_up: bool
) -> None:
    """Count a move back that failed, with its error; when the watcher gives up, that is final."""
    values: dict[str, Any] = {"return_attempts": attempts, "return_error": error[:2000]}
    if gave_up:
        values |= {"return_state": ReturnState.FAILED, "returned_at": utcnow()}
    session.update_claim(claim_id, **values)


def record_return_retry(session: ClaimSession, claim: Claim) -> None:
    """An operator asks for another try: attempts from zero, the earlier error kept in words.

    A return that had started goes back to `returning`, so the watcher looks
    in the escalated folder first, as after a crash, and never moves it twice.
    """
    started = ReturnState.RETURNING if claim.returned_to else ReturnState.REQUESTED
    session.update_claim(
        claim.id,
        return_state=started,
        return_attempts=0,
        return_error=f"retried by an operator; earlier: {claim.return_error}"[:2000],
        returned_at=None,
    )
