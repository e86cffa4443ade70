"""Pre-visit and contact look-ups, as staff type them, on SQLite and PostgreSQL.

The sample register (tests/samples.py) has Gary Rowe at 14 Mill Lane,
Little Burford ZZ1 4AB (a dangerous dog; a single point of contact and
call limits), an unknown occupant at Flat 3, 22 Station Road ZZ1 6CD
(visits in pairs, a violent neighbour), Dana Pike at 7 Orchard Close
(a restriction only proposed) and Lee Marsh with no address.
"""

from __future__ import annotations

from dataclasses import asdict

import pytest

from register.arrangements import Answer
from register.briefs import ContactBrief, NoMatch, PickList, Purpose, VisitBrief
from register.lookup import ask, check_contact, choose, look_up
from register.subjects import Property
from register.vocabulary import Channel, HazardType, Precaution
from store.lookup_queries import SqlLookupStore
from store.repository import SqlRegisterStore
from tests.samples import SampleRegister


@pytest.fixture
def lookups(store: SqlRegisterStore, sample_register: SampleRegister) -> SqlLookupStore:
    return SqlLookupStore(store)


@pytest.fixture
def frontline(sample_register: SampleRegister) -> str:
    return sample_register.frontline.aad_object_id


def _audit_count(store: SqlRegisterStore) -> int:
    with store.transaction() as session:
        return session.counts()["audit_entries"]


@pytest.mark.parametrize(
    "typed",
    [
        "check 14 Mill Lane ZZ1 4AB",
        "14 mill ln zz14ab",
        "14 MILL LANE",
        "14, Mill Lane, Little Burford",
        "Mill Lane 14",
        "14 Mill Lnae",
        "14 Mil Lane",
        "ZZ1 4AB 14 mill lane",
        "14 Mill Lane ZZ1",
        "14 mill lane, zz1 4ab.",
    ],
)
def test_typed_variants_find_the_property(
    lookups: SqlLookupStore, frontline: str, sample_register: SampleRegister, typed: str
) -> None:
    brief = look_up(lookups, frontline, typed)

    assert isinstance(brief, VisitBrief)
    assert brief.heading == "14 Mill Lane, Little Burford, ZZ1 4AB"


def test_brief_shows_hazards_precautions_and_arrangements(
    lookups: SqlLookupStore, frontline: str
) -> None:
    brief = look_up(lookups, frontline, "14 Mill Lane ZZ1 4AB")

    assert isinstance(brief, VisitBrief)
    assert [h.hazard for h in brief.hazards] == [HazardType.DANGEROUS_ANIMAL]
    assert brief.precautions == (Precaution.VISIT_IN_PAIRS, Precaution.ANIMAL_SECURED_BEFORE_ENTRY)
    assert [a.text for a in brief.arrangements] == [
        "Single point of contact: Tom Hale, 01234 567890",
        "Telephone calls Tuesday, Thursday only, at most 20 minutes",
    ]
    assert {a.who for a in brief.arrangements} == {"Gary Rowe"}
    assert "Tom Hale, Housing, 01234 567890" in brief.ask
    assert "not a guarantee" in brief.note


def test_frontline_sees_no_reasons_details_or_history(
    lookups: SqlLookupStore, frontline: str, sample_register: SampleRegister
) -> None:
    shown = repr(asdict(look_up(lookups, frontline, "Gary Rowe")))  # type: ignore[call-overload]

    for secret in (
        sample_register.spoc.reasons,
        sample_register.call_limits.reasons,
        sample_register.dog.details,
        sample_register.incident.description,
        sample_register.terminated_call.reason,
        "growe77@example.net",
        "07700 900123",
    ):
        assert secret not in shown


def test_flat_typed_any_way_finds_the_flat(lookups: SqlLookupStore, frontline: str) -> None:
    for typed in ("Flat 3, 22 Station Road", "3/22 station rd", "flat3 22 Station Rd ZZ1 6CD"):
        brief = look_up(lookups, frontline, typed)
        assert isinstance(brief, VisitBrief), typed
        assert [a.text for a in brief.arrangements] == ["Home visits in pairs only"]
        assert brief.arrangements[0].who == "everyone at this address"
        assert [h.hazard for h in brief.hazards] == [HazardType.VIOLENT_NEIGHBOUR]


