"""An email reopened from the digest goes back to where the mailbox keeps escalated email.

The SPOC officer's "this has a new issue" is pressed in the bot, which must
not touch the mailbox: only the watcher holding the mailbox's lock may. So
the press only records a request on the claim (mailbox/digest.py), and the
watcher carries it out on its next pass, in the claim discipline of
mailbox/claims.py, each state committed before the next step:

    requested -> returning  (committed before the move: where it is going)
              -> returned   (committed after the move), or missing, or failed

The email is found by its content hash, which is what its claim is keyed
by, newest first (a reopened email was filed recently). A claim found
`returning` after a restart may have been moved just before the crash, so
the escalated folder is searched first: an email already there is recorded
as returned and never moved twice. One in neither folder is recorded as
missing and the operator told. Nothing is ever deleted, and the claim's
decision (filed, and why) is kept as it was, for measuring triage by.
A copy of the email that reaches the inbox later is recognised by its
claim, not triaged again, and follows it to where it now is.

A return that fails for any reason but an outage (the watcher backs off
from those, and they are not the email's fault) is counted on the claim
with its error and tried again next pass, as a message is. After the
watcher's `max_attempts` failures it is recorded as failed, the operator
is told once, and the email is left where it is; `app.py
mail-return-retry` asks for another try once the fault is fixed.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from mailbox import claims
from mailbox.backends import MailBackend, MessageKey
from mailbox.claims import Claim, ReturnState
from mailbox.routing import Outcome, folder_for
from mailbox.steps import ClaimStore, WatcherSettings
from mailbox.telling import RECORD_TYPE, alert
from register.audit import AuditAction, AuditEntry
from register.notices import Notice
from register.schedule.wording import day

log = logging.getLogger(__name__)

ACTOR = "system:mailbox"


@dataclass(frozen=True, slots=True)
class Returned:
    """What carrying out one return did: its final state and the sentence put on the case."""

    claim_id: str
    state: ReturnState
    said: str
    error: str = ""  # a failed return's last error: for the operator, not the case trail


class Returns:
    """The watcher's side of reopening, bound to one mailbox, store and backend."""

    def __init__(self, settings: WatcherSettings, store: ClaimStore, backend: MailBackend) -> None:
        self.settings, self.store, self.backend = settings, store, backend
        self.escalated = settings.folders[folder_for(Outcome.ESCALATE)]

    def pending(self) -> list[Claim]:
        """Reopened emails of this mailbox not yet moved back, oldest request first."""
        with self.store.transaction() as session:
            return list(session.claims_to_return(self.settings.mailbox))

    def carry_out(self, claim: Claim) -> Returned:
        """Move one reopened email back and record the outcome; safe to repeat after a crash."""
        source, target = claim.destination, claim.returned_to or self.escalated
        restarted = claim.return_state == ReturnState.RETURNING
        if not restarted:
            with self.store.transaction() as session:
                claims.record_returning(session, claim.id, target)
        state, how = self._move_back(claim.content_sha256, source, target, restarted)
        with self.store.transaction() as session:
            said = f"{reopened_line(session, claim)}: {how}"
            claims.record_returned(session, claim.id, state)
            for entry in case_entries(session, claim, ACTOR, AuditAction.UPDATE, said):
                session.audit(entry)
        level = logging.ERROR if state is ReturnState.MISSING else logging.INFO
        log.log(level, "%s in %s: %s", claim.message_id, self.settings.mailbox, how)
        return Returned(claim.id, state, said)

    def failed(self, claim: Claim, error: str) -> Returned | None:
        """Count one failed move back; after `max_attempts` of them, stop and say so on the case.

        Returns what was recorded when the watcher gives up (the operator is
        then told), None while it will try again. Nothing is moved or deleted.
        """
        attempts = claim.return_attempts + 1  # as read at the start of this pass
        gave_up = attempts >= self.settings.max_attempts
        with self.store.transaction() as session:
            claims.record_return_failure(session, claim.id, attempts, error, gave_up=gave_up)
            if not gave_up:
                return None
            said = (
                f"{reopened_line(session, claim)}: moving it back to {self.escalated} failed "
                f"{attempts} times, so the watcher stopped trying; nothing was deleted"
            )
            for entry in case_entries(session, claim, ACTOR, AuditAction.UPDATE, said):
                session.audit(entry)
        log.error(
            "%s in %s: %s; the last error: %s", claim.message_id, self.settings.mailbox, said, error
        )
        return Returned(claim.id, ReturnState.FAILED, said, error)

    def operator_alert(self, returned: Returned) -> Notice:
        """What the operator is told of a return that did not reach the escalated folder."""
        if returned.state is ReturnState.FAILED:
            what = "could not be moved back"
            advice = [
                f"The last error was: {returned.error}",
                "Nothing was deleted: it is where it was filed unless someone moved it. Once the "
                "fault is fixed, `mail-return-retry` tries again; or move it to "
                f"{self.escalated} by hand.",
            ]
        else:
            what = "could not be found"
            advice = [
                "Nothing was moved or deleted. Find the email in the mailbox and move it "
                f"to {self.escalated} by hand."
            ]
        return alert(
            self.settings.alert_recipient,
            f"A reopened email in {self.settings.mailbox} {what}",
            returned.said,
            *advice,
            record_id=returned.claim_id,
        )

    def _move_back(
        self, sha256: str, source: str, target: str, restarted: bool
    ) -> tuple[ReturnState, str]:
        """Where the email was found and what was done; target first when a move may be done."""
        if source == target:
            return ReturnState.RETURNED, f"it was already in {target}; nothing was moved"
        self.backend.ensure_folder(target)
        if restarted and self._find(target, sha256) is not None:
            how = f"moved back from {source} to {target}"
            if self._find(source, sha256) is not None:  # a copy-then-delete cut short
                how += f"; the copy the interrupted move left in {source} is still there"
            return ReturnState.RETURNED, how
        key = self._find(source, sha256)
        if key is not None and self.backend.move(source, key, target):
            return ReturnState.RETURNED, f"moved back from {source} to {target}"
        if not restarted and self._find(target, sha256) is not None:
            return ReturnState.RETURNED, f"it was already in {target}; nothing was moved"
        return (
            ReturnState.MISSING,
            f"it was in neither {source} nor {target}, so nothing was moved; "
            "it may have been moved or deleted in the mailbox by hand",
        )

    def _find(self, folder: str, sha256: str) -> MessageKey | None:
        """The key of the email with this content in `folder`, looking at the newest first."""
        self.backend.ensure_folder(folder)
        for key in reversed(self.backend.list_keys(folder)):
            raw = self.backend.fetch(folder, key)
            if raw is not None and hashlib.sha256(raw).hexdigest() == sha256:
                return key
        return None


