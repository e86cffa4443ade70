"""When something happened, read from the words staff use: '2pm', 'at 14:30',
'this morning', 'yesterday afternoon', 'last Tuesday', '10 mins ago', '3 March'.

Everything is read relative to `now` in the council's timezone, because
that is the clock staff speak in. Incidents are in the past, so a bare time
later than now means yesterday, and a bare weekday means the latest one.
Parts of the day ('this morning') give a rough time: staff confirm the
summary before anything is saved, and a rough time is better than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
)  # fmt: skip
# A rough hour for each part of the day, for 'this morning' and friends.
PARTS_OF_DAY = {
    "morning": time(10, 0),
    "lunchtime": time(12, 30),
    "afternoon": time(15, 0),
    "evening": time(19, 0),
    "night": time(22, 0),
    "tonight": time(22, 0),
}
# A time a few minutes ahead of now is still "now": clocks and typing differ.
SLACK = timedelta(minutes=10)

_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_CLOCK_12 = re.compile(
    r"\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>am|pm|a\.m\.|p\.m\.)"
)
_CLOCK_24 = re.compile(r"\b(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)\b(?!\s*(?:am|pm))")
_AT_HOUR = re.compile(
    r"\b(?:at|about|around|roughly)\s+(?P<h>1[0-2]|[1-9])(?:\s*o'?clock|\s*ish)?"
    r"(?=\s*$|\s*[,.;!?]|\s+(?:o'?clock|ish|today|yesterday|this|last|on|in|and|when|he|she|they)\b)"
)
_NAMED_TIME = re.compile(r"\b(?P<name>noon|midday|midnight)\b")
_AGO = re.compile(
    r"\b(?P<n>\d+|a|an|one|two|three|four|five|ten|twenty|thirty|half an?)\s*"
    r"(?P<unit>min(?:ute)?s?|hours?|hrs?|days?)\s+ago\b"
)
_JUST_NOW = re.compile(r"\b(?:just now|a moment ago|just happened|right now|moments ago)\b")
_DAY_WORD = re.compile(r"\b(?P<word>today|yesterday|tonight|last night)\b")
_PART = re.compile(
    r"\b(?:this\s+|yesterday\s+|in the\s+)?(?P<part>morning|lunch ?time|afternoon|evening|night)\b"
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<last>last|on|this past)\s+)?(?P<day>mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"
)
_DAY_MONTH = re.compile(
    r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:\s+(?P<y>\d{4}))?\b"
)
_MONTH_DAY = re.compile(
    r"\b" + _MONTH + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?\b"
)
_NUMERIC_DATE = re.compile(r"\b(?P<d>[0-3]?\d)/(?P<mo>[01]?\d)(?:/(?P<y>\d{2}|\d{4}))?\b")
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                  "ten": 10, "twenty": 20, "thirty": 30}  # fmt: skip


@dataclass(frozen=True, slots=True)
class When:
    """What the words said about when: a day, a time of day, either, both or neither."""

    on: date | None = None
    at: time | None = None

    @property
    def said(self) -> bool:
        return self.on is not None or self.at is not None


def read_when(text: str, now: datetime) -> When:
    """The day and time `text` mentions, resolved against `now` (local, timezone-aware)."""
    words = text.casefold()
    ago = _ago(words, now)
    if ago is not None:
        return When(ago.date(), ago.time().replace(second=0, microsecond=0))
    if _JUST_NOW.search(words):
        return When(now.date(), now.time().replace(second=0, microsecond=0))
    on = _day(words, now.date())
    at = _clock(words) or _part_of_day(words)
    if at is not None and on is None:
        on = now.date() if datetime.combine(now.date(), at, now.tzinfo) <= now + SLACK else None
        on = on or now.date() - timedelta(days=1)
    return When(on, at)


def day_named(text: str, now: datetime) -> date | None:
    """The day `text` names outright ('yesterday', 'Tuesday', '3 March'), if it names one."""
    return _day(text.casefold(), now.date())


def _ago(words: str, now: datetime) -> datetime | None:
    found = _AGO.search(words)
    if found is None:
        return None
    amount = found["n"]
    number = 0.5 if amount.startswith("half") else _SMALL_NUMBERS.get(amount) or int(amount)
    unit = found["unit"]
    if unit.startswith("min"):
        return now - timedelta(minutes=number)
    if unit.startswith(("hour", "hr")):
        return now - timedelta(hours=number)
    return now - timedelta(days=number)


def _clock(words: str) -> time | None:
    if found := _CLOCK_12.search(words):
        hour = int(found["h"]) % 12 + (12 if found["ampm"].startswith("p") else 0)
        return time(hour, int(found["m"] or 0))
    if found := _CLOCK_24.search(words):
        # '2.30' said in a working day is half past two in the afternoon;
        # '02:30' written with its zero means what it says.
        hour = int(found["h"])
        return time(hour + 12 if hour < 8 and len(found["h"]) == 1 else hour, int(found["m"]))
    if found := _NAMED_TIME.search(words):
        return time(0, 0) if found["name"] == "midnight" else time(12, 0)
    if found := _AT_HOUR.search(words):
        # 'at 2' in a working day means 2pm; 'at 9' means the morning.
        hour = int(found["h"])
        return time(hour + 12 if hour < 8 else hour, 0)
    return None


def _part_of_day(words: str) -> time | None:
    found = _PART.search(words)
    if found is None:
        return PARTS_OF_DAY["night"] if "last night" in words or "tonight" in words else None
    return PARTS_OF_DAY[found["part"].replace(" ", "")]


def _day(words: str, today: date) -> date | None:
    if found := _DAY_WORD.search(words):
        return today if found["word"] in ("today", "tonight") else today - timedelta(days=1)
    if re.search(r"\bthis\s+(?:morning|afternoon|evening|lunch ?time)\b", words):
        return today
    return _calendar_date(words, today) or _weekday(words, today)


def _weekday(words: str, today: date) -> date | None:
    found = _WEEKDAY.search(words)
    if found is None:
        return None
    wanted = [w[:3] for w in WEEKDAYS].index(found["day"][:3])
    back = (today.weekday() - wanted) % 7
    if back == 0 and found["last"] == "last":
        back = 7
    return today - timedelta(days=back)


def _calendar_date(words: str, today: date) -> date | None:
    found = _DAY_MONTH.search(words) or _MONTH_DAY.search(words)
    if found is not None:
        month = [m[:3] for m in MONTHS].index(found["month"][:3]) + 1
        return _past_date(int(found["d"]), month, found["y"], today)
    found = _NUMERIC_DATE.search(words)
    if found is not None:
        return _past_date(int(found["d"]), int(found["mo"]), found["y"], today)
    return None


def _past_date(day: int, month: int, year: str | None, today: date) -> date | None:
    """A day and month (UK order); without a year, the latest one not in the future."""
    try:
        if year:
            return date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        candidate = date(today.year, month, day)
        return candidate if candidate <= today else date(today.year - 1, month, day)
    except ValueError:
        return None
