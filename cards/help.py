"""The help card: what the bot can do, with buttons to start each thing.

Staff reach for the bot in a hurry, so the card says what each thing is for
in one line, shows what to type, and offers a button for each, including
the two checks, whose buttons open a box to type the address or name into.
"""

from __future__ import annotations

from cards.actions import CardAction
from cards.elements import Json, card, heading, show_card, submit, text, title
from cards.validation import Field, FormSchema

QUERY_LIMIT = 200

CHECK_SCHEMA = FormSchema(
    CardAction.CHECK,
    (Field("address_or_name", "Address, postcode or name", required=True, max_length=QUERY_LIMIT),),
)
CONTACT_CHECK_SCHEMA = FormSchema(
    CardAction.CONTACT_CHECK,
    (Field("contact_name", "Name, email or phone number", required=True, max_length=QUERY_LIMIT),),
)

# What the bot does, in the words staff use: (what, when to use it, what to type).
_THINGS = (
    ("Check an address or person", "Before a visit or a meeting.", "check 12 Mill Lane OX1 1AY"),
    ("Check a contact", "How someone may be contacted, and by whom.", "contact Gary Rowe"),
    ("Log an incident", "Abuse, threats or other behaviour you met.", "incident"),
    ("Log a terminated call", "A call you ended, and why.", "ended call"),
)


def _query_box(label: str, name: str, placeholder: str, action: CardAction) -> Json:
    """A button that opens a one-line box to type into, then sends it (1.2-safe, no label)."""
    box = {"type": "Input.Text", "id": name, "placeholder": placeholder, "maxLength": QUERY_LIMIT}
    return show_card(
        label, [text(placeholder, weight="bolder"), box], [submit("Check", {"action": action})]
    )


def _things() -> list[Json]:
    blocks: list[Json] = []
    for what, why, typed in _THINGS:
        blocks.append(text(what, weight="bolder", spacing="medium"))
        blocks.append(text(f"{why} Type: {typed}", subtle=True, spacing="none"))
    return blocks


def help_card() -> Json:
    """Everything the bot can do, and the words that get you out of a muddle."""
    body = [
        title("What I can do"),
        *_things(),
        heading("If you get stuck"),
        text(
            "Type **help** to see this again, **cancel** to stop what you are doing, "
            "or **start again** to begin afresh. Nothing is logged until you confirm."
        ),
    ]
    actions = [
        _query_box(
            "Check an address or person",
            "address_or_name",
            "Address, postcode or name",
            CardAction.CHECK,
        ),
        _query_box(
            "Check a contact",
            "contact_name",
            "Name, email or phone number",
            CardAction.CONTACT_CHECK,
        ),
        submit("Log an incident", {"action": CardAction.LOG_INCIDENT}),
        submit("Log a terminated call", {"action": CardAction.LOG_TERMINATED_CALL}),
    ]
    return card(body, actions)
