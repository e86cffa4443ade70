"""The letters a decision, a review or an appeal produces, as structured content.

The policies say what a customer must be told: why their behaviour is
considered unreasonable, the arrangements, how long they last, when they
will be reviewed, how to appeal (or that they cannot), and where to go
next. A `Letter` holds that content as headed sections; renderers in
`letters/` turn it into a .docx from a council's editable template or into
plain text for email. `required_parts` is the policy's checklist, so a
test (or a cautious council) can confirm nothing was left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from register import letter_sections as s
from register.decision_records import LetterKind, StepSkip
from register.errors import InvalidInput
from register.letter_sections import LetterPart, Section
from register.letter_wording import long_date
from register.policy import Preset
from register.restrictions import Officer, Restriction
from register.reviews import Appeal, AppealOutcome, Review, ReviewOutcome
from register.subjects import Person, Property

__all__ = [
    "Letter",
    "LetterPart",
    "Section",
    "appeal_outcome_letter",
    "decision_letter",
    "required_parts",
    "review_outcome_letter",
]


@dataclass(frozen=True, slots=True)
class Letter:
    """Everything a letter says, in order, ready for a template."""

    kind: LetterKind
    council: str
    addressee: tuple[str, ...]  # the customer's name, then address lines
    dated: date
    subject: str
    sections: tuple[Section, ...]
    signer: Officer

    @property
    def salutation(self) -> str:
        return f"Dear {self.addressee[0]}"

    @property
    def date_line(self) -> str:
        return long_date(self.dated)

    @property
    def parts(self) -> frozenset[LetterPart]:
        return frozenset(section.part for section in self.sections)

    def section(self, part: LetterPart) -> Section | None:
        return next((section for section in self.sections if section.part is part), None)


# Every letter of a kind has these parts; the comments say which policy asks for each.
_ALWAYS: dict[LetterKind, frozenset[LetterPart]] = {
    LetterKind.DECISION: frozenset(
        {
            LetterPart.DECISION,
            LetterPart.REASONS,  # all five: why the behaviour is considered unreasonable
            LetterPart.ARRANGEMENTS,  # all five: the action we are taking
            LetterPart.DURATION,  # Welwyn Hatfield 8.1.3, MCRC "the duration of this action"
            LetterPart.REVIEW,  # review date: every policy sets one
            LetterPart.APPEAL,  # route and deadline, or "no right of appeal" (MCRC, Welwyn)
            LetterPart.OMBUDSMAN,
            LetterPart.STILL_OPEN,  # Oxfordshire (d), MCRC, Welwyn 9.1, RCT 9.1
            LetterPart.IF_IT_CONTINUES,  # RCT Stage 1, Oxfordshire (c), Welwyn 7.2.1
        }
    ),
    LetterKind.REVIEW_OUTCOME: frozenset({LetterPart.OUTCOME, LetterPart.OMBUDSMAN}),
    LetterKind.APPEAL_OUTCOME: frozenset({LetterPart.OUTCOME, LetterPart.OMBUDSMAN}),
}

# While arrangements stay in place, the customer is reminded what they are and when
# they will next be reviewed.
_WHILE_IN_PLACE = frozenset({LetterPart.ARRANGEMENTS, LetterPart.REVIEW, LetterPart.STILL_OPEN})


def required_parts(
    preset: Preset,
    kind: LetterKind,
    *,
    step: str | None = None,
    skipped: bool = False,
    outcome: ReviewOutcome | AppealOutcome | None = None,
) -> set[str]:
    """The parts a letter of `kind` must contain under `preset`, as LetterPart keys.

    `step` adds the monitoring period where the step sets a minimum (MCRC
    Stage 1); `skipped` adds the reasons for acting straight away (RCT,
    MCRC); `outcome` drops the arrangements from a letter that ends them.
    """
    parts = set(_ALWAYS[kind])
    if kind is LetterKind.DECISION:
        if skipped:
            parts.add(LetterPart.SKIPPED_STEPS)
        if step is not None and preset.step(step).minimum_monitoring_months:
            parts.add(LetterPart.MONITORING)
    elif outcome not in (ReviewOutcome.LIFT, AppealOutcome.UPHELD):
        parts |= _WHILE_IN_PLACE
    return {str(part) for part in parts}


def _addressee(person: Person, home: Property | None) -> tuple[str, ...]:
    if home is None:
        return (person.name,)
    return (person.name, *(line.strip() for line in home.address.split(",")), home.postcode)


def _first(restrictions: Sequence[Restriction]) -> Restriction:
    if not restrictions:
        raise InvalidInput("a letter needs at least one restriction to describe")
    return restrictions[0]


def _subject(first: Restriction) -> str:
    if first.kind.value == "warning":
        return "A warning about your contact with us"
    return "How we will manage your contact with us"


def decision_letter(
    preset: Preset,
    person: Person,
    home: Property | None,
    restrictions: Sequence[Restriction],
    *,
    dated: date,
    skip: StepSkip | None = None,
) -> Letter:
    """The letter about an approved decision: one step, one or more arrangements."""
    first = _first(restrictions)
    sections = [s.decision(preset, first), s.reasons(restrictions)]
    if skip is not None:
        sections.append(s.skipped(preset, skip))
    sections += [s.arrangements(restrictions), s.duration(restrictions)]
    if preset.step(first.stage).minimum_monitoring_months:
        sections.append(s.monitoring(preset, first))
    sections += [
        s.next_review(preset, restrictions, dated),
        s.if_it_continues(preset, first),
        s.services_still_open(preset),
        s.appeal(preset, dated, first.stage),
        s.ombudsman(preset),
    ]
    return Letter(
        LetterKind.DECISION,
        preset.council,
        _addressee(person, home),
        dated,
        _subject(first),
        tuple(sections),
        first.approved_by or first.decided_by,
    )


_REVIEW_SAYS: dict[ReviewOutcome, str] = {
    ReviewOutcome.CONTINUE: "We have decided that the arrangements will continue unchanged.",
    ReviewOutcome.VARY: "We have decided to change the arrangements. Those that now apply are "
    "set out below.",
    ReviewOutcome.LIFT: "We have decided to end the arrangements. You can now contact us in the "
    "usual way.",
}


def review_outcome_letter(
    preset: Preset,
    person: Person,
    home: Property | None,
    restrictions: Sequence[Restriction],
    review: Review,
    *,
    dated: date,
) -> Letter:
    """The letter telling a customer what a review decided: continue, vary or lift."""
    if review.outcome is None or review.held_on is None or review.reviewer is None:
        raise InvalidInput("a review outcome letter needs a review that has been held")
    first = _first(restrictions)
    said = f"Our reasons: {review.considerations.strip()}" if review.considerations.strip() else ""
    sections = [
        s.outcome(
            "The outcome of the review",
            f"We reviewed the arrangements for managing your contact with us on "
            f"{long_date(review.held_on)}.",
            _REVIEW_SAYS[review.outcome],
            said,
        )
    ]
    if review.outcome is not ReviewOutcome.LIFT:
        sections += _still_in_place(preset, restrictions, review.held_on)
    sections.append(s.ombudsman(preset))
    subject = "The outcome of the review of your contact arrangements"
    return Letter(
        LetterKind.REVIEW_OUTCOME,
        preset.council,
        _addressee(person, home),
        dated,
        subject,
        tuple(sections),
        review.reviewer or first.decided_by,
    )


def _still_in_place(
    preset: Preset, restrictions: Sequence[Restriction], since: date
) -> list[Section]:
    return [
        s.arrangements(restrictions),
        s.next_review(preset, restrictions, since),
        s.services_still_open(preset),
    ]


_APPEAL_SAYS: dict[AppealOutcome, str] = {
    AppealOutcome.UPHELD: "Your appeal has been upheld. This means our decision is withdrawn and "
    "the arrangements in our earlier letter no longer apply.",
    AppealOutcome.NOT_UPHELD: "Your appeal has not been upheld. This means the arrangements in "
    "our earlier letter stay in place.",
    AppealOutcome.WITHDRAWN: "You have withdrawn your appeal, so the arrangements in our earlier "
    "letter stay in place.",
}


def appeal_outcome_letter(
    preset: Preset,
    person: Person,
    home: Property | None,
    restrictions: Sequence[Restriction],
    appeal: Appeal,
    *,
    dated: date,
    signer: Officer,
    reasons: str = "",
) -> Letter:
    """The letter telling a customer whether their appeal was upheld."""
    if appeal.outcome is None:
        raise InvalidInput("an appeal outcome letter needs the appeal's outcome")
    by = appeal.heard_by
    heard = f"Your appeal was considered by {by.name}, {by.job_title}." if by else ""
    sections = [
        s.outcome(
            "The outcome of your appeal",
            f"Thank you for your appeal, which we received on {long_date(appeal.received_on)}.",
            _APPEAL_SAYS[appeal.outcome],
            heard,
            f"Our reasons: {reasons.strip()}" if reasons.strip() else "",
        )
    ]
    if appeal.outcome is not AppealOutcome.UPHELD:
        sections += _still_in_place(preset, restrictions, appeal.decided_on or dated)
    sections.append(s.ombudsman(preset))
    return Letter(
        LetterKind.APPEAL_OUTCOME,
        preset.council,
        _addressee(person, home),
        dated,
        "The outcome of your appeal",
        tuple(sections),
        signer,
    )
