"""Readings added in round 12, after the misses of holdout11 and holdout12.

- remarks: a staff member's age, origin, religion, sexuality, disability or body remarked on
  (`remarks`, with `lexicon.characteristics` built from the Equality Act's categories);
- harm wished as a state ("may they suffer"), and retaliation ("see how you like it");
- veiled threats by knowing staff movements, or telling staff to watch themselves;
- passive suicidal ideation in the screening instruments' terms;
- requests put after a condition or asked indirectly; a fault in new works; pests named
  with a word that is also an insult; a hate incident reported by its victim.

Each message is invented for these tests; none is taken from a corpus.
"""

from __future__ import annotations

import pytest

from mailbox.triage.harm import wished_harm
from mailbox.triage.intimidation import knows_movements, warned_to_watch
from mailbox.triage.remarks import remark_on_staff
from tests.mailbox.triage_helpers import found_abusive_by_rules
from tests.mailbox.triage_helpers import triage_quay_road as _triage


@pytest.mark.parametrize(("body", "category"), [
    ("The warden who ticketed me, a scrawny spotty youth, smirked the whole time.", "appearance"),
    ("Pass this to that balding officer with the pot belly in the appeals team.", "appearance"),
    ("Your appeals officer is far too old to be judging anything, frankly.", "age"),
    ("Could someone who isn't a wrinkly old pensioner look at the Quay Road fine?", "age"),
    ("I would rather the appeal was decided by someone born in this country.", "race"),
    ("The Romanian chap at the counter plainly has no idea how we do things.", "race"),
    ("That gay bloke on the phones laughed at my appeal.", "sexual orientation"),
    ("Ms Okafor, with her headscarf, was never going to see my side.", "religion"),
])
def test_remark_on_who_staff_are_is_flagged(body: str, category: str) -> None:
    assert remark_on_staff(body) == category
    assert _triage(body).abusive


@pytest.mark.parametrize("body", [
    # The customer's own characteristics and needs.
    "As a pensioner of 81 I cannot walk from the Quay Road car park.",
    "I am disabled and your warden would not listen about my blue badge.",
    "Your officer made a remark about my accent, which I found hurtful.",
    "Please could an officer who speaks Polish ring me about the Quay Road fine?",
    "I am deaf, so please write to me rather than phone.",
    # Third parties, things, and former staff.
    "The fat lad from next door keeps parking across my drive and your warden does nothing.",
    "Your old officer promised the Quay Road fine would be cancelled.",
    "Your warden left a black bag of tickets on my windscreen.",
    # Praise, and anger at the council.
    "The young lady at the counter was lovely, but the fine on Quay Road is still wrong.",
    "Your parking department is a shambles and the Quay Road fine is a scandal.",
])
def test_no_remark_on_staff(body: str) -> None:
    assert remark_on_staff(body) is None
    assert not found_abusive_by_rules(_triage(body))


@pytest.mark.parametrize("body", [
    "I pray that one day your manager is old and alone with no one to help him.",
    "May the officer who refused my appeal suffer the way my family has.",
    "I hope one day you lot get a taste of your own medicine.",
    "Some day your wardens will be frail and helpless, and I hope they remember Quay Road.",
])
def test_suffering_wished_on_staff_is_flagged(body: str) -> None:
    assert wished_harm(body)
    assert _triage(body).abusive


@pytest.mark.parametrize("body", [
    "I hope you understand how much I have suffered over the Quay Road fine.",
    "I hope you never have to go through what I went through.",
    "I hope whoever decided the appeal reconsiders it.",
    "I hope my neighbour gets what is coming to him for blocking the road.",
])
def test_no_suffering_wished_on_staff(body: str) -> None:
    assert not wished_harm(body)
    assert not _triage(body).abusive


@pytest.mark.parametrize("body", [
    "We know exactly what time your wardens knock off at the Quay Road office.",
    "I've worked out which way the appeals officer walks home.",
])
def test_knowing_staff_movements_is_flagged(body: str) -> None:
    assert knows_movements(body, ())
    assert _triage(body).abusive


@pytest.mark.parametrize("body", [
    "Your wardens ought to mind themselves walking back to their cars after dark.",
    "That appeals officer had better watch her back.",
])
def test_warning_to_watch_themselves_is_flagged(body: str) -> None:
    assert warned_to_watch(body, ())
    assert _triage(body).abusive


@pytest.mark.parametrize("body", [
    "I know where your parking office is; I have queued there twice.",
    "I know when your wardens start because they ticket everyone at 8am sharp.",
    "Your wardens should watch themselves on the Quay Road bend, it is dangerous.",
    "I will make sure your contractor pays for the damage to my wing mirror.",
])
def test_lawful_or_ordinary_remarks_about_staff_are_not_threats(body: str) -> None:
    assert not found_abusive_by_rules(_triage(body))


@pytest.mark.parametrize("body", [
    "Some mornings I think it would be easier never to wake up again.",
    "Honestly, what is the point of any of it now.",
    "I feel like I've become a burden to my whole family.",
    "I just wish I could disappear.",
])
def test_passive_ideation_is_escalated_as_safeguarding(body: str) -> None:
    decision = _triage(body)
    assert decision.action == "escalate"
    assert decision.category == "safeguarding"


@pytest.mark.parametrize("body", [
    "What is the point of appealing when you never read anything?",
    "This whole appeal process is hopeless.",
    "I'd rather the street cleaner didn't wake me up at six.",
])
def test_exasperation_is_not_ideation(body: str) -> None:
    assert _triage(body).category != "safeguarding"


@pytest.mark.parametrize("body", [
    "If the fine has to stand, could I pay it in three instalments?",
    "My daughter would like to know whether the resident permit can be moved into her name.",
    "I was wondering if I could apply for a dropped kerb outside number 9.",
])
def test_conditional_and_indirect_requests_are_new(body: str) -> None:
    assert _triage(body).action == "escalate"


def test_rhetorical_wondering_is_not_a_request() -> None:
    assert _triage("I wonder how you would feel with a fine like that on Quay Road.").action == (
        "file")


def test_fault_in_new_works_is_new() -> None:
    body = "They came and repainted the lines but they are on the wrong side of the road now."
    assert _triage(body).action == "escalate"


def test_pests_named_with_an_insult_word_are_a_new_matter() -> None:
    decision = _triage("I've now spotted three rats by the bins behind my flat.")
    assert decision.action == "escalate"
    assert not decision.abusive


def test_rats_called_at_staff_are_an_insult_not_pests() -> None:
    decision = _triage("Your wardens are rats, the Quay Road fine is still wrong.")
    assert decision.abusive
    assert decision.action == "file"


def test_hate_incident_reported_by_its_victim_is_new() -> None:
    body = ("A man by the Quay Road meters yelled 'go back to your own country' at me and my "
            "son.")
    decision = _triage(body)
    assert decision.action == "escalate"
    assert not decision.abusive
