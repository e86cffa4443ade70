"""The daily digest of filed email, and the officer's one-click "this has a new issue".

Repeat correspondence is filed without a reply, but the SPOC officer must
still see it: `FiledMailFromStore` implements the scheduler's
`FiledMailSource` port (register/schedule/digest.py builds and sends one
digest notice per officer each working day). Each item's `record_id` is the
claim id, so the card's "this has a new issue" comes back here:
`mark_new_issue` keeps the officer's verdict as feedback (to measure
triage by), asks the watcher to move the email back to where escalated
email is kept (the bot may not touch the mailbox; mailbox/reopening.py
does it on the watcher's next pass), puts "filed on X, reopened by Y on Z"
on the customer's case, and returns the escalation notice to send, naming
who reopened it; a refusal (not filed, not theirs, already marked) is a value.

A reopened email is shown as what it now is, in the terms each reader
needs. The SPOC officer: it is escalated mail, so a later digest covering
its day does not list it as filed again (no second button, no double
count); it is counted there as reopened, and its record ("Open record")
says who reopened it and when. The data protection
officer: the claim's decision (filed, which rules fired and why) is not
rewritten, since it is what triage is measured against and what a
complaint about the handling is answered from, and the verdict is kept
beside it as feedback with who gave it and when; nothing is deleted or
copied, and the email's case trail says both what was decided and that
it was reopened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from mailbox import claims
from mailbox.reopening import case_entries, reopened_line
from mailbox.routing import Outcome
from mailbox.telling import RECORD_TYPE
from register.access import Refusal
from register.audit import AuditAction
from register.notices import Notice, NoticeAction, NoticeKind
from register.schedule.model import FiledMail
from register.schedule.wording import day
from register.staff import Role, StaffMember

NEW_ISSUE = "new_issue"
NOT_YOURS = (
    "Only the SPOC officer the email was filed for, or a manager, can mark it as a new issue."
)


class FiledMailFromStore:
    """Implements `FiledMailSource` over the watcher's claims (store.mail_repo.SqlMailStore)."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def filed_between(self, first: date, last: date) -> Sequence[FiledMail]:
        """Everything filed on those days, those reopened since marked so (see above)."""
        start = datetime.combine(first, time(), UTC)
        end = datetime.combine(last + timedelta(days=1), time(), UTC)
        with self._store.transaction() as session:
            claims = session.claims_decided_between(Outcome.FILE.value, start, end)
            return [_item(claim) for claim in claims if claim.officer]


def _item(claim: Any) -> FiledMail:
    decided: datetime = claim.decided_at
    return FiledMail(
        recipient=claim.officer,
        record_id=claim.id,
        summary=f"{claim.decision.get('reason', 'Filed as a repeat.')} [{claim.message_id}]",
        filed_on=decided.date(),
        reopened=claim.reopened_at is not None,
    )


def mark_new_issue(store: Any, claim_id: str, officer: str, note: str = "") -> Notice | Refusal:
    """Keep "this has a new issue" as feedback, ask for the email back, return the escalation.

    `officer` is the Entra id of whoever pressed the button; their role is
    read from the register, not taken from the caller. The SPOC officer the
    email was filed for may press it, and so may managers and
    administrators (a digest the officer could not receive goes to their
    manager). The escalation goes to the SPOC officer, whoever pressed:
    the matter is theirs to act on. A second press is refused, so one
    email is escalated, and counted as feedback, once. The claim's decision
    is left as it was (it is what the feedback measures); the request to
    move the email back, and the audit entries, are saved with the feedback.
    """
    with store.transaction() as session:
        claim = session.claim(claim_id)
        if claim is None or claim.action != Outcome.FILE.value or not claim.officer:
            return Refusal("That email is not one the watcher filed.")
        staff = session.staff_member(officer)
        if staff is None or not _may_mark(staff, claim.officer):
            return Refusal(NOT_YOURS)
        # A no-change update locks the claim's row, so two presses at once are taken in turn
        # and the second sees the first's feedback below.
        session.update_claim(claim_id, officer=claim.officer)
        earlier = [f for f in session.feedback_for(claim_id) if f["kind"] == NEW_ISSUE]
        if earlier:
            return Refusal(_already(session, earlier[0]))
        session.add_feedback(claim_id, officer, NEW_ISSUE, note)
        claims.record_reopened(session, claim_id, officer)
        reopened = session.claim(claim_id)
        said = reopened_line(session, reopened)
        for entry in case_entries(session, reopened, officer, AuditAction.UPDATE, said, note):
            session.audit(entry)
        person = session.person(claim.person_id) if claim.person_id else None
    name = person.name if person else "a customer"
    by = "the SPOC officer" if officer == claim.officer else staff.name
    return _escalation(claim, name, by, note)


def _escalation(claim: Any, customer: str, by: str, note: str) -> Notice:
    """The escalation the SPOC officer gets, as the watcher's own escalations read."""
    lines = [
        f"Reopened by {by}: {note}" if note else f"Reopened by {by}.",
        f"It had been filed: {claim.decision.get('reason', '')}",
        f"Message-ID: {claim.message_id}",
        "The watcher moves it back to where escalated email is kept at its next check.",
    ]
    return Notice(
        NoticeKind.MAIL_ESCALATION,
        claim.officer,
        f"Email from {customer}: marked as a new issue",
        tuple(lines),
        RECORD_TYPE,
        claim.id,
        actions=(NoticeAction.ACKNOWLEDGE, NoticeAction.OPEN_RECORD),
    )


def _may_mark(staff: StaffMember, spoc_officer: str) -> bool:
    return staff.aad_object_id == spoc_officer or staff.role in (Role.MANAGER, Role.ADMIN)


def _already(session: Any, earlier: Mapping[str, Any]) -> str:
    marker = session.staff_member(earlier["officer"])
    who = marker.name if marker else "someone"
    return (
        f"That email was already marked as a new issue by {who} on {day(earlier['at'].date())}, "
        "and escalated then."
    )
