"""The watcher lock's implementations: a PostgreSQL advisory lock, or a file lock beside SQLite.

They live in the store because only the store knows the database (and, for
SQLite, where its file is); mailbox/lock.py has the port the watcher uses.

Two instances may run (a spare on another host, a deploy overlapping the
old process); whichever holds the lock processes the mailbox and the other
waits. On PostgreSQL the lock is a session advisory lock held on its own
connection, so it is released when the process dies, however it dies; the
holder checks the connection on every pass and stops if it was lost. On
SQLite it is an OS file lock next to the database file, which the kernel
also releases when the process dies.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import sqlalchemy as sa
from filelock import FileLock, Timeout

log = logging.getLogger(__name__)


def lock_key(mailbox: str) -> int:
    """A signed 64-bit advisory-lock key that only this mailbox's watchers share."""
    digest = hashlib.sha256(f"forewarn-mailbox-watcher:{mailbox.casefold()}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class MailboxLock:
    """Implements `mailbox.lock.WatcherLock`; see the module docstring."""

    def __init__(self, engine: sa.Engine, mailbox: str) -> None:
        self._engine, self.mailbox = engine, mailbox
        self._connection: sa.Connection | None = None
        self._file: FileLock | None = None
        if engine.dialect.name == "sqlite":
            database = Path(engine.url.database or "forewarn.db")
            name = f"{database.name}.watcher-{lock_key(mailbox) & 0xFFFFFFFF:08x}.lock"
            self._file = FileLock(database.with_name(name), thread_local=False)

    @property
    def held(self) -> bool:
        if self._file is not None:
            return self._file.is_locked
        return self._connection is not None and self._still_connected()

    def acquire(self) -> bool:
        """Take the lock if it is free; False (at once) if another watcher holds it."""
        if self.held:
            return True
        if self._file is not None:
            try:
                self._file.acquire(timeout=0)
            except Timeout:
                return False
            return True
        return self._acquire_advisory()

    def release(self) -> None:
        if self._file is not None:
            if self._file.is_locked:
                self._file.release(force=True)
            return
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.exec_driver_sql(f"SELECT pg_advisory_unlock({lock_key(self.mailbox)})")
                connection.commit()
            except sa.exc.DBAPIError:
                log.warning("could not release the watcher lock cleanly; the server will")
            finally:
                connection.close()

    def _acquire_advisory(self) -> bool:
        self.release()
        connection = self._engine.connect()
        try:
            got = connection.exec_driver_sql(
                f"SELECT pg_try_advisory_lock({lock_key(self.mailbox)})"
            ).scalar()
            connection.commit()
        except BaseException:
            connection.close()
            raise
        if not got:
            connection.close()
            return False
        self._connection = connection
        return True

    def _still_connected(self) -> bool:
        assert self._connection is not None
        try:
            self._connection.exec_driver_sql("SELECT 1")
            self._connection.commit()
            return True
        except sa.exc.DBAPIError:
            log.error("lost the database connection holding the lock on %s", self.mailbox)
            self._connection.close()
            self._connection = None
            return False
