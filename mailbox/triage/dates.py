"""Find calendar dates in prose and pin them to a day.

A date the council has never seen ("on Saturday 13 June", "14/06/2026") is
the clearest sign of a new incident. Customers rarely give the year, so a
date is resolved against the day the email was written.
"""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date, datetime, timedelta

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th)?"
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\b")
_YEAR = r"(?:,?\s+(\d{4}))?"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_MONTH})\b\.?{_YEAR}", re.I)
_MONTH_DAY = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}){_ORD}\b(?!\s*(?:am|pm|:)){_YEAR}", re.I)
_DAY_ONLY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b(?:\s+(?:night|morning|evening|afternoon))?"
    rf"\s*\(?(\d{{1,2}}){_ORD}\)?(?!\s*(?:{_MONTH}|[/.:\d]))",
    re.I,
)

# "(12th)", "on the 12th", "last night, the 5th": a day of a recent month, month unsaid.
_ORDINAL_ONLY = re.compile(
    r"(?:\(|\bon (?:the )?|\b(?:yesterday|today|tonight|night|morning|evening|afternoon),?"
    rf" (?:the )?\(?)(\d{{1,2}})(?:st|nd|rd|th)\b\)?(?!\s*(?:of\s+)?(?:{_MONTH}|[/.:\d]))",
    re.I,
)

# "two Fridays running, 29th and 5th": days of recent months given as a list.
_ORDINAL_LIST = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)(?:,|,? and|,? &)\s+(\d{1,2})(?:st|nd|rd|th)\b"
    rf"(?!\s*(?:of\s+)?(?:{_MONTH}|[/.:\d]|floors?|times?|letters?|e-?mails?|years?|class))",
    re.I,
)


def find_dates(text: str, written: datetime) -> set[date]:
    """Every calendar day named in `text`, resolved against when it was written."""
    anchor = written.date()
    found: set[date] = set()
    for d, m, y in _NUMERIC.findall(text):
        _add(found, int(y) + (2000 if len(y) == 2 else 0), int(m), int(d))
    for d, mon, y in _DAY_MONTH.findall(text):
        _add(found, int(y) if y else _year(anchor, _MONTHS[mon.lower()], int(d)),
             _MONTHS[mon.lower()], int(d))
    for mon, d, y in _MONTH_DAY.findall(text):
        _add(found, int(y) if y else _year(anchor, _MONTHS[mon.lower()], int(d)),
             _MONTHS[mon.lower()], int(d))
    for d in _DAY_ONLY.findall(text) + _ORDINAL_ONLY.findall(text):
        found |= _day_in_recent_month(anchor, int(d))
    for pair in _ORDINAL_LIST.findall(text):
        for d in pair:
            found |= _day_in_recent_month(anchor, int(d))
    return found


def _year(anchor: date, month: int, day: int) -> int:
    """The year that puts the date nearest before (or just after) the anchor."""
    try:
        candidate = date(anchor.year, month, day)
    except ValueError:
        return anchor.year
    return anchor.year - 1 if candidate - anchor > timedelta(days=60) else anchor.year


def _day_in_recent_month(anchor: date, day: int) -> set[date]:
    """"Monday (10th)" means the most recent 10th on or before the email."""
    try:
        this_month = date(anchor.year, anchor.month, day)
    except ValueError:
        return set()
    if this_month <= anchor + timedelta(days=1):
        return {this_month}
    previous = (anchor.replace(day=1) - timedelta(days=1)).replace(day=1)
    try:
        return {previous.replace(day=day)}
    except ValueError:
        return set()


def _add(found: set[date], year: int, month: int, day: int) -> None:
    """Keep real days only: "31 June" is a typo, not a date to compare."""
    with suppress(ValueError):
        found.add(date(year, month, day))
