"""Discriminatory language about a member of staff.

Slurs, and remarks that a person does not belong or cannot do the job
because of where they are from, their race, religion, sex, sexuality or
disability, are discriminatory under every one of the five policies.
"""

from __future__ import annotations

import re

from mailbox.triage.lexicon.abuse import ALL_SLURS
from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, hit

_IDENTITY = (r"(a )?(woman|women|girl|black|asian|muslim|jewish|hindu|sikh|gay|lesbian|foreign"
             r"|foreigner|immigrant|disabled|polish|indian|pakistani|african|romanian|english"
             r"|british|catholic|christian|trans|old|deaf|blind)")
_PATTERNS = (
    re.compile(r"\b(isn'?t|is not|aren'?t|are not|not|never) from (round|around|over) here\b"
               r"|\bgo back (to|where) (your|his|her|their|you|he|she|they)\b"
               r"|\b(back )?where (you|he|she|they) came from\b"
               r"|\b(your|his|her|their) own country\b", re.I),
    re.compile(r"\b(can'?t|cannot|can not|doesn'?t|don'?t|who can|that can|who could)"
               r"( actually| even)? speak (proper |decent |good )?english\b"
               r"|\b(proper|real|true) (english|british) (people|residents|folk)\b",
               re.I),
    re.compile(rf"\bbecause (he|she|you|they)('s|’s|'re|’re| is| are) {_IDENTITY}\b"
               rf"|\bpeople like (you|him|her|them) (shouldn'?t|should not|don'?t|can'?t|never)\b"
               rf"|\b{_IDENTITY} (shouldn'?t|should not|can'?t|cannot) be"
               rf" (allowed|doing|in charge)",
               re.I),
)
_WORD = re.compile(r"[a-z]+")


class Discrimination:
    name = "discrimination"
    description = "Uses a slur, or says a staff member does not belong because of who they are."

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            if set(_WORD.findall(sentence.lower())) & ALL_SLURS or any(
                p.search(sentence) for p in _PATTERNS
            ):
                return hit(self, sentence)
        return None
