"""Holding a review: continue, vary or lift a restriction, and tell the customer.

Every policy says a restriction is reviewed (every three, six or twelve
months), because an arrangement that was proportionate once may not be now.
A review is recorded against the date it was due, its outcome is applied to
the restriction at once, and the outcome letter is opened with the policy's
send-by date (the managed contact register council tells the customer
"within 7 working days of the review decision"), so a letter that goes late
shows as late. The review, the change, the letter record and the audit
entry are one unit of work: the register never shows a review whose outcome
was not applied, or an outcome nobody was asked to write to the customer.

Who may review: managers and administrators (`access.may_decide`), and a
manager only for restrictions in their own service or council-wide ones
(`access.may_see_full_record`). The preset's `review.reviewed_by` job titles
are not enforced: councils name reviewers loosely ("business manager",
"Customer Feedback Team") and the review is audited under the reviewer's name.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import date

from register.access import Refusal, may_decide, may_see_full_record
from register.audit import AuditAction, AuditEntry
from register.correspondence import open_outcome_letter
from register.decision_ports import DecisionSession, DecisionStore
from register.decision_records import LetterRecord
from register.decisions import officer
from register.errors import InvalidInput
from register.ids import utcnow
from register.lifecycle import review_due
from register.policy import Preset
from register.restrictions import Restriction, Status, check_params
from register.reviews import Appeal, Review, ReviewOutcome
from register.staff import StaffMember

# A lapsed restriction may be reviewed, so that it can be re-imposed (the
# scheduler's overdue notice says "re-impose it only after a review").
REVIEWABLE = frozenset({Status.ACTIVE, Status.UNDER_APPEAL, Status.LAPSED})


@dataclass(frozen=True, slots=True)
class ReviewRecorded:
    """A review held: the review, the restriction as it now stands, and its outcome letter.

    `letter` is None for a restriction on a property: there is no customer to write to.
    """

    review: Review
    restriction: Restriction
    letter: LetterRecord | None


class _SameUnit:
    """A `DecisionStore` whose transaction is one already open.

    `correspondence.open_outcome_letter` opens its own unit of work; handing
    it this keeps the letter in the review's transaction, so both are saved
    or neither is.
    """

    def __init__(self, session: DecisionSession) -> None:
        self._session = session

    def transaction(self) -> nullcontext[DecisionSession]:
        return nullcontext(self._session)


def within(session: DecisionSession) -> DecisionStore:
    """A store that works inside `session`'s transaction (see `_SameUnit`)."""
    return _SameUnit(session)


def outcome_letter(
    session: DecisionSession,
    preset: Preset,
    restriction: Restriction,
    about: Review | Appeal,
    by: StaffMember,
    on: date,
) -> LetterRecord | None:
    """Open the outcome letter in this unit of work; None for a property (nobody to write to)."""
    if restriction.person_id is None:
        return None
    return open_outcome_letter(within(session), preset, restriction.id, about, by, on)


# ---- Checks -----------------------------------------------------------------------


def _who_may_not(reviewer: StaffMember, restriction: Restriction) -> Refusal | None:
    if not may_decide(reviewer):
        return Refusal("Only a manager can record a review. Ask your service manager.")
    if not may_see_full_record(reviewer, restriction):
        return Refusal(
            f"This restriction belongs to {restriction.scope_label}; "
            "a manager in that service must review it."
        )
    return None


def _not_reviewable(restriction: Restriction, held_on: date) -> Refusal | None:
    if restriction.status not in REVIEWABLE:
        return Refusal(
            f"A {restriction.status.value.replace('_', ' ')} restriction is not reviewed."
        )
    if held_on < restriction.start:
        return Refusal("A review cannot be held before the restriction started.")
    return None


def _varied_params(current: Mapping[str, str], changes: Mapping[str, str]) -> dict[str, str]:
    """The current parameters updated by `changes`; a change with no value removes that one."""
    merged = {**current, **{name.strip(): value.strip() for name, value in changes.items()}}
    return {name: value for name, value in merged.items() if value}


