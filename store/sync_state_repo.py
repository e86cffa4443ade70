"""The EWS and Graph backends' sync states in the register's database (table `mail_sync_state`).

`SqlSyncStateStore` implements `mailbox.backends.sync_state.SyncStateStore`: an EWS sync
state or a Graph delta link per folder. Each
call is one short transaction. Saving is an upsert (ON CONFLICT DO UPDATE,
spelt the same on SQLite and PostgreSQL), so two watchers saving the same
folder's state at once cannot fail on the primary key: the later one wins,
and at worst the next poll reports a message again, as after a crash (see ews.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from register.ids import utcnow
from store import tables as t
from store.errors import translated
from store.tables_ews import MailSyncStateRow

SYNC_STATE = t.table(MailSyncStateRow)


class SqlSyncStateStore:
    """Where each watched folder's SyncFolderItems state survives a restart."""

    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def get(self, mailbox: str, folder: str) -> str | None:
        """The state saved for this folder, or None before its first sync."""
        statement = sa.select(SYNC_STATE.c.sync_state).where(
            SYNC_STATE.c.mailbox == mailbox, SYNC_STATE.c.folder == folder
        )
        with translated("Could not read the mailbox sync state"), self._engine.connect() as db:
            state: str | None = db.execute(statement).scalar_one_or_none()
        return state

    def set(self, mailbox: str, folder: str, sync_state: str) -> None:
        """Insert or replace the folder's state."""
        dialect = sqlite if self._engine.dialect.name == "sqlite" else postgresql
        insert = dialect.insert(SYNC_STATE).values(
            mailbox=mailbox, folder=folder, sync_state=sync_state, updated_at=utcnow()
        )
        statement = insert.on_conflict_do_update(
            index_elements=[SYNC_STATE.c.mailbox, SYNC_STATE.c.folder],
            set_={
                "sync_state": insert.excluded.sync_state,
                "updated_at": insert.excluded.updated_at,
            },
        )
        with translated("Could not save the mailbox sync state"), self._engine.begin() as db:
            db.execute(statement)
