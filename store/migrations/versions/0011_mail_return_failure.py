"""A reopened email whose move back keeps failing: its attempts and last error, on its claim.

The watcher moves an email reopened from the digest back to where escalated
email is kept (0009). A move that fails for a reason other than an outage
was tried again on every pass without end; now each failure is counted,
with its error, and after the watcher's `max_attempts` the return is
recorded as failed (`return_state` 'failed', which its 40 characters hold)
and left for an operator (mailbox/reopening.py). Types are written out, as
in 0001, so this revision keeps meaning what it meant when the
application's code changes later; the server defaults fill the rows
already held. Plain ALTER TABLE, not a batch copy, as in 0010: re-creating
`mail_claim` on SQLite would trip the foreign keys of the correspondence
and feedback that refer to it.

Revision ID: 0011_mail_return_failure
Revises: 0010_restriction_proposer
Create Date: 2026-12-09
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_mail_return_failure"
down_revision = "0010_restriction_proposer"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "mail_claim",
        sa.Column("return_attempts", sa.Integer(), nullable=False, server_default="0"),
    )
    op.add_column(
        "mail_claim", sa.Column("return_error", sa.Text(), nullable=False, server_default="")
    )


def downgrade() -> None:
    op.drop_column("mail_claim", "return_error")
    op.drop_column("mail_claim", "return_attempts")
