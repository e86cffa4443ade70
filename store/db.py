"""Engines for the two databases Forewarn runs on.

SQLite is the zero-setup default: one file under the data directory, made on
first run. It is opened in WAL mode (readers never wait for the writer),
with foreign keys enforced (SQLite leaves them off unless asked) and a busy
timeout so a second writer waits instead of failing at once. Every SQLite
transaction begins IMMEDIATE: nearly every unit of work writes (each look-up
is audited), and taking the write lock up front means two units of work
queue rather than one failing half-way when it tries to upgrade its lock.

PostgreSQL is for councils that run a database server; any
`postgresql://` URL is driven by psycopg 3.
"""

from __future__ import annotations

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
    engine = sa.create_engine(url.set(drivername="sqlite+pysqlite"), **options)
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
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _begin_immediate(connection: sa.Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")
