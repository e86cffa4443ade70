"""Readings added in round 13, after the misses of holdout13 and holdout14.

- standing: a member of staff put down for who they are with no insult word: a woman's
  "place", sexual remarks, mocked gender expression, an adult officer treated as a child,
  "send him back", and their safety put in doubt (`standing`, `lexicon.standing`).

Each sentence is invented for these tests; none is taken from a corpus.
"""

from __future__ import annotations

import pytest

from mailbox.triage.epithets import bare_epithet
from mailbox.triage.standing import denies_standing
from tests.mailbox.triage_helpers import triage_quay_road as _triage

_OFFICER = ("The appeal was refused by Ms Pritchard in the parking team.",)


@pytest.mark.parametrize(("body", "group"), [
    # Sex: where a woman belongs, a "proper" man wanted instead.
    ("She ought to be in the kitchen, not deciding parking appeals.", "sex"),
    ("Frankly she would be better off at home raising a family.", "sex"),
    ("Next time put a real man on it, a proper officer.", "sex"),
    ("Get me a proper bloke who understands cars.", "sex"),
    ("Women her age should not be making decisions like this.", "sex"),
    ("No woman should talk to a ratepayer like that.", "sex"),
    # Sexual remarks.
    ("She can come and explain it in a short skirt if she likes.", "sexual remark"),
    ("Tell her I'd give her one if she smiled more.", "sexual remark"),
    ("She has nice legs, I'll give her that, but no brains.", "sexual remark"),
    # Gender expression mocked.
    ("He came mincing in like it was a fashion show.", "gender expression"),
    ("He was prancing about the car park waving his pen.", "gender expression"),
    ("That limp-wristed clerk had no answer for me.", "gender expression"),
    # A grown officer treated as a child.
    ("Is anybody supervising her, or is she let loose on the public alone?", "infantilising"),
    ("Maybe someone could explain the long words to her with crayons.", "infantilising"),
    ("Do you let him use the scissors yet?", "infantilising"),
    ("I expect his mummy helps him with the letters.", "infantilising"),
    # Sent back.
    ("They ought to ship her back to Lagos.", "belonging"),
    ("Deport him back where his family came from.", "belonging"),
    # A woman's place (an entry broken over two lines once lost the space after "stay").
    ("She should stay in the kitchen, not run a housing office.", "sex"),
    ("She would be better off at home with the kids.", "sex"),
    # Safety put in doubt.
    ("She might want to think about how safe she is on that car park at night.", "safety"),
    ("I would not want to be in his shoes when the lads find out.", "safety"),
    ("If something happens to her on the way home, don't say I didn't warn you.", "safety"),
])
def test_put_down_of_staff_for_who_they_are_is_flagged(body: str, group: str) -> None:
    assert denies_standing(body, _OFFICER) == group
    assert _triage(body).abusive


@pytest.mark.parametrize("body", [
    # Criticism of work, and of the council as an institution.
    "Ms Pritchard got the dates wrong and nobody is supervising the appeals process.",
    "Your parking policy is a disgrace and the whole department should be ashamed.",
    # Ordinary words that share a phrase's letters.
    "The fitter came and fitted the new door; it doesn't fit the frame.",
    "Please put it back where it was before the works.",
    "The hospital sent her home on Friday and she can't walk.",
    "The skip is so big you cannot get past it on the pavement.",
    # The customer's own life and family.
    "I should be at home looking after my children, not chasing this appeal.",
    "My mum has to cut my food up since the stroke.",
    "My neighbour should think about how safe his dog is off the lead.",
    # Lawful warnings and the customer's own worries.
    "Accidents waiting to happen: the kerb at Quay Road is broken.",
    "I am worried about how safe my daughter feels walking to school past the works.",
])
def test_ordinary_sentences_are_not_put_downs(body: str) -> None:
    assert denies_standing(body, _OFFICER) is None


def test_a_put_down_of_staff_is_not_a_new_matter() -> None:
    body = ("I have read Ms Pritchard's letter about the Quay Road fine again. Do they let her use"
            " the stapler unsupervised yet? I still say the fine was wrong.")
    decision = _triage(body)
    assert decision.abusive
    assert any(h.rule == "disparagement" for h in decision.hits)


def test_a_neighbour_put_down_is_not_staff_abuse() -> None:
    body = ("My neighbour at number 12 says I should be at home making babies. "
            "He should be sent back where his family came from, he says the same of me.")
    assert denies_standing(body.split(". ")[0]) is None


_NAMED_STAFF = ("That is what your housing officers are, the whole office of them.",)


@pytest.mark.parametrize("body", [
    "Useless parasites.",
    "Jumped-up leeches, every last one of you.",
    "Grinning baboons, the lot of them, with their clipboards.",
    "Filthy rats, all of you in that office.",
    "Scum, the whole sorry crew.",
])
def test_a_bare_epithet_after_staff_are_named_is_an_insult(body: str) -> None:
    assert bare_epithet(body, _NAMED_STAFF)


@pytest.mark.parametrize(("body", "earlier"), [
    # Creatures reported for real.
    ("Rats, everywhere in the kitchen.", _NAMED_STAFF),
    ("Maggots in the bin again.", ("I reported it to your officer last week.",)),
    ("Cockroaches.", ("Your officer came on Monday.",)),
    # A clause, not a bare epithet; an insult with nobody named.
    ("He's a lying toerag who has conned your officer.", ("My neighbour at number 4 again.",)),
    ("Parasites.", ("The roof is leaking again.",)),
])
def test_creatures_reported_and_clauses_are_not_bare_epithets(
        body: str, earlier: tuple[str, ...]) -> None:
    assert not bare_epithet(body, earlier)
