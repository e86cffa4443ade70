"""The card an approver gets for a proposed restriction: the proposal, then Approve or Refuse.

It arrives as a notice (often on a phone), so it keeps to Adaptive Cards
1.2: TextBlocks, one multi-line Input.Text and two Action.Submit buttons.
The reasons box is introduced by a TextBlock rather than an input label
(labels are 1.3). Refusing needs reasons, so the proposer can act on them;
the bot says so if the box is empty, rather than the card, so a phone that
skips validation is answered the same way.
"""

from __future__ import annotations

from cards.actions import CardAction
from cards.elements import Json, banner, card, submit, text, title
from cards.validation import Field, FormSchema
from register.notices import Notice

REASONS_LIMIT = 2000


def approval_schema(action: CardAction) -> FormSchema:
    """What Approve or Refuse sends: the restriction's id and the reasons (checked by the bot)."""
    return FormSchema(
        action,
        (
            Field("id", "Restriction", required=True, max_length=64),
            Field("reasons", "Reasons", max_length=REASONS_LIMIT),
        ),
    )


def approval_card(notice: Notice) -> Json:
    """The proposal as the notice describes it, with a reasons box and Approve / Refuse."""
    if notice.urgent:
        head = banner([notice.title, "A step of the policy is being skipped. Please look today."])
    else:
        head = title(notice.title)
    body = [
        head,
        *(text(line) for line in notice.lines),
        text("Your reasons (needed to refuse; recorded when you approve)", weight="bolder"),
        {
            "type": "Input.Text",
            "id": "reasons",
            "isMultiline": True,
            "maxLength": REASONS_LIMIT,
            "placeholder": "For example: the calls have continued after two warnings.",
        },
    ]
    ids = {"id": notice.record_id}
    actions = [
        submit("Approve", {"action": CardAction.APPROVE_RESTRICTION, **ids}, style="positive"),
        submit("Refuse", {"action": CardAction.REFUSE_RESTRICTION, **ids}, style="destructive"),
    ]
    return card(body, actions)
