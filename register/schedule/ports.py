"""The port the scheduler talks through: read the register, record what was sent and done.

Kept apart from `register.ports` so the register's unit of work does not
grow methods only the scheduler needs; the lead may fold it in. Every
method is its own unit of work: a notice is recorded as sent right after
it is delivered, a status change and its audit entry are saved together,
a deletion and its tombstone are one transaction, and audit pruning goes
in batches, each its own transaction.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date
from typing import Protocol

from register.schedule.model import Change, Deletion, Due, ReminderKey, SweepInput


class ScheduleStore(Protocol):
    def load(self, *, with_people: bool) -> SweepInput:
        """Restrictions with reviews, appeals and proposers; risks; staff; and, if asked,
        each person's retention facts (slow on a big register, so only when it can delete)."""

    def sent_keys(self) -> Container[ReminderKey]:
        """Every reminder key recorded as sent."""

    def record_sent(self, due: Due, route: str, run_id: str) -> bool:
        """Record a delivered notice; False if its key was recorded already."""

    def apply_change(self, change: Change, actor: str) -> bool:
        """Save a status change with its audit entry; False if the record moved meanwhile."""

    def delete_case(self, deletion: Deletion, actor: str) -> dict[str, int] | None:
        """Delete a person's records and leave a tombstone, re-checking in the same
        transaction that the case is still closed and idle; None if it no longer is."""

    def prune_audit(self, before: date, actor: str) -> int:
        """Delete audit entries dated before `before` (UTC), except deletion records, in
        batches of one transaction each; the batch that finishes also saves the
        `pruning_record` when anything went. Returns how many entries were deleted."""

    def ran_on(self, job: str, day: date) -> bool:
        """Whether `job` already finished a run for `day`."""

    def begin_run(self, job: str, day: date, instance: str) -> str:
        """Log the start of a run; returns its id."""

    def finish_run(self, run_id: str, outcome: str, detail: str) -> None:
        """Log how a run ended ("done" or "failed") and what it did."""
