"""Fixtures for the mailbox tests: a real Dovecot, a fresh IMAP account per test, and a
watcher over a folder mailbox (`mail`, `spoc`).

When Dovecot cannot run here, its tests skip with the reason; under CI
(CI=true) they fail instead, so a broken CI image cannot pass silently.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mailbox.backends.folder import FolderBackend
from store.repository import SqlRegisterStore
from tests.mailbox.dovecot import DovecotServer, why_dovecot_cannot_run
from tests.mailbox.watching import Desk, desk


def _require_dovecot() -> None:
    reason = why_dovecot_cannot_run()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI needs Dovecot: {reason}")
    pytest.skip(reason)


def _started() -> DovecotServer:
    _require_dovecot()
    server = DovecotServer()
    try:
        server.start()
    except Exception:
        server.remove()
        raise
    return server


@pytest.fixture(scope="session")
def dovecot() -> Iterator[DovecotServer]:
    """One Dovecot for the session; each test gets its own account on it."""
    server = _started()
    yield server
    server.remove()


@pytest.fixture
def own_dovecot() -> Iterator[DovecotServer]:
    """A Dovecot for one test alone, for tests that stop or restart the server."""
    server = _started()
    yield server
    server.remove()


@dataclass(frozen=True)
class ImapAccount:
    server: DovecotServer
    user: str
    password: str

    def append(self, raw: bytes, folder: str = "INBOX") -> None:
        self.server.append(self.user, self.password, raw, folder)


def _account(server: DovecotServer) -> ImapAccount:
    user, password = server.account()
    return ImapAccount(server, user, password)


@pytest.fixture
def imap_account(dovecot: DovecotServer) -> ImapAccount:
    return _account(dovecot)


@pytest.fixture
def own_imap_account(own_dovecot: DovecotServer) -> ImapAccount:
    return _account(own_dovecot)


@pytest.fixture
def mail(tmp_path: Path) -> FolderBackend:
    return FolderBackend(tmp_path / "mail")


@pytest.fixture
def spoc(store: SqlRegisterStore, mail: FolderBackend) -> Iterator[Desk]:
    made = desk(store, mail)
    yield made
    made.watcher.lock.release()
