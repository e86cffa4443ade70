"""Name-calling aimed at a member of staff.

"The review was a whitewash" criticises a decision; "Mr X is a liar", "you
lot are a bunch of crooks" or "that lazy slob from your team" attacks a
person. The rule needs a person as the target and an insult said of them:
"the rats" in a pest report, or a neighbour called names in a quoted
account, is not this rule.
"""

from __future__ import annotations

import re

from mailbox.triage.lexicon.abuse import ALL_INSULTS, ALL_SAID_ONLY, MASKED
from mailbox.triage.model import RuleHit
from mailbox.triage.own_words import own_words
from mailbox.triage.people import PERSON_NOUNS, STAFF_ROLES, mentions_staff
from mailbox.triage.rules.base import Reading, hit

_TARGET = (
    rf"\b(you( lot| people| all| two| guys)?|your ([\w-]+ )?({STAFF_ROLES})|he|she|they"
    rf"|(mr|mrs|ms|miss|dr|cllr|councillor)\.? [a-z'-]+"
    rf"|th(at|is|e) ([\w-]+ )?({PERSON_NOUNS})|(?-i:[A-Z][a-z]+ [A-Z][a-z'-]+))"
)
_SAID_OF = re.compile(
    _TARGET
    + r"(,[^,]{1,40},)?\s*(\s(is|are|was|were|remains?)|'re|’re|'s|’s)\s+(?P<rest>[^.;:!?]*)",
    re.I,
)
_COLLECTIVE = re.compile(r"\b(bunch|pack|load|shower|gang|nest|band) of (?P<rest>[^.;:!?]*)", re.I)
_VOCATIVE = re.compile(r"\byou (?P<rest>([\w*'-]+ ?){1,3})", re.I)
_POINTED = re.compile(
    rf"\b(that|this|those|these|your|the) (?P<rest>([\w*'-]+ ){{0,3}}[\w*'-]+)"
    rf"(?= ({PERSON_NOUNS}|[A-Z][a-z]+)\b|[ ,.!?]|$)",
)
_OF_A = re.compile(rf"\b(?P<rest>[\w*'-]+) of an? ([\w-]+ )?({PERSON_NOUNS})\b", re.I)
# Animal words insult only when said of someone; "the rats" in a pest report are rats.
_ANIMALS = frozenset([
    "rat", "rats", "snake", "snakes", "pig", "pigs", "cow", "cows", "weasel", "weasels",
    "vulture", "vultures", "cockroach", "cockroaches", "swine", "vermin", "leech", "leeches",
    "parasite", "parasites", "troll", "trolls",
])
_ATTRIBUTIVE = frozenset({"lying", "thieving", "fat", "thick"})
_WORDS = re.compile(r"[\w*'-]+")


class Insult:
    name = "insult"
    description = "Calls a member of staff names (liar, thief, crook, stupid ...)."

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            if is_insult(own_words(sentence)):
                return hit(self, sentence)
        return None


def is_insult(text: str) -> bool:
    """True when `text` (the customer's own words) calls a person names."""
    for pattern in (_SAID_OF, _COLLECTIVE, _VOCATIVE, _OF_A):
        if any(_insulting(m.group("rest"), animals=True) for m in pattern.finditer(text)):
            return True
    return mentions_staff(text) and any(
        _insulting(m.group("rest"), animals=False) for m in _POINTED.finditer(text.lower())
    )


def _insulting(rest: str, animals: bool) -> bool:
    """Is an insult among the first words said of the person?"""
    words = [w.strip("'-").lower() for w in _WORDS.findall(rest)][:7]
    for i, word in enumerate(words):
        if MASKED.fullmatch(word):
            return True
        if word not in ALL_INSULTS or (not animals and word in _ANIMALS | ALL_SAID_ONLY):
            continue
        if word in _ATTRIBUTIVE and not _noun_follows(words[i + 1 :]):
            continue
        return True
    return False


def _noun_follows(rest: list[str]) -> bool:
    """"a lying scumbag" insults; "he is lying on the floor" describes."""
    return bool(rest) and (rest[0] in ALL_INSULTS or bool(MASKED.fullmatch(rest[0]))
                           or re.fullmatch(PERSON_NOUNS, rest[0]) is not None)
