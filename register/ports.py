"""The ports the core talks through. The store implements them; tests may too.

A use case opens one unit of work, reads and writes through it, and either
everything it wrote is committed together or nothing is: nothing is ever
half-saved. Audit entries are written in the same unit of work as the
change or look-up they describe.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import date
from typing import Protocol

from register.audit import AuditEntry
from register.records import Contact, Incident, TerminatedCall
from register.restrictions import Restriction
from register.reviews import Appeal, Review
from register.risks import PremiseRisk
from register.staff import StaffMember
from register.subjects import Person, Property

Record = (
    Person
    | Property
    | Restriction
    | PremiseRisk
    | Incident
    | TerminatedCall
    | Contact
    | Review
    | Appeal
    | StaffMember
)


class RegisterSession(Protocol):
    """One unit of work on the register."""

    def add(self, record: Record) -> None:
        """Insert a new record; the caller made its id."""

    def add_many(self, records: Iterable[Record]) -> int:
        """Insert many new records at once (imports, demo data); returns how many."""

    def update(self, record: Record) -> None:
        """Replace a stored record with the same id."""

    def audit(self, entry: AuditEntry) -> None:
        """Append to the audit trail (never updated; only audit retention deletes old entries)."""

    def person(self, person_id: str) -> Person | None: ...

    def property(self, property_id: str) -> Property | None: ...

    def restriction(self, restriction_id: str) -> Restriction | None: ...

    def staff_member(self, aad_object_id: str) -> StaffMember | None: ...

    def person_by_email(self, email: str) -> Person | None:
        """Exact, case-insensitive match on any of a person's addresses."""

    def people_by_email(self, email: str) -> Sequence[Person]:
        """Everyone using an address (households share them); routing needs them all."""

    def people_named(self, name: str) -> Sequence[Person]:
        """Exact match on a normalised name or alias (register.addresses.name_key)."""

    def people_at(self, property_id: str) -> Sequence[Person]: ...

    def restrictions_for_person(self, person_id: str) -> Sequence[Restriction]: ...

    def restrictions_for_property(self, property_id: str) -> Sequence[Restriction]: ...

    def risks_for_property(self, property_id: str) -> Sequence[PremiseRisk]: ...

    def risks_for_person(self, person_id: str) -> Sequence[PremiseRisk]: ...

    def incidents_for_person(self, person_id: str) -> Sequence[Incident]: ...

    def terminated_calls_for_person(self, person_id: str) -> Sequence[TerminatedCall]: ...

    def contacts_for_person(self, person_id: str) -> Sequence[Contact]: ...

    def reviews_for(self, restriction_id: str) -> Sequence[Review]: ...

    def appeals_for(self, restriction_id: str) -> Sequence[Appeal]: ...

    def audit_for(self, subject_type: str, subject_id: str) -> Sequence[AuditEntry]: ...

    def all_people(self) -> Iterator[Person]: ...

    def all_properties(self) -> Iterator[Property]: ...

    def all_restrictions(self) -> Iterator[Restriction]: ...

    def all_risks(self) -> Iterator[PremiseRisk]: ...

    def last_activity(self, person_id: str) -> date | None:
        """The latest date anything happened on a person's case (for retention)."""

    def counts(self) -> dict[str, int]:
        """How many of each record the register holds (for reports and checks)."""


class RegisterStore(Protocol):
    """Opens units of work. Leaving the block commits; an exception rolls back."""

    def transaction(self) -> AbstractContextManager[RegisterSession]: ...
