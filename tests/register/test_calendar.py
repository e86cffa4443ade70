"""The working-day calendar: bank holidays by nation and the counting rule."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from register.calendar import Nation, WorkingCalendar, calendar_for

ENGLAND = calendar_for(Nation.ENGLAND_AND_WALES)
SCOTLAND = calendar_for(Nation.SCOTLAND)
NORTHERN_IRELAND = calendar_for(Nation.NORTHERN_IRELAND)

any_day = st.dates(min_value=date(2024, 1, 1), max_value=date(2035, 12, 31))


def test_christmas_2026_closes_the_office_on_the_boxing_day_substitute() -> None:
    # Boxing Day 2026 is a Saturday, so Monday 28 December is the bank holiday.
    assert ENGLAND.is_working_day(date(2026, 12, 24))
    assert not ENGLAND.is_working_day(date(2026, 12, 25))
    assert not ENGLAND.is_working_day(date(2026, 12, 28))
    assert ENGLAND.holiday_name(date(2026, 12, 28)) == "Boxing Day (observed)"
    assert ENGLAND.next_working_day(date(2026, 12, 24)) == date(2026, 12, 29)


def test_weekends_are_not_working_days() -> None:
    assert not ENGLAND.is_working_day(date(2026, 3, 7))  # Saturday
    assert not ENGLAND.is_working_day(date(2026, 3, 8))  # Sunday


def test_scotland_closes_on_2_january_and_england_does_not() -> None:
    friday = date(2026, 1, 2)
    assert ENGLAND.is_working_day(friday)
    assert not SCOTLAND.is_working_day(friday)


def test_st_andrews_day_on_a_sunday_moves_to_monday_in_scotland_only() -> None:
    # 30 November 2025 is a Sunday; Scotland takes Monday 1 December instead.
    assert SCOTLAND.holiday_name(date(2025, 12, 1)) is not None
    assert ENGLAND.is_working_day(date(2025, 12, 1))


def test_easter_monday_is_a_holiday_in_england_but_not_scotland() -> None:
    easter_monday = date(2026, 4, 6)
    assert not ENGLAND.is_working_day(easter_monday)
    assert SCOTLAND.is_working_day(easter_monday)


def test_northern_ireland_closes_on_st_patricks_day() -> None:
    assert not NORTHERN_IRELAND.is_working_day(date(2026, 3, 17))
    assert ENGLAND.is_working_day(date(2026, 3, 17))


def test_day_one_is_the_first_working_day_after_the_start() -> None:
    # Friday 6 March 2026 + 5 working days: Mon 9 ... Fri 13 March.
    assert ENGLAND.add_working_days(date(2026, 3, 6), 5) == date(2026, 3, 13)
    # Counting from a Saturday, day 1 is the Monday.
    assert ENGLAND.add_working_days(date(2026, 3, 7), 1) == date(2026, 3, 9)
    assert ENGLAND.add_working_days(date(2026, 3, 7), 0) == date(2026, 3, 7)


def test_counting_backwards_is_refused() -> None:
    with pytest.raises(ValueError, match="must be >= 0"):
        ENGLAND.add_working_days(date(2026, 3, 6), -1)


def test_working_days_between_skips_the_christmas_holidays() -> None:
    # 24 Dec 2026 to 4 Jan 2027: 29, 30, 31 Dec and 4 Jan.
    assert ENGLAND.working_days_between(date(2026, 12, 24), date(2027, 1, 4)) == 4
    assert ENGLAND.working_days_between(date(2027, 1, 4), date(2026, 12, 24)) == -4


def test_reminder_days_move_back_to_the_working_day_before() -> None:
    assert ENGLAND.working_day_on_or_before(date(2026, 12, 28)) == date(2026, 12, 24)
    assert ENGLAND.working_day_on_or_before(date(2026, 12, 24)) == date(2026, 12, 24)
    assert ENGLAND.previous_working_day(date(2026, 12, 24)) == date(2026, 12, 23)


def test_each_nation_has_one_shared_calendar() -> None:
    assert calendar_for(Nation.SCOTLAND) is calendar_for(Nation.SCOTLAND)
    assert Nation.ENGLAND_AND_WALES.label == "England and Wales"


@settings(deadline=None)
@given(start=any_day, count=st.integers(min_value=1, max_value=60))
def test_adding_working_days_lands_on_a_working_day_after_the_start(
    start: date, count: int
) -> None:
    landed = ENGLAND.add_working_days(start, count)
    assert landed > start
    assert ENGLAND.is_working_day(landed)
    assert ENGLAND.working_days_between(start, landed) == count


@settings(deadline=None)
@given(start=any_day, count=st.integers(min_value=0, max_value=40))
def test_one_more_working_day_is_always_later(start: date, count: int) -> None:
    calendar = WorkingCalendar(Nation.SCOTLAND)
    assert calendar.add_working_days(start, count + 1) > calendar.add_working_days(start, count)


@settings(deadline=None)
@given(day=any_day)
def test_next_and_previous_working_days_are_working_days(day: date) -> None:
    after, before = ENGLAND.next_working_day(day), ENGLAND.previous_working_day(day)
    assert before < day < after
    assert ENGLAND.is_working_day(after) and ENGLAND.is_working_day(before)
    assert all(not ENGLAND.is_working_day(day + timedelta(n)) for n in range(1, (after - day).days))
