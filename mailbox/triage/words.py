"""Content words and a light stemmer.

A full linguistic stemmer is not needed: the same customer uses the same
words, and what must match is "receipt" with "receipts", "inspected" with
"inspection", "sayin" with "saying" and "mould" with "condensation" (see
`lexicon.synonyms`). Stems are compared, so both sides go through the same
rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mailbox.triage.lexicon.generic import ALL as GENERIC
from mailbox.triage.lexicon.synonyms import CANONICAL
from mailbox.triage.spelling import normal

_WORD = re.compile(r"[a-z*]*[a-z](?:[*]+[a-z]*)*(?:['’][a-z]+)?")
_TITLE_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+([A-Z][\w'’-]+)")
_SUFFIXES = ("ations", "ation", "ions", "ion", "ates", "ated", "ating", "ate", "ments", "ment",
             "ness", "ings", "ing", "ied", "ies", "ed", "es", "ly", "als", "al", "s")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Strip common English endings so inflections, and synonyms, of one word meet."""
    w = word.lower().replace("’", "'")
    w = CANONICAL.get(w, w)
    w = w.split("'")[0] if w.endswith(("'s", "'ll", "'ve", "'re", "'d", "'t")) else w
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            if suffix in ("ied", "ies"):
                w += "y"
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes kept inside (can't, council's), shorthand spelt out."""
    return [normal(w) for w in _WORD.findall(text.lower())]


def names(text: str) -> set[str]:
    """Surnames after a title: people are not matters, so they never count as new."""
    return {m.lower() for m in _TITLE_NAME.findall(text)}


@lru_cache(maxsize=65536)
def is_generic(word: str) -> bool:
    """True for words that carry no matter of their own (see lexicon.generic)."""
    plain = word.replace("’", "").replace("'", "")
    # A masked word ("f***ing") is profanity, which the abuse rules judge.
    if len(plain) < 3 or "*" in plain or plain in GENERIC or word.split("'")[0] in GENERIC:
        return True
    return stem(plain) in _generic_stems()


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    """Inflections of generic words are generic too ("goes", "forgets")."""
    return frozenset(stem(w) for w in GENERIC)


def content_stems(text: str) -> list[str]:
    """Stems of the words that could name a matter, in order, names removed."""
    skip = names(text)
    return [stem(w) for w in words(text) if not is_generic(w) and w not in skip]


def all_stems(text: str) -> set[str]:
    """Every stem in a text, generic or not, for building the reference."""
    return {stem(w) for w in words(text)}
