"""Run one sweep: plan it from the register, send what is due, record each send, apply the rest.

Order matters for "nothing lost, nothing twice". The plan leaves out every
reminder already recorded; each notice is recorded the moment it is
delivered, so a crash loses at most the record of the one notice in
flight (sent again next time rather than never). A notice that is not
delivered (the notifier says so, or raises) is not recorded and is tried
again at the next sweep. Status changes and deletions each commit on
their own with their audit entry; a sweep that stops half-way leaves a
register the next sweep finishes from. Last, audit entries older than the
audit retention period are pruned (register/schedule/audit_retention.py),
under the same lock, so two instances never prune at once.

The day comes from an injected clock, so tests move it day by day
without patching the standard library.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from register.notices import Notifier
from register.policy import Preset, RetentionAction
from register.schedule import SweepPlan, plan_sweep
from register.schedule.audit_retention import DEFAULT_MONTHS, audit_cutoff
from register.schedule.digest import FiledMailSource, digest_window
from register.schedule.model import Due
from register.schedule.ports import ScheduleStore
from scheduler.locks import sweep_lock

log = logging.getLogger(__name__)

JOB = "daily-sweep"
ACTOR = "system:scheduler"


def london_today(zone: str = "Europe/London") -> Callable[[], date]:
    """A clock giving today's date where the council is."""
    tz = ZoneInfo(zone)
    return lambda: datetime.now(tz).date()


@dataclass(slots=True)
class SweepReport:
    """What one call to `Sweeper.run` did, for the log and for tests."""

    day: date
    ran: bool
    skipped: str = ""
    sent: int = 0
    not_delivered: int = 0
    changed: int = 0
    deleted: int = 0
    audit_pruned: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def detail(self) -> str:
        return (
            f"sent {self.sent}, not delivered {self.not_delivered}, "
            f"status changes {self.changed}, cases deleted {self.deleted}, "
            f"audit entries pruned {self.audit_pruned}"
        )


class Sweeper:
    """Runs the daily sweep for one council's preset against one register."""

    def __init__(
        self,
        store: ScheduleStore,
        engine: sa.Engine,
        preset: Preset,
        notifier: Notifier,
        *,
        clock: Callable[[], date] | None = None,
        instance: str | None = None,
        filed_mail: FiledMailSource | None = None,
        audit_months: int = DEFAULT_MONTHS,
    ) -> None:
        self.store, self.engine, self.preset, self.notifier = store, engine, preset, notifier
        self.audit_months = audit_months
        self.clock = clock or london_today()
        self.instance = instance or f"{socket.gethostname()}:{id(self):x}"
        self.filed_mail = filed_mail

    async def run(self, *, force: bool = False) -> SweepReport:
        """Sweep for today, unless another instance is sweeping or today's sweep is done."""
        today = self.clock()
        with sweep_lock(self.engine) as held:
            if not held:
                return SweepReport(today, ran=False, skipped="another instance is sweeping")
            if not force and await asyncio.to_thread(self.store.ran_on, JOB, today):
                return SweepReport(today, ran=False, skipped="today's sweep is done")
            return await self._run_locked(today)

    async def _run_locked(self, today: date) -> SweepReport:
        report = SweepReport(today, ran=True)
        run_id = await asyncio.to_thread(self.store.begin_run, JOB, today, self.instance)
        try:
            plan = await asyncio.to_thread(self._plan, today)
            await self._send(plan.dues, run_id, report)
            await asyncio.to_thread(self._apply, plan, report)
            await asyncio.to_thread(self._prune_audit, today, report)
        except Exception as error:
            log.exception("the sweep for %s failed", today)
            report.problems.append(str(error))
            await asyncio.to_thread(self.store.finish_run, run_id, "failed", report.detail)
            return report
        await asyncio.to_thread(self.store.finish_run, run_id, "done", report.detail)
        log.info("sweep for %s: %s", today, report.detail)
        return report

    def _plan(self, today: date) -> SweepPlan:
        deletes = self.preset.retention.closed_cases is RetentionAction.DELETE
        data = self.store.load(with_people=deletes)
        window = digest_window(today, self.preset)
        if self.filed_mail is not None and window is not None:
            data = replace(data, filed=self.filed_mail.filed_between(*window))
        return plan_sweep(today, self.preset, data, self.store.sent_keys())

    async def _send(self, dues: tuple[Due, ...], run_id: str, report: SweepReport) -> None:
        for due in dues:
            try:
                delivery = await self.notifier.notify(due.notice)
            except Exception:
                log.exception("could not deliver %s; it stays due", due.key)
                report.not_delivered += 1
                continue
            if not delivery.delivered:
                log.warning("%s not delivered (%s); it stays due", due.key, delivery.detail)
                report.not_delivered += 1
                continue
            await asyncio.to_thread(self.store.record_sent, due, delivery.route, run_id)
            report.sent += 1

    def _apply(self, plan: SweepPlan, report: SweepReport) -> None:
        for change in plan.changes:
            report.changed += self.store.apply_change(change, ACTOR)
        for deletion in plan.deletions:
            if self.store.delete_case(deletion, ACTOR) is not None:
                report.deleted += 1

    def _prune_audit(self, today: date, report: SweepReport) -> None:
        before = audit_cutoff(today, self.audit_months)
        report.audit_pruned = self.store.prune_audit(before, ACTOR)
