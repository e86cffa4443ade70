"""The daily digest of filed email, and the officer's one-click "this has a new issue".

Repeat correspondence is filed without a reply, but the SPOC officer must
still see it: `FiledMailFromStore` implements the scheduler's
`FiledMailSource` port (register/schedule/digest.py builds and sends one
digest notice per officer each working day). Each item's `record_id` is the
claim id, so the card's "this has a new issue" comes back here:
`mark_new_issue` keeps the officer's verdict as feedback (to measure
triage by) and returns the escalation notice to send, naming the officer
who reopened it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from mailbox.routing import Outcome
from mailbox.telling import RECORD_TYPE
from register.access import Refusal
from register.notices import Notice, NoticeAction, NoticeKind
from register.schedule.model import FiledMail

NEW_ISSUE = "new_issue"


class FiledMailFromStore:
    """Implements `FiledMailSource` over the watcher's claims (store.mail_repo.SqlMailStore)."""

    def __init__(self, store: Any) -> None:
        self._store = store

    def filed_between(self, first: date, last: date) -> Sequence[FiledMail]:
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
    )


def mark_new_issue(store: Any, claim_id: str, officer: str, note: str = "") -> Notice | Refusal:
    """Keep "this has a new issue" as feedback and return the escalation to send."""
    with store.transaction() as session:
        claim = session.claim(claim_id)
        if claim is None or claim.action != Outcome.FILE.value:
            return Refusal("That email is not one the watcher filed.")
        session.add_feedback(claim_id, officer, NEW_ISSUE, note)
        person = session.person(claim.person_id) if claim.person_id else None
    name = person.name if person else "a customer"
    lines = [
        f"Reopened by the SPOC officer: {note}" if note else "Reopened by the SPOC officer.",
        f"It had been filed: {claim.decision.get('reason', '')}",
        f"Message-ID: {claim.message_id}",
    ]
    return Notice(
        NoticeKind.MAIL_ESCALATION,
        officer,
        f"Email from {name}: marked as a new issue",
        tuple(lines),
        RECORD_TYPE,
        claim_id,
        actions=(NoticeAction.ACKNOWLEDGE, NoticeAction.OPEN_RECORD),
    )
