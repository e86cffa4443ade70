"""Downtime, restarts and failed deliveries lose nothing and send nothing twice.

The managed contact register council's restriction A is due for review on
Mon 8 Jun 2026: reminders are due Fri 22 May and Fri 5 Jun, and the
manager is told on Tue 9 Jun (see test_year.py for the working-out).
"""

from __future__ import annotations

import asyncio
from datetime import date

from register.policy import load_preset
from register.subjects import Person
from store.db import make_engine
from store.repository import SqlRegisterStore
from store.schedule_repo import SqlScheduleStore
from tests.scheduler.harness import (
    HEAD,
    OWNER,
    Clock,
    RecordingNotifier,
    run_days,
    seed,
    sweeper_for,
    warning,
)

PRESET = "managed-contact-register-council"


def test_a_restart_after_downtime_catches_up_once(store: SqlRegisterStore) -> None:
    person = Person("Alan Able")
    a = warning(person, "stage-1", date(2025, 12, 8))
    seed(store, person, a, proposed=[a])
    preset = load_preset(PRESET)
    clock = Clock(date(2026, 5, 18))
    notifier = RecordingNotifier(clock, fail_on={date(2026, 5, 22)})  # Teams down that day
    run_days(store, sweeper_for(store, preset, notifier), clock, clock.day, date(2026, 6, 3))

    # The process stops on 3 Jun and is started again on Sun 7 Jun: a new
    # engine, a new scheduler, the same database.
    restarted = SqlRegisterStore(make_engine(store.engine.url))
    try:
        sweeper = sweeper_for(restarted, preset, notifier, instance="two")
        reports = run_days(restarted, sweeper, clock, date(2026, 6, 7), date(2026, 6, 12))
        clock.day = date(2026, 6, 7)
        again = asyncio.run(sweeper.run())
        forced = asyncio.run(sweeper.run(force=True))
    finally:
        restarted.close()

    assert notifier.sent == [
        # Fri 22 May failed in Teams; it stayed due and went on Saturday's sweep.
        (date(2026, 5, 23), "review_due", a.id, OWNER.id),
        # Fri 5 Jun fell in the downtime: sent on the first sweep after it.
        (date(2026, 6, 7), "review_due", a.id, OWNER.id),
        (date(2026, 6, 9), "review_overdue", a.id, HEAD.id),
    ]
    assert (reports[0].sent, again.skipped, forced.ran, forced.sent) == (
        1,
        "today's sweep is done",
        True,
        0,
    )
    with store.engine.connect() as connection:
        due_days = sorted(
            row[0] for row in connection.exec_driver_sql("SELECT due_on FROM reminder_sent")
        )
    assert [str(d) for d in due_days] == ["2026-05-22", "2026-06-05", "2026-06-09"]
    runs = SqlScheduleStore(store.engine).runs("daily-sweep")
    assert [r[2] for r in runs].count("failed") == 0
    assert {(r[0], r[1]) for r in runs if r[0] == date(2026, 6, 7)} == {(date(2026, 6, 7), "two")}
