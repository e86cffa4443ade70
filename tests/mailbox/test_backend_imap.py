"""The IMAP backend against a real Dovecot: list, fetch, move, folders, reconnects."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest

from mailbox.backends import MailboxRefused, MailboxUnavailable
from mailbox.backends.imap import ImapBackend
from register.errors import ConfigurationError
from tests.mailbox.conftest import ImapAccount
from tests.mailbox.mail import raw_email

pytestmark = pytest.mark.dovecot


Connect = Callable[..., ImapBackend]


@pytest.fixture
def connect() -> Iterator[Connect]:
    """Opens backends on an account (plain IMAP on loopback) and closes them after the test."""
    opened: list[ImapBackend] = []

    def open_backend(account: ImapAccount, **options: Any) -> ImapBackend:
        settings: dict[str, Any] = {"use_ssl": False, "timeout": 5.0, "backoff": 0.05}
        settings.update(options)
        backend = ImapBackend(
            account.server.host, account.server.port, account.user, account.password, **settings
        )
        opened.append(backend)
        return backend

    yield open_backend
    for backend in opened:
        backend.close()


def test_lists_and_fetches_messages_exactly_as_delivered(
    imap_account: ImapAccount, connect: Connect
) -> None:
    first = raw_email(message_id="<a@example.org>")
    second = raw_email(message_id="<b@example.org>", body="Second email.")
    imap_account.append(first)
    imap_account.append(second)
    backend = connect(imap_account)

    keys = backend.list_keys("INBOX")

    assert len(keys) == 2
    assert [backend.fetch("INBOX", key) for key in keys] == [first, second]


def test_fetch_does_not_mark_the_message_read(imap_account: ImapAccount, connect: Connect) -> None:
    imap_account.append(raw_email())
    backend = connect(imap_account)
    backend.fetch("INBOX", backend.list_keys("INBOX")[0])
    backend.close()

    conn = imap_account.server.client(imap_account.user, imap_account.password)
    conn.select("INBOX")
    assert conn.uid("SEARCH", "UNSEEN")[1] == [b"1"]
    conn.logout()


def test_move_files_the_message_into_a_new_folder_with_uid_move(
    imap_account: ImapAccount, connect: Connect
) -> None:
    raw = raw_email()
    imap_account.append(raw)
    backend = connect(imap_account)
    key = backend.list_keys("INBOX")[0]

    assert backend.move("INBOX", key, "Filed") is True

    assert backend.list_keys("INBOX") == []
    filed = backend.list_keys("Filed")
    assert [backend.fetch("Filed", k) for k in filed] == [raw]
    assert "MOVE" in backend._capabilities


def test_move_falls_back_to_copy_and_expunge_without_move(
    imap_account: ImapAccount, connect: Connect
) -> None:
    raw = raw_email()
    imap_account.append(raw)
    imap_account.append(raw_email(message_id="<stays@example.org>"))
    backend = connect(imap_account, prefer_move=False)
    key = backend.list_keys("INBOX")[0]

    assert backend.move("INBOX", key, "Quarantine") is True

    assert len(backend.list_keys("INBOX")) == 1
    assert [backend.fetch("Quarantine", k) for k in backend.list_keys("Quarantine")] == [raw]


def test_a_message_already_moved_is_reported_gone_not_an_error(
    imap_account: ImapAccount, connect: Connect
) -> None:
    imap_account.append(raw_email())
    backend = connect(imap_account)
    key = backend.list_keys("INBOX")[0]
    backend.move("INBOX", key, "Filed")

    assert backend.move("INBOX", key, "Escalated") is False
    assert backend.fetch("INBOX", key) is None
    assert backend.list_keys("Escalated") == []


def test_a_key_from_another_uidvalidity_is_treated_as_gone(
    imap_account: ImapAccount, connect: Connect
) -> None:
    imap_account.append(raw_email())
    backend = connect(imap_account)
    validity, uid = backend.list_keys("INBOX")[0].split(":")
    stale = f"{int(validity) + 1}:{uid}"

    assert backend.fetch("INBOX", stale) is None
    assert backend.move("INBOX", stale, "Filed") is False
    assert len(backend.list_keys("INBOX")) == 1


def test_ensure_folder_creates_once_and_accepts_non_ascii_names(
    imap_account: ImapAccount, connect: Connect
) -> None:
    backend = connect(imap_account)
    for _ in range(2):
        backend.ensure_folder("Réclamations")
        backend.ensure_folder("Forewarn Escalated")
    backend.close()

    conn = imap_account.server.client(imap_account.user, imap_account.password)
    listed = b" ".join(item for item in conn.list()[1] if isinstance(item, bytes))
    conn.logout()
    assert b"R&AOk-clamations" in listed
    assert b"Forewarn Escalated" in listed


def test_bad_password_is_refused_clearly_without_retrying(
    imap_account: ImapAccount, connect: Connect
) -> None:
    sleeps: list[float] = []
    backend = connect(replace(imap_account, password="wrong"), sleep=sleeps.append)
    with pytest.raises(MailboxRefused, match="refused the login"):
        backend.list_keys("INBOX")
    assert sleeps == []


def test_plain_imap_is_refused_beyond_loopback() -> None:
    with pytest.raises(ConfigurationError, match="in clear"):
        ImapBackend("mail.council.gov.uk", 143, "spoc", "pw", use_ssl=False)


def test_reconnects_after_the_server_restarts(
    own_imap_account: ImapAccount, connect: Connect
) -> None:
    server = own_imap_account.server
    own_imap_account.append(raw_email())
    backend = connect(own_imap_account, attempts=40, backoff=0.1, max_backoff=0.5)
    key = backend.list_keys("INBOX")[0]

    server.stop()
    restarter = threading.Timer(1.0, server.start)
    restarter.start()
    try:
        moved = backend.move("INBOX", key, "Filed")
    finally:
        restarter.join()

    assert moved is True
    assert len(backend.list_keys("Filed")) == 1


def test_gives_up_with_a_clear_error_when_the_server_stays_down(
    own_imap_account: ImapAccount, connect: Connect
) -> None:
    server = own_imap_account.server
    sleeps: list[float] = []
    backend = connect(own_imap_account, attempts=4, backoff=0.5, sleep=sleeps.append)
    backend.list_keys("INBOX")
    server.stop()

    with pytest.raises(MailboxUnavailable, match=rf"127\.0\.0\.1:{server.port}.*4 attempts"):
        backend.list_keys("INBOX")
    assert sleeps == [0.5, 1.0, 2.0]


def test_mail_delivered_by_dovecot_lda_is_listed(
    imap_account: ImapAccount, connect: Connect
) -> None:
    imap_account.server.deliver_lda(imap_account.user, raw_email())
    backend = connect(imap_account)
    raw = backend.fetch("INBOX", backend.list_keys("INBOX")[0])
    assert raw is not None
    assert raw.endswith(raw_email())
