"""Sending the outbox through an SMTP relay: a real SMTP server (aiosmtpd) on loopback.

Each test queues notices the way the notifier does (OutboxMail), runs the
dispatcher, and looks at what the server received and where the files are,
as an operator would: in outbox/, outbox-sent/ and outbox-failed/.
"""

from __future__ import annotations

import email
import email.policy
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

import app as forewarn
from mailbox.backends.folder import FolderBackend
from mailbox.outbox import OUTBOX, OutboxMail
from mailbox.relay import FAILED, SENT, OutboxCounts, OutboxRelay, Pacing, outbox_counts
from mailbox.smtp_send import RelaySettings, SmtpTransport
from register.errors import ConfigurationError
from settings import Settings
from tests.mailbox.graph_replay import ReplayTls, make_tls
from tests.mailbox.outbox_files import contents, newest
from tests.net import free_port

ROOT = Path(__file__).resolve().parents[2]
SENDER = "Forewarn <forewarn@council.example.gov.uk>"
SERVICE = "housing.team@council.example.gov.uk"
GONE = "left.last.year@council.example.gov.uk"
USER, PASSWORD = "svc-forewarn", "a-relay-password"


@dataclass
class RelayHandler:
    """An SMTP server's behaviour: record every message, refuse the addresses it is told to."""

    received: list[Envelope] = field(default_factory=list)
    refuse: dict[str, str] = field(default_factory=dict)  # address -> SMTP reply
    logins: list[str] = field(default_factory=list)

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.received.append(envelope)
        return "250 Message accepted for delivery"

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        good = isinstance(data, LoginPassword) and data == (USER.encode(), PASSWORD.encode())
        if good:
            self.logins.append(USER)
        return AuthResult(success=good, handled=False)  # handled=False: aiosmtpd replies 535

    def message_ids(self) -> list[str]:
        return [parsed(envelope)["Message-ID"] for envelope in self.received]


def parsed(envelope: Envelope) -> email.message.EmailMessage:
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    return message


@pytest.fixture
def handler() -> RelayHandler:
    return RelayHandler()


@pytest.fixture
def tls(tmp_path: Path) -> ReplayTls:
    """A throwaway CA and the 127.0.0.1 certificate it signed, made for this test."""
    folder = tmp_path / "tls"
    folder.mkdir()
    return make_tls(folder)


@pytest.fixture
def start_server(handler: RelayHandler) -> Iterator[Any]:
    """Starts an aiosmtpd server on 127.0.0.1 (a free port unless given); stops them all."""
    running: list[Controller] = []

    def start(port: int | None = None, **options: Any) -> Controller:
        controller = Controller(handler, hostname="127.0.0.1", port=port or free_port(), **options)
        controller.start()
        running.append(controller)
        return controller

    yield start
    for controller in running:
        controller.stop()


@pytest.fixture
def server(start_server: Any) -> Controller:
    """A plain relay on loopback that accepts mail from this host by its address."""
    controller: Controller = start_server()
    return controller


def relay(root: Path, port: int, **overrides: Any) -> OutboxRelay:
    """The dispatcher over an SMTP relay on loopback; Pacing's fields may be overridden too."""
    values: dict[str, Any] = {"host": "127.0.0.1", "port": port, "security": "none"}
    paced = {name: overrides.pop(name) for name in Pacing.__dataclass_fields__ if name in overrides}
    transport = SmtpTransport(RelaySettings(**{**values, **overrides}))
    return OutboxRelay(root, transport, Pacing(**paced))


def queue(root: Path, to: str = SERVICE, subject: str = "Incident on your patch") -> bytes:
    """Queue a notice as the notifier does; the exact bytes written to the outbox."""
    OutboxMail(root, SENDER).send(
        to, subject, "Martin Dale threatened a colleague at Flat 3, Heron Court — 14:05."
    )
    return newest(root, OUTBOX)


def on_the_wire(raw: bytes) -> bytes:
    """What SMTP carries for a file: the same bytes with CRLF line ends."""
    return raw.replace(b"\n", b"\r\n")


# ---- sending ---------------------------------------------------------------


def test_a_queued_notice_arrives_as_composed_and_moves_to_sent(
    tmp_path: Path, server: Controller, handler: RelayHandler
) -> None:
    composed = queue(tmp_path)

    done = relay(tmp_path, server.port).dispatch_once()

    assert (done.sent, done.failed, done.deferred, done.problem) == (1, 0, 0, None)
    [envelope] = handler.received
    assert envelope.original_content == on_the_wire(composed)
    assert envelope.mail_from == "forewarn@council.example.gov.uk"
    assert envelope.rcpt_tos == [SERVICE]
    message = parsed(envelope)
    assert message["From"] == SENDER
    assert message["To"] == SERVICE
    assert message["Subject"] == "Incident on your patch"
    assert message["Auto-Submitted"] == "auto-generated"
    assert "Heron Court — 14:05" in message.get_content()
    assert contents(tmp_path, SENT) == [composed]
    assert outbox_counts(tmp_path) == OutboxCounts(queued=0, sending=0, sent=1, failed=0)


