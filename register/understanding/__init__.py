"""Reading what staff type, in their own words, into what the register needs.

Pure functions over text and the current local time; no network, no
model, no store. Each part (times, behaviours, channels, who and where,
short answers, intents) is its own small module with its word lists in
plain view, so anyone can see why the bot understood what it did.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from register.understanding.behaviours import read_behaviours
from register.understanding.channels import read_channel
from register.understanding.subjects import read_address, read_person
from register.understanding.times import When, read_when
from register.vocabulary import Behaviour, Channel


@dataclass(frozen=True, slots=True)
class Account:
    """Everything one message said about an incident; any part may be missing."""

    when: When
    channel: Channel | None
    behaviours: tuple[Behaviour, ...]
    person: str
    address: str


def read_account(text: str, now: datetime) -> Account:
    """What a member of staff's own words say about when, how, who, where and what."""
    return Account(
        when=read_when(text, now),
        channel=read_channel(text),
        behaviours=read_behaviours(text),
        person=read_person(text),
        address=read_address(text),
    )


__all__ = ["Account", "When", "read_account"]
