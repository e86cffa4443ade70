"""What a sentence asks the council to do, by kind (`lexicon.asks`).

"Can you take less, maybe 5 pound?" or "I want the rest refunded" names no
new place or event, and its words are ordinary; but it asks for something
(a smaller deduction, money back) that the case file never shows being
asked for or decided. A request whose kind the known issues and earlier
emails never mention is a new request, which the policy escalates however
briefly it is put.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mailbox.triage.lexicon.asks import ASKS

# The sentence asks or demands: a request, a want, a "please".
_ASKING = re.compile(
    r"\b((i|we)( really| just| still| now)? (want|need|would like|'d like|expect|demand|ask"
    r"|am asking|are asking|request|insist)|please|pls|(can|could|would|will) (you|someone"
    r"|the council)|i ask that|kindly)\b"
    # ... or a need with its subject dropped: "lost my card, need a new one".
    r"|(^|[,;:]\s*|\band\s+)(need|want) (a|an|another|the|my|to|some)\b",
    re.I,
)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern per kind of request; an indented line continues the one above."""
    text = re.sub(r"\n\s+", " ", ASKS.strip())
    out = []
    for line in text.splitlines():
        name, _, entries = line.partition(":")
        alternatives = "|".join(
            e.strip().replace("*", r"\w*").replace(" ", r"\s+")
            for e in re.split(r",(?![^()]*\))", entries) if e.strip()
        )
        out.append((name.strip(), re.compile(rf"\b({alternatives})\b", re.I)))
    return tuple(out)


def ask_kinds(text: str) -> frozenset[str]:
    """The kinds of request `text` mentions, asked for or not (for the case file)."""
    return frozenset(name for name, pattern in _patterns() if pattern.search(text))


def asked_kinds(sentence: str) -> frozenset[str]:
    """The kinds of request `sentence` actually asks for."""
    if not _ASKING.search(sentence):
        return frozenset()
    return ask_kinds(sentence)


def ask_words(sentence: str) -> frozenset[str]:
    """The words that make up the asking phrases ("refunded", "put", "back")."""
    found: set[str] = set()
    for _, pattern in _patterns():
        for match in pattern.finditer(sentence):
            found.update(match.group(0).lower().split())
    return frozenset(found)
