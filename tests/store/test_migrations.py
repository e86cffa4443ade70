"""The migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from store.db import make_engine, sqlite_url
from store.migrate import current_revisions, head_revisions, upgrade
from store.repository import SqlRegisterStore
from store.tables import METADATA
from tests.samples import SampleRegister


def test_models_and_migrations_agree(store: SqlRegisterStore) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, METADATA) == []


def test_a_second_upgrade_changes_nothing(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    upgrade(store.engine)
    assert current_revisions(store.engine) == head_revisions()
    with store.transaction() as session:
        assert session.person(sample_register.gary.id) == sample_register.gary


def test_first_run_creates_the_sqlite_file_under_its_data_directory(tmp_path: Path) -> None:
    data_dir = tmp_path / "not" / "yet" / "there"
    upgrade(sqlite_url(data_dir))
    assert (data_dir / "forewarn.db").is_file()
    opened = SqlRegisterStore.open(sqlite_url(data_dir))
    with opened.transaction() as session:
        assert set(session.counts().values()) == {0}
    opened.close()


def test_sqlite_runs_with_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = make_engine(sqlite_url(tmp_path))
    with engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout")
        }
    engine.dispose()
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 5000}


def test_every_foreign_key_and_look_up_key_leads_an_index(store: SqlRegisterStore) -> None:
    inspector = sa.inspect(store.engine)
    unindexed = []
    for table in METADATA.sorted_tables:
        leading = {index["column_names"][0] for index in inspector.get_indexes(table.name)}
        leading.add(inspector.get_pk_constraint(table.name)["constrained_columns"][0])
        wanted = {fk["constrained_columns"][0] for fk in inspector.get_foreign_keys(table.name)}
        unindexed += [f"{table.name}.{column}" for column in sorted(wanted - leading)]
    assert unindexed == []
    keys = {
        "property": {"postcode_key", "street_key", "house_key", "uprn"},
        "person": {"name_key"},
        "person_alias": {"name_key"},
        "person_email": {"email"},
    }
    for table_name, columns in keys.items():
        indexed = {c for index in inspector.get_indexes(table_name) for c in index["column_names"]}
        assert columns <= indexed, table_name


def test_the_migrations_form_one_line() -> None:
    """Branches are re-chained before they land, so every database has one history."""
    assert len(head_revisions()) == 1
