"""The decision papers' tables: letters, skipped steps and refused proposals.

They belong to one restriction each and mean nothing without it, so their
foreign keys cascade: when the retention rule (or an administrator) deletes
a restriction, the database removes its papers in the same statement, and
no code path can forget one. The audit trail, which has no foreign keys,
keeps the record that they existed.

A restriction has at most one skip record (it was proposed once) and at
most one refusal (a refused proposal is never decided again), so those
foreign keys carry unique indexes; it may have many letters.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field

from store.tables import ID, KEY, NAME, TEXT, RegisterTable


def _restriction(*, unique: bool = False) -> Any:
    """The restriction a paper belongs to: indexed, and deleted with it."""
    return Field(
        sa_type=ID,
        foreign_key="restriction.id",
        ondelete="CASCADE",
        index=True,
        unique=unique,
    )


class LetterRow(RegisterTable, table=True):
    """A letter to the customer; sent on a day, or not sent for a reason, never both."""

    __tablename__ = "letter"
    __table_args__ = (
        # Named through the metadata's convention: ck_letter_sent_or_not_sent.
        sa.CheckConstraint("sent_on IS NULL OR not_sent_reason = ''", name="sent_or_not_sent"),
    )

    id: str = Field(sa_type=ID, primary_key=True)
    restriction_id: str = _restriction()
    kind: str = Field(sa_type=KEY)
    generated_on: date
    # A review's or an appeal's id; either table, so no foreign key.
    about_id: str | None = Field(default=None, sa_type=ID)
    send_by: date | None = None
    sent_on: date | None = None
    not_sent_reason: str = Field(default="", sa_type=TEXT)


class StepSkipRow(RegisterTable, table=True):
    __tablename__ = "step_skip"

    id: str = Field(sa_type=ID, primary_key=True)
    restriction_id: str = _restriction(unique=True)
    skipped_steps: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    grounds: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    reason: str = Field(sa_type=TEXT)
    recorded_by_name: str = Field(sa_type=NAME)
    recorded_by_title: str = Field(sa_type=NAME)
    recorded_on: date


class ProposalRefusalRow(RegisterTable, table=True):
    __tablename__ = "proposal_refusal"

    id: str = Field(sa_type=ID, primary_key=True)
    restriction_id: str = _restriction(unique=True)
    refused_by_name: str = Field(sa_type=NAME)
    refused_by_title: str = Field(sa_type=NAME)
    refused_on: date
    reasons: str = Field(sa_type=TEXT)
