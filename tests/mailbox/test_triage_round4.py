"""Mechanisms added after holdout4: statutory routes in plain words, new kinds of request,
changes in where the customer lives, veiled threats to staff and their families, abuse in a
polite register, and abuse that is not aimed at staff (a neighbour named, words reported).

Each message is invented; none is taken from a corpus.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailbox.triage import CaseContext, Correspondence, Decision, Incoming, KnownIssue, triage
from tests.mailbox.triage_helpers import abuse_rules as _abuse

WRITTEN = datetime(2026, 9, 14, 9, 0, tzinfo=UTC)

REPAIRS = CaseContext(
    customer_name="Sam Example",
    known_issues=(
        KnownIssue("I1", "Crack in the gable wall at 12 Example Row", "closed",
                   "Surveyor inspected; crack is cosmetic; complaint not upheld"),
        KnownIssue("I2", "Complaint about the attitude of surveyor Mr Example", "closed",
                   "Not upheld at stage 2"),
    ),
    history=(
        Correspondence(datetime(2026, 8, 1, 9, 0, tzinfo=UTC), "sam@example.net",
                       "Crack", "The crack in my gable wall is getting wider. Send someone."),
    ),
)
OVERPAYMENT = CaseContext(
    customer_name="Sam Example",
    known_issues=(
        KnownIssue("I1", "Council tax support overpayment of £812.50 recovered from benefit",
                   "closed", "Overpayment confirmed; recovery at £12 a week"),
        KnownIssue("I2", "Single person discount removed; £60 court costs added", "closed",
                   "Discount removal upheld at review"),
    ),
    history=(),
)


def _triage(body: str, subject: str = "My case", context: CaseContext = REPAIRS) -> Decision:
    message = Incoming("M", WRITTEN, "sam@example.net", subject, body)
    return triage(message, context)



@pytest.mark.parametrize("body", [
    "Freedom of Information request. Please tell me how many parking fines were cancelled.",
    "Could you tell me how many complaints about the bin crews the council received in 2025?",
    "Please provide copies of the contract with the grounds maintenance firm.",
])
def test_a_request_for_recorded_information_is_statutory(body: str) -> None:
    assert _triage(body).category == "statutory"


def test_asking_how_many_times_to_write_is_not_an_information_request() -> None:
    decision = _triage("Please tell me how many times I have to write about the crack. "
                       "The crack in my gable wall is getting wider.")
    assert decision.category != "statutory"
    assert _triage("Freedom of Information request: how many surveyors do you employ?"
                   ).category == "statutory"


@pytest.mark.parametrize("body", [
    "I want appeal to the tribunal against the overpayment, it is not fair.",
    "I wish to appeal the decision about the overpayment.",
    "Please take this email as my appeal against the overpayment.",
])
def test_an_appeal_in_plain_words_is_statutory(body: str) -> None:
    assert _triage(body, context=OVERPAYMENT).category == "statutory"


def test_an_appeal_threatened_on_a_condition_is_not_lodged() -> None:
    conditional = _triage("I want to appeal if you do not stop the deductions.",
                          context=OVERPAYMENT)
    assert conditional.category != "statutory"
    assert _triage("I want to appeal against it.", context=OVERPAYMENT).category == "statutory"


def test_chasing_a_review_already_asked_for_is_not_a_new_appeal() -> None:
    decision = _triage("I still have not had a date for the review of the restriction.")
    assert decision.category != "statutory"
    assert _triage("I am appealing against the restriction.").category == "statutory"


@pytest.mark.parametrize("body", [
    "Can you take less each week? Maybe 4 pounds.",
    "He has not lived here for a year. Please take him off.",
    "The overpayment is too much. I want it written off.",
])
def test_a_kind_of_request_never_made_before_is_new(body: str) -> None:
    assert _triage(body, context=OVERPAYMENT).action == "escalate"


def test_a_remedy_for_a_matter_on_file_is_not_a_new_request() -> None:
    remedy = _triage("I want the discount reinstated and the £60 refunded.",
                     context=OVERPAYMENT)
    assert remedy.action == "file"
    assert _triage("I want the rest of the £812.50 refunded to me, about £200.",
                   context=OVERPAYMENT).action == "escalate"


def test_a_new_home_is_a_change_of_circumstances() -> None:
    decision = _triage("We now live with my mother at 14 Orchard Rise.", context=OVERPAYMENT)
    assert decision.action == "escalate"


def test_something_provided_and_taken_away_is_news() -> None:
    decision = _triage("Section 3 of the plan has dropped the physiotherapy.")
    assert decision.action == "escalate"


@pytest.mark.parametrize(("body", "subject"), [
    ("I attach a further twelve photographs taken on 6 September of the same crack.", "Crack"),
    ("Thank you to the surveyor from building control who came out to see me.", "Crack"),
    ("The crack in the gable wall is still getting wider.", "FAO Head of Licensing"),
    ("I have put a video up on TikTok about the crack and thousands of viewers have watched it"
     " this week.", "Crack"),
])
def test_evidence_thanks_addressees_and_going_public_are_not_new(body: str,
                                                                 subject: str) -> None:
    assert _triage(body, subject=subject).action == "file"


def test_a_third_party_threat_to_the_customers_children_is_safeguarding() -> None:
    decision = _triage("The lad upstairs said he'll hurt my kids if I complain again.")
    assert decision.category == "safeguarding"


@pytest.mark.parametrize("body", [
    "If Mr Example parks outside my house again I'll let his tyres down.",
    "Be a shame if anything happened to that nice car of his.",
    "I know he takes his daughter swimming every Saturday at nine.",
    "Found Mr Example on Instagram. So everyone will know where to find him.",
    "Nice photos of his children in their school uniforms.",
    "Your surveyor Mr Example, big house on Acacia Avenue, two cars on the drive.",
    "Spineless little worm.",
    "You are all sheep, the lot of you.",
    "The surveyor has a poor command of English.",
    "Next time send someone of a more suitable background.",
    "He seemed a boy barely out of school.",
])
def test_veiled_threats_and_polite_abuse_of_staff_are_flagged(body: str) -> None:
    assert _abuse(_triage(body))


@pytest.mark.parametrize("body", [
    "The man at number 40 keeps dumping rubbish in the lane. He is a thug and always was.",
    "He is a crook who has fooled your inspector.",
    "The bags are left out all week, they are torn open, there are maggots everywhere.",
    "Last night he yelled you stupid cow at my wife across the road.",
])
def test_abuse_not_aimed_at_staff_is_not_flagged(body: str) -> None:
    assert not _abuse(_triage(body))
