"""A concern that someone is being harmed, neglected or threatened.

Injuries from a carer, missed medication, a child at risk, or a neighbour's
threat of violence are safeguarding matters, not correspondence to file.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, first_match

_PERSON = (r"(me|her|him|us|them|my (mum|mother|dad|father|son|daughter|child|children|kids?"
           r"|wife|husband|partner|nan|gran|grandmother|grandfather|grandson|granddaughter"
           r"|brother|sister|baby|carer|neighbour))")
_PATTERNS = (
    re.compile(r"\bbruis(e|es|ed|ing)\b|\b(physical|sexual|financial|emotional|domestic)"
               r" (abuse|violence)\b|\bneglect(ed|ing)?\b", re.I),
    re.compile(rf"\b(yanked|grabbed|pushed|shoved|slapped|punched|kicked|assaulted|attacked"
               rf"|threatened|strangled|hit) {_PERSON}\b", re.I),
    re.compile(r"\b(sort|do) (me|her|him|us) (out|in)\b|\b(going|gonna) to (get|hurt|kill)"
               r" (me|her|him|us)\b", re.I),
    re.compile(r"\b(not|never|didn'?t|hasn'?t|haven'?t) (had|have|been given|given|get|got)"
               r" (her|his|their|my) (evening |morning )?"
               r"(tablets|medication|medicine|insulin)\b|\b(missed|without) (her|his|their|my)"
               r" (tablets|medication|medicine|insulin)\b", re.I),
    re.compile(r"\b(frightened|afraid|scared|fear) for (my|her|his|our|their) (life|lives|safety)"
               r"|\b(child|children|kids|baby) (is |are )?(at risk|in danger|not safe)\b"
               r"|\bnot safe in (my|our|her|his) (own )?(home|flat|house)\b", re.I),
)


class SafeguardingConcern:
    name = "safeguarding-concern"
    description = "Describes someone being hurt, neglected or threatened with violence."

    def check(self, reading: Reading) -> RuleHit | None:
        return first_match(self, reading, *_PATTERNS)
