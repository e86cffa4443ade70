"""The real databases the test suite runs against, made and cleared cheaply.

SQLite: one migrated file is made per test session and copied for each
test, so every test starts from an empty, migrated register without paying
for a migration each time.

PostgreSQL: one database per test session, named after the process and a
random suffix so parallel runs never meet, migrated once, emptied with
TRUNCATE before each test and dropped at the end. The server is the one at
127.0.0.1:5432 (user postgres, trust auth) unless FOREWARN_TEST_POSTGRES_URL
names another; that URL is used to create and drop the test database.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from alembic import command
from psycopg import sql

from store.db import make_engine, sqlite_url
from store.migrate import alembic_config, upgrade
from store.tables import METADATA

DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def admin_url() -> str:
    return os.environ.get("FOREWARN_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def _libpq(url: sa.URL) -> str:
    """The URL as psycopg wants it (no SQLAlchemy driver suffix)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def create_postgres_database() -> sa.URL:
    """Create an empty uniquely named database; raises psycopg.OperationalError when down."""
    server = sa.make_url(admin_url())
    name = f"forewarn_test_{os.getpid()}_{secrets.token_hex(4)}"
    with psycopg.connect(_libpq(server), autocommit=True, connect_timeout=3) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return server.set(database=name)


def postgres_database_or_skip() -> sa.URL:
    """`create_postgres_database`, or skip the test when no server answers (fail under CI=true:
    the PostgreSQL tests must run there, not skip)."""
    try:
        return create_postgres_database()
    except psycopg.OperationalError as error:
        words = " ".join(str(error).split())
        reason = f"PostgreSQL is not reachable at {admin_url()}: {words}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI=true: PostgreSQL tests must run, not skip)")
        pytest.skip(f"{reason} (set FOREWARN_TEST_POSTGRES_URL to use another server)")


def drop_postgres_database(url: sa.URL) -> None:
    assert url.database is not None
    server = sa.make_url(admin_url())
    with psycopg.connect(_libpq(server), autocommit=True, connect_timeout=3) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(url.database))
        )


def empty_postgres(engine: sa.Engine) -> None:
    """Remove every row (TRUNCATE does not fire the audit trail's row triggers)."""
    names = ", ".join(table.name for table in METADATA.sorted_tables)
    with engine.begin() as connection:
        connection.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")


def migrated_sqlite_template(directory: Path) -> Path:
    """A freshly migrated SQLite register file to copy for each test."""
    engine = make_engine(sqlite_url(directory))
    upgrade(engine)
    engine.dispose()  # closing the last connection folds the WAL into the main file
    return directory / "forewarn.db"


def sqlite_copy(template: Path, data_dir: Path) -> sa.Engine:
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, data_dir / template.name)
    return make_engine(sqlite_url(data_dir, template.name))


def migrate_to(engine: sa.Engine, revision: str, down: bool = False) -> None:
    """Upgrade (or downgrade) a database to one revision, for tests of a migration."""
    with engine.connect() as connection:
        config = alembic_config(connection)
        (command.downgrade if down else command.upgrade)(config, revision)
        connection.commit()
