"""Reviews coming due and overdue, for restrictions and premise risks.

A restriction is proportionate only while it is reviewed on time, so the
owner is reminded two weeks and two days before (moved to the working day
before a weekend or bank holiday), and the owner's manager is told on the
first working day after a review date passes with no review held (or the
day after, when the restriction lapses). What happens to the restriction
then is the preset's `when_missed`: FLAG keeps it in force and shows it
overdue; LAPSE ends it.

A reminder is due from its day until the review date, so a sweep after
downtime still sends one it missed (only the latest, if it missed two);
once the date has passed only the overdue notice is relevant.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from register.calendar import calendar_for
from register.errors import InvalidInput
from register.lifecycle import add_months, property_review_due, review_reminders
from register.notices import Notice, NoticeAction, NoticeKind
from register.policy import Preset, WhenReviewMissed
from register.restrictions import Restriction, Status
from register.risks import PremiseRisk
from register.schedule.model import Case, Change, Due
from register.schedule.recipients import Directory
from register.schedule.wording import day, reference, restriction_notice


def _interval_months(restriction: Restriction, preset: Preset) -> int:
    """Months between reviews; a stage the preset does not know uses the default interval."""
    if restriction.property_id is not None and preset.property_entries.review_interval_months:
        return preset.property_entries.review_interval_months
    try:
        step = preset.step(restriction.stage)
    except InvalidInput:
        return preset.review.interval_months
    return step.review_interval_months or preset.review.interval_months


def review_date(case: Case, preset: Preset) -> date | None:
    """The date the restriction's next review is due; None when it is not in force.

    `next_review` is the register's answer. A review held for that date (or
    a later one) without `next_review` being moved on counts as done, and
    the next date runs from when it was held; with no `next_review` the date
    runs from the last review held, or the start.
    """
    restriction = case.restriction
    if not restriction.in_force:
        return None
    held = [r.held_on for r in case.reviews if r.done and r.held_on is not None]
    pending = restriction.next_review
    if pending is not None and not any(r.done and r.due_on >= pending for r in case.reviews):
        return pending
    base = max(held, default=restriction.start)
    return add_months(base, _interval_months(restriction, preset))


def latest_reminder(due: date, today: date, preset: Preset) -> date | None:
    """The latest reminder day on or before today; an earlier one still unsent is superseded.

    After downtime that covered both reminders, the owner gets one notice,
    not two on the same morning.
    """
    passed = [day for day in review_reminders(due, preset) if day <= today]
    return max(passed, default=None)


def reviews_due(today: date, preset: Preset, cases: Iterable[Case], staff: Directory) -> list[Due]:
    """Reminders to owners of reviews coming due, from each reminder day until the review."""
    dues = []
    for case in cases:
        due = review_date(case, preset)
        if due is None or today > due:
            continue
        remind_on = latest_reminder(due, today, preset)
        if remind_on is not None:
            dues += _review_reminders(case, due, remind_on, staff)
    return dues


def _review_reminders(case: Case, due: date, remind_on: date, staff: Directory) -> list[Due]:
    title = f"Review due by {day(due)}"
    line = "Hold the review and record its outcome in Forewarn before that date."
    return [
        Due(
            restriction_notice(NoticeKind.REVIEW_DUE, who, title, case.restriction, line), remind_on
        )
        for who in staff.owners(case)
    ]


def reviews_overdue(
    today: date, preset: Preset, cases: Iterable[Case], staff: Directory
) -> tuple[list[Due], list[Change]]:
    """Overdue notices to owners' managers, and lapses where the preset says so."""
    calendar = calendar_for(preset.nation)
    dues: list[Due] = []
    changes: list[Change] = []
    for case in cases:
        due = review_date(case, preset)
        if due is None or today <= due:
            continue
        change = _missed(case.restriction, due, preset)
        if change:
            changes.append(change)
        # A lapse is news the day it happens: the next sweep no longer sees
        # the restriction as in force, so it could not tell anyone later.
        tell_on = due + timedelta(days=1) if change else calendar.next_working_day(due)
        if tell_on <= today:
            dues += _overdue_notices(case, due, tell_on, change is not None, staff)
    return dues, changes


def _missed(restriction: Restriction, due: date, preset: Preset) -> Change | None:
    """The lapse a missed review causes, if the preset lapses and the status allows it."""
    if preset.review.when_missed is not WhenReviewMissed.LAPSE:
        return None
    if restriction.status is not Status.ACTIVE:  # under appeal: flagged until decided
        return None
    reason = f"review due on {due.isoformat()} was not held; the policy says it lapses"
    return Change(restriction.moved_to(Status.LAPSED), restriction.status, reason)


def _overdue_notices(
    case: Case, due: date, tell_on: date, lapsed: bool, staff: Directory
) -> list[Due]:
    title = f"Review overdue since {day(due)}"
    effect = (
        "Under the policy the restriction has lapsed; re-impose it only after a review."
        if lapsed
        else "The restriction stays in force and is flagged overdue on the register."
    )
    lines = (effect, "Please see that the review is held and recorded.")
    return [
        Due(
            restriction_notice(
                NoticeKind.REVIEW_OVERDUE, who, title, case.restriction, *lines, urgent=True
            ),
            tell_on,
        )
        for who in staff.owners_managers(case)
    ]


# ---- Premise risks -------------------------------------------------------------


def risk_review_date(risk: PremiseRisk, preset: Preset) -> date | None:
    """When a current risk is next checked; it stays while the risk exists, but is reviewed."""
    if not risk.current:
        return None
    return risk.next_review or property_review_due(risk.recorded_on, preset)


def risk_reviews(
    today: date, preset: Preset, risks: Sequence[PremiseRisk], staff: Directory
) -> list[Due]:
    """Review reminders and overdue notices for premise risks, to the register administrators."""
    calendar = calendar_for(preset.nation)
    dues = []
    for risk in risks:
        due = risk_review_date(risk, preset)
        if due is None:
            continue
        if today <= due:
            remind_on = latest_reminder(due, today, preset)
            if remind_on is not None:
                dues.append(_risk_notice(risk, due, remind_on, staff, overdue=False))
        elif calendar.next_working_day(due) <= today:
            dues.append(_risk_notice(risk, due, calendar.next_working_day(due), staff, True))
    return [d for group in dues for d in group]


def _risk_notice(
    risk: PremiseRisk, due: date, on: date, staff: Directory, overdue: bool
) -> list[Due]:
    kind = NoticeKind.REVIEW_OVERDUE if overdue else NoticeKind.REVIEW_DUE
    title = (
        f"Premise risk review overdue since {day(due)}"
        if overdue
        else f"Premise risk review due by {day(due)}"
    )
    lines = (
        f"{risk.hazard.label} ({reference(risk.id)}), recorded {day(risk.recorded_on)}",
        "Check the risk still exists; end it if not, or set the next review date.",
    )
    return [
        Due(
            Notice(
                kind,
                who,
                title,
                lines,
                "premise_risk",
                risk.id,
                overdue,
                (NoticeAction.OPEN_RECORD, NoticeAction.ACKNOWLEDGE),
            ),
            on,
        )
        for who in staff.admins()
    ]
