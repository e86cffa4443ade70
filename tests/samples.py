"""A small fictional register that any test can load.

Every name, street and address is invented; the postcodes use the "ZZ"
area, which has the shape of a UK postcode but belongs to no real place.
Dates are fixed so tests can assert on them.

    def test_something(sample_register):      # already saved in `store`
        gary = sample_register.gary

    sample = build_sample_register()            # the records alone, e.g. for a fake store
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime

from register.ports import Record
from register.records import Contact, Incident, TerminatedCall
from register.restrictions import Officer, Restriction, RestrictionType, Status
from register.reviews import Appeal, Review, ReviewOutcome
from register.risks import PremiseRisk
from register.staff import Role, StaffMember
from register.subjects import Person, Property
from register.vocabulary import Behaviour, Channel, HazardType, Precaution, Severity

HOUSING_MANAGER = Officer("Tom Hale", "Housing Services Manager")
HEAD_OF_SERVICE = Officer("Wendy Marsh", "Head of Customer Services")


@dataclass(frozen=True)
class SampleRegister:
    """Fields are declared in an order that satisfies foreign keys; see `records`."""

    mill_lane: Property  # Gary's home; a dangerous dog
    station_road: Property  # occupant unknown; visits in pairs, violent neighbour
    orchard_close: Property  # Dana's home
    gary: Person  # two restrictions, a personal risk, a full history
    dana: Person  # one proposed restriction in another service
    lee: Person  # no address; shares Dana's email address
    frontline: StaffMember
    manager: StaffMember
    admin: StaffMember
    spoc: Restriction  # Gary, active, Housing
    call_limits: Restriction  # Gary, under appeal, council-wide
    single_channel: Restriction  # Dana, proposed, Planning
    pairs: Restriction  # Station Road property, active
    dog: PremiseRisk
    neighbour: PremiseRisk
    gary_risk: PremiseRisk  # ended 2025-06-30
    incident: Incident
    terminated_call: TerminatedCall
    contact: Contact
    review: Review
    appeal: Appeal

    def records(self) -> list[Record]:
        """Every record, parents before children."""
        return [getattr(self, f.name) for f in fields(self)]


def _at(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def build_sample_register() -> SampleRegister:
    mill_lane = Property("14 Mill Lane, Little Burford", "zz1 4ab", uprn="990001")
    station_road = Property("Flat 3, 22 Station Road, Little Burford", "ZZ1 6CD")
    orchard_close = Property("7 Orchard Close, Eastbridge", "ZZ2 3EF")
    gary = Person(
        "Gary Rowe",
        aliases=("Gaz Rowe", "G. Rowe"),
        emails=("Gary.Rowe@example.com", "growe77@example.net"),
        phones=("07700 900123",),
        property_id=mill_lane.id,
    )
    dana = Person("Ms Dana Pike", emails=("dana.pike@example.org",), property_id=orchard_close.id)
    lee = Person("Lee Marsh", emails=("DANA.PIKE@example.org",))
    manager = StaffMember(
        "5f0c1e2a-0000-4000-8000-00000000aa01",
        "Tom Hale",
        "Housing Services Manager",
        Role.MANAGER,
        service="Housing",
        email="tom.hale@council.example",
    )
    frontline = StaffMember(
        "5f0c1e2a-0000-4000-8000-00000000aa02",
        "Priya Nandra",
        "Housing Officer",
        Role.FRONTLINE,
        service="Housing",
        email="Priya.Nandra@council.example",
        manager_aad_id=manager.aad_object_id,
    )
    admin = StaffMember(
        "5f0c1e2a-0000-4000-8000-00000000aa03",
        "Sam Okafor",
        "Register Administrator",
        Role.ADMIN,
        email="sam.okafor@council.example",
    )
    spoc = Restriction(
        RestrictionType.SPOC,
        gary.id,
        "stage 2",
        "Repeated abusive calls to the repairs team.",
        HOUSING_MANAGER,
        date(2025, 3, 3),
        service="Housing",
        params={"officer": "Tom Hale", "phone": "01234 567890"},
        approved_by=HEAD_OF_SERVICE,
        customer_told_on=date(2025, 3, 4),
        next_review=date(2025, 9, 3),
        status=Status.ACTIVE,
        updated_at=_at(2025, 3, 3, 14, 30),
    )
    call_limits = Restriction(
        RestrictionType.CALL_LIMITS,
        gary.id,
        "stage 2",
        "Calls of over an hour, several a day.",
        HOUSING_MANAGER,
        date(2025, 4, 1),
        params={"days": "Tuesday, Thursday", "max_minutes": "20"},
        next_review=date(2025, 10, 1),
        status=Status.UNDER_APPEAL,
    )
    single_channel = Restriction(
        RestrictionType.SINGLE_CHANNEL,
        dana.id,
        "stage 1",
        "Same complaint sent to ten officers.",
        HOUSING_MANAGER,
        date(2025, 5, 12),
        service="Planning",
        params={"channel": "email", "address": "planning@council.example"},
    )
    pairs = Restriction(
        RestrictionType.HOME_VISITS_IN_PAIRS,
        None,
        "stage 1",
        "Threats made to a visiting officer.",
        HOUSING_MANAGER,
        date(2025, 2, 10),
        property_id=station_road.id,
        status=Status.ACTIVE,
    )
    return SampleRegister(
        mill_lane=mill_lane,
        station_road=station_road,
        orchard_close=orchard_close,
        gary=gary,
        dana=dana,
        lee=lee,
        frontline=frontline,
        manager=manager,
        admin=admin,
        spoc=spoc,
        call_limits=call_limits,
        single_channel=single_channel,
        pairs=pairs,
        dog=PremiseRisk(
            HazardType.DANGEROUS_ANIMAL,
            Severity.HIGH,
            (Precaution.ANIMAL_SECURED_BEFORE_ENTRY, Precaution.VISIT_IN_PAIRS),
            "Tom Hale, Housing, 01234 567890",
            date(2025, 1, 20),
            property_id=mill_lane.id,
            details="Large dog, loose in the front garden; bit a meter reader.",
            next_review=date(2026, 1, 20),
        ),
        neighbour=PremiseRisk(
            HazardType.VIOLENT_NEIGHBOUR,
            Severity.MEDIUM,
            (Precaution.CALL_AHEAD,),
            "Tom Hale, Housing",
            date(2024, 11, 5),
            property_id=station_road.id,
        ),
        gary_risk=PremiseRisk(
            HazardType.VIOLENCE_TO_STAFF,
            Severity.HIGH,
            (Precaution.NO_LONE_VISITS_AFTER_DARK,),
            "Tom Hale, Housing",
            date(2025, 3, 1),
            person_id=gary.id,
            ended_on=date(2025, 6, 30),
        ),
        incident=Incident(
            _at(2025, 2, 27, 10, 15),
            Channel.PHONE,
            frontline.aad_object_id,
            (Behaviour.VERBAL_ABUSE, Behaviour.THREATS),
            "Shouted and threatened to come to the office.",
            person_id=gary.id,
            service="Housing",
            police_involved=False,
            injuries=False,
            manager_told_at=_at(2025, 2, 27, 11),
        ),
        terminated_call=TerminatedCall(
            _at(2025, 6, 2, 15, 40),
            frontline.aad_object_id,
            True,
            "Abusive language after a warning.",
            "Gary Rowe",
            person_id=gary.id,
            behaviours=(Behaviour.OFFENSIVE_LANGUAGE,),
        ),
        contact=Contact(
            gary.id,
            _at(2025, 7, 14, 9, 5),
            Channel.EMAIL,
            "Asked again about the fence.",
            "mailbox",
            reference="<fence-0714@example.com>",
        ),
        review=Review(
            spoc.id,
            date(2025, 9, 3),
            held_on=date(2025, 9, 8),
            reviewer=HEAD_OF_SERVICE,
            outcome=ReviewOutcome.CONTINUE,
            considerations="Fewer calls since March.",
        ),
        appeal=Appeal(
            call_limits.id,
            date(2025, 4, 10),
            deadline=date(2025, 4, 29),
            grounds="Needs to call about an urgent repair.",
        ),
    )
