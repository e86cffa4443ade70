"""A statement of suicidal thoughts or self-harm.

Policies treat threats of self-harm as behaviour to manage, but the first
duty is to the person: every such statement goes to an officer now, even in
a message that is otherwise a repeat.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, first_match

_PATTERNS = (
    re.compile(r"\b(kill|hurt|harm|hang|cut) (my ?self|myself)\b|\bself[- ]?harm", re.I),
    re.compile(r"\bsuicid(e|al)\b|\boverdose\b|\btake my (own )?life\b|\bend (it all|my life)\b",
               re.I),
    re.compile(r"\b(better off dead|no (reason|point) (to live|in living|going on)"
               r"|don'?t want to (live|be here)"
               r"|better off (if i (just |simply )?(wasn'?t|weren'?t|was not|were not)"
               r" (here|around)|without me)|(wish|want) i (was|were) dead"
               r"|won'?t be (here|around) (for )?(much longer|any ?more))\b", re.I),
    re.compile(r"\bi (just )?can'?t go on( like this\b| any ?more\b|\s*[.!]*$)", re.I),
    # Said quietly: settling affairs, saying goodbye, not being a bother "much longer".
    re.compile(r"\b((put|putting|got|getting|sorted|sorting) (all )?my affairs in order"
               r"|won'?t be (troubling|bothering|a (bother|burden) to) (you|anyone|anybody)"
               r" (for )?(much|very) (longer|more)|(not|no) (much )?point (in|to) (any of it"
               r"|anything|living|carrying on|going on)( any ?more)?|said (my|our) goodbyes"
               r"|(giving|given) away (all )?my (things|belongings)"
               r"|this (will be|is) my (last|final) (e-?mail|letter|message)"
               r" (to you )?(ever|before i go)"
               r"|(nobody|no one|no-one) (will|would) (miss|notice) (me|if i))\b", re.I),
)


class SelfHarm:
    name = "self-harm"
    description = "States thoughts of suicide or self-harm."

    def check(self, reading: Reading) -> RuleHit | None:
        return first_match(self, reading, *_PATTERNS)
