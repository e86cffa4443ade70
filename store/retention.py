"""Deleting a closed case: the person and everything that hangs off them, in one transaction.

The port has no way to delete, on purpose: only retention removes records,
and only here. The records to delete are found by following foreign keys
from the `person` table (and on from their restrictions to reviews,
appeals and any decision papers another module adds), so a table added
later is deleted with its parent rather than blocking the delete or
outliving it. Properties are not followed: a risk at an address stays
while the risk exists, whoever lived there. The audit trail has no
foreign keys and is not touched here; the caller adds the tombstone
(audit entries have their own retention period: see `prune_audit`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from register.restrictions import Status
from register.schedule.model import PersonCase
from register.schedule.retention import OPEN
from store import tables as t
from store.session import SqlSession

PERSON = t.table(t.PersonRow)
RESTRICTION, RISK = t.table(t.RestrictionRow), t.table(t.PremiseRiskRow)


def _children(parent: sa.Table) -> list[tuple[sa.Table, sa.Column[Any], sa.Column[Any]]]:
    """(child table, its referring column, the parent column) for each key pointing at parent."""
    return [
        (child, fk.parent, fk.column)
        for child in t.METADATA.sorted_tables
        for fk in child.foreign_keys
        if fk.column.table is parent and child is not parent
    ]


def _delete(connection: sa.Connection, table: sa.Table, where: Any, counts: Counter[str]) -> None:
    """Delete matching rows after their children, depth first."""
    for child, column, parent_column in _children(table):
        _delete(connection, child, column.in_(sa.select(parent_column).where(where)), counts)
    deleted = connection.execute(sa.delete(table).where(where)).rowcount
    if deleted:
        counts[table.name] += deleted


def delete_person(connection: sa.Connection, person_id: str) -> dict[str, int]:
    """Delete a person and every row that refers to them; returns rows deleted per table."""
    counts: Counter[str] = Counter()
    _delete(connection, PERSON, PERSON.c.id == person_id, counts)
    return dict(sorted(counts.items()))


def person_cases(
    session: SqlSession, connection: sa.Connection, person_ids: Iterable[str] | None = None
) -> list[PersonCase]:
    """Retention facts for people (everyone when `person_ids` is None).

    Statuses and current risks come from two grouped queries; the costly
    last-activity look-up is made only for people whose case is closed.
    """
    ids = list(person_ids) if person_ids is not None else None
    statuses: dict[str, set[Status]] = {}
    query = sa.select(RESTRICTION.c.person_id, RESTRICTION.c.status).distinct()
    query = query.where(RESTRICTION.c.person_id.is_not(None))
    at_risk_query = sa.select(RISK.c.person_id).where(RISK.c.ended_on.is_(None)).distinct()
    people_query = sa.select(PERSON.c.id).order_by(PERSON.c.id)
    if ids is not None:
        query = query.where(RESTRICTION.c.person_id.in_(ids))
        at_risk_query = at_risk_query.where(RISK.c.person_id.in_(ids))
        people_query = people_query.where(PERSON.c.id.in_(ids))
    for person_id, status in connection.execute(query):
        statuses.setdefault(person_id, set()).add(Status(status))
    at_risk = {row[0] for row in connection.execute(at_risk_query)}
    return [
        _person_case(
            session, person_id, frozenset(statuses.get(person_id, ())), person_id in at_risk
        )
        for (person_id,) in connection.execute(people_query).all()
    ]


def _person_case(
    session: SqlSession, person_id: str, statuses: frozenset[Status], at_risk: bool
) -> PersonCase:
    closed = not (statuses & OPEN) and not at_risk
    last = session.last_activity(person_id) if closed else None
    return PersonCase(person_id, statuses, at_risk, last)
