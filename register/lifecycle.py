"""Lifecycle dates and decisions: what a council's policy says is due, and when.

Pure functions over a preset and dates, so the scheduler, the bot and the
letters all agree on one answer. Month arithmetic uses dateutil's
relativedelta, which keeps to the end of a short month (31 January plus
one month is 28 or 29 February) rather than spilling into March.
Working days follow `register.calendar`: day 1 is the first working day
after the start date.

Deadlines that fall on a weekend or bank holiday are not moved: the
policies count to a date, and none of them says to extend it. Reminders
to staff are moved earlier, so nobody is reminded after the fact.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from register.calendar import calendar_for
from register.policy import Deadline, DeadlineUnit, Preset, RetentionAction, Step


def add_months(day: date, months: int) -> date:
    """`day` plus whole months, kept within a short month (31 Jan + 1 = 28/29 Feb)."""
    moved: date = day + relativedelta(months=months)
    return moved


def date_after(start: date, deadline: Deadline, preset: Preset) -> date:
    """The last day of `deadline` counted from `start` in the preset's nation."""
    if deadline.unit is DeadlineUnit.WORKING_DAYS:
        return calendar_for(preset.nation).add_working_days(start, deadline.amount)
    if deadline.unit is DeadlineUnit.MONTHS:
        return add_months(start, deadline.amount)
    return start + timedelta(days=deadline.amount)


# ---- Reviews -----------------------------------------------------------------


def _review_months(preset: Preset, step: Step) -> int:
    return step.review_interval_months or preset.review.interval_months


def review_due(decided_on: date, preset: Preset, step: str) -> date:
    """When a restriction at `step`, decided on `decided_on`, is next due for review."""
    return add_months(decided_on, _review_months(preset, preset.step(step)))


def latest_review_due(decided_on: date, preset: Preset, step: str) -> date:
    """The latest a review may be put back to (Oxfordshire: usually 3 months, at most 6)."""
    months = preset.review.max_interval_months or _review_months(preset, preset.step(step))
    return add_months(decided_on, months)


def review_reminders(due: date, preset: Preset) -> tuple[date, ...]:
    """When to remind the reviewing officer (by default two weeks and two days before).

    A reminder that falls on a weekend or bank holiday goes out on the
    working day before, so it is never late.
    """
    calendar = calendar_for(preset.nation)
    days = sorted(preset.review.reminder_days_before, reverse=True)
    return tuple(calendar.working_day_on_or_before(due - timedelta(days=n)) for n in days)


def outcome_notice_deadline(review_date: date, preset: Preset) -> date | None:
    """The date the customer must be told a review's outcome by; None if the policy sets none."""
    rule = preset.review.outcome_notice
    return None if rule is None else date_after(review_date, rule, preset)


def minimum_monitoring_end(decided_on: date, preset: Preset, step: str) -> date | None:
    """The earliest a step's monitoring period may end; None if the step has no minimum."""
    months = preset.step(step).minimum_monitoring_months
    return None if months is None else add_months(decided_on, months)


def property_review_due(recorded_on: date, preset: Preset) -> date:
    """When a property entry is next reviewed: it may stay while the risk exists, but is checked."""
    months = preset.property_entries.review_interval_months or preset.review.interval_months
    return add_months(recorded_on, months)


# ---- Retention ----------------------------------------------------------------


def retention_due(last_activity: date, preset: Preset) -> date | None:
    """When a closed case is due for deletion; None where the policy keeps the file."""
    rule = preset.retention
    if rule.closed_cases is RetentionAction.KEEP or rule.months_after_last_activity is None:
        return None
    return add_months(last_activity, rule.months_after_last_activity)


# ---- Appeals ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AppealRight:
    """Whether a customer may appeal a decision at a step, and what to tell them."""

    allowed: bool
    reason: str
    deadline: Deadline | None = None


def appeal_right(
    preset: Preset, step: str, *, health_and_safety_exclusion: bool = False
) -> AppealRight:
    """The customer's right of appeal against a decision at `step`, with the reason in words."""
    rule, at = preset.appeal, preset.step(step)
    if not rule.allowed:
        return AppealRight(False, f"{preset.council}'s policy gives no right of appeal.")
    if health_and_safety_exclusion and rule.not_against_health_and_safety_exclusion:
        return AppealRight(
            False, "There is no right of appeal against an exclusion made for health and safety."
        )
    if at.key not in rule.applies_to_steps:
        open_to = " or ".join(preset.step(key).label for key in rule.applies_to_steps)
        return AppealRight(False, f"An appeal is possible only at {open_to}, not at {at.label}.")
    when = (
        f"within {rule.deadline.label} of the {rule.counts_from.value.replace('_', ' ')}"
        if rule.deadline
        else "at any time (the policy sets no time limit)"
    )
    reason = f"The customer may appeal to the {rule.send_to} {when}."
    return AppealRight(True, reason, rule.deadline)


def appeal_deadline(
    decided_or_told_on: date,
    preset: Preset,
    step: str,
    *,
    health_and_safety_exclusion: bool = False,
) -> date | None:
    """The last day to appeal; None where there is no appeal or no time limit.

    Pass the decision date or the date the customer was told, as the
    preset's `appeal.counts_from` says; `appeal_right` explains a None.
    """
    right = appeal_right(preset, step, health_and_safety_exclusion=health_and_safety_exclusion)
    if not right.allowed or right.deadline is None:
        return None
    return date_after(decided_or_told_on, right.deadline, preset)


# ---- Skipping steps -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SkipDecision:
    """Whether a manager may go from one step to another, and why; `skipped` lists step keys."""

    allowed: bool
    reason: str
    skipped: tuple[str, ...] = ()
    reasons_must_be_given: bool = False


def _words(grounds: Iterable[str]) -> str:
    return " or ".join(str(ground).replace("_", " ") for ground in grounds) or "no grounds"


def _refusal(step: Step, grounds: frozenset[str]) -> str | None:
    """Why `step` may not be skipped on `grounds`; None if it may."""
    if not step.may_be_skipped:
        return f"{step.label} cannot be skipped."
    if grounds & set(step.skip_grounds):
        return None
    return (
        f"{step.label} may be skipped only for {_words(step.skip_grounds)}, "
        f"not for {_words(sorted(grounds))}."
    )


def skip_allowed(
    preset: Preset, from_step: str | None, to_step: str, grounds: Iterable[str]
) -> SkipDecision:
    """May a case go from `from_step` (None: not yet on the ladder) straight to `to_step`?

    Every step in between must be skippable on at least one of the grounds
    given. Moving to the next step, or back down, skips nothing.
    """
    keys = preset.step_keys
    start = -1 if from_step is None else keys.index(preset.step(from_step).key)
    end = keys.index(preset.step(to_step).key)
    between = preset.steps[start + 1 : end]
    if not between:
        return SkipDecision(True, "No step is skipped.")
    given = frozenset(str(ground) for ground in grounds)
    for step in between:
        refusal = _refusal(step, given)
        if refusal:
            return SkipDecision(False, refusal)
    labels = " and ".join(step.label for step in between)
    matched = [ground for ground in between[0].skip_grounds if ground in given]
    reasons = any(step.reasons_given_when_skipped for step in between)
    reason = f"{labels} may be skipped for {_words(matched)}."
    if reasons:
        reason += " The customer must be told why immediate action was needed."
    return SkipDecision(True, reason, tuple(step.key for step in between), reasons)
