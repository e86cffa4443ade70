"""The filed-mail digest card, read as the SPOC officer reads it on a phone.

The catalogue's digest examples go through the official validator at 1.2
and 1.5 with every other card (tests/cards/test_cards.py); these tests
check what the officer sees and what each button sends.
"""

from __future__ import annotations

from dataclasses import replace

from cards.catalogue import examples, sample_digest
from cards.digest import SHOWN, digest_card, digest_schema
from cards.notice import notice_card
from cards.validation import submitted
from tests.cards.test_cards import seen_text, submits, walk

FORWARDED = "Sent to you because Tom Hale could not be reached in Teams."


def _new_issue_buttons(card: dict[str, object]) -> list[object]:
    return [
        node["data"]
        for node in walk(card)
        if node.get("type") == "Action.Submit" and node.get("title") == "This has a new issue"
    ]


def test_the_catalogue_lists_every_shape_of_the_digest() -> None:
    assert {"digest_three_filed", "digest_more_than_fit_forwarded", "digest_without_items"} <= set(
        examples()
    )


def test_each_filed_email_has_its_own_button_naming_it() -> None:
    notice = sample_digest(3)
    card = notice_card(notice)
    assert card == digest_card(notice)
    assert card["version"] == "1.2"
    assert _new_issue_buttons(card) == [
        {"action": "mark_new_issue", "id": f"claim-000{n}"} for n in range(3)
    ]
    for item in notice.items:
        assert item.text in seen_text(card)


def test_a_long_digest_shows_the_first_emails_and_says_how_many_more() -> None:
    card = notice_card(sample_digest(SHOWN + 3, FORWARDED))
    assert len(_new_issue_buttons(card)) == SHOWN
    words = seen_text(card)
    assert "And 3 more filed: see the register." in words
    assert FORWARDED in words  # a fallback's reason is not lost among the items


def test_a_digest_without_items_lists_its_lines_with_no_buttons() -> None:
    notice = replace(sample_digest(2), items=())
    card = digest_card(notice)
    assert submits(card) == {}
    assert all(line in seen_text(card) for line in notice.lines)


def test_a_press_sends_the_claim_and_the_optional_note() -> None:
    button = _new_issue_buttons(digest_card(sample_digest(1)))[0]
    assert isinstance(button, dict)
    checked = submitted({**button, "note": " asks about a new bin "}, digest_schema())
    assert checked.values == {"id": "claim-0000", "note": "asks about a new bin"}
    without = submitted({**button, "note": ""}, digest_schema())
    assert without.values == {"id": "claim-0000"}
    too_long = submitted({**button, "note": "x" * 501}, digest_schema())
    assert not too_long.ok
