"""The scheduler's tables: reminders sent (each key once) and the sweep run log.

Revision ID: 0004_schedule
Revises: 0003_notifications
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_schedule"
down_revision = "0003_notifications"
branch_labels = None
depends_on = None

ID = sa.String(length=64)
KEY = sa.String(length=40)
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "reminder_sent",
        sa.Column("id", ID, nullable=False),
        sa.Column("kind", KEY, nullable=False),
        sa.Column("record_id", ID, nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("recipient", ID, nullable=False),
        sa.Column("sent_at", WHEN, nullable=False),
        sa.Column("route", KEY, nullable=False),
        sa.Column("sweep_run_id", ID, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_reminder_sent"),
        sa.UniqueConstraint(
            "kind",
            "record_id",
            "due_on",
            "recipient",
            name="uq_reminder_sent_kind_record_id_due_on_recipient",
        ),
    )
    op.create_index("ix_reminder_sent_record_id", "reminder_sent", ["record_id"])
    op.create_table(
        "sweep_run",
        sa.Column("id", ID, nullable=False),
        sa.Column("job", KEY, nullable=False),
        sa.Column("for_day", sa.Date(), nullable=False),
        sa.Column("instance", sa.String(length=200), nullable=False),
        sa.Column("started_at", WHEN, nullable=False),
        sa.Column("finished_at", WHEN, nullable=True),
        sa.Column("outcome", KEY, nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sweep_run"),
    )
    op.create_index("ix_sweep_run_job_for_day", "sweep_run", ["job", "for_day"])


def downgrade() -> None:
    op.drop_table("sweep_run")
    op.drop_table("reminder_sent")
