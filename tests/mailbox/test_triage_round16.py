"""Readings added in round 16, after the repeats escalated on holdout13, 16 and 17.

- requests: what a request asks for is in its main clause. A dated piece of correspondence
  it answers ("further to your letter of 24 February") and when or how it is asked ("when
  the court gets round to it", "pending the appeal", "under protest") are not its content.
- requests: a remedy (money back, a decision undone, a ban lifted) or news of how a matter
  stands, asked of things the case file already holds, is the old matter's remedy or a
  chaser, even when no one earlier sentence named them all together.
- requests: who is to deal with a matter and what they should be like ("someone who talks
  properly", "somebody respectable", "a competent officer") is how it should be handled, not
  what is asked about.
- novelty: a sentence set in a year gone by ("when we bought the house in 1987", "last
  year") is the customer's history, new only on hard evidence.

Each sentence is invented for these tests; none is taken from a corpus.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailbox.triage import CaseContext, Correspondence, Incoming, KnownIssue, triage
from mailbox.triage.requests import is_new_request
from mailbox.triage.words import stem, words


def _said(*sentences: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(stem(w) for w in words(s)) for s in sentences)


# A suspended market trader's licence, a refused refund of stall fees, and a fresh
# assessment and a hardship grant asked for in two different emails.
_EARLIER = _said(
    "My market stall licence was suspended after the complaint.",
    "I asked for the stall fees to be refunded and the court costs too.",
    "We ask for a fresh assessment of the stall pitch.",
    "Please treat this as an application for a hardship grant.",
)

_WRITTEN = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
_MARKET = CaseContext(
    customer_name="Robin Sample",
    known_issues=(
        KnownIssue("I1", "Market stall licence suspended after a trading standards complaint",
                   "open", "Suspension upheld; appeal pending"),
    ),
    history=(
        Correspondence(datetime(2026, 5, 1, 9, 0, tzinfo=UTC), "robin@example.net",
                       "Stall", "My stall licence was suspended and I want it back."),
    ),
)


def _market(body: str) -> str:
    message = Incoming("T-1", _WRITTEN, "robin@example.net", "RE: Stall", body)
    return triage(message, _MARKET).action


@pytest.mark.parametrize("sentence", [
    "I want my licence back now, not when the appeal gets round to it.",
    "Give me the stall licence back pending the appeal.",
    "I have paid under protest but I want the stall fees and the court costs back.",
    "Further to your letter of 3 May, I would ask you to exercise your discretion and lift "
    "the suspension.",
    "Please get the suspension lifted.",
])
def test_a_remedy_of_a_matter_on_file_is_not_new(sentence: str) -> None:
    assert not is_new_request(sentence, _EARLIER)


@pytest.mark.parametrize("sentence", [
    "Could you tell us where things are with the fresh assessment and the hardship grant?",
    "Is there any update on the assessment and the grant application?",
])
def test_news_of_matters_on_file_is_a_chaser(sentence: str) -> None:
    assert not is_new_request(sentence, _EARLIER)


@pytest.mark.parametrize("sentence", [
    "I want someone who actually listens to ring me back about the suspension.",
    "I would like the fresh assessment redone by somebody independent.",
    "Please have the suspension reviewed by a competent licensing officer.",
])
def test_the_handler_asked_for_is_not_what_is_asked(sentence: str) -> None:
    assert not is_new_request(sentence, _EARLIER)


@pytest.mark.parametrize("sentence", [
    # Hard negatives: the handler is named beside something never on file.
    "Could somebody senior ring me about the rats under the stall?",
    "Please send someone from environmental health to look at the drains behind the market.",
])
def test_a_handler_beside_a_new_matter_is_still_new(sentence: str) -> None:
    assert is_new_request(sentence, _EARLIER)


@pytest.mark.parametrize("sentence", [
    # Hard negatives: the remedy or the news is of something never on file.
    "I want my parking permit for the loading bay refunded.",
    "Could you tell us where things are with my blue badge renewal?",
    "Please cancel my garden waste subscription.",
    # A review of a decision is content, not a dated letter: it must not be dropped.
    "I want to ask for a review of the decision that the new pitch by the bus station is "
    "suitable.",
    # A time clause alone carries what is asked.
    "Please tell me when the electricity hook-up will be installed.",
])
def test_a_remedy_or_news_of_something_new_is_still_new(sentence: str) -> None:
    assert is_new_request(sentence, _EARLIER)


@pytest.mark.parametrize("body", [
    "My father took this stall in 1987 and traded there every Saturday until he retired "
    "in 2009, never a single complaint from the public in all those years.",
    "Last year I was voted the best stall at the Christmas fair by the chamber of trade.",
])
def test_history_of_years_gone_by_is_not_news(body: str) -> None:
    assert _market(body) == "file"


@pytest.mark.parametrize("body", [
    # Hard negatives: a dated new incident, and a year to come.
    "My father traded here since 1987 and on 28 May your officer took the gazebo off "
    "the stall and kept it.",
    "From January 2027 I will be trading from a van on Dock Street instead of the stall.",
    "I have been diagnosed with cancer this month and cannot work the stall.",
])
def test_a_new_event_beside_history_is_still_new(body: str) -> None:
    assert _market(body) == "escalate"
