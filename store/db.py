"""Engines for the two databases Forewarn runs on.

SQLite is the zero-setup default: one file under the data directory, made on
first run. It is opened in WAL mode (readers never wait for the writer),
with foreign keys enforced (SQLite leaves them off unless asked) and a busy
timeout so a writer in another process waits instead of failing at once.
`synchronous=NORMAL` is SQLite's recommended setting for WAL: a commit is
still atomic and the database is never corrupted by a crash; at worst a
power cut loses the last commits before the next checkpoint, and the WAL
is no longer flushed to disk on every commit.

Every SQLite transaction begins IMMEDIATE: nearly every unit of work writes
(each look-up is audited), and taking the write lock up front means two
units of work queue rather than one failing half-way when it tries to
upgrade its lock. Inside one process they queue on a Python lock first
(`WriterConnection`): SQLite's own busy handler waits by sleeping and
polling, which under load added hundreds of milliseconds to the slowest bot
turns, while a Python lock hands over the moment the holder commits. The
busy timeout still covers other processes (`app.py staff`, a second
instance).

PostgreSQL is for councils that run a database server; any
`postgresql://` URL is driven by psycopg 3.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

from register.errors import ConfigurationError

BUSY_TIMEOUT_MS = 5000


def sqlite_url(data_dir: Path | str, filename: str = "forewarn.db") -> str:
    """The URL of the register's SQLite file inside a data directory."""
    return f"sqlite+pysqlite:///{Path(data_dir).resolve() / filename}"


def make_engine(url: str | URL, **options: Any) -> Engine:
    """An engine for a SQLite or PostgreSQL URL; other databases are refused."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed, **options)
    if parsed.get_backend_name() == "postgresql":
        if parsed.get_driver_name() != "psycopg":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return sa.create_engine(parsed, pool_pre_ping=True, **options)
    raise ConfigurationError(
        f"Forewarn stores its register in SQLite or PostgreSQL, not {parsed.get_backend_name()}"
    )


def _sqlite_engine(url: URL, **options: Any) -> Engine:
    if not url.database or url.database == ":memory:":
        raise ConfigurationError("the SQLite register needs a file path, not an in-memory database")
    Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    # One writer lock per engine: the application opens one engine per
    # database, so this is the process-wide lock (tests that open a second
    # engine on the same file stand for a second process, and get their own).
    connect_args = {**options.pop("connect_args", {}), "factory": _writer_connection_class()}
    engine = sa.create_engine(
        url.set(drivername="sqlite+pysqlite"), connect_args=connect_args, **options
    )
    sa.event.listen(engine, "connect", _configure_sqlite_connection)
    sa.event.listen(engine, "begin", _begin_immediate)
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # Hand transaction control to SQLAlchemy: the sqlite3 module would
    # otherwise begin transactions itself, only before writes, and commit
    # silently before DDL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _begin_immediate(connection: sa.Connection) -> None:
    writer = connection.connection.dbapi_connection
    assert isinstance(writer, WriterConnection)
    if not writer.take_write_lock():
        locked = sqlite3.OperationalError("database is locked")
        raise sa.exc.OperationalError("BEGIN IMMEDIATE", None, locked)
    try:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    except BaseException:
        writer.release_write_lock()
        raise


class WriterConnection(sqlite3.Connection):
    """A sqlite3 connection that holds its engine's writer lock for a whole transaction.

    The lock is taken just before BEGIN IMMEDIATE and let go only once the
    COMMIT or ROLLBACK has finished, so the next writer never finds SQLite
    still locked and never falls back on the busy handler's sleeps. Waiting
    for the lock is bounded by the same busy timeout SQLite would have used,
    and ends in the same "database is locked" error.
    """

    writer_lock: threading.Lock  # set per engine by _writer_connection_class

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._holds_lock = False

    def take_write_lock(self) -> bool:
        if not self.writer_lock.acquire(timeout=BUSY_TIMEOUT_MS / 1000):
            return False
        self._holds_lock = True
        return True

    def release_write_lock(self) -> None:
        if self._holds_lock:
            self._holds_lock = False
            self.writer_lock.release()

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self._release_when_done()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self._release_when_done()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self.release_write_lock()

    def _release_when_done(self) -> None:
        # A COMMIT that failed leaves the transaction open: keep the lock
        # until the rollback that follows has closed it.
        try:
            done = not self.in_transaction
        except sqlite3.ProgrammingError:  # closed, so no transaction either
            done = True
        if done:
            self.release_write_lock()


def _writer_connection_class() -> type[WriterConnection]:
    """A connection class with a lock of its own, for one engine's connections to share."""
    return type("EngineWriterConnection", (WriterConnection,), {"writer_lock": threading.Lock()})
