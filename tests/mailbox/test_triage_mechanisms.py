"""Mechanisms added after holdout3: quiet suicidal wording, subject-named matters,
mail forwarded for the customer, and abuse phrased politely or dropped into a fragment.

Each message is invented; none is taken from a corpus.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailbox.triage import CaseContext, Decision, Incoming, KnownIssue, triage
from tests.mailbox.triage_helpers import abuse_rules

CONTEXT = CaseContext(
    customer_name="Robin Ash",
    known_issues=(
        KnownIssue("I1", "Rats in the rear garden of 3 Example Close", "closed",
                   "Pest control baited and monitored; complaint not upheld at stage 1"),
    ),
    history=(),
)


def _triage(body: str, subject: str = "Rats") -> Decision:
    message = Incoming("M", datetime(2026, 6, 10, 9, 0, tzinfo=UTC), "robin@example.net",
                       subject, body)
    return triage(message, CONTEXT)


@pytest.mark.parametrize("body", [
    "I won't write about the rats again. I have put my affairs in order. "
    "I won't be troubling you for much longer.",
    "Without the garden there is not much point in any of it now.",
])
def test_quiet_suicidal_wording_is_escalated_urgently(body: str) -> None:
    decision = _triage(body)
    assert decision.action == "escalate"
    assert decision.category == "safeguarding"


@pytest.mark.parametrize("body", [
    # Said of oneself, with an adverb in the way, or in dialect ("no more" for "any more").
    "sorry about the rats. ive been thinking about ending it tbh",
    "Nobody would really care if I was gone, so why would you.",
    "I cant cope with it no more and I'm past caring.",
])
def test_ending_it_and_not_being_missed_are_escalated_urgently(body: str) -> None:
    assert _triage(body).category == "safeguarding"


@pytest.mark.parametrize("body", [
    "I want to end it with the council once and for all, so close the rats complaint.",
    "I am ending it here; the rats are your problem now.",
    "Nobody would notice if the bait boxes were never checked.",
])
def test_ending_a_dispute_is_not_self_harm(body: str) -> None:
    assert _triage(body).category != "safeguarding"


def test_a_referral_naming_at_length_what_was_referred_goes_to_its_owner() -> None:
    decision = _triage(
        "I have today referred my complaint about the rat baiting, the missed visits and "
        "the stage 1 response that ignored my photographs to the Housing Ombudsman."
    )
    assert decision.action == "escalate"
    assert "ombudsman-referral" in {h.rule for h in decision.hits}


def test_a_route_that_cannot_go_on_is_not_self_harm() -> None:
    decision = _triage("If the bin can't go on the route, can it go on the corner instead?")
    assert decision.category != "safeguarding"


def test_subject_names_a_new_matter_the_body_tells_briefly() -> None:
    decision = _triage("My cooker has packed in and I can't afford one.", subject="cooker")
    assert decision.action == "escalate"


def test_dog_bite_to_a_child_is_safeguarding() -> None:
    decision = _triage("Their dog came through the fence. Bit my lad on the hand.")
    assert decision.category == "safeguarding"


def test_forwarded_words_of_the_customer_are_read() -> None:
    body = (
        "Hello, I support Robin and was asked to forward the email below.\n\n"
        "-----Original Message-----\n"
        "From: Robin Ash <robin@example.net>\n"
        "Sent: 9 June 2026 08:00\n"
        "Subject: help\n\n"
        "My ex came round last night, smashed the glass in the back door and said he would "
        "find me wherever I go.\n"
    )
    assert _triage(body).action == "escalate"


@pytest.mark.parametrize("body", [
    "The officer came out. A bigoted b*****d if ever I saw one.",
    "Rang again. Got some woman on the phone, stupid cow.",
    "That fat useless cow Mrs Example told me it was appropriate.",
    "Your pest control man is a fat lazy slob.",
    "Can you not find somebody who was born in this country to deal with my case?",
    "He only got the job because of the colour of his skin.",
    "Tell her to learn to speak proper English.",
    "You lot in that office want to be careful.",
    "I've found out where your Ms Example lives. She's got two little ones, hasn't she.",
    "I've shared his photos on the community page with his car reg.",
    "Maybe a few of us will pay him a visit.",
])
def test_abuse_aimed_at_staff_is_flagged(body: str) -> None:
    assert abuse_rules(_triage(body))


@pytest.mark.parametrize("body", [
    "Mr Example's reply about the rats was lazy, dismissive and frankly incompetent.",
    "A new problem with the rats: they are in the shed now.",
])
def test_criticism_of_work_is_not_abuse(body: str) -> None:
    assert not abuse_rules(_triage(body))
