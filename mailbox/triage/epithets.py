"""An epithet standing alone: "Clipboard leeches.", "Vermin, all of you at that depot".

A customer who has just named staff ("that's what you are, the lot of you") often goes on
in fragments: a noun phrase of a few words with no verb, headed by an insult, said of
whoever was named. `Insult` reads "X is a ..." and "a ... if ever I saw one"; this reads the
bare epithet by its shape: the sentence OPENS with a short verbless noun phrase (up to the
first comma, "who" or the end) whose HEAD, its last word, names a person as vermin, a
parasite, an ape. Its target is the people just named:

- an insult, or a creature only ever likened to people (bloodsuckers, apes, leeches):
  staff named in this sentence or the one before, and no one else nearer
  (`people.last_person_is_staff`);
- a creature that may be there for real (rats, maggots), which a housing complaint may
  simply report ("Rats. Everywhere in the kitchen."): only with a person pointed at in the
  same sentence ("the lot of them", "all of you") or an insulting word before it.
"""

from __future__ import annotations

import re

from mailbox.triage.lexicon.abuse import ALL_INSULTS
from mailbox.triage.people import last_person_is_staff, mentions_staff

# Creatures that may be reported for real in a home or a street ("Rats. Everywhere."): said
# of people only with a person pointed at or an insulting word before them.
_LITERAL = frozenset({
    "rat", "rats", "mouse", "mice", "vermin", "cockroach", "cockroaches", "maggot", "maggots",
    "pig", "pigs", "dog", "dogs", "worm", "worms", "slug", "slugs", "snake", "snakes", "fleas",
    "bugs", "insects", "lice", "ticks", "sheep", "cattle", "donkey", "donkeys", "pigeons", "foxes",
})
# Creatures no council complaint reports for real, only likens people to.
_LIKENED = frozenset({
    "ape", "apes", "monkey", "monkeys", "baboon", "baboons", "leech", "leeches", "parasite",
    "parasites", "hyena", "hyenas", "vulture", "vultures", "animals", "weasel", "weasels", "swine",
    "bloodsucker", "bloodsuckers", "jackals", "locusts",
})
_OPENING = re.compile(r"^\s*(?P<head>([\w'-]+ ){0,3}[\w'-]+)\s*(?P<end>[,.!;:]|\bwho\b|\bthat\b"
                      r"|$)", re.I)
# Words that mark a clause, not a bare noun phrase: determiners of a thing, verbs, pronouns.
_NOT_EPITHET = re.compile(r"\b(i|we|it|he|she|they|he'?s|she'?s|they'?re|a|an|there|is|are|was"
                          r"|were|be|been|have|has|had|do|does|did"
                          r"|in|on|at|of|to|from|with|and|or|my|our|the|this|these|no|not"
                          r"|more|some|any|all)\b", re.I)
_POINTED = re.compile(r"\b(the lot of (you|them)|all of (you|them)|every (last )?one of (you"
                      r"|them)|you lot|the (whole )?lot of (you|them)|you all|your lot)\b", re.I)


def bare_epithet(text: str, earlier: tuple[str, ...]) -> bool:
    """`text` (own words) opens with an epithet said of the staff just named (see above)."""
    found = _OPENING.match(text)
    if not found or _NOT_EPITHET.search(found.group("head")):
        return False
    words = [w.lower().strip("'-") for w in found.group("head").split()]
    head, before = words[-1], words[:-1]
    if head in _LITERAL:
        named = bool(_POINTED.search(text)) or any(w in ALL_INSULTS or "-" in w for w in before)
    elif head in ALL_INSULTS | _LIKENED:
        named = mentions_staff(text) or bool(earlier and mentions_staff(earlier[-1]))
    else:
        return False
    return named and last_person_is_staff(earlier, text)
