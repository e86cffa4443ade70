"""What staff log: incidents, terminated calls, and the contact log.

These are evidence. The policies ask for what happened, when, through which
channel, to whom, and what was done about it; the contact log shows volume.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from register.errors import InvalidInput
from register.ids import new_id
from register.vocabulary import Behaviour, Channel


@dataclass(frozen=True, slots=True)
class Incident:
    """Unacceptable behaviour a member of staff met, logged in their own words."""

    occurred_at: datetime
    channel: Channel
    staff_id: str
    behaviours: tuple[Behaviour, ...]
    description: str
    person_id: str | None = None
    property_id: str | None = None
    service: str | None = None
    location: str = ""
    police_involved: bool | None = None
    injuries: bool | None = None
    witnesses: str = ""
    manager_told_at: datetime | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if not self.behaviours:
            raise InvalidInput("an incident needs at least one behaviour")
        if not self.description.strip():
            raise InvalidInput("an incident needs a description of what happened")
        if self.occurred_at.tzinfo is None:
            raise InvalidInput("incident time must carry a timezone")


@dataclass(frozen=True, slots=True)
class TerminatedCall:
    """A call a member of staff ended; the policies require a warning first and a note."""

    occurred_at: datetime
    staff_id: str
    warned_first: bool
    reason: str
    caller: str
    person_id: str | None = None
    behaviours: tuple[Behaviour, ...] = ()
    service: str | None = None
    manager_told_at: datetime | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise InvalidInput("say why the call was ended")
        if self.occurred_at.tzinfo is None:
            raise InvalidInput("call time must carry a timezone")


@dataclass(frozen=True, slots=True)
class Contact:
    """One logged contact from a customer, kept as evidence of volume."""

    person_id: str
    at: datetime
    channel: Channel
    summary: str
    source: str  # "bot", "mailbox", "import", ...
    reference: str = ""  # e.g. an email's Message-ID
    id: str = field(default_factory=new_id)
