"""Readings added in round 15, after the misses of holdout16 (and those left in holdout13-15).

- menace: a veiled threat read by its parts (a harm put off to a condition or a later time,
  a harm left unsaid or put on the body, the writer insisting it is meant), two of the three
  said of staff; a legitimate next step or the writer's own harm is not one.
- people: "your benefits team" is staff (a bare "you" is still the reader), and a gendered
  pronoun does not mean a third party of the other sex.
- insults: the lexicon's nouns count in the plural too.
- requests: a request heads its list ("I request: (a) ...; (c) a copy of the record"); a
  quantified kind of record held on the customer ("every file you have on me") is a subject
  access request; the restriction may be named by what it does ("the email only thing").

Each sentence is invented for these tests; none is taken from a corpus.
"""

from __future__ import annotations

import pytest

from mailbox.triage.lexicon.abuse import ALL_INSULTS
from mailbox.triage.menace import menaces
from mailbox.triage.people import last_person_is_staff
from tests.mailbox.triage_helpers import abuse_rules
from tests.mailbox.triage_helpers import triage_quay_road as _triage


@pytest.mark.parametrize("body", [
    "If that warden tickets me again he will find out what happens. I mean it.",
    "Your parking officer should count himself lucky I kept my temper. Next time I won't.",
    "Whoever refused my appeal wants a thump, and if I catch them they'll get one.",
    "Tell Priya in parking that if my brother loses his job over this, she will lose "
    "something too. I know her face.",
    "I hope a lamp post lands on your enforcement manager's head. I'd love to watch.",
    "The man who signed this off wants to go face first into a ditch and see how he likes "
    "a broken nose. Happy to arrange it.",
])
def test_a_veiled_threat_is_read_by_its_parts(body: str) -> None:
    assert "threat" in abuse_rules(_triage(body))


@pytest.mark.parametrize("body", [
    # A legitimate next step, put off to a condition and insisted on.
    "If the warden tickets me again I will go to the Ombudsman. I am not joking.",
    "Next time I will complain to my councillor, and I mean it.",
    # The writer's own harm is a welfare matter, not a threat to staff.
    "If they take the car off me I'll end it, I mean it.",
    # A condition and a later time, with no harm and no insistence.
    "If he calls next time, please ask him to ring after five.",
    # A harm to the customer's body, told as an event.
    "I came off my bike face first on Quay Road and broke my wrist.",
])
def test_a_condition_or_a_warning_alone_is_no_threat(body: str) -> None:
    assert "threat" not in abuse_rules(_triage(body))


def test_menace_needs_two_kinds_of_cue() -> None:
    assert not menaces("If she phones next week, I will be in.", ())
    assert menaces("If she phones my dad again, she will see what happens.", ())


def test_a_team_of_yours_is_staff_and_a_pronoun_keeps_its_gender() -> None:
    assert last_person_is_staff((), "That woman from your benefits team rang me, then her.")
    text = "Tell Omar in revenues that if my sister loses her flat, he will lose something too."
    assert menaces(text, ())


def test_insults_count_in_the_plural() -> None:
    assert {"nonces", "muppets", "cows", "bullies"} <= ALL_INSULTS
    assert "insult" in abuse_rules(_triage("The whole lot of you are pillocks."))
    assert not abuse_rules(_triage("The cows in the field by Quay Road got out again."))


def test_a_request_heads_its_list() -> None:
    body = ("I ask for the following:\n\n(a) the date of the next review; and\n"
            "(b) a copy of the notes of the meeting of 2 March.")
    decision = _triage(body)
    assert decision.action == "escalate"
    assert "records-request" in {h.rule for h in decision.hits}


def test_every_file_held_on_the_customer_is_a_subject_access_request() -> None:
    decision = _triage("send me every note you hold about me and my son.")
    assert "subject-access-request" in {h.rule for h in decision.hits}
    # A quantifier alone, with nothing held on the customer, asks for no data.
    decision = _triage("Every officer you have sent has said the same about Quay Road.")
    assert "subject-access-request" not in {h.rule for h in decision.hits}


def test_the_restriction_named_by_what_it_does_can_be_appealed() -> None:
    decision = _triage("Can I appeal this email only rule? It is making me ill.")
    assert "restriction-appeal" in {h.rule for h in decision.hits}
    assert decision.action == "escalate"


@pytest.mark.parametrize("body", [
    "The warden you sent was the one in the turban. People of his faith never understand "
    "how parking works here.",
    "Your receptionist is plainly from abroad. Those of her colour should not be running "
    "the front desk.",
    "The officer should go back wherever his parents came from and leave our roads alone.",
])
def test_a_group_made_of_an_officer_is_discrimination(body: str) -> None:
    assert "discrimination" in abuse_rules(_triage(body))


@pytest.mark.parametrize("body", [
    # The customer's own group, and a neighbour's.
    "People of my religion are often treated unfairly by parking wardens.",
    "My neighbour at number 9 keeps parking across my drive. People of her age should "
    "not be driving at all, frankly, but that is not your department.",
    "My grandparents came from Jamaica and I have lived on Quay Road for forty years.",
])
def test_a_group_not_made_of_staff_is_not_discrimination(body: str) -> None:
    assert "discrimination" not in abuse_rules(_triage(body))


@pytest.mark.parametrize("body", [
    "The miserable snake on your front desk told me to write in again.",
    "Tell that jumped up pig Mr Danvers I am not paying this fine.",
])
def test_an_animal_placed_at_a_council_desk_or_named_is_a_person_called_names(body: str) -> None:
    assert "insult" in abuse_rules(_triage(body))


@pytest.mark.parametrize("body", [
    "The rats in the bin store on Quay Road are back.",
    "The cows at the farm on Quay Road got out and blocked the road again.",
])
def test_an_animal_where_animals_are_is_an_animal(body: str) -> None:
    assert not abuse_rules(_triage(body))
