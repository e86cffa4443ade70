"""An appeal against a council decision, lodged now, or a request to reconsider it.

Benefit, council tax and other decisions carry statutory appeal rights with
time limits (a late appeal needs the council to decide whether to accept
it). "I want to make a formal appeal" starts that process, so it is never
filed; "I will appeal if ..." is a lawful threat inside a repeat and is not
this rule.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, first_match

_PATTERNS = (
    re.compile(r"\b(i|we) (want|wish|would like|need|am writing|hereby \w+)? ?to (make|lodge"
               r"|submit|bring|register) (a |an |my )?(formal |late |written )?appeal\b", re.I),
    re.compile(r"\b(i am|i'm|we are|this is) (now |formally |hereby )?(appealing|my appeal|an"
               r" appeal|a formal appeal) against (the|your|this|that) (decision|refusal"
               r"|determination|assessment|overpayment)", re.I),
    re.compile(r"\b(send|forward|pass|refer) (this|it|my appeal|the appeal) (on )?to the"
               r" (first-tier |upper )?tribunal\b|\b(accept|consider) (my |a |the |this )?late"
               r" appeal\b|\bmandatory reconsideration\b", re.I),
)


class TribunalAppeal:
    name = "tribunal-appeal"
    description = "Lodges an appeal against a council decision, or asks for it to be reconsidered."

    def check(self, reading: Reading) -> RuleHit | None:
        return first_match(self, reading, *_PATTERNS)
