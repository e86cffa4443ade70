"""The scheduler's sweeps as pure functions: given today, a preset and the register, what is due.

Each sweep answers one question the policies ask on a date (is a review
coming up, is one overdue, has an appeal window closed, is a closed case
past its retention period, how far back is the audit trail kept) and
returns values: notices due to someone on a day, status changes the
policy makes on its own, cases to delete, and the audit cut-off.
Nothing here sends, saves or reads a clock; the `scheduler` package does
that, so the same answers can be checked in tests for any day of any year.

Who gets what (see `recipients`):

- review coming due (two weeks and two days before, on a working day):
  the restriction's owner;
- review overdue, customer not told a review outcome in time: the owner's
  manager;
- appeal received, appeal window closed, provisional end date reached,
  customer to be told a review outcome: the owner;
- premise risk due for review, or overdue: the register administrators;
- filed-mail digest: the SPOC officer each filed item names.
"""

from register.schedule.model import (
    Case,
    Change,
    Deletion,
    Due,
    PersonCase,
    ReminderKey,
    SweepInput,
)
from register.schedule.sweep import SweepPlan, plan_sweep

__all__ = [
    "Case",
    "Change",
    "Deletion",
    "Due",
    "PersonCase",
    "ReminderKey",
    "SweepInput",
    "SweepPlan",
    "plan_sweep",
]