def _outcome_refusal(
    restriction: Restriction,
    outcome: ReviewOutcome,
    varied_params: Mapping[str, str] | None,
    new_end: date | None,
) -> Refusal | None:
    """Why these details do not fit the outcome chosen, if they do not."""
    if outcome is ReviewOutcome.LIFT:
        if restriction.status is Status.LAPSED:
            return Refusal("This restriction has already lapsed; there is nothing to lift.")
        if varied_params or new_end:
            return Refusal("A lifted restriction takes no new parameters or end date.")
        return None
    if outcome is ReviewOutcome.CONTINUE and (varied_params or new_end):
        return Refusal(
            "Continuing means no change. To change the parameters or the end date, "
            "record the outcome as vary."
        )
    if outcome is ReviewOutcome.VARY and not (varied_params or new_end):
        return Refusal("Say what changes: give the new parameters or a new end date.")
    if new_end is not None and new_end < restriction.start:
        return Refusal("The new end date is before the restriction started.")
    if varied_params:
        try:
            check_params(restriction.kind, _varied_params(restriction.params, varied_params))
        except InvalidInput as error:
            return Refusal(f"The varied arrangement is not complete: {error}.")
    return None


# ---- Applying the outcome -------------------------------------------------------------


def _applied(
    preset: Preset,
    restriction: Restriction,
    outcome: ReviewOutcome,
    held_on: date,
    varied_params: Mapping[str, str] | None,
    new_end: date | None,
) -> Restriction:
    """The restriction after the review: lifted, or in force with its next review set."""
    if outcome is ReviewOutcome.LIFT:
        return replace(restriction.moved_to(Status.LIFTED), next_review=None, updated_at=utcnow())
    kept = (
        restriction.moved_to(Status.ACTIVE) if restriction.status is Status.LAPSED else restriction
    )
    params = _varied_params(kept.params, varied_params or {})
    return replace(
        kept,
        params=params,
        provisional_end=new_end or kept.provisional_end,
        next_review=review_due(held_on, preset, kept.stage),
        updated_at=utcnow(),
    )


def _detail(review: Review, before: Restriction, after: Restriction, letter: str) -> str:
    parts = [f"review {review.id} due {review.due_on}"]
    if before.status is not after.status:
        parts.append(f"status {before.status.value} -> {after.status.value}")
    if before.params != after.params:
        parts.append(f"parameters changed: {', '.join(sorted(after.params))}")
    if before.provisional_end != after.provisional_end:
        parts.append(f"end date {after.provisional_end}")
    if after.next_review:
        parts.append(f"next review {after.next_review}")
    parts.append(letter)
    return "; ".join(parts)


def record_review(
    store: DecisionStore,
    preset: Preset,
    restriction_id: str,
    reviewer: StaffMember,
    held_on: date,
    outcome: ReviewOutcome,
    considerations: str,
    *,
    varied_params: Mapping[str, str] | None = None,
    new_end: date | None = None,
) -> ReviewRecorded | Refusal:
    """Record a review, apply its outcome, open the outcome letter and audit it, together.

    Varying merges `varied_params` into the current parameters (a name given
    with an empty value removes it) and checks the result is a complete
    arrangement of the same type; a different type of restriction is a new
    decision, proposed on the ladder. Continue and vary set the next review
    from the day this one was held; lift ends the restriction.
    """
    if not considerations.strip():
        return Refusal("Record what the review considered; the customer's letter gives it.")
    with store.transaction() as session:
        restriction = session.restriction(restriction_id)
        if restriction is None:
            return Refusal("That restriction is not in the register.")
        refusal = (
            _who_may_not(reviewer, restriction)
            or _not_reviewable(restriction, held_on)
            or _outcome_refusal(restriction, outcome, varied_params, new_end)
        )
        if refusal:
            return refusal
        review = Review(
            restriction.id,
            restriction.next_review or held_on,
            held_on,
            officer(reviewer),
            outcome,
            considerations.strip(),
        )
        after = _applied(preset, restriction, outcome, held_on, varied_params, new_end)
        session.add(review)
        session.update(after)
        letter = outcome_letter(session, preset, after, review, reviewer, held_on)
        words = f"review outcome letter {letter.id}" if letter else "no letter (property entry)"
        session.audit(
            AuditEntry(
                reviewer.id,
                AuditAction.UPDATE,
                "restriction",
                restriction.id,
                f"review held: {outcome.label}",
                _detail(review, restriction, after, words),
            )
        )
    return ReviewRecorded(review, after, letter)
