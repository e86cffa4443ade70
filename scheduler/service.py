"""The daily job in the app's event loop: APScheduler 3's AsyncIOScheduler.

There is one job, the sweep, at a configurable time (07:00 Europe/London
by default), plus a run at start-up: a process that was down at 07:00
catches up as soon as it is back, and the sweep itself finds everything
due since the last one. Missed runs are coalesced into one, and a run is
never refused for being late. A second instance starts the same jobs;
the sweep's lock and run log make sure only one of them does the work.
"""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from apscheduler.schedulers.asyncio import AsyncIOScheduler  # type: ignore[import-untyped]
from apscheduler.triggers.cron import CronTrigger  # type: ignore[import-untyped]

from scheduler.sweeper import JOB, Sweeper, SweepReport

START_UP_JOB = "sweep-at-start"


def parse_time(text: str) -> time:
    """'07:00' -> time(7, 0); the setting's format."""
    hour, _, minute = text.partition(":")
    return time(int(hour), int(minute or 0))


def start_scheduler(
    sweeper: Sweeper, *, at: str = "07:00", timezone: str = "Europe/London"
) -> AsyncIOScheduler:
    """Start the scheduler in the running event loop; call `shutdown()` on it at exit."""
    zone = ZoneInfo(timezone)
    when = parse_time(at)
    scheduler = AsyncIOScheduler(timezone=zone)
    scheduler.add_job(
        sweeper.run,
        CronTrigger(hour=when.hour, minute=when.minute, timezone=zone),
        id=JOB,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=None,
        replace_existing=True,
    )
    scheduler.add_job(
        sweeper.run, id=START_UP_JOB, next_run_time=datetime.now(zone), misfire_grace_time=None
    )
    scheduler.start()
    return scheduler


async def run_now(sweeper: Sweeper) -> SweepReport:
    """Sweep now even if today's sweep is done (an operator's "run now"); still one instance."""
    return await sweeper.run(force=True)
