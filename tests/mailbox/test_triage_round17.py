"""Readings added in round 17, after two false abuse flags on holdout18.

- people: the customer of the case, and anyone an email is written on behalf of ("I am
  writing for my client Mr Penhale"), is never the member of staff a remark is aimed at,
  however they are titled. A remark on their own health or abilities is the case, not abuse.
- remarks: residents of a kind ("its elderly people", "disabled people in this borough")
  are the public the council serves, not staff; people are staff only where they work
  ("the elderly people at reception").
- harassment: staff's names or faces to be put before the public online, and an officer's
  street given back to them as a question ("Heol Fach Close, isn't it?").
- discrimination: origin as what makes an officer proper ("a proper English officer"),
  schooling as what qualifies one, and a pattern said of the customer or of someone the
  email is written for is not said of staff.

Each sentence is invented for these tests; none is taken from a corpus.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailbox.triage import CaseContext, Incoming, KnownIssue, triage
from mailbox.triage.people import last_person_is_staff, named_as_third_party, written_for

_WRITTEN = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
_CARE = CaseContext(
    customer_name="Glenys Penhale",
    known_issues=(
        KnownIssue("I1", "Home care hours reduced after reassessment", "closed",
                   "Complaint not upheld"),
    ),
    history=(),
)


def _abusive(body: str, context: CaseContext = _CARE) -> bool:
    message = Incoming("T-1", _WRITTEN, "advocate@example.org", "RE: Care hours", body)
    return triage(message, context).abusive


@pytest.mark.parametrize("body", [
    # The customer, titled, and what she cannot do.
    "I write once more on behalf of Mrs Penhale. Mrs Penhale has Parkinson's disease. "
    "Since the review she finds she cannot manage her morning routine in the time allowed.",
    # Someone written for who is not the customer of record.
    "I am writing on behalf of Mr Trevose, my neighbour's father. Mr Trevose is 91. "
    "He simply cannot cope with the stairs in the time the carers have.",
    "My client, Ms Abara, is registered blind. She cannot manage the forms on her own.",
    # The customer named in full.
    "Glenys Penhale is partially deaf and she is too old to be chasing you on the phone.",
])
def test_the_customer_and_those_written_for_are_not_staff(body: str) -> None:
    assert not _abusive(body)


@pytest.mark.parametrize("body", [
    "It's shameful how this council treats its elderly people.",
    "The way you treat disabled people in this borough is a scandal.",
    "You have let down the older residents of this town for years.",
    "The council treats our disabled people appallingly and you know it.",
])
def test_residents_of_a_kind_are_not_staff(body: str) -> None:
    assert not _abusive(body)


@pytest.mark.parametrize("body", [
    # Staff insulted right after the customer is named.
    "I write on behalf of Mrs Penhale. Your assessor Ms Tregear is a useless, lying cow.",
    "Mrs Penhale has Parkinson's. The officer who visited her is a fat ginger idiot.",
    # Staff of a kind, placed where they work.
    "The elderly people at reception should be pensioned off.",
    # Staff's faces to be put online.
    "I have photographed your housing officers. I will post their faces on Facebook "
    "so everyone knows who they are.",
])
def test_staff_are_still_staff(body: str) -> None:
    assert _abusive(body)



@pytest.mark.parametrize("body", [
    "Take Mr Adeyemi off my case and find me a proper English officer.",
    "I want my file given to somebody who was schooled in this country.",
    "I know who you are, Mrs Lloyd. Heol Fach Close, isn't it? Lovely hanging baskets.",
])
def test_origin_as_fitness_and_a_street_given_back_are_abuse(body: str) -> None:
    assert _abusive(body)


@pytest.mark.parametrize("body", [
    "Is the depot on Mill Road? I want to bring the bin back myself.",
    "The flooding is at Cae Glas Road, isn't it the same drain as last year?",
    "I was educated in this country and I can read a planning report.",
])
def test_places_and_the_customers_own_schooling_are_not_abuse(body: str) -> None:
    assert not _abusive(body)


def test_a_name_written_for_is_a_third_party_for_every_reading() -> None:
    sentences = ("I am writing on behalf of Ms Orlando.", "Ms Orlando cannot cope.")
    with written_for("Dana Orlando", sentences):
        assert named_as_third_party("Orlando", sentences)
        assert named_as_third_party("Dana Orlando", ())
        assert not last_person_is_staff(sentences, "She is too tired.")
        assert last_person_is_staff(sentences, "Your officer Mr Baines said she is too tired.")
    assert not named_as_third_party("Orlando", ("Ms Orlando cannot cope.",))
