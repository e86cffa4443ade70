"""The mailbox watcher: claims, correspondence, known issues and feedback (store/tables_mail.py).

Types are written out, as in 0001, so this revision keeps meaning what it
meant when the application's code changes later.

Revision ID: 0006_mail
Revises: 0005_decisions
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_mail"
down_revision = "0005_decisions"
branch_labels = None
depends_on = None

ID = sa.String(length=64)
KEY = sa.String(length=40)
NAME = sa.String(length=200)
MESSAGE_ID = sa.String(length=998)
WHEN = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "mail_claim",
        sa.Column("id", ID, nullable=False),
        sa.Column("mailbox", sa.String(length=254), nullable=False),
        sa.Column("folder", NAME, nullable=False),
        sa.Column("server_key", sa.String(length=300), nullable=False),
        sa.Column("message_id", MESSAGE_ID, nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("state", KEY, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("action", KEY, nullable=False),
        sa.Column("decision", sa.JSON(), nullable=False),
        sa.Column("destination", NAME, nullable=False),
        sa.Column("person_id", ID, nullable=True),
        sa.Column("officer", ID, nullable=False),
        sa.Column("claimed_at", WHEN, nullable=False),
        sa.Column("decided_at", WHEN, nullable=True),
        sa.Column("notified_at", WHEN, nullable=True),
        sa.Column("finished_at", WHEN, nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_mail_claim_person_id_person"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_mail_claim"),
        sa.UniqueConstraint(
            "mailbox",
            "message_id",
            "content_sha256",
            name="uq_mail_claim_mailbox_message_id_content_sha256",
        ),
    )
    op.create_index("ix_mail_claim_mailbox_server_key", "mail_claim", ["mailbox", "server_key"])
    op.create_index("ix_mail_claim_mailbox_state", "mail_claim", ["mailbox", "state"])
    op.create_index("ix_mail_claim_action_decided_at", "mail_claim", ["action", "decided_at"])
    op.create_index("ix_mail_claim_person_id", "mail_claim", ["person_id"])

    op.create_table(
        "correspondence",
        sa.Column("id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.Column("claim_id", ID, nullable=True),
        sa.Column("message_id", MESSAGE_ID, nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.Column("sender", sa.String(length=400), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_correspondence_person_id_person"
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["mail_claim.id"], name="fk_correspondence_claim_id_mail_claim"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_correspondence"),
    )
    op.create_index("ix_correspondence_person_at", "correspondence", ["person_id", "at"])
    op.create_index("ix_correspondence_claim_id", "correspondence", ["claim_id"])

    op.create_table(
        "known_issue",
        sa.Column("id", ID, nullable=False),
        sa.Column("person_id", ID, nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("status", KEY, nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("updated_at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name="fk_known_issue_person_id_person"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_known_issue"),
    )
    op.create_index("ix_known_issue_person_id", "known_issue", ["person_id"])

    op.create_table(
        "mail_feedback",
        sa.Column("id", ID, nullable=False),
        sa.Column("claim_id", ID, nullable=False),
        sa.Column("officer", ID, nullable=False),
        sa.Column("kind", KEY, nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", WHEN, nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["mail_claim.id"], name="fk_mail_feedback_claim_id_mail_claim"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_mail_feedback"),
    )
    op.create_index("ix_mail_feedback_claim_id", "mail_feedback", ["claim_id"])


def downgrade() -> None:
    op.drop_table("mail_feedback")
    op.drop_table("known_issue")
    op.drop_table("correspondence")
    op.drop_table("mail_claim")
