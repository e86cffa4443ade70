"""Retention across a year: exactly the closed, idle cases are deleted, on their day.

The managed contact register council deletes closed cases 12 months after
the last activity on them. Active and lapsed cases, people with a current
risk, and properties whose risk still exists all stay; a case with new
activity gets a new date. Each deletion leaves a tombstone in the audit
trail that names no one.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from register.policy import load_preset
from register.records import Contact, Incident
from register.restrictions import Status
from register.reviews import Appeal, Review, ReviewOutcome
from register.risks import PremiseRisk
from register.subjects import Person, Property
from register.vocabulary import Behaviour, Channel, HazardType, Precaution, Severity
from store.repository import SqlRegisterStore
from tests.scheduler.harness import (
    AS_OWNER,
    OWNER,
    Clock,
    RecordingNotifier,
    at,
    run_days,
    seed,
    sweeper_for,
    warning,
)

LATER = date(2027, 3, 1)  # risk reviews fall outside the year under test


def _risk(**where: str) -> PremiseRisk:
    return PremiseRisk(
        HazardType.DANGEROUS_ANIMAL, Severity.HIGH, (Precaution.VISIT_IN_PAIRS,), "Ada Admin",
        date(2024, 5, 1), next_review=LATER, **where,
    )  # fmt: skip


def _closed(person: Person, start: date, last: date, status: Status = Status.CLOSED):
    return warning(person, "stage-1", start, status=status, updated_at=at(last))


@pytest.fixture
def register(store: SqlRegisterStore) -> dict[str, object]:
    house = Property("2 Test Row, Little Burford", "ZZ1 1AB")
    r4 = Person("Rory Four", emails=("rory.four@example.com",), property_id=house.id)
    r1 = Person("Rita One", aliases=("R. One",), emails=("rita@example.org",))
    r2, r3, r5 = Person("Ravi Two"), Person("Rosa Three"), Person("Rex Five")
    active, lapsed = Person("Ann Active"), Person("Len Lapsed")
    r1_case = _closed(r1, date(2024, 9, 2), date(2025, 3, 10))
    records = [
        house, r4, r1, r2, r3, r5, active, lapsed,
        _closed(r4, date(2024, 6, 3), date(2025, 1, 15)),
        r1_case,
        Review(r1_case.id, date(2025, 3, 2), date(2024, 12, 1), AS_OWNER, ReviewOutcome.LIFT),
        Appeal(r1_case.id, date(2024, 9, 10), None),
        Incident(at(date(2025, 2, 1)), Channel.PHONE, OWNER.id, (Behaviour.THREATS,),
                 "Threatened staff.", person_id=r1.id),
        _closed(r2, date(2025, 1, 6), date(2025, 2, 1), Status.LIFTED),
        Contact(r2.id, at(date(2025, 6, 30)), Channel.EMAIL, "Asked again.", "bot"),
        _closed(r3, date(2024, 2, 1), date(2024, 6, 1)),
        _risk(person_id=r3.id),
        _risk(property_id=house.id),
        _closed(r5, date(2024, 2, 1), date(2025, 5, 1)),
        warning(active, "stage-1", date(2025, 1, 6), next_review=LATER),
        _closed(lapsed, date(2024, 1, 1), date(2024, 6, 1), Status.LAPSED),
    ]  # fmt: skip
    seed(store, *records)
    return {p.name: p for p in records if isinstance(p, Person)} | {"house": house}


def _present(store: SqlRegisterStore, people: dict[str, object]) -> set[str]:
    with store.transaction() as session:
        return {
            name for name, p in people.items() if isinstance(p, Person) and session.person(p.id)
        }


def test_deletes_exactly_what_is_due_on_its_day(store: SqlRegisterStore, register: dict) -> None:
    people = {k: v for k, v in register.items() if isinstance(v, Person)}
    new_contact = Contact(
        people["Rex Five"].id, at(date(2026, 4, 20)), Channel.PHONE, "Rang.", "bot"
    )
    clock = Clock(date(2026, 1, 1))
    sweeper = sweeper_for(
        store, load_preset("managed-contact-register-council"), RecordingNotifier(clock)
    )
    seen: dict[date, set[str]] = {}
    run_days(
        store, sweeper, clock, clock.day, date(2026, 12, 31),
        events={date(2026, 4, 20): lambda s: s.add(new_contact)},
        after=lambda day: seen.update({day: _present(store, people)}),
    )  # fmt: skip

    def gone_on(name: str) -> date | None:
        return next((day for day in sorted(seen) if name not in seen[day]), None)

    # 12 months after the last activity, to the day.
    assert gone_on("Rory Four") == date(2026, 1, 15)  # restriction closed 15 Jan 2025
    assert gone_on("Rita One") == date(2026, 3, 10)  # closed 10 Mar 2025, after her incident
    assert gone_on("Ravi Two") == date(2026, 6, 30)  # lifted, but she wrote on 30 Jun 2025
    # Rex would have gone on 1 May 2026, but he rang on 20 Apr: kept until 2027.
    assert seen[date(2026, 12, 31)] == {"Rosa Three", "Rex Five", "Ann Active", "Len Lapsed"}

    with store.transaction() as session:
        assert session.property(register["house"].id) is not None  # the dog is still there
        assert [r.current for r in session.risks_for_property(register["house"].id)] == [True]
        assert session.people_by_email("rita@example.org") == []
        counts = session.counts()
        tombstone = session.audit_for("person", people["Rita One"].id)
    assert counts["restrictions"] == 4 and counts["reviews"] == 0 and counts["appeals"] == 0
    assert counts["incidents"] == 0 and counts["contacts"] == 1
    [entry] = tombstone
    assert (entry.action.value, entry.actor, entry.reason) == (
        "delete",
        "system:scheduler",
        "retention: closed case with no activity since 2025-03-10 "
        "under managed-contact-register-council",
    )
    assert entry.detail == (
        "rows deleted: appeal 1, incident 1, person 1, person_alias 1, person_email 1, "
        "restriction 1, review 1"
    )
    assert "Rita" not in entry.reason + entry.detail


@pytest.mark.parametrize("preset", ["rhondda-cynon-taf", "west-oxfordshire-dc", "oxfordshire-cc"])
def test_presets_that_keep_the_file_delete_nothing(
    store: SqlRegisterStore, register: dict, preset: str
) -> None:
    clock = Clock(date(2026, 12, 30))
    sweeper = sweeper_for(store, load_preset(preset), RecordingNotifier(clock))
    run_days(store, sweeper, clock, clock.day, date(2026, 12, 31))
    people = {k: v for k, v in register.items() if isinstance(v, Person)}
    assert _present(store, people) == set(people)


def test_a_case_reopened_after_planning_is_not_deleted(
    store: SqlRegisterStore, register: dict
) -> None:
    """The store re-checks in the deleting transaction: the plan may be out of date."""
    from register.schedule.model import Deletion
    from store.schedule_repo import SqlScheduleStore

    rita = register["Rita One"]
    repo = SqlScheduleStore(store.engine)
    with store.transaction() as session:
        [case] = session.restrictions_for_person(rita.id)
        session.update(replace(case, status=Status.ACTIVE))
    stale = Deletion(rita.id, date(2025, 3, 10), "retention: test")
    assert repo.delete_case(stale, "system:test") is None
    with store.transaction() as session:
        assert session.person(rita.id) is not None
