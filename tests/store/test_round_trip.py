"""Every record the register holds comes back exactly as it was saved, on both databases."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

from register.records import Incident
from register.restrictions import Status
from register.vocabulary import Behaviour, Channel
from store.repository import SqlRegisterStore
from tests.samples import SampleRegister


def test_every_record_type_reads_back_equal(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    s = sample_register
    with store.transaction() as session:
        assert session.property(s.mill_lane.id) == s.mill_lane
        assert session.person(s.gary.id) == s.gary
        assert session.person(s.lee.id) == s.lee
        assert session.staff_member(s.frontline.aad_object_id) == replace(
            s.frontline, email="priya.nandra@council.example"
        )
        assert session.restriction(s.spoc.id) == s.spoc
        assert session.restriction(s.pairs.id) == s.pairs
        assert session.risks_for_property(s.mill_lane.id) == [s.dog]
        assert session.risks_for_person(s.gary.id) == [s.gary_risk]
        assert session.incidents_for_person(s.gary.id) == [s.incident]
        assert session.terminated_calls_for_person(s.gary.id) == [s.terminated_call]
        assert session.contacts_for_person(s.gary.id) == [s.contact]
        assert session.reviews_for(s.spoc.id) == [s.review]
        assert session.appeals_for(s.call_limits.id) == [s.appeal]


def test_a_record_saved_in_one_unit_of_work_is_seen_by_the_next(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    with store.transaction() as session:
        session.add(replace(sample_register.spoc, id="second-spoc"))
    with store.transaction() as session:
        assert session.restriction("second-spoc") == replace(sample_register.spoc, id="second-spoc")


def test_times_come_back_in_utc_whatever_zone_they_were_given_in(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    bst = timezone(timedelta(hours=1))
    incident = Incident(
        datetime(2025, 7, 1, 23, 30, tzinfo=bst),
        Channel.FACE_TO_FACE,
        "staff-1",
        (Behaviour.SHOUTING,),
        "Shouted at reception.",
        person_id=sample_register.dana.id,
    )
    with store.transaction() as session:
        session.add(incident)
    with store.transaction() as session:
        (saved,) = session.incidents_for_person(sample_register.dana.id)
    assert saved == incident
    assert saved.occurred_at.tzinfo is UTC
    assert saved.occurred_at.hour == 22


def test_update_replaces_a_restriction(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    lifted = replace(
        sample_register.spoc.moved_to(Status.LIFTED), updated_at=datetime(2025, 9, 9, 8, tzinfo=UTC)
    )
    with store.transaction() as session:
        session.update(lifted)
    with store.transaction() as session:
        assert session.restriction(lifted.id) == lifted


def test_updating_a_person_moves_their_email_and_alias_look_ups(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    moved = replace(
        sample_register.gary,
        emails=("new.gary@example.com",),
        aliases=("Gareth Rowe",),
        property_id=None,
    )
    with store.transaction() as session:
        session.update(moved)
    with store.transaction() as session:
        assert session.person(moved.id) == moved
        assert session.person_by_email("gary.rowe@example.com") is None
        assert session.person_by_email("NEW.GARY@example.com") == moved
        assert session.people_named("Gareth Rowe") == [moved]
        assert session.people_named("Gaz Rowe") == []
        assert session.people_at(sample_register.mill_lane.id) == []


def test_update_of_a_staff_member_is_keyed_by_entra_id(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    promoted = replace(sample_register.frontline, job_title="Senior Housing Officer", email="")
    with store.transaction() as session:
        session.update(promoted)
    with store.transaction() as session:
        assert session.staff_member(promoted.aad_object_id) == promoted
