"""Conversation references and notice deliveries, kept in the register's database.

`NotifyRepository` implements two ports: bot/references.py's
`ConversationReferences`, so proactive messages survive a restart, and
register.deliveries' `DeliveryRecords`, one row per delivery attempt. It
also marks a reference blocked when Teams answers 403. It takes the engine,
not a register session: a notice is recorded whether or not any register
change around it commits.

A blocked reference is not handed out (`load` returns None) until the person
is heard from again: every turn saves the reference afresh, which clears
the mark. That keeps the notifier from knocking on a door Teams has shut,
and needs no clock to decide when to try again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, replace
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from register.deliveries import DeliveryAttempt
from register.ids import new_id, utcnow
from store import tables as t
from store.errors import translated
from store.tables_notify import ConversationReferenceRow, NoticeDeliveryRow

REFERENCE = t.table(ConversationReferenceRow)
DELIVERY = t.table(NoticeDeliveryRow)


class NotifyRepository:
    """See the module docstring. Every method is one short transaction."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def save(self, aad_object_id: str, reference: Mapping[str, Any]) -> None:
        """Insert or replace the person's reference; hearing from them clears any block."""
        values = {"reference": dict(reference), "updated_at": utcnow(), "blocked_at": None}
        insert = _insert_for(self._engine.dialect.name)
        statement = insert.values(aad_id=aad_object_id, **values).on_conflict_do_update(
            index_elements=[REFERENCE.c.aad_id], set_=values
        )
        with translated("Could not save the Teams conversation"), self._engine.begin() as db:
            db.execute(statement)

    def load(self, aad_object_id: str) -> Mapping[str, Any] | None:
        """The reference to message this person by, or None (never heard from, or blocked)."""
        row = self._row(aad_object_id)
        if row is None or row.blocked_at is not None:
            return None
        reference: dict[str, Any] = row.reference
        return reference

    def blocked_since(self, aad_object_id: str) -> datetime | None:
        """When Teams last refused a message to this person, or None."""
        row = self._row(aad_object_id)
        return None if row is None else row.blocked_at

    def mark_blocked(self, aad_object_id: str, at: datetime | None = None) -> None:
        """Teams said the person blocked or removed the app: stop using this reference."""
        statement = (
            sa.update(REFERENCE)
            .where(REFERENCE.c.aad_id == aad_object_id)
            .values(blocked_at=at or utcnow())
        )
        with translated("Could not update the Teams conversation"), self._engine.begin() as db:
            db.execute(statement)

    def record(self, attempt: DeliveryAttempt) -> DeliveryAttempt:
        """Keep one delivery attempt; returns it with its id and time filled in."""
        kept = replace(attempt, at=attempt.at or utcnow(), id=attempt.id or new_id())
        with translated("Could not record the notice delivery"), self._engine.begin() as db:
            db.execute(sa.insert(DELIVERY).values(**asdict(kept)))
        return kept

    def deliveries(self, record_type: str, record_id: str) -> list[DeliveryAttempt]:
        """Every attempt to tell anyone about one record, oldest first."""
        statement = (
            sa.select(DELIVERY)
            .where(DELIVERY.c.record_type == record_type, DELIVERY.c.record_id == record_id)
            .order_by(DELIVERY.c.at, DELIVERY.c.id)
        )
        with translated("Could not read notice deliveries"), self._engine.connect() as db:
            return [DeliveryAttempt(**row._mapping) for row in db.execute(statement)]

    def _row(self, aad_object_id: str) -> Any:
        statement = sa.select(REFERENCE).where(REFERENCE.c.aad_id == aad_object_id)
        with translated("Could not read the Teams conversation"), self._engine.connect() as db:
            return db.execute(statement).one_or_none()


def _insert_for(dialect: str) -> Any:
    """An INSERT that can upsert; both dialects spell ON CONFLICT the same way here."""
    module = postgresql if dialect == "postgresql" else sqlite
    return module.insert(REFERENCE)
