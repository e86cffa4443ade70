"""Threats against staff, open or veiled.

"I know where you live" and "she'll find out what happens" threaten a
person. Going to the press, a solicitor, a councillor or the Ombudsman is a
legitimate step and is not a threat in this sense.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, first_match

_WHO = r"(you|him|her|them|your \w+|the lot of you|all of you)"
_WILL = r"(i|we)('ll|’ll| will| am going to|'m going to|’m going to|'m gonna| shall)"
_PATTERNS = (
    re.compile(r"\b(i|we) know (where|which \w+) (you|he|she|they|(the |your )?\w+ (lads|staff"
               r"|officers?|team|workers|crew)) (live|lives|park|parks|work|works)\b"
               r"|\b(i|we) know (your|his|her) (address|car|kids|children|family)\b", re.I),
    re.compile(r"\bwatch (your|his|her|their) backs?\b|\bfind out what happens\b"
               r"|\b(you|you've|you have) been warned\b"
               r"|\b(don'?t|do not) say (you|i) (weren'?t|wasn'?t|didn'?t|did not) warn"
               r"|\bconsider yourselves? warned\b"
               r"|\bthis is your (last|final) warning\b", re.I),
    re.compile(r"\b(you|he|she|they)('ll|’ll| will) (regret|be sorry|pay for)\b"
               r"|\bget what('s|’s| is) coming\b|\byou('re|’re| are) (dead|finished)\b", re.I),
    re.compile(rf"\b{_WILL} (kill|hurt|smash|punch|batter|stab|burn|shoot|strangle|deal with"
               rf"|sort out|get|do|hunt down|come for|come after|find) {_WHO}\b", re.I),
    re.compile(r"\bwon'?t be (held )?responsible for (my actions|what i do|what happens)\b"
               r"|\b(something|an accident) (bad |nasty )?(will|might|could) happen to\b"
               r"|\bwait (till|until) i (get|see|find|catch)\b", re.I),
    re.compile(rf"\b(kill|murder|stab|shoot|strangle) {_WHO}\b|\bburn (the|your) \w+ down\b",
               re.I),
)


class Threat:
    name = "threat"
    description = "Threatens a member of staff, openly or in veiled terms."

    def check(self, reading: Reading) -> RuleHit | None:
        return first_match(self, reading, *_PATTERNS)
