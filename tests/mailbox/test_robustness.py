"""Hostile and broken mail: parsing never raises, stays fast, and no message is ever lost.

Each case goes through what the watcher will do with it: deliver into the
folder mailbox, parse, then move to Quarantine (a parse failure) or Filed.
Afterwards the original bytes must sit in exactly one folder.
"""

from __future__ import annotations

import base64
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mailbox.autoreply import classify_sender
from mailbox.backends.folder import FolderBackend
from mailbox.message import ParsedMessage, ParseFailure
from mailbox.parse import parse_message

TIME_LIMIT = 10.0  # seconds for one message, on a slow CI machine
HEAD = b"From: a@example.org\r\nSubject: s\r\nMessage-ID: <r@example.org>\r\n"


def _nested(depth: int) -> bytes:
    opening = b"".join(
        b"Content-Type: multipart/mixed; boundary=b%d\r\n\r\n--b%d\r\n" % (n, n)
        for n in range(depth)
    )
    closing = b"".join(b"\r\n--b%d--" % n for n in reversed(range(depth)))
    return HEAD + opening + b"Content-Type: text/plain\r\n\r\ndeep text" + closing + b"\r\n"


def _through_the_mailbox(raw: bytes) -> ParsedMessage | ParseFailure:
    """Deliver, parse and file one message; check it ends in exactly one folder, unchanged."""
    with tempfile.TemporaryDirectory() as root:
        backend = FolderBackend(Path(root))
        key = backend.deliver(raw)
        started = time.monotonic()
        result = parse_message(raw)
        if isinstance(result, ParsedMessage):
            classify_sender(result)
        elapsed = time.monotonic() - started
        destination = "Quarantine" if isinstance(result, ParseFailure) else "Filed"
        assert backend.move("INBOX", key, destination)
        holders = [
            folder
            for folder in ("INBOX", "Filed", "Quarantine")
            for k in backend.list_keys(folder)
            if backend.fetch(folder, k) == raw
        ]
        assert holders == [destination]
        assert not any((Path(root) / "INBOX" / "tmp").iterdir())
    assert elapsed < TIME_LIMIT, f"parsing took {elapsed:.1f}s"
    return result


HOSTILE = {
    "nested 100 levels": _nested(100),
    "nested 1000 levels": _nested(1000),
    "20 MB plain body": HEAD + b"\r\n" + b"complaint " * 2_000_000,
    "20 MB base64 body": HEAD
    + b"Content-Transfer-Encoding: base64\r\n\r\n"
    + base64.encodebytes(b"x" * 15_000_000),
    "20 MB html body": HEAD
    + b"Content-Type: text/html\r\n\r\n"
    + b"<div><b>a</b></div>" * 1_000_000,
    "broken base64": HEAD + b"Content-Transfer-Encoding: base64\r\n\r\n=*=*==\xff\xfe",
    "broken quoted-printable": HEAD
    + b"Content-Transfer-Encoding: quoted-printable\r\n\r\n=\r\n=Q=\xff",
    "CR/LF injection": HEAD.replace(b"Subject: s", b"Subject: =?utf-8?q?a=0D=0AFrom:_x@y?=")
    + b"\r\nbody",
    "bare CR headers": b"From: a@example.org\rBcc: all@example.org\rSubject: x\r\rbody",
    "huge header": HEAD + b"X-Big: " + b"(" * 2_000_000 + b"\r\n\r\nbody",
    "random bytes": bytes(range(256)) * 4000,
    "only a boundary": HEAD
    + b'Content-Type: multipart/mixed; boundary="'
    + b"=" * 5000
    + b'"\r\n\r\n',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_messages_are_parsed_or_quarantined_never_lost(name: str) -> None:
    result = _through_the_mailbox(HOSTILE[name])
    if isinstance(result, ParsedMessage):
        assert len(result.body_text) <= 2_000_000


def test_deep_nesting_still_reaches_the_text() -> None:
    result = parse_message(HOSTILE["nested 100 levels"])
    assert isinstance(result, ParsedMessage)
    assert result.body_text == "deep text"


header_names = st.sampled_from(
    ["From", "To", "Subject", "Date", "Message-ID", "Content-Type", "Content-Transfer-Encoding",
     "Content-Disposition", "References", "Auto-Submitted", "Received", "X-Forewarn-Loop"]
)  # fmt: skip
header_values = st.one_of(
    st.binary(max_size=300),
    st.sampled_from(
        [b"multipart/mixed; boundary=X", b"multipart/alternative", b"text/html; charset=x-bad",
         b"base64", b"quoted-printable", b"=?utf-8?q?=0D=0A?=", b"=?bogus?x?zz?=",
         b"<a@b> <c@d", b'"unterminated <x@y.org>', b"(((((", b"attachment; filename*=bad''%ff"]
    ),
)  # fmt: skip
emails = st.builds(
    lambda headers, body: (
        b"".join(n.encode() + b": " + v + b"\r\n" for n, v in headers) + b"\r\n" + body
    ),
    st.lists(st.tuples(header_names, header_values), max_size=12),
    st.one_of(st.binary(max_size=2000), st.just(b"--X\r\nContent-Type: text/plain\r\n\r\nhi\r\n")),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=st.one_of(emails, st.binary(max_size=3000)))
def test_any_bytes_are_parsed_or_quarantined_never_lost(raw: bytes) -> None:
    _through_the_mailbox(raw)
