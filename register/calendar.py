"""The working-day calendar: which days a council office is open.

Policy deadlines are often counted in working days (Rhondda Cynon Taf gives
15 working days to appeal; a managed contact register council tells the
customer a review outcome within 7). A working day is Monday to Friday and
not a bank holiday in the council's nation, taken from the `holidays`
library.

England and Wales share one bank holiday calendar. The library offers both
"ENG" and "WLS" and they agree; Forewarn always asks for "ENG" so the two
nations can never drift apart through a typo in one place.

Counting rule, used everywhere: the start date itself is never counted.
Day 1 is the first working day *after* the start date, so a letter dated
Friday with "5 working days" is due the following Friday (if no bank
holiday falls in between), whether or not the Friday itself was a
working day.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from functools import cache

import holidays

_ONE_DAY = timedelta(days=1)


class Nation(StrEnum):
    """The bank holiday calendar a council follows."""

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").title().replace(" And ", " and ")


# The `holidays` library's subdivision codes for the United Kingdom ("GB").
_SUBDIVISION: dict[Nation, str] = {
    Nation.ENGLAND_AND_WALES: "ENG",
    Nation.SCOTLAND: "SCT",
    Nation.NORTHERN_IRELAND: "NIR",
}


class WorkingCalendar:
    """Working days for one nation, with each year's bank holidays looked up once."""

    def __init__(self, nation: Nation) -> None:
        self.nation = nation
        self._years: dict[int, dict[date, str]] = {}

    def bank_holidays(self, year: int) -> dict[date, str]:
        """The nation's bank holidays in `year`, by date, with their names."""
        found = self._years.get(year)
        if found is None:
            table = holidays.country_holidays("GB", subdiv=_SUBDIVISION[self.nation], years=year)
            found = {day: str(name) for day, name in table.items()}
            self._years[year] = found
        return found

    def holiday_name(self, day: date) -> str | None:
        """The bank holiday on `day`, e.g. "Boxing Day (observed)", or None."""
        return self.bank_holidays(day.year).get(day)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.bank_holidays(day.year)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        day += _ONE_DAY
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def previous_working_day(self, day: date) -> date:
        """The last working day strictly before `day`."""
        day -= _ONE_DAY
        while not self.is_working_day(day):
            day -= _ONE_DAY
        return day

    def working_day_on_or_before(self, day: date) -> date:
        """`day` if the office is open then, else the working day before it.

        Reminders use this: a reminder due on a Saturday goes out on Friday,
        never late on Monday.
        """
        return day if self.is_working_day(day) else self.previous_working_day(day)

    def add_working_days(self, start: date, count: int) -> date:
        """The date `count` working days after `start` (day 1 is the first after it)."""
        if count < 0:
            raise ValueError("count working days forward from the start; count must be >= 0")
        day = start
        for _ in range(count):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`; negative if `end` is earlier.

        This is the inverse of `add_working_days`: counting from `start` to
        `add_working_days(start, n)` gives n.
        """
        if end < start:
            return -self.working_days_between(end, start)
        days = (end - start).days
        return sum(self.is_working_day(start + timedelta(days=i)) for i in range(1, days + 1))


@cache
def calendar_for(nation: Nation) -> WorkingCalendar:
    """One shared calendar per nation, so each year's bank holidays are looked up once."""
    return WorkingCalendar(nation)
