"""A subject access request under UK GDPR Article 15.

The customer is asking for their own personal data; the one-month deadline
runs whatever the state of their other complaints.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, first_match

_PATTERNS = (
    re.compile(r"\b(make|making|submit|submitting|this is|treat this as|consider this)"
               r" an? (new |formal )?(subject access request|sar)\b", re.I),
    re.compile(r"^\s*(new |formal )?subject access request\s*[:.]?\s*$", re.I),
    re.compile(r"\barticle 15\b.{0,40}\b(gdpr|data protection)|\bright of access\b", re.I),
    re.compile(r"\b(copy|copies) of (all )?(the )?(my )?personal (data|information)\b", re.I),
    re.compile(r"\b(all|any) (the )?(personal )?(data|information) (that )?(you|the council) "
               r"(hold|holds|keep|keeps|have) (on|about) me\b", re.I),
    re.compile(r"\bunder (the )?(uk )?(gdpr|data protection act)\b.{0,60}\b(request|provide|copy)",
               re.I),
)


class SubjectAccess:
    name = "subject-access-request"
    description = "Asks for a copy of the customer's own personal data (UK GDPR Article 15)."

    def check(self, reading: Reading) -> RuleHit | None:
        return first_match(self, reading, *_PATTERNS)
