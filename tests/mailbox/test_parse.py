"""Parsing: what triage and the routing record see of an email, whatever arrives."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime

import pytest

from mailbox.message import ParsedMessage, ParseFailure
from mailbox.parse import parse_message
from tests.mailbox.mail import raw_email

HEAD = (
    b"From: Jane <jane@example.org>\r\nTo: spoc@council.gov.uk\r\n"
    b"Subject: Test\r\nMessage-ID: <t@example.org>\r\n"
    b"Date: Mon, 03 Feb 2025 10:00:00 +0000\r\n"
)


def parsed(raw: bytes, **options: int) -> ParsedMessage:
    result = parse_message(raw, **options)
    assert isinstance(result, ParsedMessage), result
    return result


def test_a_plain_email_gives_every_field() -> None:
    raw = raw_email(
        sender='"Jane Customer" <Jane.Customer@Example.ORG>',
        extra="Cc: Housing <Housing@Council.gov.uk>\r\nIn-Reply-To: <prev@council.gov.uk>\r\n"
        "References: <first@council.gov.uk> <prev@council.gov.uk>",
    )
    message = parsed(raw)

    assert message.from_address == "jane.customer@example.org"
    assert message.from_name == "Jane Customer"
    assert message.to == ("spoc@council.gov.uk",)
    assert message.cc == ("housing@council.gov.uk",)
    assert message.subject == "Bin collection"
    assert message.date == datetime(2025, 2, 3, 10, 0, tzinfo=UTC)
    assert message.message_id == "<m1@example.org>"
    assert message.in_reply_to == "<prev@council.gov.uk>"
    assert message.references == ("<first@council.gov.uk>", "<prev@council.gov.uk>")
    assert message.body_text == "My bin was not collected again.\n"
    assert message.content_sha256 == hashlib.sha256(raw).hexdigest()
    assert message.size == len(raw)
    assert message.defects == ()


def test_encoded_subject_and_display_name_are_decoded() -> None:
    raw = raw_email(
        sender="=?utf-8?b?Sm9zw6kgR2FyY8OtYQ==?= <jose@example.org>",
        subject="=?iso-8859-1?q?R=E9clamation_urgente?=",
    )
    message = parsed(raw)
    assert message.from_name == "José García"
    assert message.subject == "Réclamation urgente"


def test_dates_become_aware_utc_and_bad_ones_none() -> None:
    assert parsed(raw_email(date="Tue, 04 Feb 2025 09:30:00 +0100")).date == datetime(
        2025, 2, 4, 8, 30, tzinfo=UTC
    )
    assert parsed(raw_email(date="Tue, 04 Feb 2025 09:30:00 -0000")).date == datetime(
        2025, 2, 4, 9, 30, tzinfo=UTC
    )
    missing = parsed(raw_email(date=None))
    assert missing.date is None
    assert "Date: missing" in missing.defects
    nonsense = parsed(raw_email(date="the day after tomorrow"))
    assert nonsense.date is None
    assert "Date: unreadable" in nonsense.defects


def test_a_missing_message_id_is_synthesised_stably_from_the_content() -> None:
    once = parsed(raw_email(message_id=None))
    again = parsed(b"Received: from relay.example.net\r\n" + raw_email(message_id=None))
    other = parsed(raw_email(message_id=None, body="A different email."))

    assert once.message_id_synthesised
    assert once.message_id.endswith("@forewarn.invalid>")
    assert once.message_id == again.message_id
    assert once.message_id != other.message_id


@pytest.mark.parametrize(
    ("charset", "text"),
    [
        ("windows-1252", "Caf\u00e9 \u2013 \u20ac5"),
        ("iso-8859-15", "\u20ac and \u00e9"),
        ("iso-2022-jp", "\u65e5\u672c\u8a9e"),
        ("utf-8", "Cymraeg: \u0175 \u0177"),
    ],
)
def test_bodies_in_any_charset_are_read(charset: str, text: str) -> None:
    raw = (
        HEAD
        + f"Content-Type: text/plain; charset={charset}\r\n\r\n".encode()
        + text.encode(charset)
    )
    assert parsed(raw).body_text == text


def test_an_unknown_charset_falls_back_without_failing() -> None:
    raw = HEAD + b"Content-Type: text/plain; charset=x-klingon\r\n\r\nCaf\xe9"
    message = parsed(raw)
    assert message.body_text == "Café"
    assert any("unknown charset 'x-klingon'" in defect for defect in message.defects)


def test_html_only_mail_is_read_as_text_without_scripts_or_styles() -> None:
    html = (
        b"<html><head><style>p{color:red}</style><title>t</title></head><body>"
        b"<p>I want to <b>complain</b> &amp; appeal.</p><script>alert('x')</script>"
        b"<div>Line one<br>Line two</div><ul><li>first</li><li>second</li></ul></body></html>"
    )
    message = parsed(HEAD + b"Content-Type: text/html; charset=utf-8\r\n\r\n" + html)
    assert message.body_text == (
        "I want to complain & appeal.\n\nLine one\nLine two\n\n- first\n- second"
    )


def _multipart(*parts: bytes, kind: bytes = b"mixed", boundary: bytes = b"XX") -> bytes:
    body = b"".join(b"--" + boundary + b"\r\n" + part + b"\r\n" for part in parts)
    return (
        b"Content-Type: multipart/" + kind + b'; boundary="' + boundary + b'"\r\n\r\n'
        + body + b"--" + boundary + b"--\r\n"
    )  # fmt: skip


def test_alternative_prefers_plain_text_and_notes_attachments_without_decoding() -> None:
    alternative = _multipart(
        b"Content-Type: text/plain\r\n\r\nPlain version",
        b"Content-Type: text/html\r\n\r\n<p>HTML version</p>",
        kind=b"alternative",
        boundary=b"ALT",
    )
    pdf = base64.encodebytes(b"%PDF-1.4 secret" * 100)
    raw = HEAD + _multipart(
        alternative,
        b'Content-Type: application/pdf; name="letter.pdf"\r\n'
        b'Content-Disposition: attachment; filename="letter.pdf"\r\n'
        b"Content-Transfer-Encoding: base64\r\n\r\n" + pdf,
        b'Content-Type: text/plain; name="notes.txt"\r\nContent-Disposition: attachment; '
        b'filename="notes.txt"\r\n\r\nattached text, not body',
    )
    message = parsed(raw)

    assert message.body_text == "Plain version"
    assert [(a.filename, a.content_type) for a in message.attachments] == [
        ("letter.pdf", "application/pdf"),
        ("notes.txt", "text/plain"),
    ]
    assert message.attachments[0].size == len(b"%PDF-1.4 secret" * 100)


def test_broken_mime_gives_best_effort_text_and_lists_defects() -> None:
    no_boundary = parsed(HEAD + b"Content-Type: multipart/mixed\r\n\r\nStill readable text")
    assert "Still readable text" in no_boundary.body_text
    assert "NoBoundaryInMultipartDefect" in no_boundary.defects

    bad_base64 = parsed(
        HEAD + b"Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        b"SGVsbG8gd29ybGQ!!*"
    )
    assert bad_base64.body_text.startswith("Hello world")
    assert bad_base64.defects

    bad_qp = parsed(
        HEAD + b"Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable"
        b"\r\n\r\nSoft=\r\nbreak =ZZ caf=E9"
    )
    assert bad_qp.body_text == "Softbreak =ZZ café"


def test_header_injection_through_encoded_words_is_neutralised() -> None:
    raw = raw_email(subject="=?utf-8?q?Hello=0D=0ABcc:_victim@example.com?=")
    message = parsed(raw)
    assert message.subject == "Hello Bcc: victim@example.com"
    assert "\n" not in message.subject and "\r" not in message.subject
    assert any("control characters" in defect for defect in message.defects)
    assert all("\n" not in value for _, value in message.headers)


def test_enormous_headers_are_cut_not_fatal() -> None:
    raw = raw_email(subject="A" * 3_000_000, extra="X-Junk: " + "B" * 1_000_000)
    message = parsed(raw)
    assert len(message.subject) <= 16 * 1024
    assert any("Subject: value longer" in defect for defect in message.defects)
    assert all(len(value) <= 2048 for _, value in message.headers)


def test_long_bodies_are_cut_for_triage_with_a_note() -> None:
    message = parsed(raw_email(body="x" * 5000), max_body_chars=1000)
    assert message.body_truncated
    assert len(message.body_text) == 1000
    assert any("body cut" in defect for defect in message.defects)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"  \r\n", "empty"),
        (b"Subject: no sender\r\n\r\nbody", "no sender"),
        (b"\x00\x01\x02 binary junk \xff\xfe", "no sender"),
    ],
)
def test_unroutable_input_is_a_parse_failure_value(raw: bytes, reason: str) -> None:
    result = parse_message(raw)
    assert isinstance(result, ParseFailure)
    assert reason in result.reason
    assert result.content_sha256 == hashlib.sha256(raw).hexdigest()


def test_as_incoming_falls_back_to_the_receipt_time_when_date_is_missing() -> None:
    received = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    incoming = parsed(raw_email(date=None)).as_incoming(received)
    assert incoming.date == received
    assert incoming.sender == "Jane Customer <jane@example.org>"
    assert incoming.body == "My bin was not collected again.\n"
