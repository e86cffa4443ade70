"""The Microsoft Graph backend, against recorded Graph and Entra ID answers served over loopback.

Every test states the exchanges it expects (tests/mailbox/graph_recordings,
served by the local HTTPS app in tests/mailbox/graph_replay.py) and asserts
what the watcher or an operator would see: keys oldest first across pages,
the exact MIME bytes, True/False/None for a message that has gone, a
plain-English refusal, a loud log line, and what went over the wire (method,
path, query, bearer token). Nothing leaves loopback.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from mailbox.backends import MailboxRefused, MailboxUnavailable
from mailbox.backends.graph import GraphBackend
from mailbox.backends.graph_settings import GRAPH_SCOPE, GraphSettings
from register.errors import ConfigurationError
from tests.mailbox.graph_replay import (
    RECORDINGS,
    Exchange,
    GraphReplay,
    ReplayTls,
    loopback_only,
    make_tls,
    serve,
)

__all__ = ["loopback_only"]  # the fixture is used by name below

MAILBOX = "spoc@council.example.gov.uk"
TENANT = "c0a1b2c3-d4e5-4f60-8a7b-9c8d7e6f5a4b"
CLIENT = "3f2b8c1e-6a4d-4e7b-9c1a-0d5e8f7a6b2c"
SECRET = "s3cr3t~Value.For_Tests"
_ID = (
    "AAMkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJkZGYxMTUwZQBGAAAAAADVNi0cIkTvQIx0m-5JrqfHBwCv"
    "LvYP3h_SSqjpXWkEeMNNAAAAAAEMAACvLvYP3h_SSqjpXWkEeMNNAAAjU3R{}AAA="
)
IDS = [_ID.format(letter) for letter in "vwx"]  # the recorded messages, oldest delivery first
FILED = (
    "AAMkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJkZGYxMTUwZQAuAAAAAADVNi0cIkTvQIx0m-5JrqfHAQCv"
    "LvYP3h_SSqjpXWkEeMNNAAAjU3QjAAA="
)
USER = f"/v1.0/users/{MAILBOX}"
INBOX_MESSAGES = f"{USER}/mailFolders/inbox/messages"
SIGN_IN = (
    Exchange("GET", f"/{TENANT}/v2.0/.well-known/openid-configuration", "openid_configuration"),
    Exchange("POST", f"/{TENANT}/oauth2/v2.0/token", "token_app_only"),
)
BEARER = "Bearer eyJ0eXAiOiJKV1Qi"  # the start of the recorded access token


class Sleeps(list[float]):
    """Stands in for time.sleep and remembers every pause."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> ReplayTls:
    return make_tls(tmp_path_factory.mktemp("graph-tls"))


@pytest.fixture
def graph(tls: ReplayTls, loopback_only: list[str]) -> Iterator[GraphReplay]:
    """The local Graph and Entra ID, started for this test on a free loopback port."""
    yield from serve(GraphReplay(tls.server_context))
    assert set(loopback_only) <= {"127.0.0.1"}


def settings_for(graph: GraphReplay, tls: ReplayTls, **overrides: object) -> GraphSettings:
    values: dict[str, object] = {
        "mailbox": MAILBOX,
        "tenant_id": TENANT,
        "client_id": CLIENT,
        "client_secret": SECRET,
        "graph_base": graph.graph_base,
        "authority_host": graph.base,
        "page_size": 2,
        "backoff": 0.5,
        "attempts": 3,
        "ca_bundle": str(tls.ca_file),
    }
    values.update(overrides)
    return GraphSettings(**values)  # type: ignore[arg-type]


@pytest.fixture
def backend(graph: GraphReplay, tls: ReplayTls) -> Iterator[tuple[GraphBackend, Sleeps]]:
    sleeps = Sleeps()
    opened = GraphBackend(settings_for(graph, tls), sleep=sleeps)
    yield opened, sleeps
    opened.close()


def graph_requests(graph: GraphReplay) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in graph.received if r.path.startswith("/v1.0/")]


# -- the port -----------------------------------------------------------------


