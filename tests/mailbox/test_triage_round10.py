"""Mechanisms added after holdout10: harm wished on staff in any mood (a harm predicate whose
patient is staff), insults that name no insult (mocking comparisons, idioms of unfitness,
lists of put-downs said of people), a place adverb after a person ("the manager there is"),
and polite discrimination by age or origin ("plainly past it", "handled by someone British").

Each message is invented; none is taken from a corpus.
"""

from __future__ import annotations

import pytest

from tests.mailbox.triage_helpers import found_abusive_by_rules
from tests.mailbox.triage_helpers import triage_quay_road as _triage


@pytest.mark.parametrize("body", [
    "Whoever refused my appeal ought to be hung from the nearest tree. Still not paying.",
    "That warden deserves to be horsewhipped for the fine on Quay Road.",
    "I'd like to see them rot for this fine.",
    "Someone should string him up, your appeals officer.",
])
def test_harm_wished_on_staff_is_flagged(body: str) -> None:
    assert _triage(body).abusive


@pytest.mark.parametrize("body", [
    "Your appeals man has the brains of a goldfish if he thinks that sign is visible.",
    "The warden couldn't find a car in a car park.",
    "Hopeless, clueless and lazy, the lot of you. The fine is still wrong.",
    "The supervisor there is a lazy fat cow.",
])
def test_put_downs_at_staff_are_flagged(body: str) -> None:
    assert _triage(body).abusive


@pytest.mark.parametrize("body", [
    "Your appeals officer is clearly past it and should retire.",
    "I want my appeal handled by someone British this time.",
    "I doubt people from his sort of background understand parking here.",
])
def test_polite_discrimination_is_flagged(body: str) -> None:
    assert _triage(body).abusive


@pytest.mark.parametrize("body", [
    "The man who keyed my car on Quay Road should be locked up.",
    "My neighbour, who blocks the road every day, deserves a fine too.",
    "The sign is small, faded and hidden, and the fine is still wrong.",
    "Your appeals officer should be sacked for refusing it.",
    "I hope the fine is cancelled.",
])
def test_criticism_and_third_parties_are_not_flagged(body: str) -> None:
    assert not found_abusive_by_rules(_triage(body))
