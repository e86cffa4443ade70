"""Bulk insertion for imports and benchmarks.

Records arrive in any order (a CSV import yields people before their
properties). They are buffered per table and written in foreign-key order
with one executemany per table per batch, which SQLAlchemy turns into
multi-row INSERTs on both databases; a batch bounds memory for very large
imports. All of it runs in the caller's transaction, so a failure in the
last batch leaves nothing from the first.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from register.ports import Record
from register.subjects import Person
from store import mapping as m
from store import tables as t

BATCH_ROWS = 5000

_ALIAS, _EMAIL = t.table(t.PersonAliasRow), t.table(t.PersonEmailRow)


def insert_many(connection: sa.Connection, records: Iterable[Record]) -> int:
    """Insert records in batches; returns how many records (not rows) were inserted."""
    buffers: dict[sa.Table, list[dict[str, Any]]] = {}
    buffered = added = 0
    for record in records:
        how = m.mapping_for(record)
        buffers.setdefault(t.table(how.row), []).append(how.values(record))
        buffered += 1
        if isinstance(record, Person):
            buffers.setdefault(_ALIAS, []).extend(m.person_alias_values(record))
            buffers.setdefault(_EMAIL, []).extend(m.person_email_values(record))
        added += 1
        if buffered >= BATCH_ROWS:
            _flush(connection, buffers)
            buffered = 0
    _flush(connection, buffers)
    return added


def _flush(connection: sa.Connection, buffers: dict[sa.Table, list[dict[str, Any]]]) -> None:
    # sorted_tables puts every table after the tables its foreign keys name.
    for table in t.METADATA.sorted_tables:
        rows = buffers.pop(table, None)
        if rows:
            connection.execute(sa.insert(table), rows)