def test_list_follows_next_links_and_returns_keys_oldest_delivery_first(backend, graph) -> None:
    opened, _ = backend
    graph.expect(
        *SIGN_IN,
        Exchange("GET", INBOX_MESSAGES, "messages_inbox_page1"),
        Exchange("GET", INBOX_MESSAGES, "messages_inbox_page2"),
    )

    keys = opened.list_keys("INBOX")

    assert keys == [f"graph1.{i}" for i in IDS]
    graph.assert_done()
    token, first, second = graph.received[1:]
    assert {
        "client_id": CLIENT,
        "client_secret": SECRET,
        "grant_type": "client_credentials",
        "scope": GRAPH_SCOPE,
    }.items() <= token.form().items()
    assert first.query == {
        "$select": "id,receivedDateTime",
        "$orderby": "receivedDateTime asc",
        "$top": "2",
    }
    assert second.query["$skip"] == "2"  # the nextLink, followed as Graph gave it
    assert all(r.headers["Authorization"].startswith(BEARER) for r in (first, second))


def test_fetch_returns_the_exact_mime_bytes(backend, graph) -> None:
    opened, _ = backend
    graph.expect(*SIGN_IN, Exchange("GET", f"{USER}/messages/{IDS[0]}/$value", "message_value"))

    raw = opened.fetch("INBOX", f"graph1.{IDS[0]}")

    assert raw == (RECORDINGS / "message.eml").read_bytes()
    assert b"\r\n" in raw  # not re-encoded on the way
    graph.assert_done()


def test_a_message_gone_between_list_and_fetch_is_none(backend, graph) -> None:
    opened, _ = backend
    graph.expect(*SIGN_IN, Exchange("GET", f"{USER}/messages/{IDS[0]}/$value", "item_not_found"))

    assert opened.fetch("INBOX", f"graph1.{IDS[0]}") is None
    graph.assert_done()


def test_move_files_the_message_and_reports_false_once_it_has_gone(backend, graph) -> None:
    opened, _ = backend
    key = f"graph1.{IDS[0]}"
    graph.expect(
        *SIGN_IN,
        Exchange("GET", f"{USER}/mailFolders", "folders_filed_page1"),
        Exchange("GET", f"{USER}/mailFolders", "folders_filed_page2"),
        Exchange("POST", f"{USER}/messages/{IDS[0]}/move", "message_moved"),
        # The second watcher's attempt: the old id is gone (Graph gave the message a new one).
        Exchange("POST", f"{USER}/messages/{IDS[0]}/move", "item_not_found"),
        Exchange("GET", f"{USER}/messages/{IDS[0]}", "item_not_found"),
    )

    assert opened.move("INBOX", key, "Filed") is True
    assert opened.move("INBOX", key, "Filed") is False

    graph.assert_done()
    lookup = graph.received[2]
    assert lookup.query["$filter"] == "displayName eq 'Filed'"
    moves = [r for r in graph.received if r.path.endswith("/move")]
    assert [r.json() for r in moves] == [{"destinationId": FILED}] * 2
    assert all(r.headers["Content-Type"] == "application/json" for r in moves)


def test_move_recreates_a_destination_folder_an_officer_deleted(backend, graph) -> None:
    opened, sleeps = backend
    graph.expect(
        *SIGN_IN,
        Exchange("GET", f"{USER}/mailFolders", "folders_filed_page2"),
        Exchange("POST", f"{USER}/messages/{IDS[0]}/move", "item_not_found"),
        Exchange("GET", f"{USER}/messages/{IDS[0]}", "message_exists"),
        Exchange("GET", f"{USER}/mailFolders", "folders_none"),
        Exchange("POST", f"{USER}/mailFolders", "folder_created_filed"),
        Exchange("POST", f"{USER}/messages/{IDS[0]}/move", "message_moved"),
    )

    assert opened.move("INBOX", f"graph1.{IDS[0]}", "Filed") is True
    assert sleeps == [0.5]
    graph.assert_done()


