"""Provisional end dates reached: the owner decides to lift or extend, Forewarn does not.

A restriction imposed "for six months" must not quietly outlive its
period, but ending it is a decision the customer is written to about, so
the sweep tells the owner on the end date (moved to the working day
before a weekend or bank holiday) instead of lifting it itself. The notice
stays due until someone acts, so downtime cannot lose it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from register.calendar import calendar_for
from register.notices import NoticeKind
from register.policy import Preset
from register.schedule.model import Case, Due
from register.schedule.recipients import Directory
from register.schedule.wording import day, restriction_notice


def end_dates(today: date, preset: Preset, cases: Iterable[Case], staff: Directory) -> list[Due]:
    """Notices to owners of restrictions in force whose provisional end date has come."""
    calendar = calendar_for(preset.nation)
    dues = []
    for case in cases:
        end = case.restriction.provisional_end
        if end is None or not case.restriction.in_force:
            continue
        tell_on = calendar.working_day_on_or_before(end)
        if tell_on > today:
            continue
        title = f"Provisional end date {day(end)}"
        line = "Lift the restriction, or record a decision to extend it and tell the customer."
        dues += [
            Due(
                restriction_notice(NoticeKind.END_DATE_REACHED, who, title, case.restriction, line),
                tell_on,
            )
            for who in staff.owners(case)
        ]
    return dues
