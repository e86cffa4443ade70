"""Reopened email: who reopened a filed email, and how far its return to Escalated has got.

The digest's "this has a new issue" is pressed in the bot, which may not
touch the mailbox; the press is recorded on the claim and the watcher
moves the email back on its next pass (mailbox/reopening.py). The claim's
original decision is left as it was. Types are written out, as in 0001,
so this revision keeps meaning what it meant when the application's code
changes later; the server defaults fill the rows already held.

Revision ID: 0009_mail_return
Revises: 0008_audit_retention
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_mail_return"
down_revision = "0008_audit_retention"
branch_labels = None
depends_on = None

WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    with op.batch_alter_table("mail_claim") as table:
        table.add_column(
            sa.Column("reopened_by", sa.String(length=64), nullable=False, server_default="")
        )
        table.add_column(sa.Column("reopened_at", WHEN, nullable=True))
        table.add_column(
            sa.Column("return_state", sa.String(length=40), nullable=False, server_default="")
        )
        table.add_column(
            sa.Column("returned_to", sa.String(length=200), nullable=False, server_default="")
        )
        table.add_column(sa.Column("returned_at", WHEN, nullable=True))
    op.create_index("ix_mail_claim_mailbox_return_state", "mail_claim", ["mailbox", "return_state"])


def downgrade() -> None:
    op.drop_index("ix_mail_claim_mailbox_return_state", table_name="mail_claim")
    with op.batch_alter_table("mail_claim") as table:
        for column in ("returned_at", "returned_to", "return_state", "reopened_at", "reopened_by"):
            table.drop_column(column)
