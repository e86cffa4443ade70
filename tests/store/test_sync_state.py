"""The EWS sync states survive in the register's database, one per mailbox and folder."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from store.repository import SqlRegisterStore
from store.sync_state_repo import SYNC_STATE, SqlSyncStateStore

MAILBOX = "spoc@council.example.gov.uk"


def test_a_folder_never_synced_has_no_state(store: SqlRegisterStore) -> None:
    assert SqlSyncStateStore(store.engine).get(MAILBOX, "INBOX") is None


def test_a_saved_state_is_read_back_after_a_restart(store: SqlRegisterStore) -> None:
    SqlSyncStateStore(store.engine).set(MAILBOX, "INBOX", "H4sIAAAAfirst")
    assert SqlSyncStateStore(store.engine).get(MAILBOX, "INBOX") == "H4sIAAAAfirst"


def test_saving_again_replaces_the_state_and_its_time(store: SqlRegisterStore) -> None:
    states = SqlSyncStateStore(store.engine)
    states.set(MAILBOX, "INBOX", "H4sIAAAAfirst")
    first = _updated_at(store)
    states.set(MAILBOX, "INBOX", "H4sIAAAAsecond")
    assert states.get(MAILBOX, "INBOX") == "H4sIAAAAsecond"
    assert _updated_at(store) >= first
    with store.engine.connect() as db:
        assert db.execute(sa.select(sa.func.count()).select_from(SYNC_STATE)).scalar() == 1


def test_each_mailbox_and_folder_keeps_its_own_state(store: SqlRegisterStore) -> None:
    states = SqlSyncStateStore(store.engine)
    states.set(MAILBOX, "INBOX", "inbox-state")
    states.set(MAILBOX, "Escalated", "escalated-state")
    states.set("other@council.example.gov.uk", "INBOX", "other-state")
    assert states.get(MAILBOX, "INBOX") == "inbox-state"
    assert states.get(MAILBOX, "Escalated") == "escalated-state"
    assert states.get("other@council.example.gov.uk", "INBOX") == "other-state"
    assert states.get(MAILBOX, "Filed") is None


def test_a_long_state_is_kept_whole(store: SqlRegisterStore) -> None:
    """Exchange's states grow with the folder; nothing may truncate one."""
    long_state = "H4sI" + "A" * 20_000
    SqlSyncStateStore(store.engine).set(MAILBOX, "INBOX", long_state)
    assert SqlSyncStateStore(store.engine).get(MAILBOX, "INBOX") == long_state


def _updated_at(store: SqlRegisterStore) -> datetime:
    with store.engine.connect() as db:
        when: datetime = db.execute(sa.select(SYNC_STATE.c.updated_at)).scalar_one()
    assert when.tzinfo is not None
    return when
