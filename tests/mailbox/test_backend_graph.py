"""The Microsoft Graph backend, against recorded Graph and Entra ID answers served over loopback.

Every test states the exchanges it expects (tests/mailbox/graph_recordings,
served by the local HTTPS app in tests/mailbox/graph_replay.py) and asserts
what the watcher or an operator would see: keys oldest first across pages
and delta rounds, what is kept to resume from (and that a restart loses nothing),
the exact MIME bytes, True/False/None for a message that has gone, a
plain-English refusal, a loud log line, and what went over the wire (method,
path, query, bearer token). Nothing leaves loopback.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from mailbox.backends import MailboxRefused, MailboxUnavailable
from mailbox.backends.graph import GraphBackend
from mailbox.backends.graph_settings import GRAPH_SCOPE, GraphSettings
from mailbox.backends.sync_state import MemorySyncStates
from register.errors import ConfigurationError
from tests.mailbox.graph_replay import (
    BEARER,
    CLIENT,
    RECORDINGS,
    SECRET,
    SIGN_IN,
    TENANT,
    Exchange,
    GraphReplay,
    ReplayTls,
    app_settings,
    graph,
    loopback_only,
    tls,
)

__all__ = ["graph", "loopback_only", "tls"]  # the fixtures are used by name below

MAILBOX = "spoc@council.example.gov.uk"
_ID = (
    "AAMkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJkZGYxMTUwZQBGAAAAAADVNi0cIkTvQIx0m-5JrqfHBwCv"
    "LvYP3h_SSqjpXWkEeMNNAAAAAAEMAACvLvYP3h_SSqjpXWkEeMNNAAAjU3R{}AAA="
)
IDS = [_ID.format(letter) for letter in "vwxy"]  # the recorded messages, oldest delivery first
KEYS = [f"graph1.{i}" for i in IDS]
FILED = (
    "AAMkAGI2NGVhZTVlLTI1OGMtNDI4My1iZmE5LTA5OGJkZGYxMTUwZQAuAAAAAADVNi0cIkTvQIx0m-5JrqfHAQCv"
    "LvYP3h_SSqjpXWkEeMNNAAAjU3QjAAA="
)
USER = f"/v1.0/users/{MAILBOX}"
INBOX_MESSAGES = f"{USER}/mailFolders/inbox/messages"
INBOX_DELTA = f"{INBOX_MESSAGES}/delta"  # the first request of a full round
LINKED_DELTA = f"{USER}/mailFolders('inbox')/messages/delta"  # as Graph's links spell it


class Sleeps(list[float]):
    """Stands in for time.sleep and remembers every pause."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def settings_for(graph: GraphReplay, tls: ReplayTls, **overrides: object) -> GraphSettings:
    return app_settings(graph, tls, MAILBOX, **overrides)


@pytest.fixture
def states() -> MemorySyncStates:
    """The delta links as the store keeps them: they outlive a backend as rows outlive a process."""
    return MemorySyncStates()


@pytest.fixture
def backend(
    graph: GraphReplay, tls: ReplayTls, states: MemorySyncStates
) -> Iterator[tuple[GraphBackend, Sleeps]]:
    sleeps = Sleeps()
    opened = GraphBackend(settings_for(graph, tls), sleep=sleeps, sync_states=states)
    yield opened, sleeps
    opened.close()


def graph_requests(graph: GraphReplay) -> list[tuple[str, str]]:
    return [(r.method, r.path) for r in graph.received if r.path.startswith("/v1.0/")]


# -- the port -----------------------------------------------------------------


def delta_link(recording: str) -> str:
    """The link a recorded delta page ends with, as the local app serves it."""
    body = json.loads((RECORDINGS / f"{recording}.json").read_text(encoding="utf-8"))["body"]
    link = body.get("@odata.nextLink") or body["@odata.deltaLink"]
    return str(link).replace("https://graph.microsoft.com", "")


def saved(states: MemorySyncStates) -> str:
    return states.states[(MAILBOX, "INBOX")].split("//", 1)[1].partition("/")[2]


FIRST_ROUND = (
    Exchange("GET", INBOX_DELTA, "delta_inbox_page1"),
    Exchange("GET", LINKED_DELTA, "delta_inbox_page2"),
)


# -- the inbox by delta query -------------------------------------------------


