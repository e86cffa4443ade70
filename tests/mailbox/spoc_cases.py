"""A small register for the watcher tests: customers under a SPOC arrangement, and staff."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from register.restrictions import Officer, Restriction, RestrictionType, Status
from register.staff import Role, StaffMember
from register.subjects import Person

SPOC_MAILBOX = "spoc@council.example"
GENERAL_MAILBOX = "housing@council.example"
OFFICER = StaffMember(
    "aad-officer", "Tom Hale", "SPOC Officer", Role.FRONTLINE, manager_aad_id="aad-manager"
)
MANAGER = StaffMember("aad-manager", "Ann Lee", "Housing Manager", Role.MANAGER)
DECIDER = Officer("Ann Lee", "Housing Manager")


@dataclass(frozen=True)
class SpocCase:
    person: Person
    restriction: Restriction

    def records(self) -> list[object]:
        return [self.person, self.restriction]


def spoc_case(name: str, *emails: str, mailbox: str = SPOC_MAILBOX) -> SpocCase:
    person = Person(name, emails=emails)
    restriction = Restriction(
        RestrictionType.SPOC,
        person.id,
        "stage 2",
        "Many repeated emails to several officers.",
        DECIDER,
        date(2025, 3, 3),
        params={"officer": OFFICER.name, "mailbox": mailbox},
        status=Status.ACTIVE,
    )
    return SpocCase(person, restriction)