def test_ensure_folder_creates_a_missing_folder_once(backend, graph) -> None:
    opened, _ = backend
    graph.expect(
        *SIGN_IN,
        Exchange("GET", f"{USER}/mailFolders", "folders_none"),
        Exchange("POST", f"{USER}/mailFolders", "folder_created_filed"),
    )

    opened.ensure_folder("Filed")
    opened.ensure_folder("Filed")  # known now: no request
    opened.ensure_folder("INBOX")  # Graph's well-known name: no request

    graph.assert_done()
    assert graph.received[-1].json() == {"displayName": "Filed"}


def test_a_folder_another_watcher_just_created_is_used(backend, graph) -> None:
    opened, _ = backend
    graph.expect(
        *SIGN_IN,
        Exchange("GET", f"{USER}/mailFolders", "folders_none"),
        Exchange("POST", f"{USER}/mailFolders", "folder_exists"),
        Exchange("GET", f"{USER}/mailFolders", "folders_filed_page2"),
    )

    opened.ensure_folder("Filed")

    graph.assert_done()


def test_folders_can_live_inside_the_inbox(graph, tls) -> None:
    opened = GraphBackend(settings_for(graph, tls, folders_under="inbox"), sleep=Sleeps())
    graph.expect(
        *SIGN_IN,
        Exchange("GET", f"{USER}/mailFolders/inbox/childFolders", "folders_none"),
        Exchange("POST", f"{USER}/mailFolders/inbox/childFolders", "folder_created_filed"),
    )

    opened.ensure_folder("Filed")
    opened.close()

    graph.assert_done()


def test_listing_a_folder_that_does_not_exist_is_refused_by_name(backend, graph) -> None:
    opened, _ = backend
    graph.expect(*SIGN_IN, Exchange("GET", f"{USER}/mailFolders", "folders_none"))

    with pytest.raises(MailboxRefused, match="has no folder 'Filed'"):
        opened.list_keys("Filed")


# -- throttling and refusals --------------------------------------------------


def test_throttling_waits_as_graph_asks_then_succeeds(backend, graph, caplog) -> None:
    opened, sleeps = backend
    graph.expect(
        *SIGN_IN,
        Exchange("GET", INBOX_MESSAGES, "throttled"),
        Exchange("GET", INBOX_MESSAGES, "service_unavailable"),
        Exchange("GET", INBOX_MESSAGES, "messages_inbox_one"),
    )

    with caplog.at_level(logging.WARNING, logger="mailbox.backends.graph"):
        keys = opened.list_keys("INBOX")

    assert keys == [f"graph1.{IDS[0]}"]
    assert sleeps == [3.0, 1.0]  # Retry-After, not our own backoff
    assert "ApplicationThrottled" in caplog.text
    graph.assert_done()


def test_throttling_that_never_ends_is_unavailable(backend, graph) -> None:
    opened, sleeps = backend
    graph.expect(*SIGN_IN, *[Exchange("GET", INBOX_MESSAGES, "throttled")] * 3)

    with pytest.raises(MailboxUnavailable, match="after 3 attempts while listing 'INBOX'"):
        opened.list_keys("INBOX")

    assert sleeps == [3.0, 3.0]
    graph.assert_done()


def test_a_wait_longer_than_we_allow_is_left_to_the_next_poll(backend, graph) -> None:
    opened, sleeps = backend
    graph.expect(*SIGN_IN, Exchange("GET", INBOX_MESSAGES, "throttled_long"))

    with pytest.raises(MailboxUnavailable, match="asked us to wait 900s"):
        opened.list_keys("INBOX")

    assert sleeps == []
    graph.assert_done()


def test_access_denied_is_refused_in_plain_words_without_retrying(backend, graph) -> None:
    opened, sleeps = backend
    graph.expect(*SIGN_IN, Exchange("GET", INBOX_MESSAGES, "access_policy_denied"))

    with pytest.raises(MailboxRefused) as refused:
        opened.list_keys("INBOX")

    words = str(refused.value)
    assert "lacks the Mail.ReadWrite application permission" in words
    assert "application access policy" in words and MAILBOX in words
    assert "AppOnly AccessPolicy" in words  # Graph's own detail, for the administrator
    assert sleeps == []
    graph.assert_done()


