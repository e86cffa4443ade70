"""An appeal against a council decision, lodged now, or a request to reconsider it.

Benefit, council tax and other decisions carry statutory appeal rights with
time limits (a late appeal needs the council to decide whether to accept
it). "I want to make a formal appeal" starts that process, so it is never
filed, however plainly or unidiomatically it is put ("I want appeal to the
tribunal", "please send my appeal to the judge"). "I will appeal if ..." is
a lawful threat inside a repeat and is not this rule: a condition after the
appeal ("if", "unless", "otherwise") makes it one.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import HOW_I, Reading, hit

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
# Plain words for lodging one now: "I want appeal", "I wish to appeal the decision", "please
# take this as my appeal", "I want to ask the tribunal to look at it".
_PLAIN = (
    re.compile(r"\b(i|we)( really| still)? (want|wish|would like|'d like|need|have decided|intend"
               r"|am going|plan)( to)? (make |lodge |submit |register |bring |put in )?(a |an |my"
               r" )?(formal |late |written )?appeal(ing)?\b", re.I),
    # Asking how to appeal is starting one: "how do I appeal to the tribunal then".
    re.compile(rf"\b{HOW_I} (go about )?(appeal(ing)?"
               r"|(make|lodge|submit|bring|register) (a |an |my )?(formal |late )?appeal)\b", re.I),
    re.compile(r"\b(take|treat|accept|consider) (this|my)( e-?mail| letter| message)? as (my|an|a)"
               r" (formal )?appeal\b|\b(this|my) (e-?mail|letter|message) is my appeal\b", re.I),
    # Lodged already, told to the council: "put my appeal in to the traffic penalty tribunal".
    re.compile(r"\b(i|i'?ve|i have|we|we'?ve|we have)? ?(put|sent|lodged|submitted|made|filed)"
               r" (my|an|the|our) appeal (in )?(to|with) the ([\w-]+ ){0,3}(tribunal|adjudicator)\b"
               r"|^\W*(put|sent|lodged|submitted) (my|an|the) appeal (in )?(to|with)\b", re.I),
    re.compile(r"\b(i|we) (want|wish|would like|need)( to)? (ask|go to|take (it|this) to) the"
               r" (first-tier |upper )?(tribunal|judge|court) to (look|decide|consider|hear)\b",
               re.I),
)
_CONDITION = re.compile(r"\b(if|unless|otherwise|or else|should you)\b", re.I)


class TribunalAppeal:
    name = "tribunal-appeal"
    description = "Lodges an appeal against a council decision, or asks for it to be reconsidered."

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            if any(p.search(sentence) for p in _PATTERNS) or _plain_appeal(sentence):
                return hit(self, sentence)
        return None


def _plain_appeal(sentence: str) -> bool:
    """An appeal in plain words, with no condition after it that makes it a threat."""
    for pattern in _PLAIN:
        found = pattern.search(sentence)
        if found and not _CONDITION.search(sentence, found.end()):
            return True
    return False
