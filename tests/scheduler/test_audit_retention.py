"""Audit retention: the daily sweep prunes audit entries past the period, and only those.

Audit entries hold personal data (the name or address typed into a
look-up, and who looked), so the sweep deletes entries older than
FOREWARN_AUDIT_RETENTION_MONTHS (72 by default). Deletion records stay
whatever their age: a case's tombstone, made here by the retention rule
itself, and each pruning's own summary, which names no one. The clock is
frozen ten years from now, so the tombstone the real clock stamps is old
by then and must still be there.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
import sqlalchemy as sa

from register.audit import AuditAction, AuditEntry
from register.exporting import subject_access_export
from register.ids import utcnow
from register.policy import load_preset
from register.restrictions import Officer, Status
from register.schedule.model import Deletion
from register.subjects import Person
from scheduler.sweeper import Sweeper, SweepReport
from store.db import make_engine
from store.repository import SqlRegisterStore
from store.schedule_repo import SqlScheduleStore
from store.tables import AuditEntryRow, AuditPrunePermitRow, table
from tests.scheduler.harness import (
    ADMIN,
    OWNER,
    Clock,
    RecordingNotifier,
    at,
    seed,
    sweeper_for,
    warning,
)

AUDIT, PERMIT = table(AuditEntryRow), table(AuditPrunePermitRow)
TODAY = date(utcnow().year + 10, 6, 15)  # frozen: ten years on, so real-clock entries are old
CUTOFF = datetime(TODAY.year - 6, 6, 15, tzinfo=UTC)  # 72 months before, UTC midnight
LAST = date(2025, 1, 1)  # the deleted case's last activity
KEEPS = "rhondda-cynon-taf"  # keeps closed cases: the sweep deletes nothing but audit entries


def _entry(
    action: AuditAction, subject: tuple[str, str], at: datetime, detail: str = ""
) -> AuditEntry:
    return AuditEntry(OWNER.id, action, *subject, "pre-visit check", detail, at=at)


@dataclass
class Register:
    kept: Person  # a person still on the register, looked up before and after the cut-off
    gone_id: str  # a person retention deleted, leaving a tombstone


@pytest.fixture
def register(store: SqlRegisterStore) -> Register:
    kept, gone = Person("Kit Kept"), Person("Gil Gone")
    closed = warning(gone, "stage-1", date(2024, 6, 3), status=Status.CLOSED, updated_at=at(LAST))
    seed(store, kept, gone, closed)
    repo = SqlScheduleStore(store.engine)
    assert repo.delete_case(Deletion(gone.id, LAST, "retention: test"), "system:x")
    second = timedelta(seconds=1)
    old = [
        _entry(AuditAction.LOOKUP, ("query", ""), CUTOFF - second, "12 Mill Lane OX1 1AY"),
        _entry(AuditAction.LOOKUP, ("query", ""), CUTOFF - timedelta(days=900), "Gary Rowe"),
        _entry(AuditAction.VIEW, ("person", kept.id), CUTOFF - timedelta(days=30)),
        _entry(AuditAction.LOOKUP, ("person", gone.id), CUTOFF - timedelta(days=30)),
    ]
    young = [
        _entry(AuditAction.LOOKUP, ("query", ""), CUTOFF, "14 Mill Lane OX1 1AY"),
        _entry(AuditAction.VIEW, ("person", kept.id), CUTOFF + timedelta(days=400)),
    ]
    with store.transaction() as session:
        for entry in [*old, *young]:
            session.audit(entry)
    return Register(kept, gone.id)


def _trail(store: SqlRegisterStore) -> list[tuple[str, str, str]]:
    """(action, subject type, detail) of every entry, oldest first."""
    columns = (AUDIT.c.action, AUDIT.c.subject_type, AUDIT.c.detail)
    with store.engine.connect() as connection:
        rows = connection.execute(sa.select(*columns).order_by(AUDIT.c.at, AUDIT.c.id))
        return [(a, s, d) for a, s, d in rows]


def _prunings(store: SqlRegisterStore) -> list[str]:
    where = AUDIT.c.subject_type == "audit"
    with store.engine.connect() as connection:
        return list(connection.execute(sa.select(AUDIT.c.reason).where(where)).scalars())


def _sweeper(store: SqlRegisterStore, clock: Clock, instance: str = "one") -> Sweeper:
    return sweeper_for(store, load_preset(KEEPS), RecordingNotifier(clock), instance)


def test_the_sweep_prunes_entries_past_the_period_and_keeps_the_rest(
    store: SqlRegisterStore, register: Register
) -> None:
    report = asyncio.run(_sweeper(store, Clock(TODAY)).run())

    assert (report.ran, report.audit_pruned) == (True, 4)
    assert report.detail.endswith("audit entries pruned 4")
    before = CUTOFF.date().isoformat()
    assert _trail(store) == [
        # the tombstone, stamped by the real clock years before the frozen one
        ("delete", "person", "rows deleted: person 1, restriction 1"),
        ("delete", "audit", "kept: deletion records (tombstones and earlier prunings)"),
        ("lookup", "query", "14 Mill Lane OX1 1AY"),  # dated exactly at the cut-off
        ("view", "person", ""),
    ]
    assert _prunings(store) == [f"audit retention: 4 entries dated before {before} deleted"]
    with store.transaction() as session:
        [tombstone] = session.audit_for("person", register.gone_id)
    assert tombstone.reason == "retention: test"


def test_running_again_prunes_nothing_more_and_records_nothing(
    store: SqlRegisterStore, register: Register
) -> None:
    clock = Clock(TODAY)
    sweeper = _sweeper(store, clock)
    assert asyncio.run(sweeper.run()).audit_pruned == 4
    after_first = _trail(store)

    again = asyncio.run(sweeper.run())
    assert (again.ran, again.skipped) == (False, "today's sweep is done")
    forced = asyncio.run(sweeper.run(force=True))
    assert (forced.ran, forced.audit_pruned) == (True, 0)
    assert _trail(store) == after_first
    assert len(_prunings(store)) == 1


def test_the_period_moves_with_the_clock(store: SqlRegisterStore, register: Register) -> None:
    """A day later the cut-off has moved a day, and the entry dated on it goes."""
    clock = Clock(TODAY)
    sweeper = _sweeper(store, clock)
    asyncio.run(sweeper.run())
    clock.day = TODAY + timedelta(days=1)
    assert asyncio.run(sweeper.run()).audit_pruned == 1
    assert ("lookup", "query", "14 Mill Lane OX1 1AY") not in _trail(store)
    assert len(_prunings(store)) == 2


def test_a_longer_period_keeps_more(store: SqlRegisterStore, register: Register) -> None:
    clock = Clock(TODAY)
    sweeper = Sweeper(
        SqlScheduleStore(store.engine),
        store.engine,
        load_preset(KEEPS),
        RecordingNotifier(clock),
        clock=clock,
        audit_months=84,
    )
    assert asyncio.run(sweeper.run()).audit_pruned == 1  # only the look-up from 900 days back


def test_pruning_goes_in_batches_and_leaves_one_record(
    store: SqlRegisterStore, register: Register
) -> None:
    repo = SqlScheduleStore(store.engine)
    assert repo.prune_audit(CUTOFF.date(), "system:test", batch_size=1) == 4
    assert repo.prune_audit(CUTOFF.date(), "system:test", batch_size=1) == 0
    assert len(_prunings(store)) == 1
    with store.engine.connect() as connection:  # each batch took its permit away with it
        assert connection.execute(sa.select(sa.func.count()).select_from(PERMIT)).scalar() == 0


def test_two_instances_prune_once(store: SqlRegisterStore, register: Register) -> None:
    """Even forced runs started at the same moment: the sweep lock lets one prune at a time."""
    clock = Clock(TODAY)
    other = SqlRegisterStore(make_engine(store.engine.url))
    barrier = threading.Barrier(2)
    reports: list[SweepReport] = []

    def go(sweeper: Sweeper) -> None:
        barrier.wait()
        reports.append(asyncio.run(sweeper.run(force=True)))

    try:
        threads = [
            threading.Thread(target=go, args=(_sweeper(s, clock, name),))
            for s, name in ((store, "one"), (other, "two"))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        other.close()
    assert sum(r.audit_pruned for r in reports) == 4
    assert len(_prunings(store)) == 1


def test_a_subject_access_export_still_works_once_old_entries_are_pruned(
    store: SqlRegisterStore, register: Register
) -> None:
    asyncio.run(_sweeper(store, Clock(TODAY)).run())
    export = subject_access_export(store, register.kept.id, ADMIN)
    assert isinstance(export, dict)
    audit = export["sections"]["audit"]["records"]
    assert [(e["action"], e["at"][:10]) for e in audit] == [
        ("view", (CUTOFF + timedelta(days=400)).date().isoformat())
    ]


def test_a_restriction_outliving_its_audit_entry_still_reminds_its_proposer(
    store: SqlRegisterStore,
) -> None:
    """Seven years on, the CREATE entry is pruned; the proposer kept on the record is not.

    The deciding officer matches no member of staff, so without the proposer
    the reminder would go to the service's manager instead.
    """
    person = Person("Rhian Running")
    due = TODAY + timedelta(days=20)
    running = warning(
        person,
        "stage-1",
        date(TODAY.year - 7, 6, 2),
        decided_by=Officer("Dee Decider", "Director"),
        next_review=due,
    )
    seed(store, person, running, proposed=[running])
    clock = Clock(TODAY)
    notifier = RecordingNotifier(clock)
    sweeper = sweeper_for(store, load_preset(KEEPS), notifier)

    assert asyncio.run(sweeper.run()).audit_pruned == 1
    with store.transaction() as session:
        assert session.audit_for("restriction", running.id) == []
    clock.day = due - timedelta(days=1)
    asyncio.run(sweeper.run())

    assert [(kind, record, to) for _, kind, record, to in notifier.sent] == [
        ("review_due", running.id, OWNER.id)
    ]
