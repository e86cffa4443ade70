"""An appeal or request for review of the contact restriction itself.

Under the councils' policies an appeal is heard by an officer not involved,
so a SPOC mailbox must never file it, however often the customer writes.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, hit

_APPEAL = re.compile(r"\b(appeal(ing)?|challeng(e|ing)|(formal )?review of)\b", re.I)
_RESTRICTION = re.compile(
    r"\b(restrict(ion|ions|ed|ing)?|contact arrangements?|managed contact|single point of contact"
    r"|spoc|unreasonabl[ey] (persistent|behaviour|behavior)|vexatious)\b",
    re.I,
)
_NOT_AN_APPEAL = re.compile(r"\b(no|without( a)?) right (of|to) appeal\b", re.I)


class RestrictionAppeal:
    name = "restriction-appeal"
    description = "Appeals against, or asks for a review of, the contact restriction."

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            if (_APPEAL.search(sentence) and _RESTRICTION.search(sentence)
                    and not _NOT_AN_APPEAL.search(sentence)):
                return hit(self, sentence)
        return None
