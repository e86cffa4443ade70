"""The look-ups staff, the bot and the mailbox watcher rely on."""

from __future__ import annotations

from register.addresses import address_keys
from register.subjects import Person
from store.repository import SqlRegisterStore
from tests.samples import SampleRegister


def test_person_by_email_ignores_case_and_spaces(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    with store.transaction() as session:
        assert session.person_by_email("  GARY.rowe@EXAMPLE.com ") == sample_register.gary
        assert session.person_by_email("growe77@example.net") == sample_register.gary
        assert session.person_by_email("nobody@example.com") is None


def test_a_shared_address_finds_everyone_who_uses_it(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    with store.transaction() as session:
        both = session.people_by_email("dana.pike@example.org")
        first = session.person_by_email("dana.pike@example.org")
    assert {p.id for p in both} == {sample_register.dana.id, sample_register.lee.id}
    assert first == both[0]


def test_people_are_found_by_name_or_alias_without_titles(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    with store.transaction() as session:
        assert session.people_named("Mr Gary Rowe") == [sample_register.gary]
        assert session.people_named("gaz  ROWE") == [sample_register.gary]
        assert session.people_named("Dana Pike") == [sample_register.dana]
        assert session.people_named("Gary Roe") == []


def test_properties_are_found_by_postcode_however_it_is_typed(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    with store.transaction() as session:
        assert session.properties_at_postcode("zz14ab") == [sample_register.mill_lane]
        assert session.properties_at_postcode("ZZ1  4AB") == [sample_register.mill_lane]
        keys = address_keys(sample_register.mill_lane.address, "")
        assert session.properties_on_street(keys.street_key, keys.house_key) == [
            sample_register.mill_lane
        ]


def test_people_at_a_property(store: SqlRegisterStore, sample_register: SampleRegister) -> None:
    with store.transaction() as session:
        assert session.people_at(sample_register.mill_lane.id) == [sample_register.gary]
        assert session.people_at(sample_register.station_road.id) == []


def test_restrictions_by_person_come_in_start_order(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    s = sample_register
    with store.transaction() as session:
        assert session.restrictions_for_person(s.gary.id) == [s.spoc, s.call_limits]
        assert session.restrictions_for_person(s.dana.id) == [s.single_channel]
        assert session.restrictions_for_person(s.lee.id) == []
        assert session.restrictions_for_property(s.station_road.id) == [s.pairs]
        assert session.restrictions_for_property(s.mill_lane.id) == []


def test_risks_by_property_and_person(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    s = sample_register
    with store.transaction() as session:
        assert session.risks_for_property(s.station_road.id) == [s.neighbour]
        assert session.risks_for_person(s.gary.id) == [s.gary_risk]
        assert session.risks_for_person(s.dana.id) == []


def test_whole_register_iterators(store: SqlRegisterStore, sample_register: SampleRegister) -> None:
    s = sample_register
    with store.transaction() as session:
        people = list(session.all_people())
        properties = list(session.all_properties())
        restrictions = list(session.all_restrictions())
        risks = list(session.all_risks())
    assert sorted(p.id for p in people) == sorted([s.gary.id, s.dana.id, s.lee.id])
    assert {p.id for p in properties} == {s.mill_lane.id, s.station_road.id, s.orchard_close.id}
    assert {r.id for r in restrictions} == {
        s.spoc.id,
        s.call_limits.id,
        s.single_channel.id,
        s.pairs.id,
    }
    assert {r.id for r in risks} == {s.dog.id, s.neighbour.id, s.gary_risk.id}


def test_unknown_ids_read_as_none(store: SqlRegisterStore) -> None:
    with store.transaction() as session:
        assert session.person("missing") is None
        assert session.property("missing") is None
        assert session.restriction("missing") is None
        assert session.staff_member("missing") is None


def test_writing_after_reading_the_whole_register_in_one_unit_of_work(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    # A report reads everything and then audits itself, in one unit of work.
    with store.transaction() as session:
        names = [person.name for person in session.all_people()]
        session.add(Person("Rita Vale"))
    assert len(names) == 3
    with store.transaction() as session:
        assert session.counts()["people"] == 4
