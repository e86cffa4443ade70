"""The EWS backend, replaying recorded SOAP conversations through the real exchangelib.

Every test states the exchanges it expects (tests/mailbox/ews_recordings,
replayed by tests/mailbox/ews_replay.py) and asserts what the watcher or an
operator would see: keys oldest first, the exact MIME bytes, True/False/None
for a message that has gone, a plain-English refusal, a loud log line.
"""

from __future__ import annotations

import base64
import logging
import urllib.parse
from collections.abc import Iterator

import pytest
import requests_mock

from mailbox.backends import MailboxRefused, MailboxUnavailable
from mailbox.backends.ews import EwsBackend
from mailbox.backends.ews_settings import (
    EXCHANGE_ONLINE_ENDPOINT,
    AppOnlyOAuth,
    DelegatedOAuth,
    EwsSettings,
    OnPremisesLogin,
)
from mailbox.backends.sync_state import MemorySyncStates
from register.errors import ConfigurationError
from tests.mailbox.ews_replay import RECORDINGS, TOKEN_URL, Exchange, Replay, no_sockets

__all__ = ["no_sockets"]  # the fixture is used by name below

ON_PREM = "https://mail.council.example.gov.uk/EWS/Exchange.asmx"
MAILBOX = "spoc@council.example.gov.uk"
TENANT = "c0a1b2c3-d4e5-4f60-8a7b-9c8d7e6f5a4b"
CLIENT = "3f2b8c1e-6a4d-4e7b-9c1a-0d5e8f7a6b2c"
# The item ids in the recordings, oldest delivery first.
_ID = (
    "AAMkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJkZGYxMTUwZQBGAAAAAADVNi0cIkTvQIx0m+5JrqfHBwCv"
    "LvYP3h/SSqjpXWkEeMNNAAAAAAEMAACvLvYP3h/SSqjpXWkEeMNNAAAjU3R{}AAA="
)
IDS = [_ID.format(letter) for letter in "vwx"]
SYNC_STATE_AFTER_FIRST_SYNC = "H4sIAAAAAAAEAGNgYGcAAssCAQCBAgEA0AAAAPL//wMAAAD//wMAfkGK8h4AAAA="