def test_a_first_sync_pages_through_a_full_round_and_keeps_the_delta_link(
    backend, graph, states
) -> None:
    opened, _ = backend
    graph.expect(*SIGN_IN, *FIRST_ROUND)

    keys = opened.list_keys("INBOX")

    assert keys == KEYS[:3]  # oldest delivery first, whatever order Graph gave them in
    graph.assert_done()
    token, first, second = graph.received[1:]
    assert {
        "client_id": CLIENT,
        "client_secret": SECRET,
        "grant_type": "client_credentials",
        "scope": GRAPH_SCOPE,
    }.items() <= token.form().items()
    assert first.query == {"$select": "receivedDateTime"}  # given once, in the first request
    assert second.query == {"$skiptoken": "GwcBoTmPuoTQWfcsAbkYM_x9vKqOe2mRcW1sCvbH3aQ"}
    assert all(r.headers["Prefer"] == "odata.maxpagesize=2" for r in (first, second))
    assert all(r.headers["Authorization"].startswith(BEARER) for r in (first, second))
    assert "/" + saved(states) == delta_link("delta_inbox_page2")


def test_the_next_polls_ask_only_what_changed(backend, graph, states) -> None:
    opened, _ = backend
    graph.expect(
        *SIGN_IN,
        *FIRST_ROUND,
        Exchange("GET", LINKED_DELTA, "delta_inbox_new"),
        Exchange("GET", LINKED_DELTA, "delta_inbox_no_changes"),
    )

    opened.list_keys("INBOX")
    assert opened.list_keys("INBOX") == KEYS  # one new message, the three still there
    assert opened.list_keys("INBOX") == KEYS  # nothing changed: one request, no page of mail

    graph.assert_done()
    polls = graph.received[-2:]
    assert polls[0].query == {"$deltatoken": "GwcBoTmPuoGNlgXgF1nyUNMXY_r4kZtXwqE8dJ5sPaL"}
    assert polls[1].query == {"$deltatoken": "GwcBoTmPuoGNlgXgF1nyUNMXY_k7Lm8Nn9Oo0Pp1Qq2"}
    assert "/" + saved(states) == delta_link("delta_inbox_no_changes")


def test_a_message_removed_from_the_inbox_is_no_longer_listed(backend, graph) -> None:
    opened, _ = backend
    graph.expect(*SIGN_IN, *FIRST_ROUND, Exchange("GET", LINKED_DELTA, "delta_inbox_removed"))

    opened.list_keys("INBOX")
    assert opened.list_keys("INBOX") == KEYS[1:3]

    graph.assert_done()


def test_a_message_graph_says_has_gone_leaves_the_listing(backend, graph) -> None:
    """A replayed change could list a message that has already gone: the first 404 drops it."""
    opened, _ = backend
    graph.expect(
        *SIGN_IN,
        Exchange("GET", INBOX_DELTA, "delta_inbox_one"),
        Exchange("GET", f"{USER}/messages/{IDS[0]}/$value", "item_not_found"),
        Exchange("GET", LINKED_DELTA, "delta_inbox_no_changes"),
    )

    assert opened.list_keys("INBOX") == KEYS[:1]
    assert opened.fetch("INBOX", KEYS[0]) is None
    assert opened.list_keys("INBOX") == []

    graph.assert_done()


def test_a_delta_link_graph_has_forgotten_starts_a_full_round(backend, graph, caplog) -> None:
    opened, sleeps = backend
    graph.expect(
        *SIGN_IN,
        *FIRST_ROUND,
        Exchange("GET", LINKED_DELTA, "delta_sync_state_not_found"),
        Exchange("GET", INBOX_DELTA, "delta_inbox_full_after_reset"),
    )

    opened.list_keys("INBOX")
    with caplog.at_level(logging.WARNING, logger="mailbox.backends.graph"):
        keys = opened.list_keys("INBOX")

    # v was filed by an officer while the link was lost; the full round knows it is gone.
    assert keys == KEYS[1:]
    graph.assert_done()
    assert graph.received[-1].query == {"$select": "receivedDateTime"}
    assert "synchronising the folder afresh" in caplog.text and "SyncStateNotFound" in caplog.text
    assert sleeps == []


