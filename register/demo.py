"""Demo data: a small fictional register, so a newcomer can try a check in the first minute.

Every name, address and email here is invented. Postcodes have the right
shape but the streets are made up; `example.net` and `council.example.gov.uk`
are reserved for examples.
"""

from __future__ import annotations

from datetime import date, timedelta

from register.audit import AuditAction, AuditEntry
from register.ports import Record, RegisterStore
from register.restrictions import Officer, Restriction, RestrictionType, Status
from register.risks import PremiseRisk
from register.staff import Role, StaffMember
from register.subjects import Person, Property
from register.vocabulary import HazardType, Precaution, Severity

# Fixed Entra ID object ids for the demo staff, so the Playground and the
# command line can act as them.
DEMO_FRONTLINE = "00000000-0000-4000-8000-000000000001"
DEMO_MANAGER = "00000000-0000-4000-8000-000000000002"
DEMO_ADMIN = "00000000-0000-4000-8000-000000000003"

HEAD_OF_HOUSING = Officer("Priya Demo", "Head of Housing Services")
DIRECTOR = Officer("Alex Sample", "Director of Governance")


def demo_staff() -> list[StaffMember]:
    return [
        StaffMember(
            DEMO_FRONTLINE,
            "Sam Fieldworker",
            "Housing Officer",
            Role.FRONTLINE,
            "Housing",
            "sam.fieldworker@council.example.gov.uk",
            DEMO_MANAGER,
        ),
        StaffMember(
            DEMO_MANAGER,
            "Priya Demo",
            "Head of Housing Services",
            Role.MANAGER,
            "Housing",
            "priya.demo@council.example.gov.uk",
        ),
        StaffMember(
            DEMO_ADMIN,
            "Robin Register",
            "Register Administrator",
            Role.ADMIN,
            None,
            "robin.register@council.example.gov.uk",
        ),
    ]


def demo_records(today: date) -> list[Record]:
    """People, properties, restrictions and risks, dated relative to `today`."""
    mill = Property("12 Mill Lane, Oxbridge", "OX1 1AY", uprn="100120000012")
    heron = Property("Flat 3, Heron Court, Orchard Road, Oxbridge", "OX2 7QT")
    quarry = Property("The Old Quarry Cottage, Quarry Road, Oxbridge", "OX3 9HD")
    mill_14 = Property("14 Mill Lane, Oxbridge", "OX1 1AY")
    gary = Person(
        "Gary Rowe",
        aliases=("G. Rowe",),
        emails=("gary.rowe@example.net",),
        phones=("01632 960123",),
        property_id=mill.id,
    )
    dale = Person("Martin Dale", emails=("m.dale@example.net",), property_id=heron.id)
    started = today - timedelta(days=60)
    restrictions = [
        Restriction(
            RestrictionType.SPOC,
            gary.id,
            "stage-2",
            "Repeated abusive calls to the repairs team over three months.",
            HEAD_OF_HOUSING,
            started,
            service="Housing",
            approved_by=DIRECTOR,
            params={"officer": "Jo Contact", "mailbox": "spoc@council.example.gov.uk"},
            next_review=started + timedelta(days=182),
            customer_told_on=started,
            status=Status.ACTIVE,
        ),
        Restriction(
            RestrictionType.NO_CALLS,
            gary.id,
            "stage-2",
            "Calls became abusive; written contact lets officers respond properly.",
            HEAD_OF_HOUSING,
            started,
            service="Housing",
            approved_by=DIRECTOR,
            params={"instead": "Email the SPOC mailbox"},
            next_review=started + timedelta(days=182),
            customer_told_on=started,
            status=Status.ACTIVE,
        ),
        Restriction(
            RestrictionType.WARNING,
            dale.id,
            "stage-1",
            "Shouted at and followed an officer during a home visit.",
            HEAD_OF_HOUSING,
            started,
            service="Housing",
            next_review=started + timedelta(days=182),
            customer_told_on=started,
            status=Status.ACTIVE,
        ),
    ]
    risks = [
        PremiseRisk(
            HazardType.DANGEROUS_ANIMAL,
            Severity.HIGH,
            (Precaution.ANIMAL_SECURED_BEFORE_ENTRY, Precaution.CALL_AHEAD),
            "Housing duty manager, 01632 960000",
            started,
            property_id=mill.id,
            details="Large dog loose in the garden; bit a meter reader in 2025.",
        ),
        PremiseRisk(
            HazardType.VIOLENCE_TO_STAFF,
            Severity.HIGH,
            (Precaution.VISIT_IN_PAIRS, Precaution.NO_LONE_VISITS_AFTER_DARK),
            "Housing duty manager, 01632 960000",
            started,
            person_id=dale.id,
        ),
        PremiseRisk(
            HazardType.UNSAFE_STRUCTURE,
            Severity.MEDIUM,
            (Precaution.DO_NOT_ENTER, Precaution.PROTECTIVE_EQUIPMENT),
            "Building control, 01632 960111",
            started,
            property_id=quarry.id,
            details="Rear wall leaning; occupant unknown.",
        ),
    ]
    return [mill, heron, quarry, mill_14, gary, dale, *restrictions, *risks]


def load_demo(store: RegisterStore, today: date) -> bool:
    """Load the demo register once; False when the register already holds people."""
    with store.transaction() as session:
        if session.counts().get("people", 0):
            return False
        for member in demo_staff():
            session.add(member)
        for record in demo_records(today):
            session.add(record)
        session.audit(
            AuditEntry(
                "system:demo",
                AuditAction.IMPORT,
                "register",
                "demo",
                "demo data loaded for a trial run",
            )
        )
    return True
