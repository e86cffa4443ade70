"""Mechanisms added after holdout5: requests escalate by default unless the case file already
holds them, statutory routes read from what is asked, understated self-harm, and abuse of
anyone who is or may be staff (a bare name, harm idioms, an officer's private life, remarks
about origin or faith in a polite register).

Each message is invented; none is taken from a corpus.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailbox.triage import CaseContext, Correspondence, Decision, Incoming, KnownIssue, triage
from tests.mailbox.triage_helpers import abuse_rules as _abuse
from tests.mailbox.triage_helpers import found_abusive_by_rules

WRITTEN = datetime(2026, 10, 5, 9, 0, tzinfo=UTC)

POTHOLE = CaseContext(
    customer_name="Alex Sample",
    known_issues=(
        KnownIssue("I1", "Claim for a damaged tyre from a pothole on Sample Lane, March 2026",
                   "closed", "Claim refused under section 58; repair made 2 April 2026"),
        KnownIssue("I2", "Complaint that the highways officer was dismissive on the phone",
                   "closed", "Not upheld at stage 1"),
    ),
    history=(
        Correspondence(datetime(2026, 9, 1, 9, 0, tzinfo=UTC), "alex@example.net",
                       "Tyre claim", "I want the cost of my tyre paid. The pothole was there "
                       "for weeks and your inspector missed it."),
        Correspondence(datetime(2026, 9, 8, 9, 0, tzinfo=UTC), "highways@council.example.gov.uk",
                       "RE: Tyre claim", "Dear Alex Sample, your claim was refused under section "
                       "58 and the complaint about the officer was not upheld. Yours sincerely"),
    ),
)


def _triage(body: str, subject: str = "Tyre claim") -> Decision:
    return triage(Incoming("M", WRITTEN, "alex@example.net", subject, body), POTHOLE)



@pytest.mark.parametrize(("ask", "chaser"), [
    ("Tyre claim refused. Can you send the letters in Welsh?",
     "The pothole was there for weeks. Get someone out."),
    ("When does the winter gritting rota start?",
     "Your inspector missed the pothole. I want an answer."),
    ("Can I do £15 a month?", "The tyre claim is still refused. Reply to my email."),
])
def test_a_short_request_never_made_before_is_new_but_a_chaser_is_filed(ask: str,
                                                                      chaser: str) -> None:
    assert _triage(ask).action == "escalate"
    assert _triage(chaser).action == "file"


@pytest.mark.parametrize("body", [
    "Please let me have the inspection notes for Sample Lane from this year.",
    "I'd like the figures in writing please.",
])
def test_asking_for_records_is_statutory(body: str) -> None:
    assert _triage(body).category == "statutory"


@pytest.mark.parametrize("body", [
    "Please send me everything you hold about my father.",
    "I want to see what has been written about me.",
])
def test_asking_for_everything_held_about_someone_is_a_subject_access_request(body: str) -> None:
    decision = _triage(body)
    assert decision.category == "statutory"
    assert "subject-access-request" in {h.rule for h in decision.hits}


@pytest.mark.parametrize("body", [
    "The officer was dismissive. Please log this as a formal complaint.",
    "I am not satisfied with stage 1. I want the next stage.",
    "I want someone from outside the council to look at the tyre claim.",
])
def test_taking_a_complaint_on_is_statutory(body: str) -> None:
    assert _triage(body).category == "statutory"


@pytest.mark.parametrize("body", [
    "I have stopped bothering with my tablets. Nothing changes.",
    "There isn't really any point anymore. The claim is the same.",
    "My sister will have the kids if anything happens.",
])
def test_understated_self_harm_is_urgent(body: str) -> None:
    assert _triage(body).category == "safeguarding"


@pytest.mark.parametrize("body", [
    "The claim is the same. Morris is a gutless little weasel.",
    "Nobody has answered. Priya is a lazy fat cow.",
    "You lot are no help, and Gordon Smith is a spineless little creep.",
])
def test_insulting_a_named_person_not_known_as_a_third_party_is_abuse(body: str) -> None:
    assert "insult" in _abuse(_triage(body))
    neighbour = body.replace("The claim is the same.", "My neighbour Morris parks on the verge.")
    if neighbour != body:
        assert not _triage(neighbour).abusive


@pytest.mark.parametrize("body", [
    "Tell your inspector he'll need more than a plaster if I see him.",
    "People who ignore the public tend to come to a sticky end.",
    "Maybe his shiny car needs a visit from my baseball bat.",
])
def test_harm_said_in_an_idiom_is_a_threat(body: str) -> None:
    assert "threat" in _abuse(_triage(body))


@pytest.mark.parametrize("body", [
    "My cousins know exactly who you are and where you park.",
    "Mrs Hart, your claims officer, lives on Beech Road, I gather.",
    "I hear the inspector has children of his own.",
])
def test_remarks_about_an_officers_private_life_are_harassment(body: str) -> None:
    assert "harassment" in _abuse(_triage(body))


@pytest.mark.parametrize("body", [
    "Mr Kowalski, being from Poland, cannot grasp how our lanes work.",
    "I suspect Ms Rahman's religion explains her attitude.",
    "The officer in the turban always seems to favour people of his own faith.",
])
def test_disparaging_origin_or_faith_politely_is_discrimination(body: str) -> None:
    assert "discrimination" in _abuse(_triage(body))
    assert not _triage("Your highways service is a shambles and the refusal is a disgrace."
                       ).abusive


@pytest.mark.parametrize(("body", "rule"), [
    ("You useless lot are a waste of space.", "insult"),
    ("That jumped-up little clerk Sandra is a disgrace.", "insult"),
    ("Your officer Dean is a pathetic little worm.", "insult"),
    ("It'd be a pity if something happened to that nice garden of his.", "threat"),
    ("Nice car your officer drives, shame if it got scratched.", "threat"),
    ("He's a typical foreigner, can't organise anything.", "discrimination"),
    ("Ms Okafor probably got the job to fill a quota.", "discrimination"),
])
def test_abuse_of_staff_in_other_words_is_flagged(body: str, rule: str) -> None:
    assert rule in _abuse(_triage(body))
    assert not found_abusive_by_rules(
        _triage("It would be a shame if my car got wrecked again by your pothole."))
