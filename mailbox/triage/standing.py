"""A member of staff put down for who they are: the TARGET first, then what is said.

Round 12's `remarks` reads a characteristic (age, origin, a body) said of staff. The
sentences it missed say something else of them, with no characteristic word in them: where
a woman belongs ("should be at home making babies"), what she would look like undressed,
that a man is no "proper man" ("minces about"), that a grown officer is a child ("I do
hope someone is supervising her", "do they let her use the stapler unsupervised yet"),
that he should be sent back where his family came from, or how safe she feels walking to
her car. Those are set phrases of ordinary English (`lexicon.standing`), and they are abuse
only when said of a member of staff. So each phrase counts when:

1. the sentence points at a person: a member of staff named ("your officer", "Ms Lacey",
   "that girl like this") or a third-person pronoun, and the nearest person named before
   the phrase is staff (`people.last_person_is_staff`): a neighbour, a relative or the
   customer's own family is not;
2. the customer is not speaking of themselves: "I should be at home", "my mum has to cut
   my food up" are the customer's own life.

Quoted and reported speech is removed first (`own_words`): a customer reporting what a
neighbour said to them is the victim.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mailbox.triage.lexicon.standing import GROUPS
from mailbox.triage.literals import Guarded, guarded
from mailbox.triage.own_words import own_words
from mailbox.triage.people import last_person_is_staff, mentions_staff, name_placed_third_parties

# Whom a phrase is said of, where the phrase itself names them.
_PRONOUN = (r"(him|her|them|it|the (\w+ ){0,2}(officer|warden|inspector|girl|lad|woman|man"
            r"|lady|bloke)|(mr|mrs|ms|miss|dr)\.? [A-Z][\w'-]+)")
# A person in the sentence the phrase can be said of.
_PERSON = re.compile(r"\b(he|she|him|her|his|hers|they|them|their|it|its|himself|herself"
                     r"|themselves)\b", re.I)
# A person the phrase itself names: "a girl like this", "women her age".
_NAMED = re.compile(r"\b(child|kid|toddler|baby|infant|schoolgirl|schoolboy|girl|boy|woman|women"
                    r"|man|men|bloke|lass|lady|ladies|female|females)\b", re.I)
# The customer as the one spoken of, just before the phrase: "I should be", "my mum".
# A phrase that itself names a third person ("cut his food up", "in her shoes") is said of them,
# whoever speaks: "I expect his mummy helps him".
_SELF = re.compile(r"\b(i|i'?m|i'?ve|i'?d|me|my|we|we'?re|us|our|myself)\b( [\w'-]+){0,2}\s*$",
                   re.I)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, Guarded], ...]:
    out = []
    for group, phrases in GROUPS.items():
        alternatives = "|".join(f"(?:{p})" for p in _entries(phrases))
        out.append((group, guarded(rf"\b({alternatives})", re.I)))
    return tuple(out)


def _entries(phrases: str) -> list[str]:
    """One pattern an entry: a line, with any indented lines after it joined on."""
    entries: list[str] = []
    for line in phrases.strip("\n").splitlines():
        if line.startswith(" ") and entries:
            entries[-1] += line.strip()
        elif line.strip():
            entries.append(line.strip())
    return [e.replace("PRONOUN", _PRONOUN) for e in entries]


def denies_standing(sentence: str, earlier: tuple[str, ...] = ()) -> str | None:
    """The group of a put-down of staff in `sentence` (see the module docstring), or None."""
    text = name_placed_third_parties(own_words(sentence))
    pointed: bool | None = None  # asked only once a phrase is found: most sentences hold none
    for group, pattern in _patterns():
        for found in pattern.finditer(text):
            before = text[: found.start()]
            # "To a child whose experience ...": the phrase may name the person itself.
            own = _SELF.search(before) and not _PERSON.search(found.group(0))
            if pointed is None:
                pointed = bool(_PERSON.search(text) or mentions_staff(text))
            if own or not (pointed or _NAMED.search(found.group(0))):
                continue
            if last_person_is_staff(earlier, text[: found.end()]):
                return group
    return None
