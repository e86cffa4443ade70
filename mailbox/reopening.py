"""An email reopened from the digest goes back to where the mailbox keeps escalated email.

The SPOC officer's "this has a new issue" is pressed in the bot, which must
not touch the mailbox: only the watcher holding the mailbox's lock may. So
the press only records a request on the claim (mailbox/digest.py), and the
watcher carries it out on its next pass, in the claim discipline of
mailbox/claims.py, each state committed before the next step:

    requested -> returning  (committed before the move: where it is going)
              -> returned   (committed after the move), or missing

The email is found by its content hash, which is what its claim is keyed
by, newest first (a reopened email was filed recently). A claim found
`returning` after a restart may have been moved just before the crash, so
the escalated folder is searched first: an email already there is recorded
as returned and never moved twice. One in neither folder is recorded as
missing and the operator told. Nothing is ever deleted, and the claim's
decision (filed, and why) is kept as it was, for measuring triage by.
A copy of the email that reaches the inbox later is recognised by its
claim, not triaged again, and follows it to where it now is.
"""

from __future__ import annotations

import hashlib
import logging
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

    def missing_alert(self, returned: Returned) -> Notice:
        return alert(
            self.settings.alert_recipient,
            f"A reopened email in {self.settings.mailbox} could not be found",
            returned.said,
            "Nothing was moved or deleted. Find the email in the mailbox and move it "
            f"to {self.escalated} by hand.",
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