def test_an_empty_outbox_opens_no_connection(tmp_path: Path) -> None:
    """Nothing queued, nothing to say: no relay is needed (none listens on this port)."""
    done = relay(tmp_path, free_port()).dispatch_once()
    assert (done.sent, done.problem) == (0, None)


def test_a_relay_that_is_down_loses_nothing_and_gets_the_mail_when_it_is_back(
    tmp_path: Path,
    start_server: Any,
    handler: RelayHandler,
    caplog: pytest.LogCaptureFixture,
) -> None:
    first, second = queue(tmp_path, subject="First"), queue(tmp_path, subject="Second")
    port = free_port()
    sender = relay(tmp_path, port, poll_seconds=5, max_backoff=30, loud_after=3)

    delays = []
    with caplog.at_level(logging.WARNING, logger="mailbox.relay"):
        for _ in range(4):
            done = sender.dispatch_once()
            assert done.sent == 0
            assert done.problem and "ConnectionRefusedError" in done.problem
            delays.append(sender.next_delay())
    assert delays == [10, 20, 30, 30]  # doubling from the poll interval, capped
    levels = [record.levelname for record in caplog.records]
    assert levels == ["WARNING", "WARNING", "ERROR", "ERROR"]
    assert (
        f"The SMTP relay 127.0.0.1:{port} (none) is not taking mail" in caplog.records[-1].message
    )
    assert "Connection refused" in caplog.records[-1].message
    assert "2 message(s) stay queued" in caplog.records[-1].message
    assert contents(tmp_path, OUTBOX) == [first, second]
    assert outbox_counts(tmp_path).sending == 0  # every claim was given back

    start_server(port)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mailbox.relay"):
        done = sender.dispatch_once()
    assert (done.sent, done.problem) == (2, None)
    assert [parsed(e)["Subject"] for e in handler.received] == ["First", "Second"]
    assert sender.next_delay() == 5
    assert "is taking mail again" in caplog.text
    assert contents(tmp_path, OUTBOX) == []
    assert sorted(contents(tmp_path, SENT)) == sorted([first, second])


def test_a_recipient_refused_for_good_moves_to_failed_and_the_rest_is_sent(
    tmp_path: Path, server: Controller, handler: RelayHandler, caplog: pytest.LogCaptureFixture
) -> None:
    handler.refuse[GONE] = "550 5.1.1 User unknown"
    refused = queue(tmp_path, to=GONE, subject="For someone who left")
    delivered = queue(tmp_path, subject="For the service")

    with caplog.at_level(logging.ERROR, logger="mailbox.relay"):
        done = relay(tmp_path, server.port).dispatch_once()

    assert (done.sent, done.failed, done.deferred) == (1, 1, 0)
    assert [parsed(e)["Subject"] for e in handler.received] == ["For the service"]
    assert contents(tmp_path, FAILED) == [refused]  # kept, byte for byte
    assert contents(tmp_path, SENT) == [delivered]
    assert contents(tmp_path, OUTBOX) == []
    [record] = caplog.records
    assert record.levelname == "ERROR"
    assert f"127.0.0.1:{server.port}" in record.message
    assert f"{GONE}: 550 5.1.1 User unknown" in record.message
    assert "will not be tried again" in record.message and FAILED in record.message


def test_a_file_an_operator_dropped_in_is_sent_and_one_without_a_recipient_is_kept(
    tmp_path: Path, server: Controller, handler: RelayHandler
) -> None:
    """Files dropped into outbox/new by hand: bare LF line ends, and one with no To."""
    folders = FolderBackend(tmp_path)
    by_hand = b"From: ops@council.example.gov.uk\nTo: " + SERVICE.encode() + b"\n"
    folders.deliver(by_hand + b"Subject: Resent by hand\n\n.leading dot\n", OUTBOX)
    nowhere = b"From: ops@council.example.gov.uk\nSubject: No recipient\n\nHello\n"
    folders.deliver(nowhere, OUTBOX)

    done = relay(tmp_path, server.port).dispatch_once()

    assert (done.sent, done.failed) == (1, 1)
    [envelope] = handler.received
    assert (
        envelope.original_content
        == on_the_wire(by_hand) + b"Subject: Resent by hand\r\n\r\n.leading dot\r\n"
    )
    assert contents(tmp_path, FAILED) == [nowhere]


