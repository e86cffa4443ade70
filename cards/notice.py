"""The card for a notice: what Forewarn tells a member of staff without being asked.

Notices arrive on phones as much as desktops, so the card keeps to 1.2-era
elements and Action.Submit. An urgent notice leads with a coloured box, so
it stands out in a busy chat. Each button sends the record's type and id
with the action, as the manager cards do, so a press is never ambiguous
about which record it is for, even long after the card was sent. A
restriction waiting for approval gets the approval card instead, so the
approver can decide from the notice itself, and the filed-mail digest
gets the digest card, which puts a button on each email it lists.
"""

from __future__ import annotations

from cards.approval import approval_card
from cards.digest import digest_card
from cards.elements import Json, banner, card, submit, text, title
from register.notices import Notice, NoticeAction, NoticeKind

BUTTONS = {
    NoticeAction.ACKNOWLEDGE: "Acknowledge",
    NoticeAction.OPEN_RECORD: "Open record",
    NoticeAction.PROPOSE_RESTRICTION: "Propose a restriction",
    NoticeAction.MARK_NEW_ISSUE: "Mark as a new issue",
}


def notice_card(notice: Notice) -> Json:
    """Title (in a red box when urgent), one line of text per notice line, one button per action."""
    if notice.kind is NoticeKind.APPROVAL_NEEDED:
        return approval_card(notice)
    if notice.kind is NoticeKind.FILED_DIGEST:
        return digest_card(notice)
    if notice.urgent:
        head = banner([notice.title, "This needs your attention today."])
    else:
        head = title(notice.title)
    body = [head, *(text(line) for line in notice.lines)]
    return card(body, [_button(notice, action) for action in notice.actions])


def _button(notice: Notice, action: NoticeAction) -> Json:
    data = {"action": action.value, "record": notice.record_type, "id": notice.record_id}
    style = "positive" if action is NoticeAction.ACKNOWLEDGE else None
    return submit(BUTTONS[action], data, style=style)
