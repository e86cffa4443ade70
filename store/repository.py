"""The register store: opens units of work on a SQLAlchemy engine.

`SqlRegisterStore` implements `register.ports.RegisterStore`. Leaving the
`transaction()` block commits; an exception, or a failed step the caller
swallowed, rolls everything back. Database failures reach the caller as
`register.errors.InvalidInput` or `StoreUnavailable`, never as SQLAlchemy
exceptions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from register.errors import InvalidInput
from register.ports import Record
from store.db import make_engine
from store.errors import translated
from store.migrate import upgrade
from store.session import SqlSession


class SqlRegisterStore:
    """The register in SQLite or PostgreSQL, behind the core's RegisterStore port."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> SqlRegisterStore:
        """Connect to a database URL and bring its schema up to date (the start-up path)."""
        engine = make_engine(url)
        upgrade(engine)
        return cls(engine)

    @contextmanager
    def transaction(self) -> Iterator[SqlSession]:
        with (
            translated("Could not use the register"),
            self.engine.connect() as connection,
            connection.begin() as outer,
        ):
            session = self._new_session(connection)
            yield session
            if session.failure is not None:
                outer.rollback()
                raise InvalidInput(f"Nothing was saved because a step failed: {session.failure}")

    def _new_session(self, connection: sa.Connection) -> SqlSession:
        """The session a unit of work uses; subclasses offer sessions that can do more."""
        return SqlSession(connection)

    def bulk_add(self, records: Iterable[Record]) -> int:
        """Insert many records in one transaction (imports, benchmarks); all or nothing."""
        with self.transaction() as session:
            return session.add_many(records)

    def close(self) -> None:
        """Release pooled connections (at shutdown, and in tests)."""
        self.engine.dispose()
