"""The scheduler's tables: which reminders were sent, and which sweeps ran.

`reminder_sent` is what makes a reminder go out once: its key (kind,
record, due day, recipient) is unique, and a row is written as soon as
the notice is delivered, so neither a restart nor a second instance sends
it again. `sweep_run` logs each sweep (who ran it, for which day, how it
ended), so a sweep that finished for a day is not run again that day and
an operator can see what each run did. Neither holds personal data.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlmodel import Field

from store.tables import ID, KEY, TEXT, RegisterTable
from store.types import UTCDateTime


class ReminderSentRow(RegisterTable, table=True):
    __tablename__ = "reminder_sent"
    __table_args__ = (sa.UniqueConstraint("kind", "record_id", "due_on", "recipient"),)

    id: str = Field(sa_type=ID, primary_key=True)
    kind: str = Field(sa_type=KEY)
    record_id: str = Field(sa_type=ID, index=True)
    due_on: date
    recipient: str = Field(sa_type=ID)
    sent_at: datetime = Field(sa_type=UTCDateTime)
    route: str = Field(sa_type=KEY)
    sweep_run_id: str | None = Field(default=None, sa_type=ID)


class SweepRunRow(RegisterTable, table=True):
    __tablename__ = "sweep_run"
    __table_args__ = (sa.Index("ix_sweep_run_job_for_day", "job", "for_day"),)

    id: str = Field(sa_type=ID, primary_key=True)
    job: str = Field(sa_type=KEY)
    for_day: date
    instance: str = Field(sa_type=sa.String(200))
    started_at: datetime = Field(sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    outcome: str = Field(sa_type=KEY)  # "running", "done", "failed"
    detail: str = Field(default="", sa_type=TEXT)
