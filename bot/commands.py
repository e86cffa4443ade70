"""What a member of staff did in Teams, and what Forewarn says back, in plain Python.

The connector turns Bot Framework activities into these commands and turns
these replies into activities, so behaviour (incident logging, the pre-visit
check) is written and tested against this module alone and never imports
botbuilder. botbuilder-python is archived; when the bot moves to the
Microsoft 365 Agents SDK only the connector changes, not the conversations.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from register.staff import StaffMember


@dataclass(frozen=True, slots=True)
class Said:
    """The person typed a message (mentions of the bot already removed)."""

    text: str


@dataclass(frozen=True, slots=True)
class Submitted:
    """The person pressed an Action.Submit button; `values` holds the card's inputs and data."""

    values: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Joined:
    """The person installed the bot or opened a chat with it: time for a welcome."""


Command = Said | Submitted | Joined


@dataclass(frozen=True, slots=True)
class Reply:
    """One message back to the person: plain text, an Adaptive Card, or a card with text.

    `card` is the JSON a function in cards/ built. With a card, `text` is
    shown above it (and in phone notifications); it may be empty.
    """

    text: str = ""
    card: Mapping[str, Any] | None = field(default=None)

    def __post_init__(self) -> None:
        if not self.text and self.card is None:
            raise ValueError("a reply needs text, a card, or both")


# The behaviour the composition root injects: given what a known member of
# staff did, what to say back. A behaviour may keep its own state (keyed by
# `user.id`: in a Teams personal chat one person is one conversation).
Conversation = Callable[[Command, StaffMember], Awaitable[Sequence[Reply]]]
