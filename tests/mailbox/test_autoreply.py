"""Telling machines from people: auto-replies, bounces and loops, with the signals named."""

from __future__ import annotations

import pytest

from mailbox.autoreply import classify_sender
from mailbox.message import ParsedMessage
from mailbox.parse import parse_message
from tests.mailbox.mail import raw_email


def message(**options: str) -> ParsedMessage:
    result = parse_message(raw_email(**options))
    assert isinstance(result, ParsedMessage)
    return result


def fired(parsed: ParsedMessage) -> list[str]:
    return [hit.name for hit in classify_sender(parsed).hits]


def test_an_ordinary_email_is_from_a_person_with_no_signals() -> None:
    verdict = classify_sender(message())
    assert (verdict.kind, verdict.automatic, verdict.hits) == ("person", False, ())


@pytest.mark.parametrize(
    ("extra", "signal"),
    [
        ("Auto-Submitted: auto-replied", "auto_submitted"),
        ("Auto-Submitted: auto-generated (vacation)", "auto_submitted"),
        ("Precedence: bulk", "precedence"),
        ("Precedence: auto_reply", "precedence"),
        ("Precedence: list", "precedence"),
        ("X-Autoreply: yes", "x_autoreply"),
        ("X-Autorespond: Out of office", "x_autorespond"),
        ("Return-Path: <>", "null_return_path"),
    ],
)
def test_headers_only_software_writes_prove_an_auto_reply(extra: str, signal: str) -> None:
    verdict = classify_sender(message(extra=extra))
    assert verdict.kind == "auto_reply"
    assert signal in [hit.name for hit in verdict.hits]
    assert extra.split(":")[0] in verdict.hits[0].evidence


def test_auto_submitted_no_means_a_person() -> None:
    assert classify_sender(message(extra="Auto-Submitted: no")).kind == "person"


def test_x_auto_response_suppress_alone_is_not_proof() -> None:
    # Outlook sets it on meeting responses and some ordinary mail.
    verdict = classify_sender(
        message(subject="Accepted: Review meeting", extra="X-Auto-Response-Suppress: RN, NRN, OOF")
    )
    assert verdict.kind == "person"
    assert [hit.name for hit in verdict.hits] == ["auto_response_suppress"]
    assert "not confirmed" in verdict.reason


def test_an_out_of_office_subject_alone_is_not_proof() -> None:
    # A customer can type it, and a missed statutory request costs far more.
    verdict = classify_sender(message(subject="Out of Office: again nobody answers"))
    assert verdict.kind == "person"
    assert fired(message(subject="Out of office hours noise from next door")) == []


def test_outlook_out_of_office_with_both_weak_signals_is_an_auto_reply() -> None:
    verdict = classify_sender(
        message(subject="Automatic reply: Bin collection", extra="X-Auto-Response-Suppress: All")
    )
    assert verdict.kind == "auto_reply"
    assert {hit.name for hit in verdict.hits} == {"out_of_office_subject", "auto_response_suppress"}


@pytest.mark.parametrize(
    "subject",
    ["Automatic reply: x", "Out of Office: x", "Abwesenheitsnotiz: x", "Réponse automatique : x"],
)
def test_out_of_office_subjects_in_several_languages_are_noticed(subject: str) -> None:
    assert fired(message(subject=subject, extra="Auto-Submitted: auto-replied")) == [
        "auto_submitted",
        "out_of_office_subject",
    ]


def test_bounces_from_mailer_daemon_with_a_delivery_report() -> None:
    raw = (
        b"From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\r\n"
        b"To: spoc@council.gov.uk\r\nSubject: Undelivered Mail Returned to Sender\r\n"
        b'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        b"--B\r\nContent-Type: text/plain\r\n\r\nDelivery failed.\r\n"
        b"--B\r\nContent-Type: message/delivery-status\r\n\r\n"
        b"Reporting-MTA: dns; mx.example.org\r\n\r\nFinal-Recipient: rfc822; x@y.org\r\n"
        b"Action: failed\r\nStatus: 5.1.1\r\n\r\n--B--\r\n"
    )
    parsed = parse_message(raw)
    assert isinstance(parsed, ParsedMessage)
    verdict = classify_sender(parsed)
    assert verdict.kind == "bounce"
    assert {"daemon_sender", "delivery_report"} <= {hit.name for hit in verdict.hits}


def test_our_own_header_coming_back_is_a_loop() -> None:
    verdict = classify_sender(message(extra="X-Forewarn-Loop: spoc@council.gov.uk"))
    assert verdict.kind == "loop"
    assert verdict.hits[0].name == "forewarn_loop"


def test_too_many_received_headers_is_a_loop() -> None:
    hops = "\r\n".join(f"Received: from relay{n}.example.net" for n in range(60))
    assert classify_sender(message(extra=hops)).kind == "loop"
    assert classify_sender(message(extra=hops), max_received=100).kind == "person"


def test_loop_outranks_auto_reply_and_every_signal_is_recorded() -> None:
    verdict = classify_sender(message(extra="Auto-Submitted: auto-replied\r\nX-Forewarn-Id: 1"))
    assert verdict.kind == "loop"
    assert [hit.name for hit in verdict.hits] == ["forewarn_loop", "auto_submitted"]
    assert verdict.reason == "loop: forewarn_loop, auto_submitted"