def test_house_without_flat_number_asks_which(lookups: SqlLookupStore, frontline: str) -> None:
    result = look_up(lookups, frontline, "22 Station Road")

    assert isinstance(result, PickList)
    assert [c.label for c in result.candidates] == [
        "Flat 3, 22 Station Road, Little Burford, ZZ1 6CD"
    ]


def test_postcode_alone_asks_which_address(lookups: SqlLookupStore, frontline: str) -> None:
    result = look_up(lookups, frontline, "zz14ab")

    assert isinstance(result, PickList)
    assert [c.subject_type for c in result.candidates] == ["property"]


def test_ambiguous_address_gives_a_pick_list(
    store: SqlRegisterStore, lookups: SqlLookupStore, frontline: str
) -> None:
    store.bulk_add([Property("14 Mill Lane, Eastbridge", "ZZ2 1AA")])

    result = look_up(lookups, frontline, "14 Mill Lane")

    assert isinstance(result, PickList)
    assert [c.label for c in result.candidates] == [
        "14 Mill Lane, Eastbridge, ZZ2 1AA",
        "14 Mill Lane, Little Burford, ZZ1 4AB",
    ]
    assert result.more == 0 and result.purpose is Purpose.VISIT


def test_choosing_from_the_pick_list_gives_the_brief(
    lookups: SqlLookupStore, frontline: str, sample_register: SampleRegister
) -> None:
    subject = ("property", sample_register.mill_lane.id)

    brief = choose(lookups, frontline, Purpose.VISIT, subject, "zz14ab")

    assert isinstance(brief, VisitBrief)
    assert brief.subject_id == sample_register.mill_lane.id


@pytest.mark.parametrize("typed", ["Gary Rowe", "check Mr Gary Rowe", "gaz rowe", "Gary Rwoe"])
def test_a_name_finds_the_persons_address_and_restrictions(
    lookups: SqlLookupStore, frontline: str, sample_register: SampleRegister, typed: str
) -> None:
    brief = look_up(lookups, frontline, typed)

    assert isinstance(brief, VisitBrief)
    assert (brief.subject_type, brief.subject_id) == ("person", sample_register.gary.id)
    assert brief.heading == sample_register.mill_lane.one_line
    assert len(brief.arrangements) == 2


def test_a_surname_alone_asks_which_person(lookups: SqlLookupStore, frontline: str) -> None:
    result = look_up(lookups, frontline, "Rowe")

    assert isinstance(result, PickList)
    assert [c.label for c in result.candidates] == [
        "Gary Rowe, 14 Mill Lane, Little Burford, ZZ1 4AB"
    ]


def test_person_with_nothing_in_force_has_a_clear_brief(
    lookups: SqlLookupStore, frontline: str
) -> None:
    brief = look_up(lookups, frontline, "Lee Marsh")

    assert isinstance(brief, VisitBrief)
    assert brief.heading == "Lee Marsh" and brief.nothing_recorded


def test_no_match_says_no_record_is_not_a_guarantee(
    lookups: SqlLookupStore, frontline: str
) -> None:
    result = look_up(lookups, frontline, "99 Nowhere Street ZZ9 9ZZ")

    assert isinstance(result, NoMatch)
    assert "No record is not a guarantee of safety" in result.message


