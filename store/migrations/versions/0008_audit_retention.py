"""Audit retention: the audit trail's triggers let retention, and only retention, prune it.

Until now the triggers refused every UPDATE and DELETE on `audit_entry`.
Audit entries hold personal data (the name or address typed into a
look-up), so they are now deleted after the council's audit retention
period (register/schedule/audit_retention.py). The triggers still refuse
every UPDATE, and a DELETE unless the same transaction holds a row in
`audit_prune_permit` dated after the entry; an entry recording a deletion
(action 'delete': a case's tombstone, a pruning's summary) is refused
always. Retention inserts its permit and deletes it before committing, so
no other connection ever sees one and a hand-typed DELETE is still
refused. Types and SQL are written out, as in 0001, so this revision
keeps meaning what it meant when the application's code changes later.

Revision ID: 0008_audit_retention
Revises: 0007_mail_sync_state
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_audit_retention"
down_revision = "0007_mail_sync_state"
branch_labels = None
depends_on = None

OLD_MESSAGE = "the audit trail is append-only: entries are never changed or removed"
MESSAGE = (
    "the audit trail is append-only: entries are never changed, "
    "and only audit retention removes old ones"
)
PERMITTED = (
    "OLD.action <> 'delete' AND EXISTS "
    "(SELECT 1 FROM audit_prune_permit p WHERE OLD.at < p.prunes_before)"
)


def upgrade() -> None:
    op.create_table(
        "audit_prune_permit",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("prunes_before", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_prune_permit"),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgres_guard(
            f"""
            IF TG_OP = 'DELETE' AND {PERMITTED} THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION '{MESSAGE}';
            """
        )
        return
    _sqlite_guard(MESSAGE, f"NOT ({PERMITTED})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _postgres_guard(f"RAISE EXCEPTION '{OLD_MESSAGE}';")
    else:
        _sqlite_guard(OLD_MESSAGE, "")
    op.drop_table("audit_prune_permit")


def _postgres_guard(body: str) -> None:
    """Replace the trigger function 0001 made; its trigger fires on UPDATE and DELETE."""
    op.execute(
        f"""
        CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
        BEGIN
            {body}
        END;
        $$ LANGUAGE plpgsql
        """
    )


def _sqlite_guard(message: str, delete_when: str) -> None:
    """Re-create 0001's two triggers: UPDATE always refused, DELETE unless permitted."""
    for event, when in (("UPDATE", ""), ("DELETE", delete_when)):
        name = f"audit_entry_no_{event.lower()}"
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute(
            f"CREATE TRIGGER {name} BEFORE {event} ON audit_entry "
            + (f"WHEN {when} " if when else "")
            + f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )
