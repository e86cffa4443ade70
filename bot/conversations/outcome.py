"""What one turn produces: the replies, and what becomes of the person's conversation.

A turn either keeps a flow going (with its new state), finishes it (the
state is deleted), or leaves whatever was stored alone (help, or a check
made in the middle of logging an incident).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.commands import Reply


@dataclass(frozen=True, slots=True)
class Outcome:
    replies: tuple[Reply, ...]
    flow: str | None = None
    state: dict[str, Any] = field(default_factory=dict)
    untouched: bool = False


def going(flow: str, state: dict[str, Any], *replies: Reply) -> Outcome:
    """The flow carries on; `state` is what the next message is read against."""
    return Outcome(replies, flow, state)


def finished(*replies: Reply) -> Outcome:
    """Nothing is in progress after this turn."""
    return Outcome(replies)


def untouched(*replies: Reply) -> Outcome:
    """Answer without changing whatever conversation the person has in progress."""
    return Outcome(replies, untouched=True)


def say(text: str) -> Reply:
    return Reply(text)
