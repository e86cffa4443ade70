"""The deadline to tell a customer a review's outcome, where the preset sets one.

A managed contact register council tells the customer in writing within 7
working days of the review decision. The owner is reminded two working
days before the deadline (or on the first working day after the review,
if that is later); if the customer has still not been told once the
deadline has passed, the owner's manager is told on the next working day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from register.calendar import WorkingCalendar, calendar_for
from register.lifecycle import outcome_notice_deadline
from register.notices import NoticeKind
from register.policy import Preset
from register.reviews import Review
from register.schedule.model import Case, Due
from register.schedule.recipients import Directory
from register.schedule.wording import day, reference, restriction_notice

REMIND_WORKING_DAYS_BEFORE = 2


def outcome_reminder_day(held_on: date, deadline: date, calendar: WorkingCalendar) -> date:
    """Two working days before the deadline, but never before the first working day after."""
    remind = calendar.working_day_on_or_before(deadline)
    for _ in range(REMIND_WORKING_DAYS_BEFORE):
        remind = calendar.previous_working_day(remind)
    return max(remind, calendar.next_working_day(held_on))


def outcome_notices(
    today: date, preset: Preset, cases: Iterable[Case], staff: Directory
) -> list[Due]:
    """Reminders to tell customers review outcomes, and overdue notices to managers."""
    calendar = calendar_for(preset.nation)
    dues: list[Due] = []
    for case in cases:
        for review in case.reviews:
            if not review.done or review.held_on is None or review.customer_told_on is not None:
                continue
            deadline = outcome_notice_deadline(review.held_on, preset)
            if deadline is not None:
                dues += _for_review(today, case, review, deadline, calendar, staff)
    return dues


def _for_review(
    today: date,
    case: Case,
    review: Review,
    deadline: date,
    calendar: WorkingCalendar,
    staff: Directory,
) -> list[Due]:
    assert review.held_on is not None
    remind_on = outcome_reminder_day(review.held_on, deadline, calendar)
    late_on = calendar.next_working_day(deadline)
    line = f"Review {reference(review.id)} was held on {day(review.held_on)}."
    if remind_on <= today <= deadline:
        title = f"Tell the customer the review outcome by {day(deadline)}"
        return [
            Due(
                restriction_notice(
                    NoticeKind.OUTCOME_NOTICE_DUE, who, title, case.restriction, line
                ),
                remind_on,
            )
            for who in staff.owners(case)
        ]
    if late_on <= today:
        title = f"Customer not told the review outcome by {day(deadline)}"
        return [
            Due(
                restriction_notice(
                    NoticeKind.OUTCOME_NOTICE_DUE, who, title, case.restriction, line, urgent=True
                ),
                late_on,
            )
            for who in staff.owners_managers(case)
        ]
    return []