def retry_failed_returns(
    store: ClaimStore, mailbox: str, claim_ids: Collection[str] | None = None
) -> list[str]:
    """Ask the watcher to try again the returns it gave up on (`mail-return-retry`); claim ids.

    Only the claims change: the move is the watcher's, on its next pass,
    since only the process holding the mailbox's lock may touch it. By
    default every failed return of `mailbox` is retried, else those named.
    """
    with store.transaction() as session:
        chosen = [
            claim
            for claim in session.failed_returns(mailbox)
            if claim_ids is None or claim.id in claim_ids
        ]
        for claim in chosen:
            claims.record_return_retry(session, claim)
    for claim in chosen:
        log.warning("reopened %s in %s: its return will be tried again", claim.message_id, mailbox)
    return [claim.id for claim in chosen]


def reopened_line(session: Any, claim: Claim) -> str:
    """What the case says: "Email 'S' (id) filed as a repeat on X, reopened ... by Y on Z"."""
    mail = session.decided_mail(claim.id)
    subject = mail.subject if mail is not None and mail.subject else "(no subject)"
    filed = f" on {day(claim.decided_at.date())}" if claim.decided_at else ""
    by = session.staff_member(claim.reopened_by) if claim.reopened_by else None
    who = by.name if by is not None else "someone no longer on the staff list"
    when = f" on {day(claim.reopened_at.date())}" if claim.reopened_at else ""
    return (
        f"Email '{subject}' ({claim.message_id}) filed as a repeat{filed}, "
        f"reopened as a new issue by {who}{when}"
    )


def case_entries(
    session: Any, claim: Claim, actor: str, action: AuditAction, said: str, detail: str = ""
) -> list[AuditEntry]:
    """The same sentence on the email's own trail and on the customer's case, if it has one."""
    entries = [AuditEntry(actor, action, RECORD_TYPE, claim.id, said, detail)]
    if claim.person_id:
        entries.append(AuditEntry(actor, action, "person", claim.person_id, said, detail))
    return entries
