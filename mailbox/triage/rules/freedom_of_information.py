"""A request for recorded information under FOIA or the EIR.

Information requests have statutory deadlines and their own refusal grounds
(a repeated request is refused under section 14, by a notice): they are
never silently filed, even when they look like a repeat.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, first_match

_ACT = r"(freedom of information|foia?\b|environmental information|eirs?\b)"
_PATTERNS = (
    re.compile(rf"\bunder (the )?{_ACT}", re.I),
    re.compile(rf"\b{_ACT}( act( 2000)?)?( \d{{4}})? request\s*:?\s*$", re.I),
    re.compile(rf"\b(treat|consider|handle) (this|my email|the following) as an? (new )?{_ACT}",
               re.I),
    re.compile(rf"\b(i|we) (would like to )?(make|submit|request|am making) an? (new )?{_ACT}",
               re.I),
    re.compile(r"\b(request|requesting|ask|asking) for (the )?(following )?information under\b",
               re.I),
)


class FreedomOfInformation:
    name = "freedom-of-information"
    description = "Asks for information under the Freedom of Information Act or the EIR."

    def check(self, reading: Reading) -> RuleHit | None:
        return first_match(self, reading, *_PATTERNS)
