"""Decision papers: letters, skipped steps and refused proposals.

Hand-checked against store/tables_decisions.py (tests/store/test_migrations.py
compares them; Alembic does not compare CHECK constraints, so
tests/store/test_decision_tables.py shows the letter's one refusing a row
both sent and not sent). Every restriction_id cascades on delete: the papers
go with their restriction when retention removes it.

Revision ID: 0005_decisions
Revises: 0004_schedule
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_decisions"
down_revision = "0004_schedule"
branch_labels = None
depends_on = None

ID = sa.String(length=64)
KEY = sa.String(length=40)
NAME = sa.String(length=200)

TABLES = ("letter", "step_skip", "proposal_refusal")


def _restriction_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["restriction_id"],
        ["restriction.id"],
        name=f"fk_{table}_restriction_id_restriction",
        ondelete="CASCADE",
    )


def upgrade() -> None:
    op.create_table(
        "letter",
        sa.Column("id", ID, nullable=False),
        sa.Column("restriction_id", ID, nullable=False),
        sa.Column("kind", KEY, nullable=False),
        sa.Column("generated_on", sa.Date(), nullable=False),
        sa.Column("about_id", ID, nullable=True),
        sa.Column("send_by", sa.Date(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("not_sent_reason", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "sent_on IS NULL OR not_sent_reason = ''", name="ck_letter_sent_or_not_sent"
        ),
        _restriction_fk("letter"),
        sa.PrimaryKeyConstraint("id", name="pk_letter"),
    )
    op.create_index("ix_letter_restriction_id", "letter", ["restriction_id"])
    op.create_table(
        "step_skip",
        sa.Column("id", ID, nullable=False),
        sa.Column("restriction_id", ID, nullable=False),
        sa.Column("skipped_steps", sa.JSON(), nullable=False),
        sa.Column("grounds", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("recorded_by_name", NAME, nullable=False),
        sa.Column("recorded_by_title", NAME, nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        _restriction_fk("step_skip"),
        sa.PrimaryKeyConstraint("id", name="pk_step_skip"),
    )
    op.create_index(
        "ix_step_skip_restriction_id", "step_skip", ["restriction_id"], unique=True
    )
    op.create_table(
        "proposal_refusal",
        sa.Column("id", ID, nullable=False),
        sa.Column("restriction_id", ID, nullable=False),
        sa.Column("refused_by_name", NAME, nullable=False),
        sa.Column("refused_by_title", NAME, nullable=False),
        sa.Column("refused_on", sa.Date(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        _restriction_fk("proposal_refusal"),
        sa.PrimaryKeyConstraint("id", name="pk_proposal_refusal"),
    )
    op.create_index(
        "ix_proposal_refusal_restriction_id",
        "proposal_refusal",
        ["restriction_id"],
        unique=True,
    )


def downgrade() -> None:
    for name in TABLES:
        op.drop_table(name)  # drops its indexes too
