"""The register's tables, one SQLModel class per record plus lookup and audit tables.

The rows are the storage shape only: `store.mapping` turns them into the
core's frozen dataclasses and back, so nothing outside `store` sees them.
Lists that are read whole (aliases, parameters, precautions, behaviours)
are JSON columns; values staff search by are copied into normalised key
columns and side tables with indexes, because a pre-visit look-up over a
few hundred thousand properties must answer in milliseconds. Every foreign
key is the leading column of an index, so joins and deletes never scan.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from store.types import UTCDateTime

# Fixed names for constraints and indexes, so the hand-written migration and
# the models agree on PostgreSQL and SQLite alike.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = sa.String(64)  # uuid4 hex made by the core, or an Entra object id
KEY = sa.String(40)  # a vocabulary key such as "visit_in_pairs"
NAME = sa.String(200)
TEXT = sa.Text()


_REGISTRY = registry(metadata=sa.MetaData(naming_convention=NAMING_CONVENTION))


class RegisterTable(SQLModel, registry=_REGISTRY):
    """Base of the register's tables; its own metadata keeps them apart from other SQLModels."""


def _fk(target: str) -> Any:
    """An optional, indexed reference to another record."""
    return Field(default=None, sa_type=ID, foreign_key=target, index=True)


class PropertyRow(RegisterTable, table=True):
    __tablename__ = "property"
    # Postcode first: a visit look-up narrows to one postcode, then to the house.
    __table_args__ = (sa.Index("ix_property_postcode_house", "postcode_key", "house_key"),)

    id: str = Field(sa_type=ID, primary_key=True)
    address: str = Field(sa_type=sa.String(300))
    postcode: str = Field(sa_type=sa.String(10))
    uprn: str | None = Field(default=None, sa_type=sa.String(12), index=True)
    postcode_key: str = Field(sa_type=sa.String(10))
    street_key: str = Field(sa_type=NAME, index=True)
    house_key: str = Field(sa_type=NAME, index=True)


class PersonRow(RegisterTable, table=True):
    __tablename__ = "person"

    id: str = Field(sa_type=ID, primary_key=True)
    name: str = Field(sa_type=NAME)
    name_key: str = Field(sa_type=NAME, index=True)
    aliases: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    emails: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    phones: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    property_id: str | None = _fk("property.id")


class PersonAliasRow(RegisterTable, table=True):
    """One row per alias, for look-up by name; the person's JSON list stays the record."""

    __tablename__ = "person_alias"

    person_id: str = Field(
        sa_type=ID, foreign_key="person.id", primary_key=True, ondelete="CASCADE"
    )
    position: int = Field(primary_key=True)
    alias: str = Field(sa_type=NAME)
    name_key: str = Field(sa_type=NAME, index=True)


class PersonEmailRow(RegisterTable, table=True):
    """One row per address, lower case, so the mailbox finds a sender with an index seek."""

    __tablename__ = "person_email"

    person_id: str = Field(
        sa_type=ID, foreign_key="person.id", primary_key=True, ondelete="CASCADE"
    )
    position: int = Field(primary_key=True)
    email: str = Field(sa_type=sa.String(254), index=True)


class RestrictionRow(RegisterTable, table=True):
    __tablename__ = "restriction"

    id: str = Field(sa_type=ID, primary_key=True)
    kind: str = Field(sa_type=KEY)
    person_id: str | None = _fk("person.id")
    property_id: str | None = _fk("property.id")
    stage: str = Field(sa_type=NAME)
    reasons: str = Field(sa_type=TEXT)
    decided_by_name: str = Field(sa_type=NAME)
    decided_by_title: str = Field(sa_type=NAME)
    start: date
    service: str | None = Field(default=None, sa_type=NAME)
    params: dict[str, str] = Field(default_factory=dict, sa_type=sa.JSON)
    equality_considerations: str = Field(default="", sa_type=TEXT)
    approved_by_name: str | None = Field(default=None, sa_type=NAME)
    approved_by_title: str | None = Field(default=None, sa_type=NAME)
    provisional_end: date | None = None
    customer_told_on: date | None = None
    next_review: date | None = Field(default=None, index=True)
    status: str = Field(sa_type=KEY, index=True)
    updated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # The proposer's Entra ID object id (as wide as an audit actor, which 0010 copied it from).
    proposed_by: str | None = Field(default=None, sa_type=sa.String(100))


class PremiseRiskRow(RegisterTable, table=True):
    __tablename__ = "premise_risk"

    id: str = Field(sa_type=ID, primary_key=True)
    hazard: str = Field(sa_type=KEY)
    severity: str = Field(sa_type=KEY)
    precautions: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    details_contact: str = Field(sa_type=NAME)
    recorded_on: date
    property_id: str | None = _fk("property.id")
    person_id: str | None = _fk("person.id")
    details: str = Field(default="", sa_type=TEXT)
    next_review: date | None = Field(default=None, index=True)
    ended_on: date | None = None


