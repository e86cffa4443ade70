"""Name-calling aimed at a member of staff.

"The review was a whitewash" criticises a decision; "Mr X is a liar" or
"you lot are a bunch of crooks" attacks people. The rule needs both a
person as the target and an insult said of them.
"""

from __future__ import annotations

import re

from mailbox.triage.lexicon.abuse import ALL_INSULTS
from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, hit

_TARGET = (
    r"\b(you( lot| people| all| two)?|your (\w+ )?(staff|officers?|warden|inspector|manager|team"
    r"|colleagues?|boss)|he|she|they|(mr|mrs|ms|miss|dr|cllr|councillor)\.? [a-z'-]+"
    r"|th(at|is|e) (woman|man|officer|inspector|warden|clerk|person|lady|manager|girl|bloke|guy)"
    r"|(?-i:[A-Z][a-z]+ [A-Z][a-z'-]+))"
)
_COPULA = re.compile(
    _TARGET + r"(,[^,]{1,40},)?\s*(\s(is|are|was|were)|'re|’re|'s|’s|s|re)\s+"
    r"((just|nothing but|such|all|"
    r"clearly|obviously|a|an|the|one|bunch|pack|load|shower|gang|nest|band|of|and|little|big"
    r"|bloody|[a-z]\*+[a-z]*|\w+ing|\w+,)\s+){0,6}(?P<word>[a-z]+)",
    re.I,
)
_COLLECTIVE = re.compile(r"\b(bunch|pack|load|shower|gang|nest|band) of ((\w+|\w+,) ){0,3}"
                         r"(?P<word>[a-z]+)\b", re.I)
_VOCATIVE = re.compile(r"\byou (\w+ |[a-z]\*+[a-z]* ){0,2}(?P<word>[a-z]+)\b", re.I)


class Insult:
    name = "insult"
    description = "Calls a member of staff names (liar, thief, crook, stupid ...)."

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            if any(_insults(p, sentence) for p in (_COPULA, _COLLECTIVE, _VOCATIVE)):
                return hit(self, sentence)
        return None


def _insults(pattern: re.Pattern[str], sentence: str) -> bool:
    return any(_said_of_person(m) for m in pattern.finditer(sentence))


def _said_of_person(match: re.Match[str]) -> bool:
    span = match.group(0).lower().replace(",", " ").split()
    return any(w.strip(".!?") in ALL_INSULTS for w in span[1:])
