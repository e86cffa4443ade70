"""The EWS backend's table: where each watched folder's SyncFolderItems state is kept.

Exchange answers SyncFolderItems with an opaque sync state that says what
the caller has already seen. Keeping it here, rather than in the watcher's
memory, means a restarted watcher asks only for what arrived since, instead
of being told about the whole folder again. One row per mailbox and folder;
the state is replaced, never appended to, and holds no personal data.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field

from store.tables import TEXT, RegisterTable
from store.types import UTCDateTime


class MailSyncStateRow(RegisterTable, table=True):
    __tablename__ = "mail_sync_state"

    mailbox: str = Field(sa_type=TEXT, primary_key=True)
    folder: str = Field(sa_type=TEXT, primary_key=True)
    sync_state: str = Field(sa_type=TEXT)
    updated_at: datetime = Field(sa_type=UTCDateTime)
