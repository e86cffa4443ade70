"""Fixtures for the store tests: a new, empty database, for tests of the migrations."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from store.db import make_engine, sqlite_url
from tests import databases


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sa.Engine]:
    """A new, empty database (not the session's migrated one): SQLite or PostgreSQL."""
    if request.param == "sqlite":
        made = make_engine(sqlite_url(tmp_path))
        yield made
        made.dispose()
        return
    url = databases.postgres_database_or_skip()
    made = make_engine(url.render_as_string(hide_password=False))
    try:
        yield made
    finally:
        made.dispose()
        databases.drop_postgres_database(url)
