"""The mailbox watcher's tables: claims on messages, correspondence, known issues, feedback.

`mail_claim` is what makes the watcher safe to kill at any instant (GNU
Mailman's queue discipline). A row is written before anything is done with
a message, keyed by what identifies the email itself (mailbox, Message-ID,
SHA-256 of the raw bytes) rather than by the server's handle, which changes
when a message moves. The row then records the decision (every rule that
fired and why, as JSON), the folder the message is going to, and each step
as it is finished, so a restarted watcher completes what was decided
instead of deciding again, and an operator can always answer "why was this
email filed?" from the database. An email the SPOC officer reopened from
the digest ("this has a new issue") keeps its original decision; the
`reopened_*` and `return_*` columns say who reopened it and when, and how
far the watcher has got in moving it back to where escalated email is kept,
or how often and why that move failed (mailbox/reopening.py).

`correspondence` keeps each processed email's text on the customer's case,
so triage can tell a repeat from a new matter. `known_issue` holds the
matters the SPOC officer has already dealt with. `mail_feedback` keeps an
officer's "this has a new issue" on a filed email, to re-escalate it and to
measure triage against.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field

from store.tables import ID, KEY, NAME, TEXT, RegisterTable
from store.types import UTCDateTime

ADDRESS = sa.String(254)
MESSAGE_ID = sa.String(998)  # RFC 5322's line limit; ids are rarely past 100 characters
SHA256 = sa.String(64)


class MailClaimRow(RegisterTable, table=True):
    __tablename__ = "mail_claim"
    __table_args__ = (
        sa.UniqueConstraint("mailbox", "message_id", "content_sha256"),
        sa.Index("ix_mail_claim_mailbox_server_key", "mailbox", "server_key"),
        sa.Index("ix_mail_claim_mailbox_state", "mailbox", "state"),
        sa.Index("ix_mail_claim_action_decided_at", "action", "decided_at"),
        sa.Index("ix_mail_claim_mailbox_return_state", "mailbox", "return_state"),
    )

    id: str = Field(sa_type=ID, primary_key=True)
    mailbox: str = Field(sa_type=ADDRESS)
    folder: str = Field(sa_type=NAME)
    server_key: str = Field(sa_type=sa.String(300))
    message_id: str = Field(sa_type=MESSAGE_ID)
    content_sha256: str = Field(sa_type=SHA256)
    state: str = Field(sa_type=KEY)  # claimed, decided, moved, left, quarantined
    attempts: int = Field(default=0)
    last_error: str = Field(default="", sa_type=TEXT)
    action: str = Field(default="", sa_type=KEY)  # the routing outcome, e.g. "file"
    decision: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    destination: str = Field(default="", sa_type=NAME)
    person_id: str | None = Field(default=None, sa_type=ID, foreign_key="person.id", index=True)
    officer: str = Field(default="", sa_type=ID)  # the SPOC officer's Entra id, for the digest
    claimed_at: datetime = Field(sa_type=UTCDateTime)
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    notified_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    finished_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    reopened_by: str = Field(default="", sa_type=ID)  # who pressed "this has a new issue"
    reopened_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # requested, returning, returned, missing, failed (mailbox.claims.ReturnState)
    return_state: str = Field(default="", sa_type=KEY)
    returned_to: str = Field(default="", sa_type=NAME)  # the folder it goes (or went) back to
    returned_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    return_attempts: int = Field(default=0)  # moves back that failed, outages not counted
    return_error: str = Field(default="", sa_type=TEXT)  # the last such failure's error


class CorrespondenceRow(RegisterTable, table=True):
    """One email the watcher processed for a customer, as triage will read it later."""

    __tablename__ = "correspondence"
    __table_args__ = (sa.Index("ix_correspondence_person_at", "person_id", "at"),)

    id: str = Field(sa_type=ID, primary_key=True)
    person_id: str = Field(sa_type=ID, foreign_key="person.id")
    claim_id: str | None = Field(default=None, sa_type=ID, foreign_key="mail_claim.id", index=True)
    message_id: str = Field(sa_type=MESSAGE_ID)
    at: datetime = Field(sa_type=UTCDateTime)
    sender: str = Field(sa_type=sa.String(400))
    subject: str = Field(sa_type=TEXT)
    body: str = Field(sa_type=TEXT)


class KnownIssueRow(RegisterTable, table=True):
    """A matter the council has already considered for a customer, kept by the SPOC officer."""

    __tablename__ = "known_issue"

    id: str = Field(sa_type=ID, primary_key=True)
    person_id: str = Field(sa_type=ID, foreign_key="person.id", index=True)
    summary: str = Field(sa_type=TEXT)
    status: str = Field(sa_type=KEY)
    outcome: str = Field(default="", sa_type=TEXT)
    updated_at: datetime = Field(sa_type=UTCDateTime)


class MailFeedbackRow(RegisterTable, table=True):
    """An officer's verdict on a filed email ("this has a new issue"), kept as feedback."""

    __tablename__ = "mail_feedback"

    id: str = Field(sa_type=ID, primary_key=True)
    claim_id: str = Field(sa_type=ID, foreign_key="mail_claim.id", index=True)
    officer: str = Field(sa_type=ID)
    kind: str = Field(sa_type=KEY)
    note: str = Field(default="", sa_type=TEXT)
    at: datetime = Field(sa_type=UTCDateTime)