@pytest.mark.parametrize(
    ("typed", "subject", "reason"),
    [
        ("14 Mill Lane", ("property", "mill_lane"), "pre-visit check"),
        ("zz1 4ab", ("query", None), "pre-visit check"),
        ("Gary Rowe", ("person", "gary"), "pre-visit check"),
        ("99 Nowhere Street", ("query", None), "pre-visit check"),
        ("can I call Gary Rowe?", ("person", "gary"), "contact check"),
    ],
)
def test_every_look_up_leaves_exactly_one_audit_entry(
    store: SqlRegisterStore,
    lookups: SqlLookupStore,
    frontline: str,
    sample_register: SampleRegister,
    typed: str,
    subject: tuple[str, str | None],
    reason: str,
) -> None:
    before = _audit_count(store)

    ask(lookups, frontline, typed)

    assert _audit_count(store) == before + 1
    subject_id = getattr(sample_register, subject[1]).id if subject[1] else ""
    with store.transaction() as session:
        (entry,) = session.audit_for(subject[0], subject_id)
    assert (entry.actor, entry.action.value) == (frontline, "lookup")
    assert (entry.reason, entry.detail) == (reason, typed)


def test_no_match_is_audited_as_a_query(
    store: SqlRegisterStore, lookups: SqlLookupStore, frontline: str
) -> None:
    look_up(lookups, frontline, "99 Nowhere Street")

    with store.transaction() as session:
        (entry,) = session.audit_for("query", "")
    assert (entry.detail, entry.reason) == ("99 Nowhere Street", "pre-visit check")


def test_someone_not_on_the_staff_list_is_refused_and_audited(
    store: SqlRegisterStore, lookups: SqlLookupStore
) -> None:
    result = look_up(lookups, "not-a-member-of-staff", "14 Mill Lane")

    assert not isinstance(result, VisitBrief | PickList)
    with store.transaction() as session:
        (entry,) = session.audit_for("query", "")
    assert entry.actor == "not-a-member-of-staff" and "refused" in entry.reason


def test_a_call_from_a_customer_with_a_spoc(lookups: SqlLookupStore, frontline: str) -> None:
    brief = check_contact(lookups, frontline, "can I take a call from Gary Rowe?")

    assert isinstance(brief, ContactBrief)
    assert (brief.asked, brief.answer) == (Channel.PHONE, Answer.WITH_CONDITIONS)
    assert brief.spoc == "Tom Hale, 01234 567890"
    assert brief.instead == ("Pass the contact to Tom Hale, 01234 567890",)
    phone = next(rule for rule in brief.channels if rule.channel is Channel.PHONE)
    assert "Telephone calls Tuesday, Thursday only, at most 20 minutes" in phone.conditions


def test_the_spoc_themselves_may_take_the_call_within_the_limits(
    lookups: SqlLookupStore, sample_register: SampleRegister
) -> None:
    brief = ask(lookups, sample_register.manager.aad_object_id, "Can I call Gary Rowe")

    assert isinstance(brief, ContactBrief)
    phone = next(rule for rule in brief.channels if rule.channel is Channel.PHONE)
    assert phone.conditions == ("Telephone calls Tuesday, Thursday only, at most 20 minutes",)
    assert brief.instead == ()


def test_a_proposed_restriction_does_not_hold_yet(lookups: SqlLookupStore, frontline: str) -> None:
    brief = ask(lookups, frontline, "can I email Dana Pike?")

    assert isinstance(brief, ContactBrief)
    assert (brief.asked, brief.answer) == (Channel.EMAIL, Answer.YES)


def test_a_contact_check_on_no_one(lookups: SqlLookupStore, frontline: str) -> None:
    result = ask(lookups, frontline, "can I take a call from Nobody Atall?")

    assert isinstance(result, NoMatch)
    assert "not a guarantee" in result.message


def test_a_street_added_a_moment_ago_is_found_when_typed_exactly(
    store: SqlRegisterStore, lookups: SqlLookupStore, frontline: str
) -> None:
    look_up(lookups, frontline, "14 Mil Lane")  # loads the in-memory spellings
    store.bulk_add([Property("5 Newbuild Way, Eastbridge", "ZZ2 9XY")])

    assert isinstance(look_up(lookups, frontline, "5 Newbuild Way"), VisitBrief)
    lookups.refresh()
    assert isinstance(look_up(lookups, frontline, "5 Newbild Way"), VisitBrief)
