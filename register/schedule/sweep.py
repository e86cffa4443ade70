"""One sweep: every question asked on one day, minus what has been sent already.

The plan is the whole answer for `today`: notices not yet recorded as
sent (each key once, even if two sweeps would both produce it), status
changes, and deletions. Deletions skip anyone a notice is still about, so
a case is never deleted on the day someone is being told about it.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from datetime import date

from register.policy import Preset
from register.schedule.appeals import appeals
from register.schedule.digest import digests
from register.schedule.end_dates import end_dates
from register.schedule.model import Change, Deletion, Due, ReminderKey, SweepInput
from register.schedule.outcomes import outcome_notices
from register.schedule.recipients import Directory
from register.schedule.retention import retention
from register.schedule.reviews import reviews_due, reviews_overdue, risk_reviews


@dataclass(frozen=True, slots=True)
class SweepPlan:
    """What one sweep will send, change and delete."""

    dues: tuple[Due, ...] = ()
    changes: tuple[Change, ...] = ()
    deletions: tuple[Deletion, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.dues or self.changes or self.deletions)


def _unsent(dues: list[Due], sent: Container[ReminderKey]) -> tuple[Due, ...]:
    """Each key once, in the order found, leaving out keys already sent."""
    seen: set[ReminderKey] = set()
    kept = []
    for due in dues:
        if due.key in seen or due.key in sent:
            continue
        seen.add(due.key)
        kept.append(due)
    return tuple(kept)


def _one_change_each(changes: list[Change]) -> tuple[Change, ...]:
    """The first change planned for each restriction; the next sweep sees the rest."""
    by_id: dict[str, Change] = {}
    for change in changes:
        by_id.setdefault(change.restriction.id, change)
    return tuple(by_id.values())


def plan_sweep(
    today: date, preset: Preset, data: SweepInput, sent: Container[ReminderKey]
) -> SweepPlan:
    """Everything due on `today` under `preset`, given the register and what was sent."""
    staff = Directory.of(data.staff)
    cases = list(data.cases)
    overdue, lapses = reviews_overdue(today, preset, cases, staff)
    appeal_dues, markings = appeals(today, preset, cases, staff)
    dues = [
        *reviews_due(today, preset, cases, staff),
        *overdue,
        *appeal_dues,
        *outcome_notices(today, preset, cases, staff),
        *end_dates(today, preset, cases, staff),
        *risk_reviews(today, preset, list(data.risks), staff),
        *digests(today, preset, list(data.filed)),
    ]
    return SweepPlan(
        dues=_unsent(dues, sent),
        changes=_one_change_each([*markings, *lapses]),
        deletions=tuple(retention(today, preset, data.people)),
    )
