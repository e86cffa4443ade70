"""Holding reviews on the real databases: continue, vary, lift, and the letter that follows."""

from __future__ import annotations

from datetime import date

import pytest

from register.access import Refusal
from register.correspondence import letter_content
from register.decision_records import LetterKind
from register.letters import Letter
from register.policy import load_preset
from register.restrictions import RestrictionType, Status
from register.reviewing import ReviewRecorded, record_review
from register.reviews import ReviewOutcome
from register.schedule.model import Case
from register.schedule.reviews import review_date
from register.staff import StaffMember
from store.repository import SqlRegisterStore
from tests.register.lifecycle_world import HEAD, OFFICER, PLANNER, World, build_world

MCRC = load_preset("managed-contact-register-council")
HELD = date(2026, 10, 1)  # a Thursday; no bank holiday in the next fortnight


@pytest.fixture
def world(store: SqlRegisterStore) -> World:
    return build_world(store)


def _review(
    world: World,
    restriction_id: str,
    outcome: ReviewOutcome,
    *,
    by: StaffMember = HEAD,
    held_on: date = HELD,
    params: dict[str, str] | None = None,
    new_end: date | None = None,
) -> ReviewRecorded | Refusal:
    return record_review(
        world.store,
        MCRC,
        restriction_id,
        by,
        held_on,
        outcome,
        "No incidents since the arrangement started; calls are now civil.",
        varied_params=params,
        new_end=new_end,
    )


def test_continuing_sets_the_next_review_and_opens_a_letter_due_in_seven_working_days(
    world: World,
) -> None:
    restriction = world.restriction("managed-contact-register-council", "stage-2")
    done = _review(world, restriction.id, ReviewOutcome.CONTINUE)
    assert isinstance(done, ReviewRecorded)
    saved = world.saved(restriction.id)
    assert saved.status is Status.ACTIVE
    assert saved.next_review == date(2027, 4, 1)  # every six months from the review
    [review] = world.reviews(restriction.id)
    assert review.due_on == date(2026, 10, 1) and review.held_on == HELD
    assert review.reviewer is not None and review.reviewer.name == "Daniel Frost"
    [letter] = world.letters(restriction.id)
    assert letter.kind is LetterKind.REVIEW_OUTCOME and letter.about_id == review.id
    # "within 7 working days of the review decision": Thursday 1 October -> Monday 12th.
    assert letter.send_by == date(2026, 10, 12)
    assert "review held: continue" in [entry.reason for entry in world.audit(restriction.id)]


def test_the_scheduler_counts_the_review_as_done(world: World) -> None:
    restriction = world.restriction("managed-contact-register-council", "stage-2")
    _review(world, restriction.id, ReviewOutcome.CONTINUE)
    case = Case(world.saved(restriction.id), tuple(world.reviews(restriction.id)))
    assert review_date(case, MCRC) == date(2027, 4, 1)


def test_the_outcome_letter_can_be_written(world: World) -> None:
    restriction = world.restriction("managed-contact-register-council", "stage-2")
    done = _review(world, restriction.id, ReviewOutcome.CONTINUE)
    assert isinstance(done, ReviewRecorded) and done.letter is not None
    letter = letter_content(world.store, MCRC, done.letter.id)
    assert isinstance(letter, Letter)


def test_lifting_ends_the_restriction(world: World) -> None:
    restriction = world.restriction("managed-contact-register-council", "stage-2")
    done = _review(world, restriction.id, ReviewOutcome.LIFT)
    assert isinstance(done, ReviewRecorded)
    saved = world.saved(restriction.id)
    assert saved.status is Status.LIFTED and not saved.in_force
    assert saved.next_review is None
    assert [letter.kind for letter in world.letters(restriction.id)] == [LetterKind.REVIEW_OUTCOME]


def test_varying_merges_and_checks_the_new_parameters(world: World) -> None:
    restriction = world.restriction("managed-contact-register-council", "stage-2")
    done = _review(
        world,
        restriction.id,
        ReviewOutcome.VARY,
        params={"officer": "", "mailbox": "housing.spoc@council.example"},
        new_end=date(2027, 3, 31),
    )
    assert isinstance(done, ReviewRecorded)
    saved = world.saved(restriction.id)
    assert saved.params == {"mailbox": "housing.spoc@council.example"}
    assert saved.provisional_end == date(2027, 3, 31)
    assert saved.next_review == date(2027, 4, 1)


@pytest.mark.parametrize(
    ("params", "words"),
    [
        ({"officer": ""}, "needs one of: officer, mailbox"),
        ({"colour": "blue"}, "does not take colour"),
    ],
)
def test_varying_into_an_incomplete_arrangement_is_refused(
    world: World, params: dict[str, str], words: str
) -> None:
    restriction = world.restriction("managed-contact-register-council", "stage-2")
    done = _review(world, restriction.id, ReviewOutcome.VARY, params=params)
    assert isinstance(done, Refusal)
    assert words in done.reason
    assert world.reviews(restriction.id) == []
    assert world.saved(restriction.id).params == {"officer": "Tom Hale"}


def test_vary_needs_a_change_and_continue_allows_none(world: World) -> None:
    restriction = world.restriction("managed-contact-register-council", "stage-2")
    vary = _review(world, restriction.id, ReviewOutcome.VARY)
    keep = _review(world, restriction.id, ReviewOutcome.CONTINUE, new_end=date(2027, 1, 1))
    assert isinstance(vary, Refusal) and "Say what changes" in vary.reason
    assert isinstance(keep, Refusal) and "record the outcome as vary" in keep.reason


def test_frontline_staff_cannot_record_a_review(world: World) -> None:
    restriction = world.restriction("managed-contact-register-council", "stage-2")
    done = _review(world, restriction.id, ReviewOutcome.LIFT, by=OFFICER)
    assert isinstance(done, Refusal)
    assert "Only a manager" in done.reason
    assert world.saved(restriction.id).status is Status.ACTIVE
    assert world.letters(restriction.id) == []


def test_a_manager_in_another_service_cannot_review(world: World) -> None:
    restriction = world.restriction("managed-contact-register-council", "stage-2")
    done = _review(world, restriction.id, ReviewOutcome.CONTINUE, by=PLANNER)
    assert isinstance(done, Refusal)
    assert "Housing" in done.reason


def test_a_lapsed_restriction_is_re_imposed_only_by_a_review(world: World) -> None:
    restriction = world.restriction(
        "managed-contact-register-council", "stage-2", status=Status.LAPSED
    )
    assert isinstance(_review(world, restriction.id, ReviewOutcome.LIFT), Refusal)
    done = _review(world, restriction.id, ReviewOutcome.CONTINUE)
    assert isinstance(done, ReviewRecorded)
    assert world.saved(restriction.id).status is Status.ACTIVE


def test_a_review_before_the_start_or_of_a_proposal_is_refused(world: World) -> None:
    active = world.restriction("managed-contact-register-council", "stage-2")
    proposed = world.restriction(
        "managed-contact-register-council",
        "stage-1",
        RestrictionType.WARNING,
        status=Status.PROPOSED,
        params={},
    )
    early = _review(world, active.id, ReviewOutcome.CONTINUE, held_on=date(2026, 3, 1))
    pending = _review(world, proposed.id, ReviewOutcome.CONTINUE)
    assert isinstance(early, Refusal) and "before the restriction started" in early.reason
    assert isinstance(pending, Refusal) and "proposed restriction is not reviewed" in pending.reason
