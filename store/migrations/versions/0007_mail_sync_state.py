"""The EWS backend's SyncFolderItems state per mailbox and folder (store/tables_ews.py).

Types are written out, as in 0001, so this revision keeps meaning what it
meant when the application's code changes later.

Revision ID: 0007_mail_sync_state
Revises: 0006_mail
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_mail_sync_state"
down_revision = "0006_mail"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mail_sync_state",
        sa.Column("mailbox", sa.Text(), nullable=False),
        sa.Column("folder", sa.Text(), nullable=False),
        sa.Column("sync_state", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("mailbox", "folder", name="pk_mail_sync_state"),
    )


def downgrade() -> None:
    op.drop_table("mail_sync_state")
