"""Notices: what Forewarn tells a member of staff without being asked.

Managers are told at once of incidents and terminated calls in their
service; SPOC officers get escalated mail; owners get review reminders. The
core says who should be told what; the bot's notifier delivers it as a
Teams card, and falls back (the service mailbox, or the next manager) when
the person has blocked or removed the app. Every delivery is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from register.vocabulary import Labelled


class NoticeKind(Labelled):
    INCIDENT = "incident"
    TERMINATED_CALL = "terminated_call"
    MAIL_ESCALATION = "mail_escalation"
    ABUSIVE_MAIL = "abusive_mail"
    FILED_DIGEST = "filed_digest"
    REVIEW_DUE = "review_due"
    REVIEW_OVERDUE = "review_overdue"
    APPEAL_DEADLINE = "appeal_deadline"
    OUTCOME_NOTICE_DUE = "outcome_notice_due"
    END_DATE_REACHED = "end_date_reached"
    APPROVAL_NEEDED = "approval_needed"
    PROPOSAL_DECIDED = "proposal_decided"
    ALERT = "alert"


class NoticeAction(Labelled):
    """What the recipient can do from the card (each an Action.Submit)."""

    ACKNOWLEDGE = "acknowledge"
    OPEN_RECORD = "open_record"
    PROPOSE_RESTRICTION = "propose_restriction"
    MARK_NEW_ISSUE = "mark_new_issue"


@dataclass(frozen=True, slots=True)
class NoticeItem:
    """One entry of a notice that lists several things (a digest), each with its own buttons.

    `id` is what a button on the entry sends back (for the filed-mail
    digest, the watcher's claim id), so a press names one entry, not the
    whole notice.
    """

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Notice:
    """One message for one member of staff, in words they can act on.

    `lines` always say everything in words (the email fallback prints only
    them); `items`, when there are any, are the same entries again with
    their ids, for a card that puts a button on each.
    """

    kind: NoticeKind
    recipient: str  # Entra ID object id
    title: str
    lines: tuple[str, ...]
    record_type: str
    record_id: str
    urgent: bool = False
    actions: tuple[NoticeAction, ...] = field(default=())
    items: tuple[NoticeItem, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Delivery:
    """How a notice reached someone: in Teams, or by a fallback route, or not at all."""

    delivered: bool
    route: str  # "teams", "fallback-mailbox", "next-manager", "none"
    detail: str = ""


class Notifier(Protocol):
    async def notify(self, notice: Notice) -> Delivery: ...
