"""One unit of work on the register over a SQLAlchemy connection.

`SqlSession` implements `register.ports.RegisterSession` (and, through the
`DecisionPapers` mixin, `register.decision_ports.DecisionSession`) with Core
statements on the SQLModel tables: the core's records are frozen
dataclasses, so an ORM identity map would only add work to every look-up.
The session belongs to one transaction opened by `SqlRegisterStore`.

Once any statement fails the session refuses further work and the
transaction is rolled back even if the caller caught the error: on
PostgreSQL the transaction is dead anyway, and on SQLite carrying on would
commit the half that worked. Either everything a use case wrote is saved,
or nothing is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, TypeVar

import sqlalchemy as sa

from register.addresses import address_keys, name_key
from register.audit import AuditEntry
from register.errors import InvalidInput
from register.ports import Record
from register.records import Contact, Incident, TerminatedCall
from register.restrictions import Restriction
from register.reviews import Appeal, Review
from register.risks import PremiseRisk
from register.staff import StaffMember
from register.subjects import Person, Property
from store import mapping as m
from store import tables as t
from store.bulk import insert_many
from store.decision_session import DecisionPapers
from store.errors import translated

R = TypeVar("R")

PERSON, PROPERTY = t.table(t.PersonRow), t.table(t.PropertyRow)
ALIAS, EMAIL = t.table(t.PersonAliasRow), t.table(t.PersonEmailRow)
RESTRICTION, RISK = t.table(t.RestrictionRow), t.table(t.PremiseRiskRow)
INCIDENT, CALL = t.table(t.IncidentRow), t.table(t.TerminatedCallRow)
CONTACT, REVIEW, APPEAL = t.table(t.ContactRow), t.table(t.ReviewRow), t.table(t.AppealRow)
STAFF, AUDIT = t.table(t.StaffMemberRow), t.table(t.AuditEntryRow)

# What counts() reports, in the words a report would use.
COUNTED = {
    "people": PERSON,
    "properties": PROPERTY,
    "restrictions": RESTRICTION,
    "premise_risks": RISK,
    "incidents": INCIDENT,
    "terminated_calls": CALL,
    "contacts": CONTACT,
    "reviews": REVIEW,
    "appeals": APPEAL,
    "staff": STAFF,
    "audit_entries": AUDIT,
}

STREAM_BATCH = 1000


class SqlSession(DecisionPapers):
    """The register, and its decision papers, as seen from inside one transaction."""

    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection
        self.failure: str | None = None

    # ---- guard -------------------------------------------------------------

    @contextmanager
    def _step(self, action: str) -> Iterator[None]:
        """Run one step; a failure poisons the unit of work (see the module docstring)."""
        if self.failure is not None:
            raise InvalidInput(f"Nothing was saved: an earlier step failed ({self.failure})")
        try:
            with translated(action):
                yield
        except Exception as error:
            self.failure = str(error)
            raise

    def _run(
        self, action: str, statement: sa.Executable, params: Any = None
    ) -> sa.CursorResult[Any]:
        with self._step(action):
            return self._connection.execute(statement, params)

    # ---- writes ------------------------------------------------------------

    def add(self, record: Record) -> None:
        how = m.mapping_for(record)
        with self._step(f"Could not save the {how.noun}"):
            self._connection.execute(sa.insert(t.table(how.row)), how.values(record))
            if isinstance(record, Person):
                self._write_person_keys(record)

    def add_many(self, records: Iterable[Record]) -> int:
        """Insert many records with batched statements; returns how many were added."""
        with self._step("Could not save the records"):
            return insert_many(self._connection, records)

    def update(self, record: Record) -> None:
        how = m.mapping_for(record)
        table = t.table(how.row)
        key = getattr(record, how.key)
        with self._step(f"Could not update the {how.noun}"):
            statement = sa.update(table).where(table.c[how.key] == key)
            result = self._connection.execute(statement, how.values(record))
            if result.rowcount != 1:
                raise InvalidInput(f"Could not update the {how.noun}: it is not in the register.")
            if isinstance(record, Person):
                self._connection.execute(sa.delete(ALIAS).where(ALIAS.c.person_id == record.id))
                self._connection.execute(sa.delete(EMAIL).where(EMAIL.c.person_id == record.id))
                self._write_person_keys(record)

    def _write_person_keys(self, person: Person) -> None:
        if aliases := m.person_alias_values(person):
            self._connection.execute(sa.insert(ALIAS), aliases)
        if emails := m.person_email_values(person):
            self._connection.execute(sa.insert(EMAIL), emails)

    def audit(self, entry: AuditEntry) -> None:
        self._run("Could not write the audit trail", sa.insert(AUDIT), m.audit_values(entry))

    # ---- one record --------------------------------------------------------

    def _one(self, table: sa.Table, build: Callable[[Any], R], where: Any) -> R | None:
        row = self._run("Could not read the register", sa.select(table).where(where)).first()
        return build(row) if row is not None else None

    def person(self, person_id: str) -> Person | None:
        return self._one(PERSON, m.person_from, PERSON.c.id == person_id)

    def property(self, property_id: str) -> Property | None:
        return self._one(PROPERTY, m.property_from, PROPERTY.c.id == property_id)

    def restriction(self, restriction_id: str) -> Restriction | None:
        return self._one(RESTRICTION, m.restriction_from, RESTRICTION.c.id == restriction_id)

    def staff_member(self, aad_object_id: str) -> StaffMember | None:
        return self._one(STAFF, m.staff_member_from, STAFF.c.aad_object_id == aad_object_id)

    def person_by_email(self, email: str) -> Person | None:
        """The first person (by name) holding the address; see `people_by_email` for all."""
        people = self.people_by_email(email)
        return people[0] if people else None

    # ---- lists -------------------------------------------------------------

    def _many(self, table: sa.Table, build: Callable[[Any], R], where: Any, *order: Any) -> list[R]:
        statement = sa.select(table).where(where).order_by(*order, table.primary_key.columns[0])
        return [build(row) for row in self._run("Could not read the register", statement)]

    def people_by_email(self, email: str) -> list[Person]:
        """Everyone holding an address (a household may share one), case-insensitive."""
        holders = sa.select(EMAIL.c.person_id).where(EMAIL.c.email == email.strip().lower())
        return self._many(PERSON, m.person_from, PERSON.c.id.in_(holders), PERSON.c.name)

    def people_named(self, name: str) -> list[Person]:
        """People whose name or any alias has the same name key ('Mr Gary Rowe' = 'gary rowe')."""
        return self.people_with_name_keys([name_key(name)])

    def people_with_name_keys(self, keys: Sequence[str]) -> list[Person]:
        """People whose name key or an alias's is among `keys`, by name.

        A UNION of two index look-ups: PostgreSQL plans "name_key IN (...) OR id
        IN (alias sub-query)" as a scan of every person, which costs milliseconds.
        """
        by_name = sa.select(PERSON.c.id).where(PERSON.c.name_key.in_(keys))
        by_alias = sa.select(ALIAS.c.person_id.label("id")).where(ALIAS.c.name_key.in_(keys))
        ids = sa.union(by_name, by_alias).subquery()
        statement = sa.select(PERSON).join(ids, PERSON.c.id == ids.c.id).order_by(PERSON.c.name)
        rows = self._run("Could not search names", statement)
        return [m.person_from(row) for row in rows]

    def properties_at_postcode(self, postcode: str) -> list[Property]:
        """Every property in a postcode, however the postcode was typed."""
        key = address_keys("", postcode).postcode_key
        return self._many(
            PROPERTY, m.property_from, PROPERTY.c.postcode_key == key, PROPERTY.c.house_key
        )

    def properties_on_street(self, street_key: str, house_key: str | None = None) -> list[Property]:
        """Properties by the normalised street (and house) keys of `address_keys`."""
        where = PROPERTY.c.street_key == street_key
        if house_key is not None:
            where = sa.and_(where, PROPERTY.c.house_key == house_key)
        return self._many(PROPERTY, m.property_from, where, PROPERTY.c.postcode_key)

    def people_at(self, property_id: str) -> Sequence[Person]:
        return self._many(PERSON, m.person_from, PERSON.c.property_id == property_id, PERSON.c.name)

    def restrictions_for_person(self, person_id: str) -> Sequence[Restriction]:
        where = RESTRICTION.c.person_id == person_id
        return self._many(RESTRICTION, m.restriction_from, where, RESTRICTION.c.start)

    def restrictions_for_property(self, property_id: str) -> Sequence[Restriction]:
        where = RESTRICTION.c.property_id == property_id
        return self._many(RESTRICTION, m.restriction_from, where, RESTRICTION.c.start)

    def risks_for_property(self, property_id: str) -> Sequence[PremiseRisk]:
        where = RISK.c.property_id == property_id
        return self._many(RISK, m.premise_risk_from, where, RISK.c.recorded_on)

    def risks_for_person(self, person_id: str) -> Sequence[PremiseRisk]:
        return self._many(
            RISK, m.premise_risk_from, RISK.c.person_id == person_id, RISK.c.recorded_on
        )

    def incidents_for_person(self, person_id: str) -> Sequence[Incident]:
        where = INCIDENT.c.person_id == person_id
        return self._many(INCIDENT, m.incident_from, where, INCIDENT.c.occurred_at)

    def terminated_calls_for_person(self, person_id: str) -> Sequence[TerminatedCall]:
        where = CALL.c.person_id == person_id
        return self._many(CALL, m.terminated_call_from, where, CALL.c.occurred_at)

    def contacts_for_person(self, person_id: str) -> Sequence[Contact]:
        return self._many(CONTACT, m.contact_from, CONTACT.c.person_id == person_id, CONTACT.c.at)

    def reviews_for(self, restriction_id: str) -> Sequence[Review]:
        where = REVIEW.c.restriction_id == restriction_id
        return self._many(REVIEW, m.review_from, where, REVIEW.c.due_on)

    def appeals_for(self, restriction_id: str) -> Sequence[Appeal]:
        where = APPEAL.c.restriction_id == restriction_id
        return self._many(APPEAL, m.appeal_from, where, APPEAL.c.received_on)

    def audit_for(self, subject_type: str, subject_id: str) -> Sequence[AuditEntry]:
        where = sa.and_(AUDIT.c.subject_type == subject_type, AUDIT.c.subject_id == subject_id)
        return self._many(AUDIT, m.audit_from, where, AUDIT.c.at)

    # ---- whole register ----------------------------------------------------

    def _stream(self, table: sa.Table, build: Callable[[Any], R]) -> Iterator[R]:
        """Rows in id order, fetched in batches so a 200,000-row table never sits in memory."""
        # Options go on the statement: Connection.execution_options() would
        # change the connection itself and send every later INSERT through a
        # server-side cursor, which PostgreSQL refuses.
        statement = (
            sa.select(table)
            .order_by(table.primary_key.columns[0])
            .execution_options(yield_per=STREAM_BATCH)
        )
        with self._step("Could not read the register"):
            for row in self._connection.execute(statement):
                yield build(row)

    def all_people(self) -> Iterator[Person]:
        return self._stream(PERSON, m.person_from)

    def all_properties(self) -> Iterator[Property]:
        return self._stream(PROPERTY, m.property_from)

    def all_restrictions(self) -> Iterator[Restriction]:
        return self._stream(RESTRICTION, m.restriction_from)

    def all_risks(self) -> Iterator[PremiseRisk]:
        return self._stream(RISK, m.premise_risk_from)

    # ---- figures -----------------------------------------------------------

    def last_activity(self, person_id: str) -> date | None:
        """The latest incident, call, contact, restriction, review, appeal or risk date.

        Audit entries do not count: looking a person up is not activity on
        their case, and must not keep their record beyond its retention
        period. Times count by their UTC date; over a retention period of
        years the hour's difference from UK time does not matter.
        """
        statement = sa.select(*_activity_columns(person_id))
        row = self._run("Could not read the register", statement).one()
        days = [v.date() if isinstance(v, datetime) else v for v in row if v is not None]
        return max(days, default=None)

    def counts(self) -> dict[str, int]:
        columns = [
            sa.select(sa.func.count()).select_from(table).scalar_subquery().label(name)
            for name, table in COUNTED.items()
        ]
        row = self._run("Could not count the register", sa.select(*columns)).one()
        return dict(row._mapping)


def _activity_columns(person_id: str) -> list[Any]:
    """One scalar sub-query per dated column that shows something happened on the case."""
    theirs = sa.select(RESTRICTION.c.id).where(RESTRICTION.c.person_id == person_id)
    sources = [
        (INCIDENT, ("occurred_at", "manager_told_at"), INCIDENT.c.person_id == person_id),
        (CALL, ("occurred_at",), CALL.c.person_id == person_id),
        (CONTACT, ("at",), CONTACT.c.person_id == person_id),
        (
            RESTRICTION,
            ("start", "customer_told_on", "updated_at"),
            RESTRICTION.c.person_id == person_id,
        ),
        (RISK, ("recorded_on", "ended_on"), RISK.c.person_id == person_id),
        (REVIEW, ("held_on", "customer_told_on"), REVIEW.c.restriction_id.in_(theirs)),
        (
            APPEAL,
            ("received_on", "decided_on", "customer_told_on"),
            APPEAL.c.restriction_id.in_(theirs),
        ),
    ]
    return [
        sa.select(sa.func.max(table.c[name])).where(where).scalar_subquery()
        for table, names, where in sources
        for name in names
    ]
