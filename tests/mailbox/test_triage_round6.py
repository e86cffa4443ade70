"""Mechanisms added after holdout6: intimidation through an officer's private life scored
from kinds of cue (a person who may be staff, their life outside work, the writer's reach
into it), discrimination in a polite register read as characteristic + staff + fitness,
insults said in a relative clause, and the neighbour placed by where they live.

Each message is invented; none is taken from a corpus.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailbox.triage import CaseContext, Correspondence, Decision, Incoming, KnownIssue, triage
from tests.mailbox.triage_helpers import abuse_rules as _abuse
from tests.mailbox.triage_helpers import found_abusive_by_rules

WRITTEN = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

PARKING = CaseContext(
    customer_name="Sam Sample",
    known_issues=(
        KnownIssue("I1", "Penalty charge notice for parking on a single yellow line, Mill Row",
                   "closed", "Appeal refused 1 October 2026"),
    ),
    history=(
        Correspondence(datetime(2026, 10, 1, 9, 0, tzinfo=UTC), "sam@example.net",
                       "Parking ticket", "The warden gave me a ticket on Mill Row and I was "
                       "only loading. I want it cancelled."),
    ),
)


def _triage(body: str) -> Decision:
    return triage(Incoming("M", WRITTEN, "sam@example.net", "Parking ticket", body), PARKING)



@pytest.mark.parametrize("body", [
    "Still no answer on the ticket. Your warden Mr Ferris has a red Skoda, I see it at the "
    "leisure centre most evenings.",
    "The appeal was a farce. Turns out Priya from the parking team lives on Orchard Close, "
    "the one with the green gate.",
    "The ticket stands, I suppose. Might pop round and talk it over with the duty manager "
    "there, seeing as his boys go to St Anne's same as mine.",
    "Tell the parking officer his silver Golf won't have a windscreen much longer if this "
    "ticket isn't cancelled.",
    "The surveyor has a lovely house on Elm Road. I'd hate for anything to happen to it.",
])
def test_reaching_into_an_officers_life_outside_work_is_harassment(body: str) -> None:
    assert _abuse(_triage(body))


@pytest.mark.parametrize(("officers", "ordinary"), [
    ("Your warden Mr Ferris drives a red Skoda, I see it at the gym every morning.",
     "My neighbour parks his red Skoda across my drive every morning, I see it from my window."),
    ("Turns out the duty manager's two girls go to St Anne's. Small world.",
     "The ticket was wrong. My son drives a silver Golf and parks it on Orchard Close."),
])
def test_the_same_details_about_a_third_party_or_the_customer_are_not_harassment(
        officers: str, ordinary: str) -> None:
    assert "harassment" in _abuse(_triage(officers))
    assert not _triage(ordinary).abusive


@pytest.mark.parametrize("body", [
    "I would sooner the matter were dealt with by someone who was actually from here; "
    "Ms Osei would grasp how Mill Row works rather better.",
    "The ticket is unfair. I don't think a woman like that should be handling appeals.",
    "Perhaps someone English should be dealing with parking appeals rather than Mr Nowak.",
    "With respect, a lady of her age is scarcely fit to be in charge of appeals.",
    "Kindly pass my appeal to a gentleman. The young ladies at the counter are pleasant "
    "enough but parking law is plainly beyond them.",
])
def test_judging_an_officers_fitness_by_who_they_are_is_discrimination(body: str) -> None:
    assert "discrimination" in _abuse(_triage(body))


def test_a_characteristic_the_customer_claims_for_themselves_is_not_discrimination() -> None:
    assert "discrimination" in _abuse(_triage(
        "Mr Kaur should not be deciding my appeal; he is not even British."))
    assert not found_abusive_by_rules(_triage(
        "I am British and I was born here, and the officer should be deciding my appeal fairly."))


@pytest.mark.parametrize("body", [
    "The ticket still stands thanks to Gareth Lloyd who is a useless idle prat.",
    "I spoke to Mr Dunn, who is a spineless jobsworth, and got nowhere.",
    "Your appeals officer, a total halfwit, refused it again.",
    "Tracey in your office is a stuck-up snob.",
])
def test_an_insult_in_a_relative_clause_or_apposition_is_aimed_at_the_person_named(
        body: str) -> None:
    assert "insult" in _abuse(_triage(body))


@pytest.mark.parametrize("body", [
    "that bloody moron downstairs parks on the yellow line every day and you lot do nothing",
    "The fucking idiot across the road blocks the bay and your warden never tickets him.",
])
def test_swearing_at_a_neighbour_placed_by_where_they_live_is_not_abuse(body: str) -> None:
    assert not _triage(body).abusive
