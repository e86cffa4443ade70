"""An operator who turns on DEBUG (-v) to chase a fault spills no credential into the log.

The first tests run real code paths at DEBUG with logging set up as app.py
sets it up, and read the log an operator would read: the Graph backend
against the local Entra ID and Graph (msal, urllib3), the EWS backend
signing in with a client secret (requests_oauthlib, exchangelib), the SMTP
relay logging in to a real aiosmtpd server, and the bot's endpoint given
bearer tokens. No secret, token or password may appear; what the operator
came for (the URL path, the status, the refusal) must. The rest check each
redaction pattern against what it must hide and ordinary text it must leave
alone, and the wiring: the settings' secrets, the wire switch, tracebacks.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import pytest
import requests
import requests_mock

import app as forewarn
from logging_setup import (
    FORMAT,
    REDACTED,
    WIRE_LOGGERS,
    SecretRedactor,
    configure,
    installed,
    protect,
)
from mailbox import watcher_main
from mailbox.backends.ews import EwsBackend
from mailbox.backends.ews_settings import AppOnlyOAuth, EwsSettings, OnPremisesLogin
from mailbox.backends.graph import GraphBackend
from mailbox.backends.sync_state import MemorySyncStates
from mailbox.smtp_send import RelaySettings, SmtpTransport
from store.db import sqlite_url
from tests.bot.teams import APP_ID, UntouchedStore, open_chat, run
from tests.bot.test_auth import TRUSTED, UNKNOWN, claims, typing
from tests.mailbox import ews_replay
from tests.mailbox.ews_replay import Replay, no_sockets
from tests.mailbox.graph_replay import (
    RECORDINGS,
    SECRET,
    SIGN_IN,
    Exchange,
    app_settings,
    graph,
    loopback_only,
    tls,
)
from tests.mailbox.test_relay import PASSWORD, USER, RelayHandler

__all__ = ["graph", "loopback_only", "no_sockets", "tls"]  # fixtures used by name below

ROOT = Path(__file__).resolve().parent.parent
MAILBOX = "spoc@council.example.gov.uk"
EWS_SECRET = "s3cr3t~value"
EWS_ONLINE = "https://outlook.office365.com/EWS/Exchange.asmx"
EWS_TOKEN_URL = ews_replay.TOKEN_URL.format(tenant="c0a1b2c3-d4e5-4f60-8a7b-9c8d7e6f5a4b")
JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.")


def recorded_token(path: Path) -> str:
    body = json.loads(path.read_text(encoding="utf-8"))
    return str(body.get("body", body)["access_token"])


GRAPH_TOKEN = recorded_token(RECORDINGS / "token_app_only.json")
EWS_TOKEN = recorded_token(ews_replay.RECORDINGS / "token_app_only.response.json")


@contextlib.contextmanager
def root_log() -> Iterator[io.StringIO]:
    """A handler on the root logger writing where the test can read it, with no redactor
    until something configures one; what configuring changes is put back afterwards."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    names = ["", "alembic", *WIRE_LOGGERS]
    levels = {name: logging.getLogger(name).level for name in names}
    root.addHandler(handler)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        for each in root.handlers:
            for redactor in [f for f in each.filters if isinstance(f, SecretRedactor)]:
                each.removeFilter(redactor)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


@pytest.fixture
def operator_log() -> Iterator[Callable[[], str]]:
    """The log as app.py configures it with -v, written where the test can read it."""
    with root_log() as stream:
        configure(verbose=True)
        # basicConfig leaves the level alone while pytest's handlers are there.
        logging.getLogger().setLevel(logging.DEBUG)
        yield stream.getvalue


