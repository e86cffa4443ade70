"""Swearing aimed at a member of staff, spelt out or masked.

"He swore at me" reports someone else's conduct, and "this f***ing building"
swears at a thing: neither is this rule. "F*** off", "you f***ing idiots"
and "your f***ing officer" swear at people. Masked forms ("f***ing",
"c***s") count: the customer still chose them.
"""

from __future__ import annotations

import re

from mailbox.triage.lexicon.abuse import ALL_INSULTS, ALL_PROFANITY, MASKED
from mailbox.triage.model import RuleHit
from mailbox.triage.own_words import own_words
from mailbox.triage.people import PERSON_NOUNS, STAFF_ROLES, name_placed_third_parties
from mailbox.triage.rules.base import Reading, hit

_PERSON = re.compile(
    rf"^(you|your|yours|yourself|yourselves|he|she|him|her|they|them|mr|mrs|ms|miss|cllr"
    rf"|{STAFF_ROLES}|{PERSON_NOUNS})$",
    re.I,
)
_AT_PERSON = re.compile(r"\b(off|you|yourself|yourselves|him|her|them)\b", re.I)
_WORD = re.compile(r"[\w*#@!'-]+")
# Where a clause ends: a comma or stop, a dash set off by spaces.
_CLAUSE_BREAK = re.compile(r"[,;:.?()\[\]]\s|\s[-–—]\s")


class Profanity:
    name = "profanity"
    description = "Swears at a member of staff, spelt out or masked with asterisks."

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            if aimed_swearing(name_placed_third_parties(own_words(sentence))):
                return hit(self, sentence)
        return None


def aimed_swearing(text: str) -> bool:
    """A swear word with a person beside it: "f*** you", "you f***ing ...", "f***ing Smith".

    Beside it means in the same clause: "the whole bloody system is s***, made by people who
    ..." swears at the system, and the people come in a clause of their own.
    """
    return any(_aimed_in_clause(clause) for clause in _CLAUSE_BREAK.split(text))


def _aimed_in_clause(text: str) -> bool:
    words = _WORD.findall(text)
    for i, word in enumerate(words):
        if not _is_swear(word):
            continue
        before = [w.lower() for w in words[max(0, i - 2) : i]]
        after = words[i + 1 : i + 4]
        if any(w in ("you", "your", "ur", "u") for w in before):
            return True
        if after and _AT_PERSON.fullmatch(after[0]):
            return True
        if any(_PERSON.match(w) or w.lower() in ALL_INSULTS for w in after):
            return True
        if any(_PERSON.match(w) for w in before[-1:]):
            return True
    return False


def _is_swear(word: str) -> bool:
    return word.lower().strip("'-") in ALL_PROFANITY or bool(MASKED.fullmatch(word.strip("'-")))
