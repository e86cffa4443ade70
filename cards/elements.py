"""Small builders for Adaptive Card elements, so every card is built as plain dicts.

Cards are read on Teams mobile, often outside a door, so these builders bake
in what keeps a card readable on a phone: every TextBlock wraps (an
unwrapped line is cut off with an ellipsis on a narrow screen), lists are
one TextBlock per item rather than Markdown lists (which some Teams clients
render unevenly), and only 1.2-era elements and properties are used unless a
builder says otherwise. Building dicts, never filling string templates,
means a customer's name can never break the JSON.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import Any

Json = dict[str, Any]

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"

# Teams mobile renders 1.2 reliably; 1.3 adds input labels and validation,
# which the forms need. Teams accepts nothing above 1.5.
MOBILE_SAFE = "1.2"
WITH_INPUT_LABELS = "1.3"


def card(body: Sequence[Json], actions: Sequence[Json] = (), *, version: str = MOBILE_SAFE) -> Json:
    """A whole card. `version` is always present: Teams mobile will not render without it."""
    result: Json = {
        "type": "AdaptiveCard",
        "$schema": SCHEMA,
        "version": version,
        "body": list(body),
    }
    if actions:
        result["actions"] = list(actions)
    return result


def text(
    value: str,
    *,
    weight: str | None = None,
    size: str | None = None,
    color: str | None = None,
    subtle: bool = False,
    separator: bool = False,
    spacing: str | None = None,
) -> Json:
    """A TextBlock that wraps; options left unset stay out of the JSON."""
    block: Json = {"type": "TextBlock", "text": value, "wrap": True}
    optional = {"weight": weight, "size": size, "color": color, "spacing": spacing}
    block.update({key: val for key, val in optional.items() if val is not None})
    if subtle:
        block["isSubtle"] = True
    if separator:
        block["separator"] = True
    return block


def title(value: str) -> Json:
    """The card's first line: large enough to read at arm's length."""
    return text(value, size="large", weight="bolder")


def heading(value: str) -> Json:
    """A section heading. TextBlock's own "heading" style is 1.5, so size and weight do it."""
    return text(value, size="medium", weight="bolder", separator=True, spacing="medium")


def bullets(items: Iterable[str], *, color: str | None = None) -> list[Json]:
    """One TextBlock per item, each starting with a bullet, tightly spaced."""
    return [text(f"• {item}", color=color, spacing="small") for item in items]


def banner(lines: Sequence[str], *, style: str = "attention") -> Json:
    """A coloured box (Container style, 1.2) for the one thing staff must not miss."""
    first, *rest = lines
    items = [text(first, weight="bolder", size="medium"), *(text(line) for line in rest)]
    return {"type": "Container", "style": style, "bleed": True, "items": items}


def section(heading_text: str, items: Sequence[Json]) -> list[Json]:
    """A heading followed by its items, as body elements."""
    return [heading(heading_text), *items]


def facts(pairs: Iterable[tuple[str, str]]) -> Json:
    """A FactSet of label/value pairs; pairs with an empty value are left out."""
    return {
        "type": "FactSet",
        "facts": [{"title": label, "value": value} for label, value in pairs if value],
    }


def submit(
    label: str,
    data: Mapping[str, Any],
    *,
    style: str | None = None,
    send_inputs: bool = True,
) -> Json:
    """An Action.Submit (never Action.Execute, which crashes botbuilder 4.17.1's CloudAdapter).

    `send_inputs=False` sets associatedInputs to "none" (1.3), so Cancel works
    on a form whose required inputs are still empty.
    """
    plain = {key: value.value if isinstance(value, Enum) else value for key, value in data.items()}
    action: Json = {"type": "Action.Submit", "title": label, "data": plain}
    if style is not None:
        action["style"] = style
    if not send_inputs:
        action["associatedInputs"] = "none"
    return action


def show_card(label: str, body: Sequence[Json], actions: Sequence[Json]) -> Json:
    """An Action.ShowCard: a small card that opens under the button (1.2-safe)."""
    inner: Json = {"type": "AdaptiveCard", "body": list(body), "actions": list(actions)}
    return {"type": "Action.ShowCard", "title": label, "card": inner}


def yes_no(value: bool | None) -> str:
    """How a yes/no answer reads on a card; None means nobody said."""
    return {True: "Yes", False: "No", None: "Not recorded"}[value]
