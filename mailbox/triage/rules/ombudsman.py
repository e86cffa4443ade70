"""A complaint actually referred to an Ombudsman or the ICO.

"I will go to the Ombudsman" is a customer's right, mentioned in many
repeats, and is not this rule; asking how to refer a complaint there is
(`HOW_I`). A referral made, or an Ombudsman asking the
council for something, needs an officer: it has deadlines of its own.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import HOW_I, Reading, first_match

_BODY = (r"((local government( and social care)?|housing|parliamentary( and health service)?)"
         r" )?ombudsman|lgs?co\b|information commissioner|\bico\b")
_PATTERNS = (
    re.compile(rf"\b(i|we) ha(ve|d) (now |already |just |today |recently |formally |finally "
               rf"|this (week|morning|afternoon) )?(complained|referred|reported|written"
               rf"|gone|taken|made a complaint|submitted|sent)\b[^.?!]{{0,120}}\bto the ({_BODY})",
               re.I),
    re.compile(rf"\b(i am|i'm|we are) (now )?(referring|taking|reporting|complaining)\b"
               rf"[^.?!]{{0,120}}\bto the ({_BODY})", re.I),
    re.compile(rf"\b(the )?({_BODY}) (has|have) (now )?(asked|contacted|written|opened|accepted"
               rf"|requested|started|agreed|decided)", re.I),
    re.compile(rf"\b(the )?({_BODY}) (is|are) (now )?(investigating|looking into|considering)",
               re.I),
    # Asking how to take the route is taking it: "advise me how I may refer it to the LGO".
    re.compile(rf"\b{HOW_I} (go about )?(refer\w*|tak\w+"
               rf"|complain\w*|report\w*|escalat\w+|apply\w*|go|get|contact\w*|writ\w+"
               rf"|make a complaint)\b[^.?!]{{0,60}}\b(to|with) the ({_BODY})"
               rf"|\bhow (to|do i|can i|may i) (contact|reach|complain to) the ({_BODY})", re.I),
    re.compile(rf"\bmy complaint (to|with) the ({_BODY})|\b({_BODY})('s)? (case|reference|ref)\b",
               re.I),
)


class OmbudsmanReferral:
    name = "ombudsman-referral"
    description = "Says a complaint has been referred to an Ombudsman or the ICO."

    def check(self, reading: Reading) -> RuleHit | None:
        return first_match(self, reading, *_PATTERNS)
