"""Two scheduler instances against one database: each sweep runs once, each notice goes once.

On PostgreSQL the instances are two engines (two connection pools, as two
processes would have) contending for the advisory lock; on SQLite, for
the file lock beside the database. Each day both start at the same moment.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from register.notices import Delivery, Notice
from register.policy import load_preset
from register.subjects import Person
from scheduler.locks import sweep_lock
from scheduler.sweeper import SweepReport
from store.db import make_engine
from store.repository import SqlRegisterStore
from store.schedule_repo import SqlScheduleStore
from tests.scheduler.harness import Clock, RecordingNotifier, days, seed, sweeper_for, warning

FIRST = date(2026, 3, 2)  # Mon 2 Mar; reviews fall due over the next fortnight


@dataclass
class SlowNotifier(RecordingNotifier):
    """Takes a moment per notice, so the two sweeps overlap."""

    async def notify(self, notice: Notice) -> Delivery:
        await asyncio.sleep(0.01)
        return await super().notify(notice)


def _register(store: SqlRegisterStore) -> None:
    person = Person("Alan Able")
    # Twelve restrictions whose reviews fall due on successive days.
    cases = [
        warning(person, "stage-1", FIRST + timedelta(days=n) - timedelta(days=183))
        for n in range(12)
    ]
    seed(store, person, *cases, proposed=cases)


def test_two_instances_sweep_once_a_day(store: SqlRegisterStore) -> None:
    _register(store)
    preset = load_preset("managed-contact-register-council")
    other = SqlRegisterStore(make_engine(store.engine.url))
    clock = Clock(FIRST)
    notifiers = [SlowNotifier(clock), SlowNotifier(clock)]
    sweepers = [
        sweeper_for(store, preset, notifiers[0], instance="one"),
        sweeper_for(other, preset, notifiers[1], instance="two"),
    ]
    outcomes: list[tuple[date, bool, str]] = []
    try:
        for day in days(FIRST, FIRST + timedelta(days=20)):
            clock.day = day
            for report in _race(sweepers):
                outcomes.append((day, report.ran, report.skipped))
    finally:
        other.close()

    sent = notifiers[0].sent + notifiers[1].sent
    assert sent, "the register was set up to have reminders due"
    assert [key for key, n in Counter(sent).items() if n > 1] == []
    ran = Counter(day for day, did_run, _ in outcomes if did_run)
    assert set(ran.values()) == {1} and len(ran) == 21
    assert {why for _, did_run, why in outcomes if not did_run} <= {
        "another instance is sweeping",
        "today's sweep is done",
    }
    runs = SqlScheduleStore(store.engine).runs("daily-sweep")
    assert Counter(r[0] for r in runs if r[2] == "done") == Counter({d: 1 for d in ran})


def _race(sweepers: list) -> list[SweepReport]:
    """Start both sweeps at the same moment, each in its own thread and event loop."""
    barrier = threading.Barrier(len(sweepers))
    reports: list[SweepReport] = []

    def go(sweeper) -> None:
        barrier.wait()
        reports.append(asyncio.run(sweeper.run()))

    threads = [threading.Thread(target=go, args=(s,)) for s in sweepers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return reports


def test_a_held_lock_makes_the_other_instance_skip(store: SqlRegisterStore) -> None:
    _register(store)
    clock = Clock(FIRST)
    notifier = RecordingNotifier(clock)
    sweeper = sweeper_for(store, load_preset("managed-contact-register-council"), notifier)
    other = make_engine(store.engine.url)
    try:
        with sweep_lock(other) as held:
            assert held
            report = asyncio.run(sweeper.run())
        assert (report.ran, report.skipped, notifier.sent) == (
            False,
            "another instance is sweeping",
            [],
        )
        assert asyncio.run(sweeper.run()).ran  # released: the next attempt runs
    finally:
        other.dispose()
