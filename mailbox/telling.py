"""Who the watcher tells, and in what words: escalations, abusive mail, operator alerts.

The notices are built when the message is decided and kept, as JSON, with
the decision; a watcher restarted between deciding and telling sends what
was decided instead of building it again. Delivery goes through the
register's `Notifier` port (the bot sends Teams cards, with fallbacks).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from mailbox.routing import Routing
from mailbox.rules.base import Facts
from mailbox.triage.second_opinion import only_learned
from register.notices import Delivery, Notice, NoticeAction, NoticeKind

log = logging.getLogger(__name__)

RECORD_TYPE = "mail_claim"
NEW_SENTENCES_SHOWN = 5


def decision_notices(claim_id: str, facts: Facts, routing: Routing) -> list[Notice]:
    """The SPOC officer for an escalation; the manager for abusive mail."""
    customer, parsed = facts.customer, facts.parsed
    if customer is None or parsed is None:
        return []
    about = [
        f"From: {customer.person.name} <{parsed.from_address}>",
        f"Subject: {parsed.subject or '(no subject)'}",
        routing.reason,
    ]
    notices = []
    if routing.tells_officer:
        new = [f"New: {s}" for s in routing.new_sentences[:NEW_SENTENCES_SHOWN]]
        notices.append(
            Notice(
                NoticeKind.MAIL_ESCALATION,
                customer.officer_id,
                f"Email from {customer.person.name}: {routing.category.replace('_', ' ')}",
                (*about, *new),
                RECORD_TYPE,
                claim_id,
                urgent=routing.category == "safeguarding",
                actions=(NoticeAction.ACKNOWLEDGE, NoticeAction.OPEN_RECORD),
            )
        )
    if routing.tells_manager:
        # A flag from the learned second opinion alone is a question: read the email first.
        asked = only_learned(routing.hits)
        notices.append(
            Notice(
                NoticeKind.ABUSIVE_MAIL,
                customer.manager_id,
                (
                    f"Email from {customer.person.name} may be abusive: please read and judge"
                    if asked
                    else f"Abusive email from {customer.person.name}"
                ),
                tuple(about),
                RECORD_TYPE,
                claim_id,
                urgent=True,
                actions=(
                    NoticeAction.ACKNOWLEDGE,
                    NoticeAction.OPEN_RECORD if asked else NoticeAction.PROPOSE_RESTRICTION,
                ),
            )
        )
    return notices


def alert(recipient: str, title: str, *lines: str, record_id: str = "") -> Notice:
    """An operator alert: quarantine, or a mailbox that cannot be reached."""
    return Notice(NoticeKind.ALERT, recipient, title, lines, RECORD_TYPE, record_id, urgent=True)


def to_json(notice: Notice) -> dict[str, Any]:
    return {
        "kind": notice.kind.value,
        "recipient": notice.recipient,
        "title": notice.title,
        "lines": list(notice.lines),
        "record_type": notice.record_type,
        "record_id": notice.record_id,
        "urgent": notice.urgent,
        "actions": [action.value for action in notice.actions],
    }


def from_json(data: Mapping[str, Any]) -> Notice:
    return Notice(
        NoticeKind(data["kind"]),
        data["recipient"],
        data["title"],
        tuple(data["lines"]),
        data["record_type"],
        data["record_id"],
        urgent=bool(data["urgent"]),
        actions=tuple(NoticeAction(a) for a in data["actions"]),
    )


class LoggingNotifier:
    """A `Notifier` that only logs: for the command-line watcher, benchmarks and crash tests."""

    def __init__(self) -> None:
        self.sent: list[Notice] = []

    async def notify(self, notice: Notice) -> Delivery:
        self.sent.append(notice)
        log.info("notice %s to %s: %s", notice.kind.value, notice.recipient, notice.title)
        return Delivery(True, "log")
