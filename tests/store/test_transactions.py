"""A unit of work saves everything or nothing, and failures arrive in plain words."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from register.errors import InvalidInput, StoreUnavailable
from register.subjects import Person, Property
from store.db import make_engine, sqlite_url
from store.repository import SqlRegisterStore
from tests.samples import SampleRegister, build_sample_register


def test_an_exception_leaves_nothing_written(store: SqlRegisterStore) -> None:
    home = Property("3 Willow Way", "ZZ9 1XY")
    with pytest.raises(RuntimeError), store.transaction() as session:
        session.add(home)
        session.add(Person("Rita Vale", property_id=home.id))
        raise RuntimeError("the use case changed its mind")
    with store.transaction() as session:
        assert session.property(home.id) is None
        assert session.counts()["people"] == 0


def test_a_failed_step_rolls_back_even_if_the_caller_swallows_it(store: SqlRegisterStore) -> None:
    home = Property("3 Willow Way", "ZZ9 1XY")
    with pytest.raises(InvalidInput, match="Nothing was saved"), store.transaction() as session:
        session.add(home)
        with contextlib.suppress(InvalidInput):
            session.add(home)
    with store.transaction() as session:
        assert session.counts()["properties"] == 0


def test_after_a_failed_step_the_unit_of_work_refuses_more(store: SqlRegisterStore) -> None:
    home = Property("3 Willow Way", "ZZ9 1XY")
    with (
        pytest.raises(InvalidInput, match="an earlier step failed"),
        store.transaction() as session,
    ):
        session.add(home)
        with contextlib.suppress(InvalidInput):
            session.add(home)
        session.add(Person("Rita Vale"))


def test_a_duplicate_is_refused_in_plain_words(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    with pytest.raises(InvalidInput) as refused, store.transaction() as session:
        session.add(sample_register.gary)
    assert str(refused.value) == (
        "Could not save the person: a record with the same identifier is already saved."
    )


def test_a_record_pointing_nowhere_is_refused(store: SqlRegisterStore) -> None:
    refused = pytest.raises(InvalidInput, match="refers to a record that is not in the register")
    with refused, store.transaction() as session:
        session.add(Person("Rita Vale", property_id="no-such-property"))


def test_a_time_without_a_zone_is_refused(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    naive = replace(sample_register.spoc, updated_at=datetime(2025, 9, 9, 8, 0))
    with pytest.raises(InvalidInput, match="must carry a timezone"), store.transaction() as session:
        session.update(naive)


def test_updating_a_record_that_is_not_there_is_refused(store: SqlRegisterStore) -> None:
    with (
        pytest.raises(
            InvalidInput, match="Could not update the property: it is not in the register"
        ),
        store.transaction() as session,
    ):
        session.update(Property("3 Willow Way", "ZZ9 1XY"))


def test_a_value_too_long_is_refused(store: SqlRegisterStore) -> None:
    # PostgreSQL enforces the length; SQLite does not, and stores it.
    long_name = Person("R" * 500)
    if store.engine.dialect.name == "sqlite":
        with store.transaction() as session:
            session.add(long_name)
        return
    with pytest.raises(InvalidInput, match="too long"), store.transaction() as session:
        session.add(long_name)


def test_bulk_add_is_all_or_nothing(store: SqlRegisterStore) -> None:
    sample = build_sample_register()
    broken = replace(sample.review, id="orphan", restriction_id="no-such-restriction")
    with pytest.raises(InvalidInput, match="not in the register"):
        store.bulk_add([*sample.records(), broken])
    with store.transaction() as session:
        assert set(session.counts().values()) == {0}


def test_bulk_add_sorts_parents_before_children(store: SqlRegisterStore) -> None:
    records = build_sample_register().records()
    assert store.bulk_add(reversed(records)) == len(records)
    with store.transaction() as session:
        assert session.counts()["people"] == 3


def test_an_unmigrated_database_is_reported_as_not_set_up(tmp_path: Path) -> None:
    bare = SqlRegisterStore(make_engine(sqlite_url(tmp_path)))
    with (
        pytest.raises(StoreUnavailable, match="has not been set up"),
        bare.transaction() as session,
    ):
        session.person("anyone")
    bare.close()


@pytest.mark.postgres
def test_an_unreachable_server_is_reported_as_unavailable() -> None:
    down = SqlRegisterStore(
        make_engine(
            "postgresql://postgres@127.0.0.1:1/forewarn", connect_args={"connect_timeout": 2}
        )
    )
    with pytest.raises(StoreUnavailable, match="could not be reached"), down.transaction():
        pass
    down.close()


def test_last_activity_is_the_latest_dated_event_on_the_case(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    s = sample_register
    with store.transaction() as session:
        # The review of Gary's SPOC was held on 2025-09-08, his latest event.
        assert session.last_activity(s.gary.id) == date(2025, 9, 8)
        assert session.last_activity(s.dana.id) == date(2025, 5, 12)
        assert session.last_activity(s.lee.id) is None


def test_counts_cover_every_kind_of_record(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    with store.transaction() as session:
        assert session.counts() == {
            "people": 3,
            "properties": 3,
            "restrictions": 4,
            "premise_risks": 3,
            "incidents": 1,
            "terminated_calls": 1,
            "contacts": 1,
            "reviews": 1,
            "appeals": 1,
            "staff": 3,
            "audit_entries": 0,
        }
