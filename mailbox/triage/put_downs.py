"""Insults that name no insult: mocking comparisons, idioms of unfitness, adjective lists.

"Gemma clearly has the IQ of a houseplant", "he couldn't organise a raffle in a church hall"
and "Useless, spineless, the lot of you" call a person names with no word of `ALL_INSULTS`
in them. Each is a structure rather than a phrase, so each is read as one:

- COMPARISON: a faculty a person has ("the IQ", "the brains", "the manners", "the spine")
  likened to a thing ("of a houseplant", "of a gnat"), or "as thick as ...";
- UNFITNESS: "couldn't organise / run / find X in a Y", the idiom of incompetence;
- LIST: two or more strongly negative person-describing words in a bare list ("useless,
  spineless", "lazy and incompetent"), said of a person ("the lot of you", "you are ...").
  A word is negative when it is an insult or rated strongly negative by the VADER lexicon
  (see `attitude`), so the list need not be kept by hand.

The caller decides that the person is staff and not a third party.
"""

from __future__ import annotations

import re

from mailbox.triage.attitude import rating
from mailbox.triage.lexicon.abuse import ALL_INSULTS

_FACULTY = (r"(iq|brains?|brain ?cells?|intelligence|intellect|sense|common sense|wit|wits"
            r"|memory|personality|charm|manners|attention span|backbone|spine|empathy"
            r"|compassion|people skills|social skills|emotional intelligence|competence)")
_COMPARISON = re.compile(
    rf"\b(has|have|had|got|with|possess(es)?)( got)?( (only|about|roughly|barely|maybe"
    rf"|clearly|obviously))? (the|an?) {_FACULTY} of (an? |two |three )?([\w-]+ ){{0,2}}[\w-]+"
    r"|\b(as|so) (thick|dim|daft|dense|slow|stupid|useful|useless|bright|sharp) as (an? |two"
    r" |three |a bag of |a box of |a sack of )[\w-]+"
    r"|\b(thick|dim|daft|dense) as (two )?short planks\b"
    r"|\b(one|a few|several) (sandwich(es)?|brick|slice|sausage|fry|can)s? short of an?\b",
    re.I,
)
_UNFIT = re.compile(
    r"\b(couldn'?t|could not|can'?t|cannot|wouldn'?t be able to) (organi[sz]e|run|find|manage"
    r"|fight|punch|sell|pour|plan|spell|count) (an?|their|his|her|your|its) [\w-]+"
    r"( [\w-]+)? (in|with|out of|on|at) (an?|the) [\w-]+",
    re.I,
)
# Whom a bare list is said of: "..., the lot of you", "you lot are ...", "you are ...".
_OF_PEOPLE = re.compile(
    r"\b(the (whole )?lot of (you|them)|you lot|you all|all of you|every (one|last one) of"
    r" you|you people|you two|you( lot)?('re|’re| are| were))\b",
    re.I,
)
_LIST = re.compile(r"(?P<items>[a-z-]+((\s*,\s*|\s+and\s+)[a-z-]+)+)", re.I)
# A word is a put-down in a list when rated this negative or worse.
_NEGATIVE = -1.5


def compares_or_unfit(text: str) -> bool:
    """A mocking comparison or an idiom of unfitness ("the IQ of a houseplant")."""
    return bool(_COMPARISON.search(text) or _UNFIT.search(text))


def negative_list(text: str) -> bool:
    """Two or more negative person-describing words in a bare list, said of people."""
    if not _OF_PEOPLE.search(text):
        return False
    for found in _LIST.finditer(text):
        words = re.split(r"\s*,\s*|\s+and\s+", found.group("items").lower())
        if sum(_negative(w) for w in words) >= 2 and all(len(w.split()) == 1 for w in words):
            return True
    return False


def _negative(word: str) -> bool:
    return word in ALL_INSULTS or (word.endswith("less") and word not in _NEUTRAL_LESS) or (
        rating(word) <= _NEGATIVE)


# Words in "-less" that describe a thing or a state, not a failing of character.
_NEUTRAL_LESS = frozenset({"homeless", "helpless", "sleepless", "endless", "pointless",
                           "regardless", "unless", "nevertheless", "wireless", "cordless",
                           "harmless", "timeless", "countless", "needless", "doubtless",
                           "jobless", "penniless", "powerless", "defenceless", "defenseless",
                           "childless", "breathless", "restless", "speechless", "motionless",
                           "worthless", "careless", "senseless", "meaningless", "useless"})
