"""A short list of matches to choose from, when what was typed fits more than one record.

Each match is numbered in the body, where its full label wraps (addresses
are long, and Teams mobile cuts off long button titles), and has a button
with the same number. Each button carries everything the bot needs to repeat
the look-up for that one record (`register.lookup.choose`), so the bot keeps
no state between the list and the press. Version "1.2", for Teams mobile.
"""

from __future__ import annotations

from cards.actions import CardAction
from cards.elements import Json, card, submit, text, title
from cards.validation import Field, FormSchema, Kind
from register.briefs import Candidate, PickList, Purpose

# The official object model allows five top-level buttons on a card (more are
# dropped or hidden behind "..." on a phone): four matches and "None of these".
MOST_SHOWN = 4
BUTTON_CHARACTERS = 36

# What a pick button sends back, checked before `register.lookup.choose` sees it.
PICK_SCHEMA = FormSchema(
    CardAction.PICK,
    (
        Field("id", "Chosen record", required=True, max_length=64),
        Field("subject_type", "Record type", Kind.CHOICE, True, frozenset({"property", "person"})),
        Field("purpose", "Kind of check", Kind.CHOICE, True, frozenset(p.value for p in Purpose)),
        Field("query", "What you typed", max_length=200),
    ),
)


def _short(label: str) -> str:
    """A label cut to fit a phone's button, at a word boundary where possible."""
    if len(label) <= BUTTON_CHARACTERS:
        return label
    cut = label[: BUTTON_CHARACTERS - 1].rsplit(" ", 1)[0].rstrip(",")
    return f"{cut}…"


def _pick(number: int, candidate: Candidate, pick_list: PickList) -> Json:
    data = {
        "action": CardAction.PICK,
        "id": candidate.subject_id,
        "subject_type": candidate.subject_type,
        "purpose": pick_list.purpose.value,
        "query": pick_list.query,
    }
    return submit(f"{number}. {_short(candidate.label)}", data)


def _left_off(pick_list: PickList, shown: int) -> list[Json]:
    hidden = pick_list.more + len(pick_list.candidates) - shown
    if hidden <= 0:
        return []
    matches = "match" if hidden == 1 else "matches"
    return [
        text(
            f"{hidden} more {matches} not shown. "
            "Add the postcode or house number to narrow it down.",
            subtle=True,
        )
    ]


def pick_list_card(pick_list: PickList) -> Json:
    """'Which one did you mean?': the best few matches, each a button, and "None of these"."""
    shown = pick_list.candidates[:MOST_SHOWN]
    body = [
        text(f"You asked about “{pick_list.query}”", subtle=True),
        title(pick_list.prompt or "Which one did you mean?"),
        *(text(f"{n}. {c.label}", spacing="small") for n, c in enumerate(shown, 1)),
        *_left_off(pick_list, len(shown)),
    ]
    actions = [_pick(n, c, pick_list) for n, c in enumerate(shown, 1)]
    none = {"action": CardAction.PICK_NONE, "query": pick_list.query}
    actions.append(submit("None of these", none))
    return card(body, actions)