def test_a_recipient_refused_for_now_stays_queued_and_is_retried_after_a_delay(
    tmp_path: Path, server: Controller, handler: RelayHandler
) -> None:
    handler.refuse[SERVICE] = "450 4.2.1 Mailbox busy, try later"
    composed = queue(tmp_path)
    sender = relay(tmp_path, server.port, poll_seconds=0.2)

    done = sender.dispatch_once()
    assert (done.sent, done.failed, done.deferred, done.problem) == (0, 0, 1, None)
    assert contents(tmp_path, OUTBOX) == [composed]
    assert sender.dispatch_once().deferred == 0  # not due yet: it waits its turn
    handler.refuse.clear()
    time.sleep(0.5)
    assert sender.dispatch_once().sent == 1
    assert contents(tmp_path, SENT) == [composed]


def test_two_dispatchers_racing_over_one_outbox_send_each_message_once(
    tmp_path: Path, server: Controller, handler: RelayHandler
) -> None:
    """`serve --only bot` and `serve --only scheduler` share the data folder and both send."""
    queued = [queue(tmp_path, subject=f"Notice {n}") for n in range(40)]
    senders = [relay(tmp_path, server.port) for _ in range(2)]
    start = threading.Barrier(len(senders))
    results: list[int] = []

    def race(sender: OutboxRelay) -> None:
        start.wait()
        results.append(sender.dispatch_once().sent)

    threads = [threading.Thread(target=race, args=(sender,)) for sender in senders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    ids = handler.message_ids()
    assert len(ids) == len(set(ids)) == 40
    assert sum(results) == 40
    assert sorted(contents(tmp_path, SENT)) == sorted(queued)
    assert contents(tmp_path, OUTBOX) == []


def test_a_claim_left_by_a_crashed_process_is_sent_after_a_while(
    tmp_path: Path, server: Controller, handler: RelayHandler, caplog: pytest.LogCaptureFixture
) -> None:
    folders = FolderBackend(tmp_path)
    abandoned = queue(tmp_path, subject="Claimed an hour ago")
    [key] = folders.list_keys(OUTBOX)
    an_hour_ago = int(time.time()) - 3600
    assert folders.rename(OUTBOX, key, f"cur/{key[4:]},claimed={an_hour_ago}.P4000001")
    queue(tmp_path, subject="Being sent now")
    [_, key] = folders.list_keys(OUTBOX)
    assert folders.rename(OUTBOX, key, f"cur/{key[4:]},claimed={int(time.time())}.P4000002")

    with caplog.at_level(logging.WARNING, logger="mailbox.relay"):
        done = relay(tmp_path, server.port).dispatch_once()

    assert done.sent == 1
    assert [parsed(e)["Subject"] for e in handler.received] == ["Claimed an hour ago"]
    assert contents(tmp_path, SENT) == [abandoned]
    assert outbox_counts(tmp_path).sending == 1  # the live claim is left to its process
    assert "process 4000001, which never finished sending it" in caplog.text
    assert "may be sent twice" in caplog.text


# ---- TLS and authentication ------------------------------------------------


def test_starttls_with_the_councils_ca_and_a_login_the_relay_checks(
    tmp_path: Path, start_server: Any, handler: RelayHandler, tls: ReplayTls
) -> None:
    secure = start_server(
        tls_context=tls.server_context,
        require_starttls=True,
        authenticator=handler.authenticate,
        auth_required=True,
    )
    composed = queue(tmp_path)
    settings = {"security": "starttls", "ca_bundle": str(tls.ca_file), "username": USER}

    wrong = relay(tmp_path, secure.port, **settings, password="not-the-password")
    done = wrong.dispatch_once()
    assert done.problem and done.problem.startswith("535")
    assert (handler.received, contents(tmp_path, OUTBOX)) == ([], [composed])

    done = relay(tmp_path, secure.port, **settings, password=PASSWORD).dispatch_once()
    assert (done.sent, done.problem) == (1, None)
    assert handler.logins == [USER]
    assert parsed(handler.received[0])["Subject"] == "Incident on your patch"
    assert contents(tmp_path, SENT) == [composed]


def test_a_certificate_the_system_does_not_trust_is_refused_before_logging_in(
    tmp_path: Path, start_server: Any, handler: RelayHandler, tls: ReplayTls
) -> None:
    secure = start_server(
        tls_context=tls.server_context, require_starttls=True, authenticator=handler.authenticate
    )
    composed = queue(tmp_path)
    sender = relay(tmp_path, secure.port, security="starttls", username=USER, password=PASSWORD)
    done = sender.dispatch_once()
    assert done.problem and "CERTIFICATE_VERIFY_FAILED" in done.problem
    assert handler.logins == [] and handler.received == []
    assert contents(tmp_path, OUTBOX) == [composed]


def test_starttls_never_falls_back_to_clear_text(
    tmp_path: Path, server: Controller, handler: RelayHandler
) -> None:
    composed = queue(tmp_path)
    done = relay(tmp_path, server.port, security="starttls").dispatch_once()
    assert done.problem and "STARTTLS" in done.problem
    assert handler.received == []
    assert contents(tmp_path, OUTBOX) == [composed]


def test_implicit_tls(
    tmp_path: Path, start_server: Any, handler: RelayHandler, tls: ReplayTls
) -> None:
    secure = start_server(ssl_context=tls.server_context)
    composed = queue(tmp_path)
    sender = relay(tmp_path, secure.port, security="tls", ca_bundle=str(tls.ca_file))
    assert sender.dispatch_once().sent == 1
    assert handler.received[0].original_content == on_the_wire(composed)


# ---- settings --------------------------------------------------------------


def test_the_relay_refuses_clear_text_beyond_loopback() -> None:
    with pytest.raises(ConfigurationError, match="in clear"):
        RelaySettings(host="smtp.council.example.gov.uk", port=25, security="none")
    RelaySettings(host="127.0.0.1", port=25, security="none")


def test_serve_maps_the_smtp_settings_onto_the_relay(tls: ReplayTls) -> None:
    settings = Settings(
        _env_file=None,
        smtp_host="smtp.council.example.gov.uk",
        smtp_security="tls",
        smtp_port=465,
        smtp_username=USER,
        smtp_password=PASSWORD,
        smtp_ca_bundle=str(tls.ca_file),
    )
    built = forewarn.build_relay_settings(settings)
    assert built == RelaySettings(
        host="smtp.council.example.gov.uk",
        port=465,
        security="tls",
        username=USER,
        password=PASSWORD,
        ca_bundle=str(tls.ca_file),
    )
    assert PASSWORD not in repr(built)


# ---- the command line and serve --------------------------------------------


def environment(data: Path, port: int | None) -> dict[str, str]:
    values = {**os.environ, "FOREWARN_DATA_DIR": str(data)}
    values.pop("DATABASE_URL", None)
    if port is not None:
        values |= {
            "FOREWARN_SMTP_HOST": "127.0.0.1",
            "FOREWARN_SMTP_PORT": str(port),
            "FOREWARN_SMTP_SECURITY": "none",
        }
    return values


def app(data: Path, port: int | None, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "app.py", *args],
        cwd=ROOT,
        env=environment(data, port),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_outbox_command_counts_and_sends(
    tmp_path: Path, server: Controller, handler: RelayHandler
) -> None:
    data = tmp_path / "data"
    queue(data / "mail")
    queue(data / "mail", to=GONE)
    handler.refuse[GONE] = "550 5.1.1 User unknown"

    listed = app(data, None, "outbox")
    assert listed.returncode == 0, listed.stderr
    assert "queued:       2" in listed.stdout and "sent:         0" in listed.stdout

    unset = app(data, None, "outbox", "--send")
    assert unset.returncode == 2
    assert "FOREWARN_SMTP_HOST is not set" in unset.stderr
    assert "Traceback" not in unset.stderr

    sent = app(data, server.port, "outbox", "--send")
    assert sent.returncode == 1, sent.stderr  # one was refused: the operator should look
    assert "Sent 1; refused for good 1; refused for now 0." in sent.stdout
    assert "queued:       0" in sent.stdout
    assert "sent:         1" in sent.stdout
    assert "failed:       1" in sent.stdout
    assert "550 5.1.1 User unknown" in sent.stderr  # the ERROR log
    assert len(handler.received) == 1


def test_serve_sends_the_outbox_and_stops_cleanly(
    tmp_path: Path, server: Controller, handler: RelayHandler
) -> None:
    data = tmp_path / "data"
    composed = queue(data / "mail")
    process = subprocess.Popen(
        [sys.executable, "app.py", "serve", "--only", "scheduler"],
        cwd=ROOT,
        env=environment(data, server.port),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not handler.received and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
    assert process.returncode == 0, output
    assert [e.original_content for e in handler.received] == [on_the_wire(composed)]
    assert f"Sending the outbox through the SMTP relay 127.0.0.1:{server.port}" in output
    assert "Forewarn stopped." in output
    assert contents(data / "mail", SENT) == [composed]
