"""Kill the watcher at random instants, many times; afterwards no email is lost or doubled.

500 emails are appended to a real Dovecot account. A watcher subprocess
(`python -m mailbox.watcher_main`, the register in a SQLite file) is
started and SIGKILLed after a random delay, at least ten times, then run
until the inbox is empty. Every email must then sit in exactly one final
folder and have exactly one entry on its customer's contact log.

The watcher runs with a high `--max-attempts`: here every attempt is ended
by the test, not by the email, and quarantining an innocent email would
hide the property under test (the quarantine path has its own tests).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from store.db import sqlite_url
from store.mail_repo import SqlMailStore
from tests.mailbox.conftest import ImapAccount
from tests.mailbox.crowd import (
    append_all,
    customers,
    message_ids_by_folder,
    messages,
    register_records,
)
from tests.mailbox.spoc_cases import SPOC_MAILBOX

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = 500
KILLS = 12
pytestmark = [pytest.mark.slow, pytest.mark.dovecot]


def _watcher(account: ImapAccount, database: str, *extra: str) -> subprocess.Popen[bytes]:
    server = account.server
    command = [
        sys.executable,
        "-m",
        "mailbox.watcher_main",
        "--database",
        database,
        "--mailbox",
        SPOC_MAILBOX,
        "--imap",
        f"{server.host}:{server.port}",
        "--user",
        account.user,
        "--password",
        account.password,
        "--poll",
        "0.2",
        "--max-attempts",
        "1000",
        *extra,
    ]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_no_email_is_lost_or_doubled_when_the_watcher_is_killed(
    imap_account: ImapAccount, tmp_path: Path
) -> None:
    started = time.monotonic()
    database = sqlite_url(tmp_path)
    store = SqlMailStore.open(database)
    cases = customers(20)
    store.bulk_add(register_records(cases))
    mail = messages(cases, MESSAGES)
    conn = imap_account.server.client(imap_account.user, imap_account.password)
    append_all(conn, mail)

    pick = random.Random(int(os.environ.get("FOREWARN_CRASH_SEED", "20261123")))
    for _ in range(KILLS):
        process = _watcher(imap_account, database)
        time.sleep(pick.uniform(0.6, 2.2))
        process.send_signal(signal.SIGKILL)
        process.wait(10)
        assert process.stderr is not None
        process.stderr.close()
    with store.engine.connect() as db:
        before = Counter(db.execute(sa.text("SELECT state FROM mail_claim")).scalars())
    final = _watcher(imap_account, database, "--until-idle")
    _, errors = final.communicate(timeout=150)
    assert final.returncode == 0, errors.decode(errors="replace")[-3000:]

    placed = message_ids_by_folder(conn)
    conn.logout()
    by_id: Counter[str] = Counter()
    for (folder, message_id), copies in placed.items():
        assert folder != "INBOX", f"{message_id} is still in the inbox"
        by_id[message_id] += copies
    expected = {message_id for message_id, _ in mail}
    assert set(by_id) == expected
    assert {mid: n for mid, n in by_id.items() if n != 1} == {}

    with store.engine.connect() as db:
        logged = Counter(db.execute(sa.text("SELECT reference FROM contact")).scalars())
        states = Counter(db.execute(sa.text("SELECT state FROM mail_claim")).scalars())
    store.close()
    assert set(logged) == expected
    assert {mid: n for mid, n in logged.items() if n != 1} == {}
    assert states == {"moved": MESSAGES}
    folders = Counter(folder for folder, _ in placed)
    print(
        f"\ncrash test: {KILLS} SIGKILLs, {MESSAGES} messages, "
        f"{time.monotonic() - started:.1f}s; claims when the kills ended {dict(before)}; "
        f"final folders {dict(folders)}"
    )
