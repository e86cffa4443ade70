"""Run one mailbox watcher from the command line: for the crash test, the benchmark and demos.

app.py's `serve` is how a council runs the watcher (with the Teams
notifier); this entry point runs it alone, telling nobody (notices are
logged), against an IMAP account or a folder mailbox and a database URL:

    python -m mailbox.watcher_main --database sqlite+pysqlite:////tmp/f.db \\
        --mailbox spoc@council.example --imap 127.0.0.1:1143 --user u --password p

`--until-idle` stops after the first pass that finds nothing to do. Its
log is set up as app.py's is (logging_setup.py), so the IMAP password, and
any credential by its shape, is redacted from it here too; it shows
warnings and errors, and everything with `-v`.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
from pathlib import Path

from logging_setup import configure, protect
from mailbox.backends import MailBackend
from mailbox.backends.folder import FolderBackend
from mailbox.backends.imap import ImapBackend
from mailbox.steps import WatcherSettings
from mailbox.telling import LoggingNotifier
from mailbox.watcher import Watcher, build_watcher
from store.mail_repo import SqlMailStore


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m mailbox.watcher_main")
    parser.add_argument("--database", required=True, help="SQLAlchemy URL of the register")
    parser.add_argument("--mailbox", required=True, help="address of the watched mailbox")
    parser.add_argument("--imap", help="host:port of a plain-IMAP server (loopback only)")
    parser.add_argument("--user", default="")
    parser.add_argument("--password", default="")
    parser.add_argument("--folders", type=Path, help="root of a folder mailbox instead of IMAP")
    parser.add_argument("--poll", type=float, default=1.0, help="seconds between idle passes")
    parser.add_argument("--until-idle", action="store_true")
    parser.add_argument("--alert-recipient", default="operator")
    parser.add_argument("--max-attempts", type=int, default=3)
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    return parser.parse_args(argv)


def _backend(args: argparse.Namespace) -> MailBackend:
    if args.folders is not None:
        return FolderBackend(args.folders)
    host, _, port = args.imap.rpartition(":")
    return ImapBackend(host, int(port), args.user, args.password, use_ssl=False, backoff=0.2)


async def _until_idle(watcher: Watcher) -> None:
    while True:
        summary = await watcher.run_once()
        if not summary.handled and not summary.locked_out:
            return
        if summary.locked_out:
            await asyncio.sleep(0.2)


async def _main(args: argparse.Namespace) -> None:
    store = SqlMailStore.open(args.database)
    settings = WatcherSettings(
        mailbox=args.mailbox,
        poll_seconds=args.poll,
        alert_recipient=args.alert_recipient,
        max_attempts=args.max_attempts,
    )
    watcher = build_watcher(settings, store, LoggingNotifier(), _backend(args))
    try:
        if args.until_idle:
            await _until_idle(watcher)
            return
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await watcher.run(stop)
    finally:
        watcher.lock.release()
        watcher.backend.close()
        store.close()


def main(argv: list[str] | None = None) -> None:
    args = _arguments(argv)
    configure(verbose=args.verbose)
    protect([args.password], wire=False)
    if not args.verbose:
        # Warnings and errors only, as before: every notice is an INFO line here, and the
        # crash test reads a killed watcher's standard error only at the end.
        logging.getLogger().setLevel(logging.WARNING)
    asyncio.run(_main(args))


if __name__ == "__main__":
    main()
