"""Conversation references and notice deliveries, kept in the register's database.

`NotifyRepository` implements two ports: bot/references.py's
`ConversationReferences`, so proactive messages survive a restart, and
register.deliveries' `DeliveryRecords`, one row per delivery attempt. It
also marks a reference blocked when Teams answers 403. It takes the engine,
not a register session: a notice is recorded whether or not any register
change around it commits.

A blocked reference is not handed out (`load` returns None) until the person
is heard from again: every turn saves the reference, which clears the mark.
That keeps the notifier from knocking on a door Teams has shut, and needs no
clock to decide when to try again.

Most turns bring the same reference as the last one, so `save` skips the
write when this process saved the same reference (apart from the id of the
message that carried it, which changes every turn and which a proactive
message does not need) less than `RECENT_SECONDS` ago. Marking a person
blocked forgets that, so their next message clears the mark at once; a mark
set by another process (a separate `app.py sweep`) is cleared by the first
message after the memory expires.
"""

from __future__ import annotations

import threading
import time
import weakref
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
RECENT_SECONDS = 30.0
VOLATILE = "activityId"  # the message that carried the reference; differs every turn


class RecentReferences:
    """What this process last saved for each person, and when (see the module docstring).

    `forget` bumps a per-person generation, so a save that was already under
    way when the person was marked blocked is not remembered as current.
    """

    def __init__(self, seconds: float = RECENT_SECONDS) -> None:
        self._seconds = seconds
        self._lock = threading.Lock()
        self._saved: dict[str, tuple[dict[str, Any], float]] = {}
        self._generations: dict[str, int] = {}

    def unchanged(self, aad_object_id: str, reference: Mapping[str, Any]) -> bool:
        with self._lock:
            saved = self._saved.get(aad_object_id)
        if saved is None or time.monotonic() - saved[1] >= self._seconds:
            return False
        return saved[0] == _stable(reference)

    def generation(self, aad_object_id: str) -> int:
        with self._lock:
            return self._generations.get(aad_object_id, 0)

    def saved(self, aad_object_id: str, reference: Mapping[str, Any], generation: int) -> None:
        with self._lock:
            if self._generations.get(aad_object_id, 0) == generation:
                self._saved[aad_object_id] = (_stable(reference), time.monotonic())

    def forget(self, aad_object_id: str) -> None:
        with self._lock:
            self._saved.pop(aad_object_id, None)
            self._generations[aad_object_id] = self._generations.get(aad_object_id, 0) + 1


def _stable(reference: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in reference.items() if key != VOLATILE}


# Shared by every repository on one engine (app.py makes one for the bot and
# one for the notifier), so a block marked through either is seen by both.
_RECENT: weakref.WeakKeyDictionary[sa.Engine, RecentReferences] = weakref.WeakKeyDictionary()
_RECENT_LOCK = threading.Lock()


def _recent_for(engine: sa.Engine) -> RecentReferences:
    with _RECENT_LOCK:
        recent = _RECENT.get(engine)
        if recent is None:
            recent = _RECENT[engine] = RecentReferences()
        return recent


class NotifyRepository:
    """See the module docstring. Every method is one short transaction."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine
        self._recent = _recent_for(engine)

    def save(self, aad_object_id: str, reference: Mapping[str, Any]) -> None:
        """Insert or replace the person's reference; hearing from them clears any block."""
        if self._recent.unchanged(aad_object_id, reference):
            return
        generation = self._recent.generation(aad_object_id)
        values = {"reference": dict(reference), "updated_at": utcnow(), "blocked_at": None}
        insert = _insert_for(self._engine.dialect.name)
        statement = insert.values(aad_id=aad_object_id, **values).on_conflict_do_update(
            index_elements=[REFERENCE.c.aad_id], set_=values
        )
        with translated("Could not save the Teams conversation"), self._engine.begin() as db:
            db.execute(statement)
        self._recent.saved(aad_object_id, reference, generation)

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
        self._recent.forget(aad_object_id)

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
