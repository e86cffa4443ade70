"""Alembic's entry point for Forewarn's migrations.

At run time `store.migrate.upgrade` passes an open connection in
`config.attributes["connection"]`. For a developer writing a new revision
(`alembic -c <generated config> revision --autogenerate`), the database URL
comes from `-x url=...` or FOREWARN_DATABASE_URL instead.
"""

from __future__ import annotations

import os

import sqlalchemy as sa
from alembic import context

from store.db import make_engine
from store.tables import METADATA

# Any constant will do; it only has to be the same in every Forewarn process.
MIGRATION_LOCK = 0x46_6F_72_65_77  # "Forew"


def run_migrations(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=METADATA,
        compare_type=True,
        transactional_ddl=True,  # SQLite can roll DDL back too; store.db begins explicitly
    )
    with context.begin_transaction():
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        context.run_migrations()


def main() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_migrations(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or os.environ.get(
        "FOREWARN_DATABASE_URL"
    )
    if not url:
        raise SystemExit("give the database with -x url=... or FOREWARN_DATABASE_URL")
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            run_migrations(connection)
            connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Forewarn's migrations run online only")
main()