class Sleeps(list[float]):
    """Stands in for time.sleep and remembers every pause."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


HOSTS = {"mail.council.example.gov.uk", "outlook.office365.com", "login.microsoftonline.com"}


@pytest.fixture
def mock(no_sockets: None) -> Iterator[requests_mock.Mocker]:
    """Every HTTP call is answered here; none may go anywhere else (no autodiscover)."""
    with requests_mock.Mocker() as mocker:
        yield mocker
    assert {urllib.parse.urlsplit(r.url).hostname for r in mocker.request_history} <= HOSTS


@pytest.fixture(autouse=True)
def _close_backends() -> Iterator[None]:
    """exchangelib caches a protocol per login; closing drops it so tests stay independent."""
    yield
    for backend in _opened:
        backend.close()
    _opened.clear()


_opened: list[EwsBackend] = []


def on_prem(**overrides: object) -> EwsSettings:
    values: dict[str, object] = {
        "mailbox": MAILBOX,
        "auth": OnPremisesLogin("COUNCIL\\svc-forewarn", "correct horse"),
        "service_endpoint": ON_PREM,
        "page_size": 2,
        "backoff": 0.5,
    }
    values.update(overrides)
    return EwsSettings(**values)  # type: ignore[arg-type]


def app_only() -> EwsSettings:
    return EwsSettings(
        mailbox=MAILBOX,
        auth=AppOnlyOAuth(tenant_id=TENANT, client_id=CLIENT, client_secret="s3cr3t~value"),
        service_endpoint=EXCHANGE_ONLINE_ENDPOINT,
    )


def backend_for(
    settings: EwsSettings, mock: requests_mock.Mocker
) -> tuple[EwsBackend, Replay, Sleeps]:
    sleeps = Sleeps()
    backend = EwsBackend(settings, sync_states=MemorySyncStates(), sleep=sleeps)
    _opened.append(backend)
    return backend, Replay(mock, settings.service_endpoint or ""), sleeps


def item_id(key: str) -> str:
    encoded = key.split(".")[1]
    return base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4)).decode()


@pytest.fixture
def onprem(mock: requests_mock.Mocker) -> tuple[EwsBackend, Replay, Sleeps]:
    return backend_for(on_prem(), mock)


# -- the port over on-premises Exchange ----------------------------------------


def test_list_returns_every_page_oldest_delivery_first(onprem) -> None:
    backend, replay, _ = onprem
    replay.expect(Exchange("finditem_inbox_page1"), Exchange("finditem_inbox_page2"))

    keys = backend.list_keys("INBOX")

    assert [item_id(key) for key in keys] == IDS
    assert all(key.startswith("ews1.") and "/" not in key and "+" not in key for key in keys)
    replay.assert_done()


def test_fetch_returns_the_exact_mime_bytes(onprem) -> None:
    backend, replay, _ = onprem
    replay.expect(Exchange("finditem_inbox_one"), Exchange("getitem_mime"))

    [key] = backend.list_keys("INBOX")

    assert backend.fetch("INBOX", key) == (RECORDINGS / "message.eml").read_bytes()
    replay.assert_done()


def test_a_message_gone_between_list_and_fetch_is_none(onprem) -> None:
    backend, replay, _ = onprem
    replay.expect(
        Exchange("finditem_inbox_one"),
        Exchange("getitem_not_found", request="getitem_mime"),
    )

    [key] = backend.list_keys("INBOX")

    assert backend.fetch("INBOX", key) is None
    replay.assert_done()


def test_move_files_the_message_and_reports_false_once_it_has_gone(onprem) -> None:
    backend, replay, _ = onprem
    replay.expect(
        Exchange("finditem_inbox_one"),
        Exchange("findfolder_filed"),
        Exchange("moveitem_ok"),
        Exchange("moveitem_not_found", request="moveitem_ok"),
    )
    [key] = backend.list_keys("INBOX")

    assert backend.move("INBOX", key, "Filed") is True
    assert backend.move("INBOX", key, "Filed") is False  # the folder id is cached: one lookup
    replay.assert_done()


def test_ensure_folder_creates_a_missing_folder_once(onprem) -> None:
    backend, replay, _ = onprem
    replay.expect(
        Exchange("findfolder_filed_missing", request="findfolder_filed"),
        Exchange("createfolder_filed"),
    )

    backend.ensure_folder("Filed")
    backend.ensure_folder("Filed")
    backend.ensure_folder("INBOX")

    replay.assert_done()


def test_throttling_backs_off_as_exchange_asks_then_succeeds(onprem, caplog) -> None:
    backend, replay, sleeps = onprem
    replay.expect(
        Exchange("server_busy", status=500, request="finditem_inbox_one"),
        Exchange("finditem_inbox_one"),
    )

    with caplog.at_level(logging.WARNING, logger="mailbox.backends.ews"):
        keys = backend.list_keys("INBOX")

    assert [item_id(key) for key in keys] == IDS[:1]
    assert sleeps == [1.5]  # BackOffMilliseconds=1500, more than our own 0.5s
    assert "retrying in 1.5s" in caplog.text
    replay.assert_done()


def test_throttling_that_never_ends_is_unavailable(mock) -> None:
    backend, replay, sleeps = backend_for(on_prem(attempts=2), mock)
    busy = Exchange("server_busy", status=500, request="finditem_inbox_one")
    replay.expect(busy, busy)

    with pytest.raises(MailboxUnavailable, match="could not be reached after 2 attempts"):
        backend.list_keys("INBOX")

    assert sleeps == [1.5]
    replay.assert_done()


def test_a_back_off_longer_than_we_wait_is_left_to_the_next_poll(mock) -> None:
    backend, replay, sleeps = backend_for(on_prem(max_backoff=1.0), mock)
    replay.expect(Exchange("server_busy", status=500, request="finditem_inbox_one"))

    with pytest.raises(MailboxUnavailable, match="asked us to wait 2s"):
        backend.list_keys("INBOX")

    assert sleeps == []


def test_access_denied_is_refused_in_plain_words_without_retrying(onprem) -> None:
    backend, replay, sleeps = onprem
    replay.expect(Exchange("finditem_access_denied", request="finditem_inbox_one"))

    with pytest.raises(MailboxRefused) as refused:
        backend.list_keys("INBOX")

    message = str(refused.value)
    assert "refused account COUNCIL\\svc-forewarn access to mailbox spoc@council" in message
    assert "grant the account Full Access" in message
    assert sleeps == []
    replay.assert_done()


def test_nothing_can_reach_a_real_server(no_sockets: None) -> None:
    """The guard the other tests rely on: without requests-mock, the first connect fails."""
    backend = EwsBackend(on_prem(attempts=1), sleep=Sleeps())
    _opened.append(backend)

    with pytest.raises(AssertionError, match="real network connection"):
        backend.list_keys("INBOX")


def test_a_key_from_another_backend_is_refused(onprem) -> None:
    backend, _, _ = onprem
    with pytest.raises(MailboxRefused, match="not an EWS message key"):
        backend.fetch("INBOX", "7:42")


def test_basic_authentication_sends_the_login(mock) -> None:
    settings = on_prem(auth=OnPremisesLogin("svc-forewarn@council.example.gov.uk", "pw", "basic"))
    backend, replay, _ = backend_for(settings, mock)
    replay.expect(Exchange("finditem_inbox_one"))

    backend.list_keys("INBOX")

    expected = base64.b64encode(b"svc-forewarn@council.example.gov.uk:pw").decode()
    assert replay.sent[0].headers["Authorization"] == f"Basic {expected}"
    assert replay.sent[0].headers["X-AnchorMailbox"] == MAILBOX


# -- sync state ------------------------------------------------------------------


def test_new_keys_pages_through_changes_and_resumes_after_a_restart(mock) -> None:
    store = MemorySyncStates()
    replay = Replay(mock, ON_PREM)
    replay.expect(Exchange("sync_first_page1"), Exchange("sync_first_page2"))
    first = EwsBackend(on_prem(), sync_states=store, sleep=Sleeps())

    keys = first.new_keys("INBOX")
    first.close()

    # Sorted by delivery, though Exchange listed the second message first;
    # the read-flag change is not a new message.
    assert [item_id(key) for key in keys] == IDS
    assert store.get(MAILBOX, "INBOX") == SYNC_STATE_AFTER_FIRST_SYNC
    replay.expect(Exchange("sync_nothing_new"))
    restarted = EwsBackend(on_prem(), sync_states=store, sleep=Sleeps())
    assert restarted.new_keys("INBOX") == []
    restarted.close()
    replay.assert_done()


# -- OAuth and Exchange Online -----------------------------------------------------


def test_app_only_oauth_fetches_a_token_and_impersonates_the_mailbox(mock) -> None:
    token = mock.post(
        TOKEN_URL.format(tenant=TENANT),
        content=(RECORDINGS / "token_app_only.response.json").read_bytes(),
        headers={"Content-Type": "application/json; charset=utf-8"},
    )
    backend, replay, _ = backend_for(app_only(), mock)
    replay.expect(Exchange("finditem_inbox_online"))

    keys = backend.list_keys("INBOX")

    assert [item_id(key) for key in keys] == IDS[:1]
    form = urllib.parse.parse_qs(token.last_request.text)
    assert form["grant_type"] == ["client_credentials"]
    assert form["scope"] == ["https://outlook.office365.com/.default"]
    assert form["client_id"] == [CLIENT]
    assert replay.sent[0].headers["Authorization"].startswith("Bearer eyJ0eXAi")
    replay.assert_done()


def test_a_token_endpoint_failure_is_unavailable_and_logged_loudly(mock, caplog) -> None:
    mock.post(
        TOKEN_URL.format(tenant=TENANT),
        status_code=401,
        content=(RECORDINGS / "token_invalid_client.response.json").read_bytes(),
        headers={"Content-Type": "application/json; charset=utf-8"},
    )
    backend, replay, sleeps = backend_for(app_only(), mock)

    with caplog.at_level(logging.CRITICAL), pytest.raises(MailboxUnavailable) as unavailable:
        backend.list_keys("INBOX")

    [record] = [r for r in caplog.records if r.levelno == logging.CRITICAL]
    assert "EWS SIGN-IN FAILED for mailbox spoc@council.example.gov.uk" in record.getMessage()
    assert "client secret" in str(unavailable.value)
    assert "s3cr3t" not in caplog.text
    assert replay.sent == [] and sleeps == []


def test_impersonation_refused_names_the_permission_to_grant(mock) -> None:
    mock.post(
        TOKEN_URL.format(tenant=TENANT),
        content=(RECORDINGS / "token_app_only.response.json").read_bytes(),
    )
    backend, replay, _ = backend_for(app_only(), mock)
    replay.expect(Exchange("finditem_impersonation_denied", request="finditem_inbox_online"))

    with pytest.raises(MailboxRefused, match="full_access_as_app"):
        backend.list_keys("INBOX")


def test_exchange_online_blocking_ews_tells_the_operator_to_use_graph(mock) -> None:
    mock.post(
        TOKEN_URL.format(tenant=TENANT),
        content=(RECORDINGS / "token_app_only.response.json").read_bytes(),
    )
    backend, replay, sleeps = backend_for(app_only(), mock)
    replay.expect(Exchange("ews_blocked", status=403, request="finditem_inbox_online"))

    with pytest.raises(MailboxRefused) as refused:
        backend.list_keys("INBOX")

    message = str(refused.value)
    assert "Microsoft Graph backend" in message and "allow-list" in message
    assert "1 April 2027" in message
    assert sleeps == []


def test_delegated_oauth_uses_the_given_token(mock) -> None:
    settings = EwsSettings(
        mailbox=MAILBOX,
        auth=DelegatedOAuth(client_id=CLIENT, access_token="eyJdelegated"),
        service_endpoint=EXCHANGE_ONLINE_ENDPOINT,
    )
    backend, replay, _ = backend_for(settings, mock)
    replay.expect(Exchange("finditem_inbox_online", request="finditem_inbox_delegated"))

    backend.list_keys("INBOX")

    assert replay.sent[0].headers["Authorization"] == "Bearer eyJdelegated"


# -- settings ------------------------------------------------------------------------


def test_settings_refuse_plain_http_and_hide_secrets() -> None:
    with pytest.raises(ConfigurationError, match="not https"):
        on_prem(service_endpoint="http://mail.council.example.gov.uk/EWS/Exchange.asmx")
    with pytest.raises(ConfigurationError, match="service endpoint"):
        on_prem(service_endpoint=None)
    assert "correct horse" not in repr(on_prem())
    assert "s3cr3t" not in repr(app_only())
