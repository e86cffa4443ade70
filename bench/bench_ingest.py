"""End-to-end ingest rate from Dovecot: delivered email to filed or escalated, per second.

Starts a private Dovecot (as the tests do; needs root and the dovecot
binary), appends N emails from a crowd of SPOC customers, and times the
watcher taking them all through claim, triage, record and move, with the
register in a fresh SQLite file (or the PostgreSQL URL given). Prints
figures; a benchmark asserts nothing. Run from the repository root:

    .venv/bin/python bench/bench_ingest.py [--messages 500] [--database URL]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mailbox.backends.imap import ImapBackend
from mailbox.telling import LoggingNotifier
from mailbox.watcher import WatcherSettings, build_watcher
from store.db import sqlite_url
from store.mail_repo import SqlMailStore
from tests.mailbox.crowd import append_all, customers, messages, register_records
from tests.mailbox.dovecot import DovecotServer
from tests.mailbox.spoc_cases import SPOC_MAILBOX


async def ingest(watcher: object) -> int:
    handled = 0
    while True:
        summary = await watcher.run_once()  # type: ignore[attr-defined]
        handled += summary.handled
        if not summary.handled:
            return handled


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=500)
    parser.add_argument("--customers", type=int, default=20)
    parser.add_argument("--database", help="a PostgreSQL URL; default: a new SQLite file")
    args = parser.parse_args()
    server = DovecotServer()
    server.start()
    try:
        user, password = server.account()
        url = args.database or sqlite_url(tempfile.mkdtemp(prefix="forewarn-bench-"))
        store = SqlMailStore.open(url)
        cases = customers(args.customers)
        store.bulk_add(register_records(cases))
        conn = server.client(user, password)
        append_all(conn, messages(cases, args.messages))
        conn.logout()
        backend = ImapBackend(server.host, server.port, user, password, use_ssl=False)
        watcher = build_watcher(WatcherSettings(SPOC_MAILBOX), store, LoggingNotifier(), backend)
        start = time.perf_counter()
        handled = asyncio.run(ingest(watcher))
        seconds = time.perf_counter() - start
        watcher.lock.release()
        backend.close()
        store.close()
        database = url.split(":", 1)[0]
        print(
            f"ingest from Dovecot into {database}: {handled} messages in {seconds:.2f}s "
            f"= {handled / seconds:.1f} messages/second"
        )
    finally:
        server.remove()


if __name__ == "__main__":
    main()
