"""Swearing in an email to staff, spelt out or masked.

"He swore at me" reports someone else's conduct and is not profanity; the
words themselves are. Masked forms ("f***ing", "f*cking") count: the
customer still chose them.
"""

from __future__ import annotations

import re

from mailbox.triage.lexicon.abuse import ALL_PROFANITY
from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, hit

_MASKED = re.compile(r"\b(f[*#@!\-_]+(c?k|c?king|c?kin|ing|in|ed|er|ers|wit)?|f[*#@!]*ck\w*"
                     r"|c[*#@!]{2,}t|sh[*#@!]t\w*|tw[*#@!]t|b[*#@!]+(st)?ard)(?=\W|$)", re.I)
_WORD = re.compile(r"[a-z]+")
# Swearing about a thing ("this f***ing building") is not aimed at staff.
_PERSON = re.compile(r"\b(you|your|yours|you're|youre|he|she|him|her|they|them"
                     r"|mr|mrs|ms|miss|cllr|officer|officers|staff|warden|inspector|manager)\b",
                     re.I)


class Profanity:
    name = "profanity"
    description = "Uses strong swear words, spelt out or masked with asterisks."

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            found = set(_WORD.findall(sentence.lower())) & ALL_PROFANITY
            if (found or _MASKED.search(sentence)) and _PERSON.search(sentence):
                return hit(self, sentence)
        return None