def test_an_unknown_mailbox_is_refused_not_taken_for_a_vanished_message(backend, graph) -> None:
    opened, _ = backend
    graph.expect(*SIGN_IN, Exchange("GET", f"{USER}/messages/{IDS[0]}/$value", "invalid_user"))

    with pytest.raises(MailboxRefused, match="no usable mailbox"):
        opened.fetch("INBOX", f"graph1.{IDS[0]}")


def test_a_rejected_token_is_refused_and_a_new_one_fetched_next_time(backend, graph) -> None:
    opened, _ = backend
    graph.expect(
        *SIGN_IN,
        Exchange("GET", INBOX_MESSAGES, "token_expired"),
        *SIGN_IN,
        Exchange("GET", INBOX_MESSAGES, "messages_inbox_one"),
    )

    with pytest.raises(MailboxRefused, match="HTTP 401"):
        opened.list_keys("INBOX")
    assert opened.list_keys("INBOX") == [f"graph1.{IDS[0]}"]

    graph.assert_done()


def test_a_sign_in_failure_is_unavailable_and_logged_loudly(backend, graph, caplog) -> None:
    opened, sleeps = backend
    graph.expect(
        SIGN_IN[0], Exchange("POST", f"/{TENANT}/oauth2/v2.0/token", "token_invalid_client")
    )

    with caplog.at_level(logging.CRITICAL), pytest.raises(MailboxUnavailable) as unavailable:
        opened.list_keys("INBOX")

    [record] = [r for r in caplog.records if r.levelno == logging.CRITICAL]
    assert "GRAPH SIGN-IN FAILED" in record.getMessage() and MAILBOX in record.getMessage()
    assert "AADSTS7000215" in str(unavailable.value)
    assert SECRET not in caplog.text
    assert graph_requests(graph) == [] and sleeps == []
    graph.assert_done()


def test_the_token_is_fetched_once_and_reused(backend, graph) -> None:
    opened, _ = backend
    graph.expect(
        *SIGN_IN,
        Exchange("GET", INBOX_MESSAGES, "messages_inbox_one"),
        Exchange("GET", f"{USER}/messages/{IDS[0]}/$value", "message_value"),
    )

    opened.list_keys("INBOX")
    opened.close()  # closing drops connections, not the token
    opened.fetch("INBOX", f"graph1.{IDS[0]}")

    graph.assert_done()


def test_a_key_from_another_backend_is_refused(backend, graph) -> None:
    opened, _ = backend
    for key in ("7:42", "ews1.QUFNa0FH.", "graph1.", "graph1.abc?x=1"):
        with pytest.raises(MailboxRefused, match="not a Graph message key"):
            opened.fetch("INBOX", key)
    assert graph.received == []


def test_a_paging_link_to_another_host_is_not_followed(backend, graph, tmp_path) -> None:
    """The bearer token opens the whole mailbox: it must never go to a host that is not Graph."""
    opened, _ = backend
    stray = tmp_path / "stray.json"
    stray.write_text(
        (RECORDINGS / "messages_inbox_page1.json")
        .read_text(encoding="utf-8")
        .replace("https://graph.microsoft.com/v1.0/users", "https://graph.example.net/v1.0/users"),
        encoding="utf-8",
    )
    graph.expect(*SIGN_IN, Exchange("GET", INBOX_MESSAGES, stray))

    with pytest.raises(MailboxRefused, match="another host"):
        opened.list_keys("INBOX")
    graph.assert_done()


# -- settings -----------------------------------------------------------------


def test_settings_refuse_plain_http_and_hide_the_secret() -> None:
    good = GraphSettings(MAILBOX, TENANT, CLIENT, SECRET)
    assert SECRET not in repr(good)
    assert good.authority == f"https://login.microsoftonline.com/{TENANT}"
    with pytest.raises(ConfigurationError, match="https"):
        GraphSettings(MAILBOX, TENANT, CLIENT, SECRET, graph_base="http://graph.example/v1.0")
    with pytest.raises(ConfigurationError, match="user principal name"):
        GraphSettings("spoc", TENANT, CLIENT, SECRET)
    with pytest.raises(ConfigurationError, match="client_secret"):
        GraphSettings(MAILBOX, TENANT, CLIENT, " ")
