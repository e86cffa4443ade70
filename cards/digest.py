"""The filed-mail digest card: each filed email with its own "This has a new issue" button.

The watcher files repeat correspondence without a reply, and the SPOC
officer reads what it filed once a working day. If one of those emails
raises something new, the officer says so about that email, not about the
digest, so every item has its own Action.Submit carrying the email's claim
id. One optional note box above the list goes with whichever button is
pressed (Teams sends every input on the card with a press).

It arrives as a notice, often on a phone, so it keeps to 1.2: TextBlocks,
Containers, ActionSets and one Input.Text without a label. A long digest
would be a long scroll on a phone, so only the first `SHOWN` emails are
listed and the card says how many more there are.
"""

from __future__ import annotations

from cards.actions import CardAction
from cards.elements import Json, card, submit, text, title
from cards.validation import Field, FormSchema
from register.notices import Notice, NoticeItem

SHOWN = 15
NOTE_LIMIT = 500
NEW_ISSUE_BUTTON = "This has a new issue"


def digest_schema() -> FormSchema:
    """What a "This has a new issue" press sends: the claim id, and the note if one was typed."""
    return FormSchema(
        CardAction.MARK_NEW_ISSUE,
        (
            Field("id", "Email", required=True, max_length=64),
            Field("note", "What is new", max_length=NOTE_LIMIT),
        ),
    )


def digest_card(notice: Notice) -> Json:
    """The digest's title, any lines that are not items (a fallback's reason), then the items."""
    listed = {item.text for item in notice.items}
    preamble = [text(line) for line in notice.lines if line not in listed]
    if not notice.items:
        return card([title(notice.title), *preamble])
    body = [
        title(notice.title),
        *preamble,
        text(
            "Filed without a reply. If one raises something new, press its button: "
            "it is escalated again and your verdict is kept to improve the filing.",
            subtle=True,
        ),
        *_note_box(),
        *(_item(item) for item in notice.items[:SHOWN]),
    ]
    hidden = len(notice.items) - SHOWN
    if hidden > 0:
        body.append(text(f"And {hidden} more filed: see the register.", separator=True))
    return card(body)


def _note_box() -> list[Json]:
    """A TextBlock, not an input label: labels are 1.3."""
    return [
        text("What is new? (optional, sent with the button you press)", weight="bolder"),
        {
            "type": "Input.Text",
            "id": "note",
            "maxLength": NOTE_LIMIT,
            "placeholder": "For example: asks about a missed collection on 3 March.",
        },
    ]


def _item(item: NoticeItem) -> Json:
    data = {"action": CardAction.MARK_NEW_ISSUE, "id": item.id}
    button = {"type": "ActionSet", "actions": [submit(NEW_ISSUE_BUTTON, data)]}
    return {"type": "Container", "separator": True, "items": [text(item.text), button]}
