"""Shared fixtures: the register store on both real databases, and sample data.

Any test that takes `store` (directly or through `sample_register`) runs
twice, once on SQLite and once on PostgreSQL; the PostgreSQL run carries the
`postgres` marker, so `pytest -m postgres` selects exactly those. When the
server cannot be reached the PostgreSQL runs skip with the reason, except
under CI=true, where they fail: a green CI build must mean both databases
were exercised. The end of the run prints how many PostgreSQL runs passed.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from store.repository import SqlRegisterStore
from tests import databases
from tests.samples import SampleRegister, build_sample_register


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return databases.migrated_sqlite_template(tmp_path_factory.mktemp("sqlite-template"))


@pytest.fixture(scope="session")
def postgres_engine() -> Iterator[sa.Engine]:
    """One migrated PostgreSQL database for the whole session, dropped at the end."""
    url = databases.postgres_database_or_skip()
    engine = SqlRegisterStore.open(url.render_as_string(hide_password=False)).engine
    try:
        yield engine
    finally:
        engine.dispose()
        databases.drop_postgres_database(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlRegisterStore]:
    """An empty, migrated register store: a SQLite file, or the session's PostgreSQL database."""
    if request.param == "postgres":
        engine: sa.Engine = request.getfixturevalue("postgres_engine")
        databases.empty_postgres(engine)
        yield SqlRegisterStore(engine)
        return
    template: Path = request.getfixturevalue("sqlite_template")
    sqlite = SqlRegisterStore(databases.sqlite_copy(template, tmp_path / "data"))
    try:
        yield sqlite
    finally:
        sqlite.close()


@pytest.fixture
def sample_register(store: SqlRegisterStore) -> SampleRegister:
    """The fictional sample register (tests/samples.py), saved in `store`."""
    sample = build_sample_register()
    store.bulk_add(sample.records())
    return sample


# ---- PostgreSQL run count --------------------------------------------------

_POSTGRES_OUTCOMES: Counter[str] = Counter()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if "postgres" not in report.keywords:
        return
    if report.when == "call" or (report.when == "setup" and not report.passed):
        _POSTGRES_OUTCOMES[report.outcome] += 1


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _POSTGRES_OUTCOMES:
        return
    ran = ", ".join(f"{count} {outcome}" for outcome, count in sorted(_POSTGRES_OUTCOMES.items()))
    terminalreporter.write_line(f"PostgreSQL-backed tests: {ran}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under CI=true a run with no PostgreSQL test passing fails, whatever else passed.

    Each fixture already fails rather than skips under CI; this also catches a
    run that never reached them (a `-k` typo, a collection change).
    """
    config = session.config
    whole_suite = (
        config.args == config.getini("testpaths")
        and not config.option.keyword
        and not config.option.markexpr
    )
    if os.environ.get("CI") == "true" and whole_suite and not _POSTGRES_OUTCOMES["passed"]:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print("\nCI=true but no PostgreSQL-backed test passed: failing the run.")
