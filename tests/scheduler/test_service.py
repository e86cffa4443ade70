"""The daily job lives in the app's event loop: 07:00 Europe/London, plus a run at start-up."""

from __future__ import annotations

import asyncio
from datetime import date

from register.policy import load_preset
from scheduler.service import run_now, start_scheduler
from scheduler.sweeper import JOB
from store.repository import SqlRegisterStore
from tests.scheduler.harness import Clock, RecordingNotifier, seed, sweeper_for


def test_the_scheduler_runs_a_sweep_at_start_and_daily_at_the_set_time(
    store: SqlRegisterStore,
) -> None:
    seed(store)
    clock = Clock(date(2026, 3, 2))
    sweeper = sweeper_for(store, load_preset("oxfordshire-cc"), RecordingNotifier(clock))

    async def scenario() -> tuple[str, str, bool, bool]:
        scheduler = start_scheduler(sweeper, at="07:30")
        try:
            for _ in range(200):  # the start-up run happens at once
                await asyncio.sleep(0.02)
                if await asyncio.to_thread(sweeper.store.ran_on, JOB, clock.day):
                    break
            daily = scheduler.get_job(JOB)
            again = await run_now(sweeper)
            return str(daily.trigger), str(daily.trigger.timezone), again.ran, not again.skipped
        finally:
            scheduler.shutdown(wait=False)

    trigger, zone, forced_ran, not_skipped = asyncio.run(scenario())
    assert "hour='7'" in trigger and "minute='30'" in trigger
    assert zone == "Europe/London"
    assert sweeper.store.ran_on(JOB, clock.day)  # the start-up catch-up run
    assert forced_ran and not_skipped  # "run now" sweeps even when today's is done
