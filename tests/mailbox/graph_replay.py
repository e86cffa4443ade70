"""Replaying Microsoft Graph and Entra ID conversations from a local HTTPS aiohttp app.

No Graph server can run here, so each test lists the exchanges it expects,
in order: the method and path the backend must send, and the recorded
response (tests/mailbox/graph_recordings/*.json: status, headers, body as
Graph and Entra ID document them). The app serves them on a free loopback
port over TLS, with a throwaway certificate authority, because msal only
accepts an https authority, and so the backend's https-only rule holds in
tests too. Every request is kept (method, path, query, headers, body) for
the test to assert on; an unexpected request is answered 418 and fails
`assert_done` with what was sent.

Recordings name the real hosts (https://graph.microsoft.com/v1.0,
https://login.microsoftonline.com); they are rewritten to the local app
when served, so paging links and the token endpoint lead back here.
"""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import json
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from mailbox.backends.graph_settings import GraphSettings

RECORDINGS = Path(__file__).parent / "graph_recordings"
REAL_GRAPH = "https://graph.microsoft.com/v1.0"
REAL_LOGIN = "https://login.microsoftonline.com"
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})

# The council's Entra ID app, as the recordings know it.
TENANT = "c0a1b2c3-d4e5-4f60-8a7b-9c8d7e6f5a4b"
CLIENT = "3f2b8c1e-6a4d-4e7b-9c1a-0d5e8f7a6b2c"
SECRET = "s3cr3t~Value.For_Tests"
BEARER = "Bearer eyJ0eXAiOiJKV1Qi"  # the start of the recorded access token


@dataclass(frozen=True)
class Exchange:
    """One expected request (method and decoded path) and the recording that answers it."""

    method: str
    path: str
    recording: str | Path  # a name in RECORDINGS, or a file a test wrote


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes

    def form(self) -> dict[str, str]:
        from urllib.parse import parse_qsl

        return dict(parse_qsl(self.body.decode()))

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class GraphReplay:
    """The local app: serves `expect`ed exchanges in order and keeps what it received."""

    ssl_context: ssl.SSLContext
    expected: list[Exchange] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    base: str = ""

    def expect(self, *exchanges: Exchange) -> None:
        self.expected.extend(exchanges)

    @property
    def graph_base(self) -> str:
        return f"{self.base}/v1.0"

    def assert_done(self) -> None:
        assert self.problems == []
        left = [f"{e.method} {e.path} -> {e.recording}" for e in self.expected]
        assert left == [], f"recorded exchanges never requested: {left}"

    def recording(self, name: str | Path) -> tuple[int, dict[str, str], bytes]:
        path = name if isinstance(name, Path) else RECORDINGS / f"{name}.json"
        spec = json.loads(
            path.read_text(encoding="utf-8")
            .replace(REAL_GRAPH, self.graph_base)
            .replace(REAL_LOGIN, self.base)
        )
        if "body_file" in spec:
            body = (RECORDINGS / spec["body_file"]).read_bytes()
        elif "body" in spec:
            body = json.dumps(spec["body"]).encode()
        else:
            body = b""  # 202 Accepted and the like: no body at all
        return spec["status"], spec.get("headers", {}), body

    async def _answer(self, request: web.Request) -> web.Response:
        self.received.append(
            Received(
                request.method,
                request.path,
                dict(request.query),
                dict(request.headers),
                await request.read(),
            )
        )
        if not self.expected:
            self.problems.append(f"unexpected request {request.method} {request.path_qs}")
            return web.Response(status=418, text="not in the recording")
        exchange = self.expected.pop(0)
        if (exchange.method, exchange.path) != (request.method, request.path):
            self.problems.append(
                f"expected {exchange.method} {exchange.path}, "
                f"got {request.method} {request.path_qs}"
            )
            return web.Response(status=418, text="not the recorded request")
        status, headers, body = self.recording(exchange.recording)
        return web.Response(status=status, headers=headers, body=body)


def serve(replay: GraphReplay) -> Iterator[GraphReplay]:
    """Run the app on a free loopback port in a thread of its own until the generator resumes."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="graph-replay", daemon=True)
    thread.start()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", replay._answer)
    runner = web.AppRunner(app, access_log=None)

    async def start() -> int:
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=replay.ssl_context)
        await site.start()
        return int(runner.addresses[0][1])

    async def stop() -> None:
        await runner.cleanup()
        # Closing a TLS connection takes a few more turns of the loop (close_notify,
        # then the socket); let them run so no socket is left for the collector.
        await asyncio.sleep(0.05)

    port = asyncio.run_coroutine_threadsafe(start(), loop).result(timeout=10)
    replay.base = f"https://127.0.0.1:{port}"
    try:
        yield replay
    finally:
        asyncio.run_coroutine_threadsafe(stop(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()


@dataclass(frozen=True)
class ReplayTls:
    """A throwaway certificate authority (its PEM file) and a server context it signed."""

    ca_file: Path
    server_context: ssl.SSLContext


def make_tls(folder: Path) -> ReplayTls:
    """A CA and a 127.0.0.1 server certificate, with the extensions strict verifiers want."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Forewarn test CA")])
    ca = (
        _builder(ca_name, ca_name, ca_key.public_key(), now)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_usage(cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    leaf_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    san = [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
    leaf = (
        _builder(leaf_name, ca_name, key.public_key(), now)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(cert_sign=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), False)
        .add_extension(x509.SubjectAlternativeName(san), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    pem = serialization.Encoding.PEM
    (folder / "ca.pem").write_bytes(ca.public_bytes(pem))
    (folder / "server.pem").write_bytes(leaf.public_bytes(pem))
    (folder / "server.key").write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(folder / "server.pem", folder / "server.key")
    return ReplayTls(folder / "ca.pem", context)


def _builder(
    subject: x509.Name, issuer: x509.Name, public_key: Any, now: datetime.datetime
) -> x509.CertificateBuilder:
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
    )


def _usage(*, cert_sign: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Any connection or name lookup beyond loopback fails the test; yields the hosts contacted."""
    contacted: list[str] = []
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(sock: socket.socket, address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else str(address)
        if host not in LOOPBACK:
            raise AssertionError(f"a test tried to connect beyond loopback: {address!r}")
        contacted.append(host)
        real_connect(sock, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name not in LOOPBACK:
            raise AssertionError(f"a test tried to look up {name!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield contacted


# -- what every Graph test shares ----------------------------------------------

SIGN_IN = (
    Exchange("GET", f"/{TENANT}/v2.0/.well-known/openid-configuration", "openid_configuration"),
    Exchange("POST", f"/{TENANT}/oauth2/v2.0/token", "token_app_only"),
)


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> ReplayTls:
    return make_tls(tmp_path_factory.mktemp("graph-tls"))


@pytest.fixture
def graph(tls: ReplayTls, loopback_only: list[str]) -> Iterator[GraphReplay]:
    """The local Graph and Entra ID, started for this test on a free loopback port."""
    yield from serve(GraphReplay(tls.server_context))
    assert set(loopback_only) <= {"127.0.0.1"}


def app_settings(
    graph: GraphReplay, tls: ReplayTls, mailbox: str, **overrides: object
) -> GraphSettings:
    """The app's settings pointed at the local Graph, trusting its throwaway CA."""
    values: dict[str, object] = {
        "mailbox": mailbox,
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
