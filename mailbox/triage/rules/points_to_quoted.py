"""The customer asks the council to act on something inside forwarded mail.

Forwarded and quoted text never counts as new (it was, or will be, read
elsewhere). But "please note the last paragraph, I am asking the council for
this as well" adopts it as a request, and triage does not read it, so an
officer must. "FYI" alone asks nothing and is not this rule.
"""

from __future__ import annotations

import re

from mailbox.triage.clean import quotes_earlier_mail
from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, first_match

_PATTERNS = (
    re.compile(r"\b(see|note|read|look at|refer to)( to)? (the |my )?(email |message |letter )?"
               r"(below|attached|forwarded|(last|first|second|final) paragraph|paragraph \d)",
               re.I),
    re.compile(r"\b(asking|ask|requesting|request) (the council|you)( for)? (for )?(this|the same"
               r"|that)( as well| too)?\b", re.I),
)


class PointsToQuoted:
    name = "points-to-forwarded-text"
    description = "Asks the council to act on text in forwarded or quoted mail, which is not read."

    def check(self, reading: Reading) -> RuleHit | None:
        if not quotes_earlier_mail(reading.message.body):
            return None
        return first_match(self, reading, *_PATTERNS)
