"""Bring a database's schema up to date at start-up, without alembic.ini.

The Alembic configuration is built in code from this package's location, so
the installed application needs no ini file and no working directory. The
upgrade runs in one transaction: two processes starting together take turns
(SQLite's write lock, a PostgreSQL advisory lock taken in `env.py`), and the
second finds nothing left to do.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from store.db import make_engine
from store.errors import translated

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """An Alembic Config pointing at store/migrations, optionally bound to a connection."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revisions() -> frozenset[str]:
    """The newest revision of every branch (revisions written in parallel branch off 0001)."""
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert heads, "store/migrations has no revisions"
    return frozenset(heads)


def current_revisions(engine: sa.Engine) -> frozenset[str]:
    with engine.connect() as connection:
        return frozenset(MigrationContext.configure(connection).get_current_heads())


def upgrade(engine_or_url: sa.Engine | str) -> None:
    """Migrate the database to the newest revisions; a no-op when it is already there.

    The revisions form one line (tests/store/test_migrations.py checks it);
    "heads" rather than "head" only means a branch made while two features
    are developed side by side still migrates before it is re-chained.
    """
    engine = make_engine(engine_or_url) if isinstance(engine_or_url, str) else engine_or_url
    try:
        with translated("Could not prepare the database"), engine.connect() as connection:
            command.upgrade(alembic_config(connection), "heads")
            connection.commit()
    finally:
        if engine is not engine_or_url:
            engine.dispose()
