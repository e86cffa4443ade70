"""Mechanisms added after holdout7: words of attitude (the VADER lexicon, insults, idioms of
exasperation) are not matter; lawful steps and representation restate an old matter; a
request the council promised, or routing, asks for nothing new; asking how to take a
statutory route takes it; a representative escalates a complaint in the third person; a
need with its subject dropped is a request; dictated punctuation is read; and an abusive
sentence can still allege a new matter once the abuse is taken out.

Each message is invented; none is taken from a corpus.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailbox.triage import CaseContext, Correspondence, Decision, Incoming, KnownIssue, triage
from mailbox.triage.requests import asked_before
from mailbox.triage.sentences import split_sentences

WRITTEN = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

PARKING = CaseContext(
    customer_name="Sam Sample",
    known_issues=(
        KnownIssue("I1", "Two penalty charge notices for parking on a single yellow line, "
                   "Mill Row", "closed", "Informal challenge refused 1 October 2026"),
    ),
    history=(
        Correspondence(datetime(2026, 10, 1, 9, 0, tzinfo=UTC), "sam@example.net",
                       "Parking tickets", "The warden gave me two tickets on Mill Row and I was"
                       " only loading. I want them cancelled."),
    ),
)


def _triage(body: str, subject: str = "Parking tickets") -> Decision:
    return triage(Incoming("M", WRITTEN, "sam@example.net", subject, body), PARKING)


@pytest.mark.parametrize("body", [
    "Those two tickets are a scam and the wardens on Mill Row are a disgrace.",
    "I am sick to death of those idiots on Mill Row.",
])
def test_attitude_about_known_matters_is_filed(body: str) -> None:
    assert _triage(body).action == "file"


@pytest.mark.parametrize("body", [
    "I have now spoken to a solicitor about the two Mill Row tickets and she says the council "
    "signage breaches the traffic regulations.",
    "I write as an independent advocate from Northfield Carers Advocacy, acting with Mr "
    "Sample's written consent, about the two tickets on Mill Row.",
    "Please pass this to Gemma in parking services.",
    "Please treat this letter as notice that, unless both penalties are withdrawn, our client "
    "will apply for judicial review and seek his costs.",
    "It is, in my view, the most amateurish piece of administration I have witnessed in forty "
    "years as a magistrate, and the decision to prosecute on the strength of it reflects badly "
    "on the department.",
])
def test_lawful_steps_routing_and_opinions_are_filed(body: str) -> None:
    assert _triage(body).action == "file"


def test_routing_or_a_lawful_step_does_not_hide_a_new_matter() -> None:
    assert _triage("Pass this to Karen in recovery.").action == "file"
    assert _triage("Pass this to Karen in recovery, the barrier at the car park is broken."
                   ).action == "escalate"
    assert _triage("I have spoken to a solicitor because the bailiffs took my car on Friday."
                   ).action == "escalate"


def test_a_request_the_council_promised_was_asked_before() -> None:
    assert asked_before("And put the camera up like you keep promising.", ())


@pytest.mark.parametrize("body", [
    "Could you kindly tell me how I might refer the matter to the Local Government Ombudsman.",
    "How can we appeal to the adjudicator then",
    "I should add that Mr Sample wishes to make a stage 2 complaint about the tickets.",
    "Lost my resident permit, need a new one.",
    "Hi it is Sam again, the bailiffs sent a letter today saying I owe for a third ticket.",
])
def test_routes_asked_about_bare_needs_and_news_after_a_greeting_escalate(body: str) -> None:
    assert _triage(body).action == "escalate"


def test_dictated_punctuation_splits_a_run_on() -> None:
    said = "I paid it in October question mark I have the receipt full stop"
    assert split_sentences(said) == ("I paid it in October?", "I have the receipt.")
    assert split_sentences("That put a full stop to it.") == ("That put a full stop to it.",)


def test_an_abusive_sentence_can_still_allege_a_new_matter() -> None:
    decision = _triage("That warden Ferris is a bent little weasel who takes bribes from the "
                       "cab drivers.")
    assert decision.action == "escalate"
