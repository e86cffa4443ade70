"""How dates, times and lists read on a card, in British English.

Times are stored in UTC; staff think in local time, so every instant is
shown in the council's timezone (passed in by the caller, Europe/London by
default) and with the day of the week, which is what people remember.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, tzinfo
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def day(value: date) -> str:
    """'Tue 3 Mar 2026'."""
    return f"{value:%a} {value.day} {value:%b %Y}"


def clock(value: time) -> str:
    """'14:05' (the 24-hour clock, as councils' logs use)."""
    return f"{value:%H:%M}"


def moment(value: datetime, tz: tzinfo = LONDON) -> str:
    """'Tue 3 Mar 2026, 14:05' in the council's local time."""
    local = value.astimezone(tz)
    return f"{day(local.date())}, {clock(local.time())}"


def listed(words: Iterable[str]) -> str:
    """'a, b and c'; '' for nothing."""
    items = list(words)
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def capitalised(words: str) -> str:
    """First letter up, the rest as written (labels are lower case for use in sentences)."""
    return words[:1].upper() + words[1:]
