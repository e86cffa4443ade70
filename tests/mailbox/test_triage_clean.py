"""Quoted, forwarded and signature text is put aside before anything is judged."""

from __future__ import annotations

from mailbox.triage.clean import clean_body
from mailbox.triage.sentences import split_sentences


def test_gmail_quote_is_cut() -> None:
    body = (
        "Still nothing from you about the tap.\n\nAvery\n\n"
        "On Tue, 2 Jun 2026 at 10:01, Repairs <spoc@council.example.gov.uk> wrote:\n"
        "> The cupboard doors will be replaced on 9 June.\n"
    )
    assert clean_body(body) == "Still nothing from you about the tap."


def test_outlook_header_and_forward_are_cut() -> None:
    outlook = "I agree with nothing.\n\nFrom: Repairs Team\nSent: 01 June 2026 09:00\nTo: me\n\nOld"
    forward = "FYI.\n\n---------- Forwarded message ---------\nFrom: someone\n\nA new boiler fault"
    assert clean_body(outlook) == "I agree with nothing."
    assert clean_body(forward) == "FYI."


def test_signature_sign_off_and_device_line_are_dropped() -> None:
    body = (
        "Dear Mr Thistle,\n\nThe tap still drips.\n\nKind regards\nAvery Quill\n"
        "7 Example Row\n07700 900000\n\nSent from my iPhone"
    )
    assert clean_body(body) == "The tap still drips."


def test_html_leftovers_and_disclaimer_are_removed() -> None:
    body = (
        "<div>The tap&nbsp;still drips.<br>Nothing has changed.</div>\n\n"
        "This email and any attachments are confidential and intended solely for the addressee."
    )
    assert split_sentences(clean_body(body)) == ("The tap still drips.", "Nothing has changed.")


def test_sentences_keep_titles_and_list_items_whole() -> None:
    text = "Mr. Thistle came on 3 June. He left.\n1. The tap\n2. The cupboards"
    assert split_sentences(text) == (
        "Mr. Thistle came on 3 June.",
        "He left.",
        "1. The tap",
        "2. The cupboards",
    )


def test_an_interleaved_reply_keeps_the_customers_answers_between_the_quotes() -> None:
    body = (
        "On Tue, 2 Jun 2026 at 10:01, Repairs <spoc@council.example.gov.uk> wrote:\n"
        "> The cupboard doors will be replaced on 9 June.\n\n"
        "Nobody came on the 9th and I took the day off work for it.\n\n"
        "> Kind regards\n> Repairs\n"
    )
    assert clean_body(body) == "Nobody came on the 9th and I took the day off work for it."


def test_a_bottom_quote_with_only_a_signature_below_is_still_cut() -> None:
    body = (
        "Still nothing about the tap.\n\n"
        "On Tue, 2 Jun 2026 at 10:01, Repairs <spoc@council.example.gov.uk> wrote:\n"
        "> The cupboard doors will be replaced on 9 June.\n\nAvery\n"
    )
    assert clean_body(body) == "Still nothing about the tap."
