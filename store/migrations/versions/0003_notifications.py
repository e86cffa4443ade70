"""Conversation references and notice deliveries (store/tables_notify.py).

Types are written out, as in 0001, so this revision keeps meaning what it
meant when the application's code changes later.

Revision ID: 0003_notifications
Revises: 0002_conversation_state
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_notifications"
down_revision = "0002_conversation_state"
branch_labels = None
depends_on = None

ID = sa.String(length=64)
KEY = sa.String(length=40)
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "conversation_reference",
        sa.Column("aad_id", ID, nullable=False),
        sa.Column("reference", sa.JSON(), nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.Column("blocked_at", WHEN, nullable=True),
        sa.PrimaryKeyConstraint("aad_id", name="pk_conversation_reference"),
    )
    op.create_table(
        "notice_delivery",
        sa.Column("id", ID, nullable=False),
        sa.Column("notice_kind", KEY, nullable=False),
        sa.Column("recipient", ID, nullable=False),
        sa.Column("target", sa.String(length=254), nullable=False),
        sa.Column("record_type", KEY, nullable=False),
        sa.Column("record_id", ID, nullable=False),
        sa.Column("route", sa.String(length=20), nullable=False),
        sa.Column("delivered", sa.Boolean(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_notice_delivery"),
    )
    op.create_index("ix_notice_delivery_at", "notice_delivery", ["at"])
    op.create_index("ix_notice_delivery_recipient", "notice_delivery", ["recipient"])
    op.create_index("ix_notice_delivery_record", "notice_delivery", ["record_type", "record_id"])


def downgrade() -> None:
    op.drop_table("notice_delivery")
    op.drop_table("conversation_reference")