def test_a_restart_lists_the_inbox_once_then_resumes_from_the_saved_link(
    backend, graph, tls, states
) -> None:
    """The saved link says what changed, not what is there: a new process lists the folder."""
    opened, _ = backend
    graph.expect(*SIGN_IN, *FIRST_ROUND)
    opened.list_keys("INBOX")
    opened.close()

    restarted = GraphBackend(settings_for(graph, tls), sleep=Sleeps(), sync_states=states)
    graph.expect(
        *SIGN_IN,
        Exchange("GET", INBOX_MESSAGES, "messages_inbox_page1"),
        Exchange("GET", INBOX_MESSAGES, "messages_inbox_page2"),
        Exchange("GET", LINKED_DELTA, "delta_inbox_new"),
    )
    assert restarted.list_keys("INBOX") == KEYS
    restarted.close()

    graph.assert_done()
    resumed = graph.received[-1]
    assert resumed.query == {"$deltatoken": "GwcBoTmPuoGNlgXgF1nyUNMXY_r4kZtXwqE8dJ5sPaL"}


def test_a_crash_between_pages_loses_nothing(backend, graph, tls, states) -> None:
    """The first page is handed over and its link saved; then Graph fails and the process dies."""
    opened, sleeps = backend
    graph.expect(
        *SIGN_IN,
        Exchange("GET", INBOX_DELTA, "delta_inbox_page1"),
        *[Exchange("GET", LINKED_DELTA, "service_unavailable")] * 3,
    )
    with pytest.raises(MailboxUnavailable, match="after 3 attempts while listing 'INBOX'"):
        opened.list_keys("INBOX")
    assert sleeps == [1.0, 1.0]  # each retry asked for page 2 again, not the round from the start
    assert "/" + saved(states) == delta_link("delta_inbox_page1")

    restarted = GraphBackend(settings_for(graph, tls), sleep=Sleeps(), sync_states=states)
    graph.expect(
        *SIGN_IN,
        Exchange("GET", INBOX_MESSAGES, "messages_inbox_page1"),
        Exchange("GET", INBOX_MESSAGES, "messages_inbox_page2"),
        Exchange("GET", LINKED_DELTA, "delta_inbox_page2"),
    )
    assert restarted.list_keys("INBOX") == KEYS[:3]  # page 1's messages are listed again
    restarted.close()

    graph.assert_done()
    resumed = graph.received[-1]
    assert resumed.query == {"$skiptoken": "GwcBoTmPuoTQWfcsAbkYM_x9vKqOe2mRcW1sCvbH3aQ"}
    assert "/" + saved(states) == delta_link("delta_inbox_page2")


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
        Exchange("GET", INBOX_DELTA, "throttled"),
        Exchange("GET", INBOX_DELTA, "service_unavailable"),
        Exchange("GET", INBOX_DELTA, "delta_inbox_one"),
    )

    with caplog.at_level(logging.WARNING, logger="mailbox.backends.graph"):
        keys = opened.list_keys("INBOX")

    assert keys == [f"graph1.{IDS[0]}"]
    assert sleeps == [3.0, 1.0]  # Retry-After, not our own backoff
    assert "ApplicationThrottled" in caplog.text
    graph.assert_done()


def test_throttling_that_never_ends_is_unavailable(backend, graph) -> None:
    opened, sleeps = backend
    graph.expect(*SIGN_IN, *[Exchange("GET", INBOX_DELTA, "throttled")] * 3)

    with pytest.raises(MailboxUnavailable, match="after 3 attempts while listing 'INBOX'"):
        opened.list_keys("INBOX")

    assert sleeps == [3.0, 3.0]
    graph.assert_done()


def test_a_wait_longer_than_we_allow_is_left_to_the_next_poll(backend, graph) -> None:
    opened, sleeps = backend
    graph.expect(*SIGN_IN, Exchange("GET", INBOX_DELTA, "throttled_long"))

    with pytest.raises(MailboxUnavailable, match="asked us to wait 900s"):
        opened.list_keys("INBOX")

    assert sleeps == []
    graph.assert_done()


def test_access_denied_is_refused_in_plain_words_without_retrying(backend, graph) -> None:
    opened, sleeps = backend
    graph.expect(*SIGN_IN, Exchange("GET", INBOX_DELTA, "access_policy_denied"))

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
        Exchange("GET", INBOX_DELTA, "token_expired"),
        *SIGN_IN,
        Exchange("GET", INBOX_DELTA, "delta_inbox_one"),
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
        Exchange("GET", INBOX_DELTA, "delta_inbox_one"),
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
        (RECORDINGS / "delta_inbox_page1.json")
        .read_text(encoding="utf-8")
        .replace("https://graph.microsoft.com/v1.0/users", "https://graph.example.net/v1.0/users"),
        encoding="utf-8",
    )
    graph.expect(*SIGN_IN, Exchange("GET", INBOX_DELTA, stray))

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
