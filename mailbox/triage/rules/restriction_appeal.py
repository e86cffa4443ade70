"""An appeal or request for review of the contact restriction itself.

Under the councils' policies an appeal is heard by an officer not involved,
so a SPOC mailbox must never file it, however often the customer writes.
Asking when a review already asked for will happen ("I still haven't had a
date for the review of the restriction") chases that review; it lodges no
appeal of its own.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, hit

_APPEAL = re.compile(r"\b(appeal(ing)?|challeng(e|ing)|(formal )?review of)\b", re.I)
_RESTRICTION = re.compile(
    r"\b(restrict(ion|ions|ed|ing)?|contact arrangements?|managed contact|single point of contact"
    r"|spoc|unreasonabl[ey] (persistent|behaviour|behavior)|vexatious"
    # The restriction named by what it does: "the email only thing", "only by email".
    r"|e-?mail[- ]only|(only|just) (by|via|through|in) (e-?mail|writing)"
    r"|(one|single|named) (point of )?contact)\b",
    re.I,
)
_NOT_AN_APPEAL = re.compile(r"\b(no|without( a)?) right (of|to) appeal\b", re.I)
# Progress of a review or appeal already lodged: a date, an outcome or a reply still awaited.
_CHASES = re.compile(
    r"\b(not|never|haven'?t|hasn'?t|still (not|no|waiting)|no|any news)( yet)?( had| got| received"
    r"| been given| heard)?( a| an| the| any)? (date|outcome|decision|result|response|reply"
    r"|answer|news|update|acknowledge?ment)\b[^.?!]{0,30}\b(the|my|our) (review|appeal)\b",
    re.I,
)


class RestrictionAppeal:
    name = "restriction-appeal"
    description = "Appeals against, or asks for a review of, the contact restriction."

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            if (_APPEAL.search(sentence) and _RESTRICTION.search(sentence)
                    and not _NOT_AN_APPEAL.search(sentence) and not _CHASES.search(sentence)):
                return hit(self, sentence)
        return None
