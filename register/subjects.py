"""Subjects of the register: people, and properties that may have no known occupant.

The policies allow a property to be listed on its own (an address where
staff are at risk, occupant unknown) without notifying the owner, so a
property is a subject in its own right; a person may live at one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from register.errors import InvalidInput
from register.ids import new_id

# The UK postcode shape (outward code, then inward code of digit + two letters).
_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")


def normalise_postcode(text: str) -> str | None:
    """'ox11ay', 'OX1 1AY ' -> 'OX1 1AY'; None when the text is not a postcode."""
    match = _POSTCODE.match(re.sub(r"\s+", "", text.upper()))
    return f"{match.group(1)} {match.group(2)}" if match else None


@dataclass(frozen=True, slots=True)
class Property:
    """An address in the register; `address` excludes the postcode."""

    address: str
    postcode: str
    uprn: str | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if not self.address.strip():
            raise InvalidInput("a property needs an address")
        postcode = normalise_postcode(self.postcode)
        if postcode is None:
            raise InvalidInput(f"{self.postcode!r} is not a UK postcode")
        object.__setattr__(self, "postcode", postcode)
        if self.uprn is not None and not self.uprn.isdigit():
            raise InvalidInput(f"UPRN {self.uprn!r} should be digits only")

    @property
    def one_line(self) -> str:
        return f"{self.address}, {self.postcode}"


@dataclass(frozen=True, slots=True)
class Person:
    """A customer whose contact is managed, or who lives at a risky property."""

    name: str
    aliases: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    property_id: str | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidInput("a person needs a name")
        emails = tuple(email.strip().lower() for email in self.emails if email.strip())
        for email in emails:
            if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
                raise InvalidInput(f"{email!r} is not an email address")
        object.__setattr__(self, "emails", emails)
