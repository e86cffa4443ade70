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
