"""Days named relative to the email: "since Saturday night", "yesterday".

A customer reporting a fresh incident often gives no calendar date: "the
light has been out again since Saturday night". Resolved against the day
the email was written, such a day that falls after everything the case file
knows (the last email, the latest date any earlier text names) is a day
nothing on file can describe, so whatever happened on it is news. A day
that is coming ("on Friday I will be waiting") is not an incident.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PAST_WEEKDAY = re.compile(
    r"\b(since|last|on|from|over|this past)\s+(?:the\s+)?"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b",
    re.I,
)
_DAYS_BACK = re.compile(
    r"\b(yesterday|last night|this (?:morning|afternoon|evening)|(?:earlier )?today|tonight)\b",
    re.I,
)
_TODAY = re.compile(r"\b(?:earlier )?today\b", re.I)
# A verb in the past tense: a regular one, or an auxiliary that makes one.
_PAST = re.compile(r"\b(did|was|were|had|has|have|'ve|\w{3,}ed)\b", re.I)
# Talk of what will happen: the named day is coming, not past.
_FUTURE = re.compile(
    r"\b(will|'ll|’ll|shall|going to|gonna|next|coming|tomorrow|intend|plan to|until|till"
    r"|by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)


def recent_days(text: str, written: date) -> set[date]:
    """The past days `text` names relative to `written`, as calendar days.

    "Today" dates an event only in a sentence that tells one in the past ("he changed the
    locks today"): "they're due back today" and "another bonfire today" tell of none.
    """
    if _FUTURE.search(text):
        return set()
    if _TODAY.search(text) and not _PAST.search(text):
        text = _TODAY.sub(" ", text)
    found: set[date] = set()
    for _, day in _PAST_WEEKDAY.findall(text):
        back = (written.weekday() - _WEEKDAYS.index(day.lower())) % 7 or 7
        found.add(written - timedelta(days=back))
    for phrase in _DAYS_BACK.findall(text):
        found.add(written - timedelta(days=1 if phrase.lower() == "yesterday" else 0))
    return found