class IncidentRow(RegisterTable, table=True):
    __tablename__ = "incident"

    id: str = Field(sa_type=ID, primary_key=True)
    occurred_at: datetime = Field(sa_type=UTCDateTime)
    channel: str = Field(sa_type=KEY)
    # Staff ids are Entra object ids; the staff table is filled as people use
    # the bot, so an incident may name someone not yet in it: no foreign key.
    staff_id: str = Field(sa_type=ID, index=True)
    behaviours: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    description: str = Field(sa_type=TEXT)
    person_id: str | None = _fk("person.id")
    property_id: str | None = _fk("property.id")
    service: str | None = Field(default=None, sa_type=NAME)
    location: str = Field(default="", sa_type=TEXT)
    police_involved: bool | None = None
    injuries: bool | None = None
    witnesses: str = Field(default="", sa_type=TEXT)
    manager_told_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class TerminatedCallRow(RegisterTable, table=True):
    __tablename__ = "terminated_call"

    id: str = Field(sa_type=ID, primary_key=True)
    occurred_at: datetime = Field(sa_type=UTCDateTime)
    staff_id: str = Field(sa_type=ID, index=True)
    warned_first: bool
    reason: str = Field(sa_type=TEXT)
    caller: str = Field(sa_type=NAME)
    person_id: str | None = _fk("person.id")
    behaviours: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    service: str | None = Field(default=None, sa_type=NAME)
    manager_told_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ContactRow(RegisterTable, table=True):
    __tablename__ = "contact"

    id: str = Field(sa_type=ID, primary_key=True)
    person_id: str = Field(sa_type=ID, foreign_key="person.id", index=True)
    at: datetime = Field(sa_type=UTCDateTime)
    channel: str = Field(sa_type=KEY)
    summary: str = Field(sa_type=TEXT)
    source: str = Field(sa_type=KEY)
    # An email's Message-ID: indexed so the watcher can tell it logged one already.
    reference: str = Field(default="", sa_type=sa.String(998), index=True)


class ReviewRow(RegisterTable, table=True):
    __tablename__ = "review"

    id: str = Field(sa_type=ID, primary_key=True)
    restriction_id: str = Field(sa_type=ID, foreign_key="restriction.id", index=True)
    due_on: date = Field(index=True)
    held_on: date | None = None
    reviewer_name: str | None = Field(default=None, sa_type=NAME)
    reviewer_title: str | None = Field(default=None, sa_type=NAME)
    outcome: str | None = Field(default=None, sa_type=KEY)
    considerations: str = Field(default="", sa_type=TEXT)
    customer_told_on: date | None = None


class AppealRow(RegisterTable, table=True):
    __tablename__ = "appeal"

    id: str = Field(sa_type=ID, primary_key=True)
    restriction_id: str = Field(sa_type=ID, foreign_key="restriction.id", index=True)
    received_on: date
    deadline: date | None = None
    grounds: str = Field(default="", sa_type=TEXT)
    heard_by_name: str | None = Field(default=None, sa_type=NAME)
    heard_by_title: str | None = Field(default=None, sa_type=NAME)
    outcome: str | None = Field(default=None, sa_type=KEY)
    decided_on: date | None = None
    customer_told_on: date | None = None


class StaffMemberRow(RegisterTable, table=True):
    __tablename__ = "staff_member"

    aad_object_id: str = Field(sa_type=ID, primary_key=True)
    name: str = Field(sa_type=NAME)
    job_title: str = Field(sa_type=NAME)
    role: str = Field(sa_type=KEY)
    service: str | None = Field(default=None, sa_type=NAME)
    email: str = Field(default="", sa_type=sa.String(254), index=True)
    manager_aad_id: str | None = Field(default=None, sa_type=ID)


class AuditEntryRow(RegisterTable, table=True):
    """Append-only: the migration adds triggers that refuse UPDATE and DELETE."""

    __tablename__ = "audit_entry"
    __table_args__ = (sa.Index("ix_audit_entry_subject", "subject_type", "subject_id"),)

    id: str = Field(sa_type=ID, primary_key=True)
    at: datetime = Field(sa_type=UTCDateTime, index=True)
    actor: str = Field(sa_type=sa.String(100), index=True)
    action: str = Field(sa_type=KEY)
    subject_type: str = Field(sa_type=KEY)
    subject_id: str = Field(sa_type=ID)
    reason: str = Field(sa_type=TEXT)
    detail: str = Field(default="", sa_type=TEXT)


class AuditPrunePermitRow(RegisterTable, table=True):
    """The audit trail's triggers let an entry be deleted only while a permit covers it.

    Audit retention inserts a permit and deletes it again in the same
    transaction as the entries it prunes, so no other connection ever sees
    one: a hand-typed DELETE is still refused. A permit covers entries
    dated before `prunes_before`, never a deletion record (see 0008_audit_retention).
    """

    __tablename__ = "audit_prune_permit"

    id: str = Field(sa_type=ID, primary_key=True)
    prunes_before: datetime = Field(sa_type=UTCDateTime)


METADATA: sa.MetaData = RegisterTable.metadata


def table(row_class: type[RegisterTable]) -> sa.Table:
    """The Core table behind a row class; the store talks to tables, not ORM objects."""
    result = row_class.__table__  # type: ignore[attr-defined]
    assert isinstance(result, sa.Table)
    return result


# Feature tables live in their own modules; importing them here puts them in
# METADATA, so migrations and the models are compared as one schema.
from store import (  # noqa: E402
    tables_conversation,
    tables_decisions,
    tables_ews,
    tables_mail,
    tables_notify,
    tables_schedule,
)

FEATURE_TABLES = (
    tables_conversation,
    tables_decisions,
    tables_ews,
    tables_mail,
    tables_notify,
    tables_schedule,
)
