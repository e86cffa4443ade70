"""Who proposed a restriction, kept on the restriction itself.

Reminders about a restriction go to the member of staff who proposed it.
Until now that was read from the restriction's first 'create' entry in the
audit trail, but audit retention (0008) deletes entries after the council's
period, so a restriction still running after six years lost its proposer
and its reminders fell back to whoever matched the deciding officer's name.
The proposer's Entra ID object id is now a column of `restriction`, filled
in when a proposal is saved and here, for the restrictions already held,
from the audit entries that are still there. Restrictions whose entry was
already pruned, and imported ones (which never had one), stay NULL.

The backfill is one UPDATE with a correlated sub-query that both SQLite and
PostgreSQL run as written; it reads the audit trail and never changes it,
so the append-only triggers are not involved. As in 0001, names and SQL are
written out, so this revision keeps meaning what it meant when the
application's code changes later.

Revision ID: 0010_restriction_proposer
Revises: 0009_mail_return
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_restriction_proposer"
down_revision = "0009_mail_return"
branch_labels = None
depends_on = None

# The first (oldest) 'create' entry about each restriction names its proposer;
# the id breaks a tie between two entries written in the same instant.
BACKFILL = """
    UPDATE restriction SET proposed_by = (
        SELECT a.actor FROM audit_entry a
        WHERE a.subject_type = 'restriction'
          AND a.action = 'create'
          AND a.subject_id = restriction.id
        ORDER BY a.at, a.id
        LIMIT 1
    )
    WHERE proposed_by IS NULL
"""


def upgrade() -> None:
    op.add_column("restriction", sa.Column("proposed_by", sa.String(length=100), nullable=True))
    op.execute(BACKFILL)


def downgrade() -> None:
    # A plain ALTER TABLE ... DROP COLUMN (SQLite 3.35 and later), not a batch
    # copy: re-creating `restriction` would cascade-delete its reviews and papers.
    op.drop_column("restriction", "proposed_by")
