"""One instance runs a sweep: a PostgreSQL advisory lock, or a file lock beside SQLite.

Councils may run two Forewarn processes (a rolling restart, a second
server). Each would start the daily sweep; the lock picks whichever gets
there first and the other skips. On PostgreSQL that is a session advisory
lock (`pg_try_advisory_lock`) held on its own connection for the sweep:
if the process dies, the server drops the connection and the lock with
it. SQLite has no such lock, so a file lock beside the database file does
the same for processes on one machine (the only place a SQLite file can
be shared safely). Neither waits: a busy lock means someone else is
already sweeping.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import filelock
import sqlalchemy as sa

log = logging.getLogger(__name__)

# Any constant will do, as long as every Forewarn process uses the same one
# and it differs from the migration lock in store/migrations/env.py.
SWEEP_LOCK = 0x46_57_53_57_50  # "FWSWP"


@contextmanager
def sweep_lock(engine: sa.Engine) -> Iterator[bool]:
    """Yield True if this process may sweep now, False if another holds the lock."""
    if engine.dialect.name == "postgresql":
        with _advisory_lock(engine) as held:
            yield held
    else:
        with _file_lock(engine) as held:
            yield held


@contextmanager
def _advisory_lock(engine: sa.Engine) -> Iterator[bool]:
    connection = engine.connect()
    held = False
    try:
        held = bool(
            connection.execute(sa.select(sa.func.pg_try_advisory_lock(SWEEP_LOCK))).scalar()
        )
        connection.commit()  # a session lock outlives the transaction; don't sit idle in one
        yield held
    finally:
        _release(connection, held)


def _release(connection: sa.Connection, held: bool) -> None:
    try:
        if held:
            connection.execute(sa.select(sa.func.pg_advisory_unlock(SWEEP_LOCK)))
            connection.commit()
    except sa.exc.DBAPIError:
        log.exception("could not release the sweep lock; dropping the connection instead")
        connection.invalidate()
    finally:
        connection.close()


def lock_path(engine: sa.Engine) -> Path:
    """The lock file beside the SQLite database (forewarn.db -> forewarn.db.sweep.lock)."""
    database = engine.url.database
    if not database:
        raise ValueError("the SQLite register needs a file path for its sweep lock")
    return Path(database).with_name(Path(database).name + ".sweep.lock")


@contextmanager
def _file_lock(engine: sa.Engine) -> Iterator[bool]:
    lock = filelock.FileLock(lock_path(engine), timeout=0, thread_local=False)
    try:
        lock.acquire()
    except filelock.Timeout:
        yield False
        return
    try:
        yield True
    finally:
        lock.release()
