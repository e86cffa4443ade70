"""Replaying EWS conversations from tests/mailbox/ews_recordings through requests-mock.

No Exchange server can run here, so each test lists the exchanges it
expects, in order: the SOAP request exchangelib must send (compared after
canonicalising the XML, so whitespace and attribute order do not matter) and
the response Exchange gives. An unexpected, extra or missing request fails
the test with both envelopes shown. requests-mock answers every HTTP call,
and `no_sockets` makes any attempt to open a real connection an error.

Set FOREWARN_EWS_WRITE_REQUESTS=1 to write a missing `.request.xml` from what
exchangelib sent (after upgrading exchangelib, say); the diff is then reviewed.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests_mock
from lxml import etree

RECORDINGS = Path(__file__).parent / "ews_recordings"
TOKEN_URL = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token"


@dataclass(frozen=True)
class Exchange:
    """One recorded request/response pair; `request` names another pair's request when equal."""

    response: str
    status: int = 200
    request: str | None = None

    @property
    def request_file(self) -> Path:
        return RECORDINGS / f"{self.request or self.response}.request.xml"

    @property
    def response_file(self) -> Path:
        return RECORDINGS / f"{self.response}.response.xml"


def canonical(xml: bytes) -> bytes:
    """The XML with insignificant whitespace removed, in C14N form."""
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(xml, parser), method="c14n")


class Replay:
    """Serves the expected exchanges in order and records what was actually sent."""

    def __init__(self, mocker: requests_mock.Mocker, endpoint: str) -> None:
        self.expected: list[Exchange] = []
        self.sent: list[Any] = []
        mocker.post(
            endpoint, content=self._answer, headers={"Content-Type": "text/xml; charset=utf-8"}
        )

    def expect(self, *exchanges: Exchange) -> None:
        self.expected.extend(exchanges)

    def _answer(self, request: Any, context: Any) -> bytes:
        self.sent.append(request)
        if not self.expected:
            pytest.fail(f"unexpected EWS request:\n{request.body.decode()}")
        exchange = self.expected.pop(0)
        self._check(exchange, request.body)
        context.status_code = exchange.status
        return exchange.response_file.read_bytes()

    @staticmethod
    def _check(exchange: Exchange, body: bytes) -> None:
        path = exchange.request_file
        if not path.exists() and os.environ.get("FOREWARN_EWS_WRITE_REQUESTS") == "1":
            tree = etree.fromstring(body, etree.XMLParser(remove_blank_text=True))
            path.write_bytes(
                etree.tostring(tree, pretty_print=True, xml_declaration=True, encoding="utf-8")
            )
        if not path.exists():
            pytest.fail(
                f"no recorded request {path.name} (FOREWARN_EWS_WRITE_REQUESTS=1 writes it)"
            )
        recorded = path.read_bytes()
        if canonical(recorded) != canonical(body):
            pytest.fail(
                f"exchangelib sent a different request than {path.name} records:\n"
                f"sent:     {canonical(body).decode()}\nrecorded: {canonical(recorded).decode()}"
            )

    def assert_done(self) -> None:
        left = [exchange.response for exchange in self.expected]
        assert left == [], f"recorded exchanges never requested: {left}"


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any real connection (autodiscover, DNS-then-connect, a missed mock) fails the test."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"a test tried to open a real network connection: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield
