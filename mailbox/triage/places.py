"""Places named in a sentence: a street, an estate, a school, a park.

A matter is often the old one in a new place: "the same problem as Kestrel Walk, only
this time it's outside St Anne's Primary on Heron Street". The policy counts a new
location as a new matter however the customer frames it, and a place is named in a
fixed shape that needs no list of places: a capitalised name before a word for a kind
of place (Street, Road, Close, Primary, Park ...), or a saint's name ("St Aidan's").
A place whose name the case file has never held is news in the way a new date is.
"""

from __future__ import annotations

import re

from mailbox.triage.words import stem

_KINDS = (r"Street|Road|Lane|Avenue|Close|Court|Drive|Way|Crescent|Gardens|Park|Primary|School"
          r"|Academy|College|Estate|Square|Terrace|Place|Grove|Walk|Hill|Green|Row|Mews|Rise"
          r"|Parade|View|Yard|Wharf|Quay|Cemetery|Library|Centre|Surgery|Hospital|Depot")
_PLACE = re.compile(
    rf"\b((?:[A-Z][a-z'’]+ ){{1,2}})(?:{_KINDS})\b"
    r"|\bSt\.? ([A-Z][a-z]+)(?:['’]s)\b")
# Capitalised words that open a place phrase without naming it: "the", "my", "on".
_NOT_NAMES = frozenset({
    "the", "my", "our", "your", "his", "her", "their", "on", "in", "at", "by", "to", "from",
    "near", "outside", "behind", "opposite", "off", "this", "that", "a", "an", "and", "of",
    "it's", "its", "i",
})


def place_names(sentence: str) -> set[str]:
    """The stems of the names of the places the sentence names ("heron" for Heron Street)."""
    found: set[str] = set()
    for lead, saint in _PLACE.findall(sentence):
        for word in (lead or saint).split():
            plain = word.lower().replace("’", "'").removesuffix("'s")
            if plain not in _NOT_NAMES and len(plain) > 2:
                found.add(stem(plain))
    return found
