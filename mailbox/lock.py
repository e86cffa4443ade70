"""One watcher per mailbox at a time, so two instances can run safely.

Two instances may run (a spare on another host, a deploy overlapping the
old process); whichever holds the mailbox's lock processes it and the other
waits its turn. The lock must die with its holder, however it dies
(SIGKILL, power loss), or a crash would stop the mailbox for good: on
PostgreSQL it is a session advisory lock on a connection of its own, on
SQLite an OS file lock next to the database file (store/mail_lock.py; only
the store knows the database). The holder re-checks it on every pass and
stops processing if it was lost.
"""

from __future__ import annotations

from typing import Protocol


class WatcherLock(Protocol):
    @property
    def held(self) -> bool:
        """Whether this process holds the lock now (checked against the server)."""

    def acquire(self) -> bool:
        """Take the lock if it is free; False at once if another watcher holds it."""

    def release(self) -> None:
        """Let another watcher take over; safe to call when not held."""
