"""Appeal windows: an appeal received, the window closing, the entry marked while it runs.

The window is the preset's: Rhondda Cynon Taf gives 15 working days at
Stage 1, West Oxfordshire one month at Step 3, counted from the decision
or from the day the customer was told, as `appeal.counts_from` says. The
owner is told when an appeal arrives and, when none did, on the first
working day after the window closed, so the decision can be treated as
final. While an appeal is open the entry shows "appeal in progress" where
the preset says so (the restriction stays in force); when it is decided
the entry returns to ACTIVE, or is LIFTED if the appeal was upheld.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from register.calendar import calendar_for
from register.errors import InvalidInput
from register.lifecycle import appeal_deadline
from register.notices import NoticeKind
from register.policy import AppealClock, Preset
from register.restrictions import Status
from register.reviews import Appeal, AppealOutcome
from register.schedule.model import Case, Change, Due
from register.schedule.recipients import Directory
from register.schedule.wording import day, reference, restriction_notice

# A closed window is worth telling the owner about for this long; after
# that (a register imported with old decisions) it is history, not news.
CLOSED_WINDOW_NEWS = timedelta(days=30)


def appeal_window_closes(case: Case, preset: Preset) -> date | None:
    """The last day to appeal this restriction; None where there is no window."""
    restriction = case.restriction
    clock = preset.appeal.counts_from
    counted_from = (
        restriction.start if clock is AppealClock.DECISION else restriction.customer_told_on
    )
    if counted_from is None:
        return None
    try:
        return appeal_deadline(counted_from, preset, restriction.stage)
    except InvalidInput:  # a stage the preset does not know: no window to compute
        return None


def appeals(
    today: date, preset: Preset, cases: Iterable[Case], staff: Directory
) -> tuple[list[Due], list[Change]]:
    """Notices about appeal windows and appeals, and the entry's appeal-in-progress marking."""
    dues: list[Due] = []
    changes: list[Change] = []
    for case in cases:
        dues += _received(today, case, staff)
        dues += _window_closed(today, preset, case, staff)
        change = _marking(case, preset)
        if change:
            changes.append(change)
    return dues, changes


def _received(today: date, case: Case, staff: Directory) -> list[Due]:
    """Tell the owner of each appeal received and not yet decided."""
    dues = []
    for appeal in case.appeals:
        if appeal.outcome is not None or appeal.received_on > today:
            continue
        late = (
            ""
            if appeal.in_time
            else " It arrived after the deadline; record why it is heard or not."
        )
        title = f"Appeal received on {day(appeal.received_on)}"
        line = (
            f"Appeal {reference(appeal.id)} must be heard by someone not involved "
            f"in the decision.{late}"
        )
        dues += [
            Due(
                restriction_notice(NoticeKind.APPEAL_DEADLINE, who, title, case.restriction, line),
                appeal.received_on,
            )
            for who in staff.owners(case)
        ]
    return dues


def _window_closed(today: date, preset: Preset, case: Case, staff: Directory) -> list[Due]:
    last_day = appeal_window_closes(case, preset)
    if last_day is None or case.appeals or not case.restriction.in_force:
        return []
    tell_on = calendar_for(preset.nation).next_working_day(last_day)
    if not tell_on <= today <= tell_on + CLOSED_WINDOW_NEWS:
        return []
    title = f"Time to appeal ended on {day(last_day)}"
    line = "No appeal was received in time; the decision stands until its review."
    return [
        Due(
            restriction_notice(NoticeKind.APPEAL_DEADLINE, who, title, case.restriction, line),
            tell_on,
        )
        for who in staff.owners(case)
    ]


def _open(appeals: Iterable[Appeal]) -> bool:
    return any(appeal.outcome is None for appeal in appeals)


def _marking(case: Case, preset: Preset) -> Change | None:
    """Mark the entry while an appeal runs; unmark it when the last appeal is decided."""
    restriction = case.restriction
    marks = preset.appeal.allowed and preset.appeal.entry_marked_appeal_in_progress
    if marks and restriction.status is Status.ACTIVE and _open(case.appeals):
        reason = "appeal received; entry marked appeal in progress"
        return Change(restriction.moved_to(Status.UNDER_APPEAL), restriction.status, reason)
    decided = [a for a in case.appeals if a.outcome is not None and a.decided_on is not None]
    if restriction.status is not Status.UNDER_APPEAL or _open(case.appeals) or not decided:
        return None
    last = max(decided, key=lambda a: a.decided_on or date.min)
    upheld = last.outcome is AppealOutcome.UPHELD
    after = Status.LIFTED if upheld else Status.ACTIVE
    reason = f"appeal {last.outcome.label if last.outcome else ''} on {last.decided_on}"
    return Change(restriction.moved_to(after), restriction.status, reason)
