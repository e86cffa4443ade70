"""The scheduler's side of the store: read the register whole, record what was sent and done.

`SqlScheduleStore` implements `register.schedule.ports.ScheduleStore`.
Each method is one transaction. Recording a reminder uses the database's
"insert unless present" (ON CONFLICT DO NOTHING on both SQLite and
PostgreSQL), so the unique key, not the caller, decides whether a
reminder was already sent, and nothing is aborted if it was.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from register.audit import AuditAction, AuditEntry
from register.ids import new_id, utcnow
from register.reviews import Appeal, Review
from register.schedule.audit_retention import KEPT_ACTIONS, pruning_record
from register.schedule.model import Case, Change, Deletion, Due, ReminderKey, SweepInput
from register.schedule.retention import closed
from store import mapping as m
from store import tables as t
from store.errors import translated
from store.proposers import proposers as restriction_proposers
from store.retention import delete_person, person_cases
from store.session import SqlSession
from store.tables_schedule import ReminderSentRow, SweepRunRow

SENT, RUN = t.table(ReminderSentRow), t.table(SweepRunRow)
REVIEW, APPEAL = t.table(t.ReviewRow), t.table(t.AppealRow)
STAFF, AUDIT = t.table(t.StaffMemberRow), t.table(t.AuditEntryRow)
PERMIT = t.table(t.AuditPrunePermitRow)

# Entries deleted per transaction: small enough that the bot's look-ups, which
# write audit entries, are not held up for long behind a batch (SQLite has
# one writer), while a large backlog on a first run still goes in few batches.
PRUNE_BATCH = 1000


class SqlScheduleStore:
    """What the scheduler reads and writes, over the register's engine."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @contextmanager
    def _unit(self, action: str) -> Iterator[tuple[sa.Connection, SqlSession]]:
        with translated(action), self.engine.connect() as connection, connection.begin():
            yield connection, SqlSession(connection)

    # ---- reading -----------------------------------------------------------------

    def load(self, *, with_people: bool) -> SweepInput:
        with self._unit("Could not read the register for the scheduler") as (connection, session):
            return SweepInput(
                cases=_cases(connection, session),
                people=person_cases(session, connection) if with_people else (),
                risks=list(session.all_risks()),
                staff=[m.staff_member_from(row) for row in connection.execute(sa.select(STAFF))],
            )

    def sent_keys(self) -> set[ReminderKey]:
        columns = (SENT.c.kind, SENT.c.record_id, SENT.c.due_on, SENT.c.recipient)
        with self._unit("Could not read the reminders sent") as (connection, _):
            return {ReminderKey(*row) for row in connection.execute(sa.select(*columns))}

    # ---- writing -----------------------------------------------------------------

    def record_sent(self, due: Due, route: str, run_id: str) -> bool:
        key = due.key
        values = {
            "id": new_id(),
            "kind": key.kind,
            "record_id": key.record_id,
            "due_on": key.due_on,
            "recipient": key.recipient,
            "sent_at": utcnow(),
            "route": route[:40],
            "sweep_run_id": run_id,
        }
        with self._unit("Could not record a reminder as sent") as (connection, _):
            insert = (postgresql if connection.dialect.name == "postgresql" else sqlite).insert
            statement = insert(SENT).values(values).on_conflict_do_nothing()
            return connection.execute(statement).rowcount == 1

    def apply_change(self, change: Change, actor: str) -> bool:
        target = change.restriction
        with self._unit("Could not change the restriction's status") as (_, session):
            current = session.restriction(target.id)
            if current is None or current.status is not change.was:
                return False
            session.update(replace(current, status=target.status, updated_at=utcnow()))
            detail = f"status {change.was.value} -> {target.status.value}"
            entry = AuditEntry(
                actor, AuditAction.UPDATE, "restriction", target.id, change.reason, detail
            )
            session.audit(entry)
            return True

    def delete_case(self, deletion: Deletion, actor: str) -> dict[str, int] | None:
        person_id = deletion.person_id
        with self._unit("Could not delete a closed case") as (connection, session):
            facts = person_cases(session, connection, [person_id])
            if (
                not facts
                or not closed(facts[0])
                or facts[0].last_activity != deletion.last_activity
            ):
                return None
            counts = delete_person(connection, person_id)
            detail = "rows deleted: " + ", ".join(f"{name} {n}" for name, n in counts.items())
            session.audit(
                AuditEntry(actor, AuditAction.DELETE, "person", person_id, deletion.reason, detail)
            )
            return counts

    def prune_audit(self, before: date, actor: str, batch_size: int = PRUNE_BATCH) -> int:
        """Delete audit entries dated before `before` (UTC midnight), deletion records kept.

        Each batch is one transaction holding its own permit for the audit
        trail's triggers (0008_audit_retention). The batch that finds the
        backlog done also saves the pruning record, if anything was deleted,
        so a second run for the same day finds nothing and records nothing.
        A run that fails half-way keeps the batches it committed; the next
        run's record counts only its own.
        """
        cutoff = datetime(before.year, before.month, before.day, tzinfo=UTC)
        pruned = 0
        while True:
            with self._unit("Could not prune the audit trail") as (connection, session):
                deleted = _prune_batch(connection, cutoff, batch_size)
                pruned += deleted
                finished = deleted < batch_size
                if finished and pruned:
                    session.audit(pruning_record(actor, pruned, before))
            if finished:
                return pruned

    # ---- the run log -------------------------------------------------------------

    def ran_on(self, job: str, day: date) -> bool:
        where = sa.and_(RUN.c.job == job, RUN.c.for_day == day, RUN.c.outcome == "done")
        with self._unit("Could not read the sweep log") as (connection, _):
            return connection.execute(sa.select(RUN.c.id).where(where).limit(1)).first() is not None

    def begin_run(self, job: str, day: date, instance: str) -> str:
        run_id = new_id()
        values = {
            "id": run_id,
            "job": job,
            "for_day": day,
            "instance": instance[:200],
            "started_at": utcnow(),
            "outcome": "running",
            "detail": "",
        }
        with self._unit("Could not log the sweep") as (connection, _):
            connection.execute(sa.insert(RUN).values(values))
        return run_id

    def finish_run(self, run_id: str, outcome: str, detail: str) -> None:
        values = {"finished_at": utcnow(), "outcome": outcome, "detail": detail}
        with self._unit("Could not log the sweep") as (connection, _):
            connection.execute(sa.update(RUN).where(RUN.c.id == run_id).values(values))

    def runs(self, job: str) -> list[tuple[date, str, str, str]]:
        """(day, instance, outcome, detail) of every run of `job`, oldest first (for operators)."""
        columns = (RUN.c.for_day, RUN.c.instance, RUN.c.outcome, RUN.c.detail)
        query = sa.select(*columns).where(RUN.c.job == job).order_by(RUN.c.started_at)
        with self._unit("Could not read the sweep log") as (connection, _):
            return [(row[0], row[1], row[2], row[3]) for row in connection.execute(query)]


