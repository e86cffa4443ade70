"""A small register for the review and appeal tests: one customer, the staff who decide.

Daniel Frost decided each restriction and Helen Ashdown approved it, so
neither may hear an appeal against it; Asha Green was not involved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from register.audit import AuditEntry
from register.decision_records import LetterRecord
from register.decisions import officer
from register.lifecycle import review_due
from register.policy import load_preset
from register.restrictions import Restriction, RestrictionType, Status
from register.reviews import Appeal, Review
from register.staff import Role, StaffMember
from register.subjects import Person, Property
from store.repository import SqlRegisterStore

# A Wednesday; Good Friday (3 April) and Easter Monday (6 April) follow.
ON = date(2026, 4, 1)


def _staff(key: str, name: str, title: str, role: Role, service: str | None) -> StaffMember:
    return StaffMember(f"00000000-0000-4000-8000-0000000001{key}", name, title, role, service)


DIRECTOR = _staff("01", "Helen Ashdown", "Director of Governance", Role.MANAGER, None)
HEAD = _staff("02", "Daniel Frost", "Head of Housing Services", Role.MANAGER, "Housing")
HEARER = _staff("03", "Asha Green", "Head of Legal Services", Role.MANAGER, None)
OFFICER = _staff("04", "Priya Nandra", "Housing Officer", Role.FRONTLINE, "Housing")
PLANNER = _staff("05", "Mo Reid", "Planning Services Manager", Role.MANAGER, "Planning")
ADMIN = _staff("06", "Sam Okafor", "Register Administrator", Role.ADMIN, None)
STAFF = (DIRECTOR, HEAD, HEARER, OFFICER, PLANNER, ADMIN)


@dataclass
class World:
    store: SqlRegisterStore
    person: Person

    def restriction(
        self,
        preset_name: str,
        stage: str,
        kind: RestrictionType = RestrictionType.SPOC,
        *,
        start: date = ON,
        status: Status = Status.ACTIVE,
        params: dict[str, str] | None = None,
    ) -> Restriction:
        """A restriction in the register, decided by Daniel Frost, approved by Helen Ashdown."""
        restriction = Restriction(
            kind,
            self.person.id,
            stage,
            "Abusive calls to the repairs team on five days.",
            officer(HEAD),
            start,
            service="Housing",
            params={"officer": "Tom Hale"} if params is None else params,
            approved_by=officer(DIRECTOR),
            next_review=review_due(start, load_preset(preset_name), stage),
            status=status,
        )
        self.store.bulk_add([restriction])
        return restriction

    def saved(self, restriction_id: str) -> Restriction:
        with self.store.transaction() as session:
            found = session.restriction(restriction_id)
        assert found is not None
        return found

    def reviews(self, restriction_id: str) -> Sequence[Review]:
        with self.store.transaction() as session:
            return session.reviews_for(restriction_id)

    def appeals(self, restriction_id: str) -> Sequence[Appeal]:
        with self.store.transaction() as session:
            return session.appeals_for(restriction_id)

    def letters(self, restriction_id: str) -> Sequence[LetterRecord]:
        with self.store.transaction() as session:
            return session.letters_for(restriction_id)

    def audit(self, restriction_id: str) -> Sequence[AuditEntry]:
        with self.store.transaction() as session:
            return session.audit_for("restriction", restriction_id)


def build_world(store: SqlRegisterStore) -> World:
    """Save the customer and the staff; each test file wraps this in its `world` fixture."""
    home = Property("9 Birch Row, Little Burford", "ZZ1 2AB")
    person = Person("Mr Owen Tate", property_id=home.id)
    store.bulk_add([home, person, *STAFF])
    return World(store, person)