def assert_hidden(text: str, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in text, f"{secret!r} reached the log"
    assert not JWT.search(text), "a JWT reached the log"


# ---- real code paths at DEBUG ------------------------------------------------


def test_graph_sign_in_and_paging_at_debug_show_urls_and_statuses_but_no_secret(
    graph: Any, tls: Any, operator_log: Callable[[], str]
) -> None:
    graph.expect(
        *SIGN_IN,
        Exchange(
            "GET", f"/v1.0/users/{MAILBOX}/mailFolders/inbox/messages/delta", "delta_inbox_page1"
        ),
        Exchange(
            "GET", f"/v1.0/users/{MAILBOX}/mailFolders('inbox')/messages/delta", "delta_inbox_page2"
        ),
    )
    backend = GraphBackend(app_settings(graph, tls, MAILBOX), sleep=lambda _: None)
    try:
        assert len(backend.list_keys("INBOX")) == 3
    finally:
        backend.close()

    text = operator_log()
    assert_hidden(text, SECRET, quote_plus(SECRET), GRAPH_TOKEN)
    assert "msal.token_cache" in text and "urllib3.connectionpool" in text  # DEBUG really on
    assert f'"GET /v1.0/users/{MAILBOX}/mailFolders/inbox/messages/delta' in text
    assert '/oauth2/v2.0/token HTTP/1.1" 200' in text


def _ews_app_only(mock: requests_mock.Mocker) -> list[str]:
    mock.post(
        EWS_TOKEN_URL,
        content=(ews_replay.RECORDINGS / "token_app_only.response.json").read_bytes(),
        headers={"Content-Type": "application/json; charset=utf-8"},
    )
    settings = EwsSettings(
        mailbox=MAILBOX,
        auth=AppOnlyOAuth(
            tenant_id="c0a1b2c3-d4e5-4f60-8a7b-9c8d7e6f5a4b",
            client_id="3f2b8c1e-6a4d-4e7b-9c1a-0d5e8f7a6b2c",
            client_secret=EWS_SECRET,
        ),
        service_endpoint=EWS_ONLINE,
    )
    backend = EwsBackend(settings, sync_states=MemorySyncStates(), sleep=lambda _: None)
    Replay(mock, EWS_ONLINE).expect(ews_replay.Exchange("finditem_inbox_online"))
    try:
        return backend.list_keys("INBOX")
    finally:
        backend.close()


@pytest.fixture
def mock(no_sockets: None) -> Iterator[requests_mock.Mocker]:
    with requests_mock.Mocker() as mocker:
        yield mocker


def test_ews_oauth_at_debug_keeps_the_wire_loggers_quiet_and_leaks_nothing(
    mock: requests_mock.Mocker, operator_log: Callable[[], str]
) -> None:
    assert len(_ews_app_only(mock)) == 1

    text = operator_log()
    assert_hidden(text, EWS_SECRET, EWS_TOKEN)
    # requests_oauthlib would log the secret, the token and each SOAP body; exchangelib the mail.
    assert "requests_oauthlib" not in text and "<s:Envelope" not in text
    # Each HTTP call is still there (requests_mock's line stands in for urllib3's here).
    assert f"POST {EWS_ONLINE} 200" in text


def test_ews_with_the_wire_shown_logs_bodies_and_headers_with_credentials_redacted(
    mock: requests_mock.Mocker, operator_log: Callable[[], str]
) -> None:
    protect([], wire=True)  # FOREWARN_LOG_WIRE=1, and no secret values: the shapes alone

    assert len(_ews_app_only(mock)) == 1

    text = operator_log()
    assert_hidden(text, EWS_SECRET, EWS_TOKEN)
    assert "FOREWARN_LOG_WIRE is on" in text
    assert "client_secret=[redacted]" in text  # the token request's body
    assert "'access_token': '[redacted]'" in text  # "Obtained token {...}"
    assert "'Authorization': 'Bearer [redacted]'" in text  # exchangelib's request headers
    assert "FindItem" in text and "Status code: 200" in text  # the wire, as asked


def test_a_failed_ews_request_logs_the_error_without_its_soap_body(
    operator_log: Callable[[], str], no_sockets: None
) -> None:
    """exchangelib logs headers and the request XML at ERROR on any unexpected failure."""
    settings = EwsSettings(
        mailbox=MAILBOX,
        auth=OnPremisesLogin("COUNCIL\\svc-forewarn", "correct horse battery", "basic"),
        service_endpoint="https://mail.council.example.gov.uk/EWS/Exchange.asmx",
    )
    backend = EwsBackend(settings, sync_states=MemorySyncStates(), sleep=lambda _: None)
    with requests_mock.Mocker() as mocker:
        mocker.post(settings.service_endpoint, exc=requests.exceptions.InvalidHeader("bad"))
        with pytest.raises(Exception):  # noqa: B017 - how the backend words it is not the point
            backend.list_keys("INBOX")
    backend.close()

    text = operator_log()
    basic = base64.b64encode(b"COUNCIL\\svc-forewarn:correct horse battery").decode()
    assert_hidden(text, basic, "correct horse battery")
    assert "InvalidHeader: bad" in text
    assert "SOAP bodies not logged; FOREWARN_LOG_WIRE=1 shows them" in text
    assert "<s:Envelope" not in text


def test_smtp_login_at_debug_leaks_no_password(
    tmp_path: Path, tls: Any, operator_log: Callable[[], str]
) -> None:
    from aiosmtpd.controller import Controller

    from tests.net import free_port

    protect([PASSWORD], wire=False)  # as build_settings does with FOREWARN_SMTP_PASSWORD
    handler = RelayHandler()
    # AUTH LOGIN sends the password base64-encoded on a line of its own, which no shape
    # gives away: only its value can be caught (smtplib logs nothing; aiosmtpd masks AUTH).
    server = Controller(
        handler,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=tls.server_context,
        require_starttls=True,
        authenticator=handler.authenticate,
        auth_required=True,
        auth_exclude_mechanism=["PLAIN"],
    )
    server.start()
    try:
        transport = SmtpTransport(
            RelaySettings(
                host="127.0.0.1",
                port=server.port,
                username=USER,
                password=PASSWORD,
                ca_bundle=str(tls.ca_file),
            )
        )
        connection = transport.connect()
        raw = (
            b"From: a@council.example.gov.uk\nTo: b@council.example.gov.uk\nSubject: Hi\n\nHello\n"
        )
        assert connection.send("notice.eml", raw)[1] == ""
        connection.close()
    finally:
        server.stop()

    text = operator_log()
    assert_hidden(text, PASSWORD, base64.b64encode(PASSWORD.encode()).decode().rstrip("="))
    assert handler.logins == [USER]
    assert "mail.log" in text and "235" in text  # aiosmtpd's DEBUG, "235 Authentication successful"


def test_the_bot_endpoint_at_debug_logs_no_bearer_token(operator_log: Callable[[], str]) -> None:
    tokens: list[str] = []

    async def scenario() -> None:
        async with open_chat(UntouchedStore(), app_id=APP_ID, keys=[TRUSTED]) as chat:
            genuine = TRUSTED.token(**claims(chat))
            screened = TRUSTED.token(**claims(chat, aud="another-app-id"))
            forged = UNKNOWN.token(kid=TRUSTED.kid, **claims(chat))  # fails verification
            tokens.extend([genuine, screened, forged])
            assert (await chat.post(typing(chat), token=genuine)).status == 200
            for wrong in (screened, forged):
                assert (await chat.post(typing(chat), token=wrong)).status == 401

    run(scenario())

    text = operator_log()
    assert_hidden(text, *tokens)
    assert "refused a request: audience is not this bot's app id" in text
    assert "refused a token" in text and "token verification failed" in text  # with its traceback
    assert (
        '"POST /api/messages HTTP/1.1" 200' in text and '"POST /api/messages HTTP/1.1" 401' in text
    )


# ---- each pattern: what it hides, and ordinary text it leaves alone ------------

HIDDEN = [
    # (a line a library writes, what must go, what must stay)
    (
        "Supplying headers {'Authorization': 'Bearer abc.def-ghi_jkl~mno'} and data None",
        "abc.def-ghi_jkl~mno",
        "'Authorization': 'Bearer [redacted]'",
    ),
    ("Authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA", "Authorization: Basic"),
    ("Proxy-Authorization: NTLM TlRMTVNTUAADAAAAGAAY", "TlRMTVNTUAAD", "Proxy-Authorization:"),
    ("sent Bearer EwBwA8l6BAAURSN/FHlDW5xN74t6GzbtsBBeBUYAAQ== to Graph", "EwBwA8l6", "to Graph"),
    ("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln fetched", "eyJhbGci", "token "),
    ("grant_type=client_credentials&client_secret=a%2Bb~c&scope=x", "a%2Bb~c", "&scope=x"),
    ('{"access_token": "opaque-token", "expires_in": 3599}', "opaque-token", '"expires_in": 3599'),
    ('{"refresh_token":"r\\"t-1","id_token": "i-2"}', 'r\\"t-1', '"refresh_token":"[redacted]"'),
    ("{'password': 'p@ss w0rd', 'user': 'svc'}", "p@ss w0rd", "'user': 'svc'"),
    ("FOREWARN_SMTP_PASSWORD=hunter22 set", "hunter22", " set"),
    ("client_assertion=eyJhbGc.xxx&client_id=1", "eyJhbGc.xxx", "&client_id=1"),
    ("GET /c/b.pdf?sv=2022-11-02&sig=Zm9v%2Bbar%3D&se=2030 200", "Zm9v%2Bbar", "sv=2022-11-02"),
    ("'AUTH PLAIN AHN2YwBhLXJlbGF5LXBhc3N3b3Jk\\r\\n'", "AHN2YwBh", "AUTH PLAIN"),
    ("send: 'auth login c3ZjLWZvcmV3YXJu\\r\\n'", "c3ZjLWZvcmV3YXJu", "auth login"),
    (
        "could not connect to postgresql+psycopg://forewarn:s%40fe@db.internal:5432/forewarn",
        "s%40fe",
        "postgresql+psycopg://forewarn:[redacted]@db.internal:5432/forewarn",
    ),
]

ORDINARY = [
    "Graph GET /v1.0/users/spoc@council.example.gov.uk/mailFolders/inbox/messages/delta 200",
    'https://127.0.0.1:8443 "GET /v1.0/me/messages?$skiptoken=GwcBoTmPuoTQ HTTP/1.1" 200 585',
    "delta?$deltatoken=LztZwWjo5IivWBhyxw5rAKHeqkrVCt9twe3",
    'WWW-Authenticate: Bearer realm="", authorization_uri="https://login.example/authorize"',
    "refused a token: PermissionError Unauthorized Access. Request is not authorized",
    "The Authorization policy for this app lacks Mail.Send",
    "the password was wrong; ask the officer to reset their password",
    "token_type Bearer, expires_in 3599",
    "Created Graph mail folder 'Escalated' in spoc@council.example.gov.uk",
    "The design signature of the letter was checked",
    "SMTP relay 127.0.0.1:587 (starttls): 535 5.7.8 Authentication credentials invalid",
    "mailto:someone@council.example.gov.uk and https://council.example.gov.uk:443/path",
    "Martin Dale threatened a colleague at Flat 3, Heron Court — 14:05.",
]


@pytest.mark.parametrize(("line", "secret", "kept"), HIDDEN)
def test_each_credential_shape_is_redacted_and_its_context_kept(
    line: str, secret: str, kept: str
) -> None:
    clean = SecretRedactor().redact(line)
    assert secret not in clean
    assert REDACTED in clean and kept in clean


@pytest.mark.parametrize("line", ORDINARY)
def test_ordinary_lines_are_left_exactly_as_they_were(line: str) -> None:
    assert SecretRedactor().redact(line) == line


def test_configured_secrets_are_redacted_in_every_spelling_the_wire_uses() -> None:
    redactor = SecretRedactor()
    secret = "pa ss+/word&é"
    redactor.add_secrets([secret, "short"])  # too short to redact by value: would mangle words
    for spelling in (
        secret,
        quote_plus(secret),
        json.dumps(secret)[1:-1],
        base64.b64encode(secret.encode()).decode(),
    ):
        assert redactor.redact(f"sent {spelling} to the relay") == f"sent {REDACTED} to the relay"
    assert redactor.redact("a short note") == "a short note"


# ---- the filter on a handler, and the app's wiring ---------------------------


def _emit(redactor: SecretRedactor, logger: str = "somelib", **record: Any) -> logging.LogRecord:
    values: dict[str, Any] = {
        "name": logger,
        "level": logging.DEBUG,
        "pathname": __file__,
        "lineno": 1,
        "msg": "",
        "args": (),
        "exc_info": None,
    }
    made = logging.LogRecord(**{**values, **record})
    assert redactor.filter(made) is True  # redacts, never drops
    return made


def test_a_record_with_nothing_to_hide_keeps_its_arguments() -> None:
    record = _emit(SecretRedactor(), msg="moved %s to %s", args=("graph1.x", "Filed"))
    assert (record.msg, record.args) == ("moved %s to %s", ("graph1.x", "Filed"))


def test_arguments_are_redacted_after_formatting() -> None:
    headers = {"Authorization": "Bearer s3cr3t-bearer-token-value"}
    record = _emit(SecretRedactor(), msg="headers %s", args=(headers,))
    assert record.getMessage() == "headers {'Authorization': 'Bearer [redacted]'}"


def test_a_format_string_that_does_not_fit_its_arguments_shows_none_of_them() -> None:
    record = _emit(SecretRedactor(), msg="login %s %s", args=("only-one-hunter2",))
    assert "hunter2" not in record.getMessage()
    assert record.getMessage().startswith("login %s %s (arguments not shown")


def test_a_traceback_is_redacted_too() -> None:
    try:
        raise ValueError("token request body: client_secret=abc123xyz")
    except ValueError:
        record = _emit(SecretRedactor(), msg="failed", exc_info=__import__("sys").exc_info())
    text = logging.Formatter(FORMAT).format(record)
    assert "abc123xyz" not in text and "client_secret=[redacted]" in text


def test_build_settings_teaches_the_redactor_every_configured_secret(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, operator_log: Callable[[], str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env
    secrets = {
        "MICROSOFT_APP_PASSWORD": "bot~app~password~1",
        "FOREWARN_GRAPH_CLIENT_SECRET": "graph.client.secret.2",
        "FOREWARN_EWS_PASSWORD": "ews-password-3",
        "FOREWARN_SMTP_PASSWORD": "smtp-password-4",
        "FOREWARN_IMAP_PASSWORD": "imap-password-5",
    }
    for name, value in secrets.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://forewarn:db%2Fpass6@db/forewarn")

    forewarn.build_settings()
    logging.getLogger("somelib").error("raw values: %s db/pass6", " ".join(secrets.values()))

    text = operator_log()
    assert_hidden(text, *secrets.values(), "db/pass6")
    assert f"raw values: {' '.join([REDACTED] * 5)} {REDACTED}" in text


def test_the_command_line_watcher_redacts_its_log_as_app_py_does(tmp_path: Path) -> None:
    """`python -m mailbox.watcher_main` (crash test, benchmark) sets up the same redactor and
    teaches it the IMAP password it was given."""
    password = "tangerine-Horse-42"
    with root_log() as stream:
        watcher_main.main(
            ["--database", sqlite_url(tmp_path), "--mailbox", MAILBOX, "--folders",
             str(tmp_path / "mail"), "--password", password, "--until-idle"]
        )  # fmt: skip
        logging.getLogger("mailbox.backends.imap").error(
            "login as spoc with %s refused; sent Authorization: Bearer %s", password, GRAPH_TOKEN
        )
    text = stream.getvalue()
    assert_hidden(text, password, GRAPH_TOKEN)
    assert f"login as spoc with {REDACTED} refused; sent Authorization: Bearer {REDACTED}" in text


def test_the_wire_loggers_stay_at_info_until_asked_and_configure_is_idempotent(
    operator_log: Callable[[], str],
) -> None:
    assert {logging.getLogger(n).level for n in WIRE_LOGGERS} == {logging.INFO}
    first = installed()
    configure(verbose=True)  # main() run twice in one process adds no second redactor
    assert installed() == first
    protect([], wire=True)
    assert {logging.getLogger(n).getEffectiveLevel() for n in WIRE_LOGGERS} == {logging.DEBUG}
    protect([], wire=False)
    assert {logging.getLogger(n).level for n in WIRE_LOGGERS} == {logging.INFO}


def test_nothing_turns_on_the_debug_output_that_bypasses_logging() -> None:
    """smtplib's and http.client's debug output is print()ed, out of the redactor's reach."""
    sources = [
        p
        for folder in ("register", "bot", "cards", "mailbox", "store", "letters", "scheduler")
        for p in (ROOT / folder).rglob("*.py")
    ]
    offenders = [
        str(p.relative_to(ROOT))
        for p in [*sources, ROOT / "app.py", ROOT / "settings.py"]
        if re.search(r"set_debuglevel|debuglevel\s*=", p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
