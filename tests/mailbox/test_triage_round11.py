"""Mechanisms added after holdout11: target-first abuse. A member of staff is found by
structure ("your <role>", "whoever runs ...", "one of your <role>s", a titled name), then
what is said of them is read: a noun phrase holding a put-down ("X is a ...", "X, a ...",
"such a ... man"), or harm wished on them ("I hope <target> ... crashes").

Each message is invented; none is taken from a corpus.
"""

from __future__ import annotations

import pytest

from mailbox.triage.targets import described_badly, wished_harm_on
from tests.mailbox.triage_helpers import found_abusive_by_rules
from tests.mailbox.triage_helpers import triage_quay_road as _triage


@pytest.mark.parametrize("body", [
    "Your appeals adviser is a pompous useless windbag. The Quay Road fine is still wrong.",
    "Whoever signed off the Quay Road fine is a pathetic little jobsworth.",
    "The warden on Quay Road, a miserable specimen, gave me the fine anyway.",
    "Tell the appeals officer that nobody could respect such a gutless little man.",
])
def test_put_down_described_of_staff_is_flagged(body: str) -> None:
    assert _triage(body).abusive


@pytest.mark.parametrize("body", [
    "I hope one of your wardens trips under a lorry on Quay Road.",
    "I hope the appeals officer has a nasty accident on the way home.",
    "I hope you crash into a lamppost, then you'll know what Quay Road is like.",
])
def test_harm_wished_on_staff_is_flagged(body: str) -> None:
    assert _triage(body).abusive


@pytest.mark.parametrize("body", [
    "The appeals process is a disgrace and the fine on Quay Road is wrong.",
    "Your parking department is a shambles and a bad joke.",
    "Your wardens are a disgrace over the Quay Road fine.",
    "I hope you will forgive me, but the refusal was heartless.",
    "I hope you never have to suffer a fine like this one.",
    "I hope your officer realises how bad this decision is.",
    "My neighbour is such a vile man, he parks across my drive on Quay Road.",
    "The warden was a victim of the same scam as me.",
    "The appeals officer is a decent woman who made a bad call on Quay Road.",
])
def test_criticism_of_the_service_and_third_parties_is_not_flagged(body: str) -> None:
    assert not found_abusive_by_rules(_triage(body))


def test_a_titled_name_placed_as_a_neighbour_is_not_staff() -> None:
    earlier = ("My neighbour Mr Pell blocks the road every morning.",)
    assert not described_badly("Mr Pell is a nasty piece of work.", earlier)
    assert described_badly("Mr Pell is a nasty piece of work.")


def test_a_wish_without_a_staff_target_is_not_harm() -> None:
    assert not wished_harm_on("I hope the driver who hit my car is punished.")
    assert not wished_harm_on("I hope the damage to the verge is repaired soon.")


def test_the_customers_own_hurt_in_a_wish_is_not_harm_wished() -> None:
    assert not wished_harm_on("I hope you understand how hurt I am by the Quay Road fine.")
