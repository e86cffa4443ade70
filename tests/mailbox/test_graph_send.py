"""Sending the outbox through Graph's sendMail, against recorded answers served over loopback.

Each test queues notices the way the notifier does (OutboxMail), runs the
dispatcher over the Graph transport, and looks at what Graph received and
where the files are, as an operator would: outbox/, outbox-sent/ and
outbox-failed/, and the log lines. The answers (tests/mailbox/graph_recordings/send_*.json,
throttled.json, token_invalid_client.json) follow Microsoft's documented
shapes for user: sendMail (202 Accepted, no body; 400 for bad MIME).
"""

from __future__ import annotations

import base64
import logging
from pathlib import Path

import pytest

import app as forewarn
from mailbox.graph_send import GraphSendMail
from mailbox.outbox import OUTBOX, OutboxMail
from mailbox.relay import FAILED, SENT, OutboxCounts, OutboxRelay, Pacing, outbox_counts
from mailbox.smtp_send import SmtpTransport
from register.errors import ConfigurationError
from settings import Settings
from tests.mailbox.graph_replay import (
    BEARER,
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
from tests.mailbox.outbox_files import contents, newest

__all__ = ["graph", "loopback_only", "tls"]  # the fixtures are used by name below

SENDER_ADDRESS = "forewarn@council.example.gov.uk"
SENDER = f"Forewarn <{SENDER_ADDRESS}>"
SERVICE = "housing.team@council.example.gov.uk"
SEND_MAIL = f"/v1.0/users/{SENDER_ADDRESS}/sendMail"


def sender(root: Path, graph: GraphReplay, tls: ReplayTls) -> OutboxRelay:
    transport = GraphSendMail(app_settings(graph, tls, SENDER_ADDRESS))
    return OutboxRelay(root, transport, Pacing(poll_seconds=0.5, max_backoff=60))


def queue(root: Path, subject: str = "Incident on your patch", *, by: str = SENDER) -> bytes:
    """Queue a notice as the notifier does; the exact bytes written to the outbox."""
    OutboxMail(root, by).send(SERVICE, subject, "Martin Dale shouted at a colleague — 14:05.")
    return newest(root, OUTBOX)


def sends(graph: GraphReplay) -> list[bytes]:
    """The MIME messages Graph was asked to send, decoded from their base64 bodies."""
    return [base64.b64decode(r.body) for r in graph.received if r.path == SEND_MAIL]


def test_an_accepted_message_is_sent_as_mime_and_filed_in_sent(tmp_path, graph, tls) -> None:
    composed = queue(tmp_path)
    graph.expect(*SIGN_IN, Exchange("POST", SEND_MAIL, "send_accepted"))

    done = sender(tmp_path, graph, tls).dispatch_once()

    assert (done.sent, done.failed, done.deferred, done.problem) == (1, 0, 0, None)
    graph.assert_done()
    posted = graph.received[-1]
    assert posted.headers["Content-Type"] == "text/plain"
    assert posted.headers["Authorization"].startswith(BEARER)
    assert sends(graph) == [composed]  # the file's bytes, exactly, base64-encoded
    assert contents(tmp_path, SENT) == [composed]
    assert outbox_counts(tmp_path) == OutboxCounts(queued=0, sending=0, sent=1, failed=0)


def test_throttling_keeps_the_mail_queued_and_waits_as_graph_asks(
    tmp_path, graph, tls, caplog
) -> None:
    composed = queue(tmp_path)
    relay = sender(tmp_path, graph, tls)
    graph.expect(*SIGN_IN, Exchange("POST", SEND_MAIL, "throttled"))

    with caplog.at_level(logging.WARNING, logger="mailbox.relay"):
        done = relay.dispatch_once()

    assert done.sent == 0 and done.problem and "HTTP 429 ApplicationThrottled" in done.problem
    assert relay.next_delay() == 3.0  # Graph's Retry-After, not our 1 s backoff
    assert contents(tmp_path, OUTBOX) == [composed]
    assert outbox_counts(tmp_path).sending == 0  # the claim was given back
    assert "Graph sendMail route" in caplog.text and "1 message(s) stay queued" in caplog.text

    graph.expect(Exchange("POST", SEND_MAIL, "send_accepted"))  # the token is still good
    assert relay.dispatch_once().sent == 1
    assert relay.next_delay() == 0.5
    assert sends(graph) == [composed, composed]
    assert contents(tmp_path, SENT) == [composed]
    graph.assert_done()


def test_a_message_graph_refuses_for_good_goes_to_failed_and_the_rest_is_sent(
    tmp_path, graph, tls, caplog
) -> None:
    refused = queue(tmp_path, "Refused")
    delivered = queue(tmp_path, "Delivered")
    graph.expect(
        *SIGN_IN,
        Exchange("POST", SEND_MAIL, "send_mime_invalid"),
        Exchange("POST", SEND_MAIL, "send_accepted"),
    )

    with caplog.at_level(logging.ERROR, logger="mailbox.relay"):
        done = sender(tmp_path, graph, tls).dispatch_once()

    assert (done.sent, done.failed, done.problem) == (1, 1, None)
    assert contents(tmp_path, FAILED) == [refused]  # kept, byte for byte
    assert contents(tmp_path, SENT) == [delivered]
    [record] = caplog.records
    assert "HTTP 400 ErrorMimeContentInvalidBase64String" in record.message
    assert "will not be tried again" in record.message and FAILED in record.message
    graph.assert_done()


def test_a_sender_the_app_may_not_use_keeps_everything_queued_and_says_why(
    tmp_path, graph, tls, caplog
) -> None:
    """A 403 is about the app's permission or access policy, true of every message: none is
    refused for good, so all go out once an administrator has fixed it."""
    composed = [queue(tmp_path, "First"), queue(tmp_path, "Second")]
    graph.expect(*SIGN_IN, Exchange("POST", SEND_MAIL, "send_as_denied"))

    with caplog.at_level(logging.WARNING, logger="mailbox.relay"):
        done = sender(tmp_path, graph, tls).dispatch_once()

    assert (done.sent, done.failed) == (0, 0)
    assert done.problem and "HTTP 403" in done.problem and "ErrorSendAsDenied" in done.problem
    assert "Mail.Send application permission" in done.problem
    assert "application access policy" in done.problem
    assert sorted(contents(tmp_path, OUTBOX)) == sorted(composed)
    assert contents(tmp_path, FAILED) == []
    assert "2 message(s) stay queued" in caplog.text
    graph.assert_done()


def test_a_sign_in_failure_sends_nothing_and_is_logged_loudly(tmp_path, graph, tls, caplog) -> None:
    composed = queue(tmp_path)
    graph.expect(
        SIGN_IN[0], Exchange("POST", f"/{TENANT}/oauth2/v2.0/token", "token_invalid_client")
    )

    with caplog.at_level(logging.WARNING):
        done = sender(tmp_path, graph, tls).dispatch_once()

    assert done.sent == 0 and done.problem and "AADSTS7000215" in done.problem
    [critical] = [r for r in caplog.records if r.levelno == logging.CRITICAL]
    assert "GRAPH SIGN-IN FAILED" in critical.message and "Mail.Send" in critical.message
    assert SECRET not in caplog.text
    assert sends(graph) == []
    assert contents(tmp_path, OUTBOX) == [composed]
    assert outbox_counts(tmp_path).sending == 0
    graph.assert_done()


def test_a_message_from_another_address_is_not_sent_as_someone_else(tmp_path, graph, tls) -> None:
    """A file dropped into the outbox by hand with another From is refused, never posted."""
    stranger = queue(tmp_path, by="Chief Executive <ceo@council.example.gov.uk>")
    graph.expect(*SIGN_IN)

    done = sender(tmp_path, graph, tls).dispatch_once()

    assert (done.sent, done.failed) == (0, 1)
    assert sends(graph) == []
    assert contents(tmp_path, FAILED) == [stranger]
    graph.assert_done()


# ---- settings and wiring ----------------------------------------------------

GRAPH_APP = {
    "graph_tenant_id": TENANT,
    "graph_client_id": "3f2b8c1e-6a4d-4e7b-9c1a-0d5e8f7a6b2c",
    "graph_client_secret": SECRET,
}


def test_the_outbox_goes_through_graph_as_the_notice_sender_when_configured() -> None:
    settings = Settings(_env_file=None, outbox_transport="graph", notice_sender=SENDER, **GRAPH_APP)
    assert settings.sends_outbox

    transport = forewarn.build_outbox_transport(settings)

    assert isinstance(transport, GraphSendMail)
    assert transport.settings.mailbox == SENDER_ADDRESS
    assert transport.name == f"Graph sendMail route (as {SENDER_ADDRESS} at graph.microsoft.com)"
    assert SECRET not in repr(transport.settings)


def test_smtp_stays_the_default_and_needs_a_host() -> None:
    settings = Settings(_env_file=None)
    assert (settings.outbox_transport, settings.sends_outbox) == ("smtp", False)
    with pytest.raises(ConfigurationError, match="FOREWARN_SMTP_HOST is not set"):
        forewarn.build_outbox_transport(settings)
    relay = Settings(_env_file=None, smtp_host="smtp.council.example.gov.uk")
    assert isinstance(forewarn.build_outbox_transport(relay), SmtpTransport)


def test_production_refuses_graph_sending_without_the_app(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings(
        _env_file=None,
        mode="production",
        app_id="a",
        app_password="a-real-password",
        app_tenant_id=TENANT,
        allowed_tenants=[TENANT],
        outbox_transport="graph",
        graph_client_secret="changeme",
    )
    with pytest.raises(ConfigurationError) as refused:
        settings.check()
    words = str(refused.value)
    assert "FOREWARN_GRAPH_TENANT_ID is missing or a placeholder " in words
    assert "FOREWARN_GRAPH_CLIENT_SECRET is missing or a placeholder" in words
    assert "(FOREWARN_OUTBOX_TRANSPORT=graph)" in words


def test_an_unknown_transport_is_refused() -> None:
    with pytest.raises(ValueError, match="outbox_transport"):
        Settings(_env_file=None, outbox_transport="carrier-pigeon")
