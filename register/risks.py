"""Premise risks: what makes attending a property or meeting a person unsafe."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from register.errors import InvalidInput
from register.ids import new_id
from register.vocabulary import HazardType, Precaution, Severity


@dataclass(frozen=True, slots=True)
class PremiseRisk:
    """A hazard on a property or attached to a person, and the precautions it calls for.

    `details` is for managers; frontline staff see the hazard, precautions and
    who to ask (`details_contact`), which is what they need to stay safe.
    """

    hazard: HazardType
    severity: Severity
    precautions: tuple[Precaution, ...]
    details_contact: str
    recorded_on: date
    property_id: str | None = None
    person_id: str | None = None
    details: str = ""
    next_review: date | None = None
    ended_on: date | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if (self.person_id is None) == (self.property_id is None):
            raise InvalidInput("a premise risk belongs to exactly one property or one person")
        if not self.details_contact.strip():
            raise InvalidInput("a premise risk needs someone staff can ask for details")

    @property
    def current(self) -> bool:
        return self.ended_on is None
