"""The sections letters are made of, one function per section.

Each function returns one `Section` whose `part` names what the policy
asks the letter to contain; `register.letters` chooses which sections a
letter has and in what order. Wording is for the customer: see
`register.letter_wording`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from register.decision_records import StepSkip
from register.letter_wording import (
    arrangement,
    long_date,
    ombudsman_lines,
    scope,
    step_name,
    still_open,
)
from register.lifecycle import appeal_deadline, appeal_right, minimum_monitoring_end, review_due
from register.policy import Preset
from register.restrictions import Restriction
from register.vocabulary import Labelled


class LetterPart(Labelled):
    """What a letter must say, as the policies list it; the keys tests check for."""

    DECISION = "decision"
    REASONS = "reasons"
    SKIPPED_STEPS = "skipped_steps"
    ARRANGEMENTS = "arrangements"
    DURATION = "duration"
    MONITORING = "monitoring"
    IF_IT_CONTINUES = "if_it_continues"
    STILL_OPEN = "still_open"
    REVIEW = "review"
    APPEAL = "appeal"
    OMBUDSMAN = "ombudsman"
    OUTCOME = "outcome"


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and its paragraphs; a newline inside a paragraph is a line break."""

    part: LetterPart
    heading: str
    paragraphs: tuple[str, ...]


def _the(title: str) -> str:
    """'Group Director' -> 'the Group Director'; 'an officer who...' stays as it is."""
    first = title.split(" ", 1)[0].casefold()
    return title if first in {"a", "an", "the"} else f"the {title}"


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def decision(preset: Preset, first: Restriction) -> Section:
    only_warnings = "a warning" if first.kind.value == "warning" else "how we will manage it"
    return Section(
        LetterPart.DECISION,
        "Our decision",
        (
            f"We are writing to tell you about a decision we have made about your contact with "
            f"us, under our {preset.policy_title}. This letter sets out {only_warnings}.",
            f"This decision is at {step_name(preset.step(first.stage))} of our policy.",
        ),
    )


def reasons(restrictions: Sequence[Restriction]) -> Section:
    given = list(dict.fromkeys(r.reasons.strip() for r in restrictions))
    return Section(
        LetterPart.REASONS,
        "Why we have made this decision",
        ("We consider that your behaviour or contact has been unreasonable, because:", *given),
    )


def skipped(preset: Preset, skip: StepSkip) -> Section:
    names = [step_name(preset.step(key)) for key in skip.skipped_steps]
    those = "that step" if len(names) == 1 else "those steps"
    return Section(
        LetterPart.SKIPPED_STEPS,
        "Why we have acted straight away",
        (
            f"Our policy usually begins with {_and(names)}. We have not taken {those} in your "
            "case, for this reason:",
            skip.reason.strip(),
        ),
    )


def arrangements(restrictions: Sequence[Restriction]) -> Section:
    lines = [arrangement(r) for r in restrictions]
    lines.extend(dict.fromkeys(scope(r) for r in restrictions))
    return Section(LetterPart.ARRANGEMENTS, "What this means for you", tuple(lines))


def duration(restrictions: Sequence[Restriction]) -> Section:
    start = min(r.start for r in restrictions)
    ends = {r.provisional_end for r in restrictions}
    end = ends.pop() if len(ends) == 1 else None
    lasting = (
        f"They are planned to end on {long_date(end)}, unless a review finds they are still needed."
        if end
        else "They have no fixed end date. They will stay in place until a review decides they "
        "are no longer needed."
    )
    return Section(
        LetterPart.DURATION,
        "How long this will last",
        (f"These arrangements start on {long_date(start)}. {lasting}",),
    )


def monitoring(preset: Preset, first: Restriction) -> Section:
    end = minimum_monitoring_end(first.start, preset, first.stage)
    months = preset.step(first.stage).minimum_monitoring_months
    return Section(
        LetterPart.MONITORING,
        "Monitoring period",
        (
            f"We will monitor your contact with us for at least {months} months, until at least "
            f"{long_date(end or first.start)}. We may extend this period if we need to.",
        ),
    )


def if_it_continues(preset: Preset, first: Restriction) -> Section:
    keys = preset.step_keys
    at = keys.index(first.stage)
    nxt = (
        f"If the behaviour continues, we may move to the next stage of our policy: "
        f"{step_name(preset.steps[at + 1])}."
        if at + 1 < len(keys)
        else "If the behaviour continues, we may take further action under our policy."
    )
    return Section(
        LetterPart.IF_IT_CONTINUES,
        "If the behaviour continues",
        (
            nxt,
            "If you do not keep to these arrangements, we may not reply to contact outside them.",
        ),
    )


def services_still_open(preset: Preset) -> Section:
    return Section(LetterPart.STILL_OPEN, "Council services and new complaints", still_open(preset))


def next_review(preset: Preset, restrictions: Sequence[Restriction], held_on: date) -> Section:
    due = min(r.next_review or review_due(held_on, preset, r.stage) for r in restrictions)
    notice = preset.review.outcome_notice
    within = f" within {notice.label} of the review" if notice else ""
    return Section(
        LetterPart.REVIEW,
        "Review",
        (
            f"We will review these arrangements by {long_date(due)}.",
            f"We will write to tell you the outcome of the review{within}.",
        ),
    )


def _appeal_allowed(preset: Preset, dated: date, stage: str) -> tuple[str, ...]:
    rule = preset.appeal
    deadline = appeal_deadline(dated, preset, stage)
    by = f", by {long_date(deadline)}" if deadline else ""
    lines = [
        "If you disagree with this decision, you can appeal. Please write to "
        f"{_the(rule.send_to or '')}, explaining why you disagree{by}."
    ]
    if deadline is None:
        lines.append("Our policy sets no time limit for an appeal, but please write soon.")
    if rule.address:
        lines.append("\n".join((rule.send_to or "", *rule.address)))
    if rule.email:
        lines.append(f"You can also email your appeal to {rule.email}.")
    lines.append(f"Your appeal will be considered by {_the(rule.heard_by or '')}.")
    if rule.restrictions_stay_in_force:
        lines.append("The arrangements stay in place while your appeal is considered.")
    return tuple(lines)


def appeal(preset: Preset, dated: date, stage: str) -> Section:
    """The appeal route and deadline, or a plain statement that there is none."""
    if appeal_right(preset, stage).allowed:
        lines = _appeal_allowed(preset, dated, stage)
        return Section(LetterPart.APPEAL, "Your right of appeal", lines)
    when = "under our policy" if not preset.appeal.allowed else "at this stage of our policy"
    return Section(
        LetterPart.APPEAL,
        "Your right of appeal",
        (
            f"There is no right of appeal against this decision {when}. If you are unhappy "
            "with it, you can contact the Ombudsman (see below).",
        ),
    )


def ombudsman(preset: Preset) -> Section:
    several = len(preset.ombudsman) > 1
    return Section(
        LetterPart.OMBUDSMAN,
        "If you are still unhappy",
        (
            "You can ask an independent Ombudsman to look at your complaint:",
            *("\n".join(ombudsman_lines(body, say_what_for=several)) for body in preset.ombudsman),
        ),
    )


def outcome(heading: str, *paragraphs: str) -> Section:
    return Section(LetterPart.OUTCOME, heading, tuple(p for p in paragraphs if p))
