"""Threats against staff, open or veiled.

"I know where you live", "she'll find out what happens" and "think on"
threaten a person. Going to the press, a solicitor, a councillor or the
Ombudsman is a legitimate step and is not a threat in this sense; nor is a
neighbour's threat that the customer quotes to report it, nor an idiom
("this cold is killing me").
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.own_words import own_words
from mailbox.triage.rules.base import Reading, hit

_WHO = r"(you|him|her|them|your \w+|the lot of you|all of you|that \w+)"
_WILL = r"(i|we)('ll|’ll| will| am going to|'m going to|’m going to|'m gonna| shall| would)"
_PATTERNS = (
    re.compile(r"\b(i|we) know where (you|he|she|they|(the |your )?\w+ (lads|staff|officers?|team"
               r"|workers|crew)) (live|lives)\b", re.I),
    re.compile(r"\bwatch (your|his|her|their) backs?\b|\bfind out what happens\b"
               r"|\b(you|you've|you have) been warned\b|\bwatch yourselves?\b"
               r"|\b(don'?t|do not) say (you|i) (weren'?t|wasn'?t|didn'?t|did not) warn"
               r"|\bconsider yourselves? warned\b|\bthink on\s*[.!]*$"
               r"|\bthis is your (last|final) warning\b", re.I),
    re.compile(r"\b(you|he|she|they)('ll|’ll| will) (regret|be sorry|pay for)\b"
               r"|\bget what('s|’s| is) coming\b|\byou('re|’re| are) (dead|finished)\b"
               r"|\bwon'?t know what hit (you|him|her|them)\b|\bwhen (you|he|she) least expect"
               r"|\bpeople like (you|him|her) (deserve|need|want|should get|will get)\b"
               r"|\bi hope (you|your \w+|he|she|they|his \w+|her \w+) (suffer|suffers|die|dies"
               r"|rot|rots|burn|burns)\b|\bi hope (your|his|her|their) (kids|children|family|wife"
               r"|husband|mum|mother|dad|father|son|daughter) (get|gets|go through|end up)\b",
               re.I),
    re.compile(rf"\b{_WILL} (kill|hurt|smash|punch|batter|stab|burn|shoot|strangle|deal with"
               rf"|sort out|get|do|hunt down|come for|come after|find|make) {_WHO}\b"
               rf"|\b{_WILL} be waiting (for (you|him|her|them)|outside (your|his|her))\b"
               rf"|\b{_WILL} make (you|him|her|them|sure you) (pay|regret|suffer|sorry)\b", re.I),
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
        for sentence in reading.sentences:
            text = own_words(sentence)
            if any(p.search(text) for p in _PATTERNS):
                return hit(self, sentence)
        return None
