"""The register: every table of the first release.

Hand-checked against store/tables.py (tests/store/test_migrations.py
compares them on SQLite and PostgreSQL). Types are written out here rather
than imported from the application, so this revision keeps meaning what it
meant when later code changes: WHEN is the column behind
store.types.UTCDateTime, which converts to UTC in Python and stores no
zone on SQLite.

Revision ID: 0001_register
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_register"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(length=64)
KEY = sa.String(length=40)
NAME = sa.String(length=200)
WHEN = sa.DateTime(timezone=True)

TABLES = (
    "review",
    "appeal",
    "terminated_call",
    "restriction",
    "premise_risk",
    "person_email",
    "person_alias",
    "incident",
    "contact",
    "person",
    "staff_member",
    "property",
    "audit_entry",
)

AUDIT_MESSAGE = "the audit trail is append-only: entries are never changed or removed"


def upgrade() -> None:
    """Every table of the first release, in foreign-key order, then the audit guards."""
    op.create_table(
        "audit_entry",
        sa.Column("id", ID, nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", KEY, nullable=False),
        sa.Column("subject_type", KEY, nullable=False),
        sa.Column("subject_id", ID, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_entry"),
    )
    op.create_index("ix_audit_entry_actor", "audit_entry", ["actor"])
    op.create_index("ix_audit_entry_at", "audit_entry", ["at"])
    op.create_index("ix_audit_entry_subject", "audit_entry", ["subject_type", "subject_id"])
    op.create_table(
        "property",
        sa.Column("id", ID, nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("postcode", sa.String(length=10), nullable=False),
        sa.Column("uprn", sa.String(length=12), nullable=True),
        sa.Column("postcode_key", sa.String(length=10), nullable=False),
        sa.Column("street_key", NAME, nullable=False),
        sa.Column("house_key", NAME, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_property"),
    )
    op.create_index("ix_property_house_key", "property", ["house_key"])
    op.create_index("ix_property_postcode_house", "property", ["postcode_key", "house_key"])
    op.create_index("ix_property_street_key", "property", ["street_key"])
    op.create_index("ix_property_uprn", "property", ["uprn"])
    op.create_table(
        "staff_member",
        sa.Column("aad_object_id", ID, nullable=False),
        sa.Column("name", NAME, nullable=False),
        sa.Column("job_title", NAME, nullable=False),
        sa.Column("role", KEY, nullable=False),
        sa.Column("service", NAME, nullable=True),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("manager_aad_id", ID, nullable=True),
        sa.PrimaryKeyConstraint("aad_object_id", name="pk_staff_member"),
    )
    op.create_index("ix_staff_member_email", "staff_member", ["email"])
    op.create_table(
        "person",
        sa.Column("id", ID, nullable=False),
        sa.Column("name", NAME, nullable=False),
        sa.Column("name_key", NAME, nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("emails", sa.JSON(), nullable=False),
        sa.Column("phones", sa.JSON(), nullable=False),
        sa.Column("property_id", ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["property_id"], ["property.id"], name="fk_person_property_id_property"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_person"),
    )
    op.create_index("ix_person_name_key", "person", ["name_key"])
    op.create_index("ix_person_property_id", "person", ["property_id"])
    op.create_table(
        "contact",
        sa.Column("id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("channel", KEY, nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("source", KEY, nullable=False),
        sa.Column("reference", sa.String(length=998), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_contact_person_id_person"),
        sa.PrimaryKeyConstraint("id", name="pk_contact"),
    )
    op.create_index("ix_contact_person_id", "contact", ["person_id"])
    op.create_index("ix_contact_reference", "contact", ["reference"])
    op.create_table(
        "incident",
        sa.Column("id", ID, nullable=False),
        sa.Column("occurred_at", WHEN, nullable=False),
        sa.Column("channel", KEY, nullable=False),
        sa.Column("staff_id", ID, nullable=False),
        sa.Column("behaviours", sa.JSON(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("person_id", ID, nullable=True),
        sa.Column("property_id", ID, nullable=True),
        sa.Column("service", NAME, nullable=True),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("police_involved", sa.Boolean(), nullable=True),
        sa.Column("injuries", sa.Boolean(), nullable=True),
        sa.Column("witnesses", sa.Text(), nullable=False),
        sa.Column("manager_told_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name="fk_incident_person_id_person"),
        sa.ForeignKeyConstraint(
            ["property_id"], ["property.id"], name="fk_incident_property_id_property"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_incident"),
    )
    op.create_index("ix_incident_person_id", "incident", ["person_id"])
    op.create_index("ix_incident_property_id", "incident", ["property_id"])
    op.create_index("ix_incident_staff_id", "incident", ["staff_id"])
    op.create_table(
        "person_alias",
        sa.Column("person_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("alias", NAME, nullable=False),
        sa.Column("name_key", NAME, nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name="fk_person_alias_person_id_person",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "position", name="pk_person_alias"),
    )
    op.create_index("ix_person_alias_name_key", "person_alias", ["name_key"])
    op.create_table(
        "person_email",
        sa.Column("person_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name="fk_person_email_person_id_person",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "position", name="pk_person_email"),
    )
    op.create_index("ix_person_email_email", "person_email", ["email"])
    op.create_table(
        "premise_risk",
        sa.Column("id", ID, nullable=False),
        sa.Column("hazard", KEY, nullable=False),
        sa.Column("severity", KEY, nullable=False),
        sa.Column("precautions", sa.JSON(), nullable=False),
        sa.Column("details_contact", NAME, nullable=False),
        sa.Column("recorded_on", sa.Date(), nullable=False),
        sa.Column("property_id", ID, nullable=True),
        sa.Column("person_id", ID, nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("next_review", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_premise_risk_person_id_person"
        ),
        sa.ForeignKeyConstraint(
            ["property_id"], ["property.id"], name="fk_premise_risk_property_id_property"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_premise_risk"),
    )
    op.create_index("ix_premise_risk_next_review", "premise_risk", ["next_review"])
    op.create_index("ix_premise_risk_person_id", "premise_risk", ["person_id"])
    op.create_index("ix_premise_risk_property_id", "premise_risk", ["property_id"])
    op.create_table(
        "restriction",
        sa.Column("id", ID, nullable=False),
        sa.Column("kind", KEY, nullable=False),
        sa.Column("person_id", ID, nullable=True),
        sa.Column("property_id", ID, nullable=True),
        sa.Column("stage", NAME, nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("decided_by_name", NAME, nullable=False),
        sa.Column("decided_by_title", NAME, nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("service", NAME, nullable=True),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("equality_considerations", sa.Text(), nullable=False),
        sa.Column("approved_by_name", NAME, nullable=True),
        sa.Column("approved_by_title", NAME, nullable=True),
        sa.Column("provisional_end", sa.Date(), nullable=True),
        sa.Column("customer_told_on", sa.Date(), nullable=True),
        sa.Column("next_review", sa.Date(), nullable=True),
        sa.Column("status", KEY, nullable=False),
        sa.Column("updated_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_restriction_person_id_person"
        ),
        sa.ForeignKeyConstraint(
            ["property_id"], ["property.id"], name="fk_restriction_property_id_property"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_restriction"),
    )
    op.create_index("ix_restriction_next_review", "restriction", ["next_review"])
    op.create_index("ix_restriction_person_id", "restriction", ["person_id"])
    op.create_index("ix_restriction_property_id", "restriction", ["property_id"])
    op.create_index("ix_restriction_status", "restriction", ["status"])
    op.create_table(
        "terminated_call",
        sa.Column("id", ID, nullable=False),
        sa.Column("occurred_at", WHEN, nullable=False),
        sa.Column("staff_id", ID, nullable=False),
        sa.Column("warned_first", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("caller", NAME, nullable=False),
        sa.Column("person_id", ID, nullable=True),
        sa.Column("behaviours", sa.JSON(), nullable=False),
        sa.Column("service", NAME, nullable=True),
        sa.Column("manager_told_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_terminated_call_person_id_person"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_terminated_call"),
    )
    op.create_index("ix_terminated_call_person_id", "terminated_call", ["person_id"])
    op.create_index("ix_terminated_call_staff_id", "terminated_call", ["staff_id"])
    op.create_table(
        "appeal",
        sa.Column("id", ID, nullable=False),
        sa.Column("restriction_id", ID, nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("grounds", sa.Text(), nullable=False),
        sa.Column("heard_by_name", NAME, nullable=True),
        sa.Column("heard_by_title", NAME, nullable=True),
        sa.Column("outcome", KEY, nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("customer_told_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["restriction_id"], ["restriction.id"], name="fk_appeal_restriction_id_restriction"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_appeal"),
    )
    op.create_index("ix_appeal_restriction_id", "appeal", ["restriction_id"])
    op.create_table(
        "review",
        sa.Column("id", ID, nullable=False),
        sa.Column("restriction_id", ID, nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("reviewer_name", NAME, nullable=True),
        sa.Column("reviewer_title", NAME, nullable=True),
        sa.Column("outcome", KEY, nullable=True),
        sa.Column("considerations", sa.Text(), nullable=False),
        sa.Column("customer_told_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["restriction_id"], ["restriction.id"], name="fk_review_restriction_id_restriction"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_review"),
    )
    op.create_index("ix_review_due_on", "review", ["due_on"])
    op.create_index("ix_review_restriction_id", "review", ["restriction_id"])
    _guard_audit_trail()


def _guard_audit_trail() -> None:
    """Refuse UPDATE and DELETE on audit entries in the database itself.

    The store offers no way to change an entry; the triggers also stop a
    hand-typed SQL statement. TRUNCATE is left to administrators (and tests).
    """
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"""
            CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION '{AUDIT_MESSAGE}';
            END;
            $$ LANGUAGE plpgsql
            """
        )
        op.execute(
            "CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry "
            "FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()"
        )
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_entry_no_{event.lower()} BEFORE {event} ON audit_entry "
            f"BEGIN SELECT RAISE(ABORT, '{AUDIT_MESSAGE}'); END"
        )


def downgrade() -> None:
    """Remove the register entirely (for development databases only)."""
    for name in TABLES:
        op.drop_table(name)  # drops its indexes and, on PostgreSQL, its triggers
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS audit_entry_append_only()")
