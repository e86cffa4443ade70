"""A moving clock, a recording notifier and a year of daily sweeps, for the scheduler tests.

The clock is injected into the Sweeper (nothing patches `datetime`); the
notifier records what a member of staff would see arrive, and on which
day; `run_days` moves the clock a day at a time, applies what staff did
that day (record a review, receive an appeal) and then runs the sweep.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta

from register.audit import AuditAction, AuditEntry
from register.notices import Delivery, Notice
from register.policy import Preset
from register.ports import RegisterSession
from register.restrictions import Officer, Restriction, RestrictionType, Status
from register.staff import Role, StaffMember
from register.subjects import Person
from scheduler.sweeper import Sweeper, SweepReport
from store.repository import SqlRegisterStore
from store.schedule_repo import SqlScheduleStore

HEAD = StaffMember("aad-head", "Hana Head", "Head of Housing", Role.MANAGER, service="Housing")
OWNER = StaffMember(
    "aad-owner",
    "Olive Owner",
    "Housing Officer",
    Role.FRONTLINE,
    service="Housing",
    manager_aad_id=HEAD.id,
)
ADMIN = StaffMember("aad-admin", "Ada Admin", "Register Administrator", Role.ADMIN)
STAFF = (HEAD, OWNER, ADMIN)
AS_OWNER = Officer(OWNER.name, OWNER.job_title)

Event = Callable[[RegisterSession], None]
Sent = tuple[date, str, str, str]  # (day it arrived, notice kind, record id, recipient)


@dataclass
class Clock:
    day: date

    def __call__(self) -> date:
        return self.day


@dataclass
class RecordingNotifier:
    """Delivers everything, and remembers what arrived on which day."""

    clock: Clock
    sent: list[Sent] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    fail_on: set[date] = field(default_factory=set)

    async def notify(self, notice: Notice) -> Delivery:
        if self.clock() in self.fail_on:
            self.fail_on.discard(self.clock())
            raise ConnectionError("Teams is down")
        self.sent.append((self.clock(), notice.kind.value, notice.record_id, notice.recipient))
        self.notices.append(notice)
        return Delivery(True, "teams")


def sweeper_for(
    store: SqlRegisterStore, preset: Preset, notifier: RecordingNotifier, instance: str = "one"
) -> Sweeper:
    return Sweeper(
        SqlScheduleStore(store.engine),
        store.engine,
        preset,
        notifier,
        clock=notifier.clock,
        instance=instance,
    )


def days(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def run_days(
    store: SqlRegisterStore,
    sweeper: Sweeper,
    clock: Clock,
    first: date,
    last: date,
    events: dict[date, Event] | None = None,
    after: Callable[[date], None] | None = None,
) -> list[SweepReport]:
    """Sweep once a day from `first` to `last`, applying each day's events first."""
    reports = []
    for day in days(first, last):
        clock.day = day
        if events and day in events:
            with store.transaction() as session:
                events[day](session)
        reports.append(asyncio.run(sweeper.run()))
        if after:
            after(day)
    return reports


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def seed(store: SqlRegisterStore, *records: object, proposed: Iterable[Restriction] = ()) -> None:
    """Save staff and records; each restriction in `proposed` was proposed by the owner.

    As a proposal in Forewarn is: the owner kept on the restriction, and a CREATE entry.
    """
    proposed = list(proposed)
    by_owner = {restriction.id for restriction in proposed}
    with store.transaction() as session:
        for member in STAFF:
            session.add(member)
        for record in records:
            if isinstance(record, Restriction) and record.id in by_owner:
                record = replace(record, proposed_by=OWNER.id)
            session.add(record)  # type: ignore[arg-type]
        for restriction in proposed:
            session.audit(
                AuditEntry(OWNER.id, AuditAction.CREATE, "restriction", restriction.id, "proposed")
            )


def warning(person: Person, stage: str, start: date, **more: object) -> Restriction:
    """An active warning at `stage`, decided by the owner, in Housing."""
    values: dict[str, object] = {
        "kind": RestrictionType.WARNING,
        "person_id": person.id,
        "stage": stage,
        "reasons": "Repeated abusive calls to the repairs team.",
        "decided_by": AS_OWNER,
        "start": start,
        "service": "Housing",
        "status": Status.ACTIVE,
    }
    values.update(more)
    return Restriction(**values)  # type: ignore[arg-type]


def status_of(store: SqlRegisterStore, restriction_id: str) -> Status | None:
    with store.transaction() as session:
        found = session.restriction(restriction_id)
    return found.status if found else None