def _cases(connection: sa.Connection, session: SqlSession) -> list[Case]:
    """Every restriction with its reviews, appeals and proposer, in three bulk queries."""
    reviews: dict[str, list[Review]] = defaultdict(list)
    for row in connection.execute(sa.select(REVIEW).order_by(REVIEW.c.due_on, REVIEW.c.id)):
        reviews[row.restriction_id].append(m.review_from(row))
    appeals: dict[str, list[Appeal]] = defaultdict(list)
    for row in connection.execute(sa.select(APPEAL).order_by(APPEAL.c.received_on, APPEAL.c.id)):
        appeals[row.restriction_id].append(m.appeal_from(row))
    return [
        Case(r, tuple(reviews[r.id]), tuple(appeals[r.id]), proposers.get(r.id))
        for proposers in [restriction_proposers(connection)]
        for r in session.all_restrictions()
    ]


def _prune_batch(connection: sa.Connection, cutoff: datetime, batch_size: int) -> int:
    """Delete up to `batch_size` of the oldest prunable entries, under a permit."""
    kept = [action.value for action in KEPT_ACTIONS]
    oldest = (
        sa.select(AUDIT.c.id)
        .where(AUDIT.c.at < cutoff, AUDIT.c.action.not_in(kept))
        .order_by(AUDIT.c.at, AUDIT.c.id)
        .limit(batch_size)
    )
    ids = list(connection.execute(oldest).scalars())
    if not ids:
        return 0
    permit = new_id()
    connection.execute(sa.insert(PERMIT).values(id=permit, prunes_before=cutoff))
    deleted = connection.execute(sa.delete(AUDIT).where(AUDIT.c.id.in_(ids))).rowcount
    connection.execute(sa.delete(PERMIT).where(PERMIT.c.id == permit))
    return int(deleted)
