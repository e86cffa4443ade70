"""Where a backend's position in each folder survives a restart.

EWS keeps a SyncFolderItems state and Graph a delta link, one per watched
folder; both are opaque strings the server handed out. `SyncStateStore` is
the port (store.sync_state_repo implements it over the register's database);
`MemorySyncStates` keeps them in a dict, for tests and one-off commands.
"""

from __future__ import annotations

from typing import Protocol


class SyncStateStore(Protocol):
    """Where each watched folder's sync state survives a restart."""

    def get(self, mailbox: str, folder: str) -> str | None: ...

    def set(self, mailbox: str, folder: str, sync_state: str) -> None: ...


class MemorySyncStates:
    """Keeps sync states in a dict: for tests and one-off commands without a store."""

    def __init__(self) -> None:
        self.states: dict[tuple[str, str], str] = {}

    def get(self, mailbox: str, folder: str) -> str | None:
        return self.states.get((mailbox, folder))

    def set(self, mailbox: str, folder: str, sync_state: str) -> None:
        self.states[(mailbox, folder)] = sync_state
