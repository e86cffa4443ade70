"""Who and where staff mentioned: a person's name ('Mr Dale', 'Gary Rowe') and
an address ('12 Mill Lane OX1 1AY', 'Flat 3, 22 Station Road', 'on Mill Lane').

Names are found by shape, not from a list of known people: a title and a
capitalised word or two, or two or three capitalised words after 'from',
'with' or 'by', or at the start of a sentence. Addresses need a street
word ('Lane', 'Rd') or a postcode. What is found is only text: matching it
to a record on the register is the store's and the look-up's job.
"""

from __future__ import annotations

import re

from register.addresses import ABBREVIATIONS, STREET_TYPES

_STREET = "|".join(
    sorted({*STREET_TYPES, *(k for k, v in ABBREVIATIONS.items() if v in STREET_TYPES)})
)
_POSTCODE = r"[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}"
_UNIT = r"(?:(?:flat|apartment|apt|unit)\s+\d+[a-z]?,?\s+)?"
_NUMBERED = re.compile(
    rf"\b{_UNIT}\d+[a-z]?,?\s+(?:[a-z'’-]+\s+){{0,3}}(?:{_STREET})\b"
    rf"(?:,?\s+(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?"
    rf"(?:,?\s+{_POSTCODE}\b)?",
    re.IGNORECASE,
)
_NAMED_STREET = re.compile(
    rf"\b(?:on|in|along|at)\s+((?:[A-Z][a-z'’-]+\s+){{1,3}}(?:{_STREET.title()})\b(?:,?\s+{_POSTCODE}\b)?)"
)
_POSTCODE_ONLY = re.compile(rf"\b{_POSTCODE}\b")

_TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev|Sir|Dame|Lady|Lord)\.?"
_CAPITAL = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
_TITLED = re.compile(
    rf"\b(?i:{_TITLES})\s+(?:(?i:[a-z])\.?\s+)?(?i:[a-z][a-z'’-]+)(?:\s+{_CAPITAL})?"
)
_CUED = re.compile(
    rf"\b(?:from|with|by|called|named|caller|customer|tenant|resident|is|was|it was)\s+"
    rf"({_CAPITAL}(?:\s+{_CAPITAL}){{1,2}})"
)
_LEADING = re.compile(rf"^\s*({_CAPITAL}\s+{_CAPITAL})\b(?=\s+[a-z])")
_ANYWHERE = re.compile(rf"(?<=[a-z,]\s)({_CAPITAL}(?:\s+{_CAPITAL}){{1,2}})\b")
_PLACE_WORDS = frozenset({"to", "in", "at", "into", "near", "on", "outside", "around", "through"})
_NOT_NAMES = frozenset(
    {
        "i", "he", "she", "they", "it", "we", "the", "a", "an", "this", "that", "my", "his", "her",
        "yesterday", "today", "tonight", "last", "on", "at", "in", "after", "before", "then",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "mill", "council", "housing",
        "reception", "police", "facebook", "twitter", "teams", "log", "check", "can", "incident",
        "no", "yes", "actually", "sorry", "ended", "terminated", "someone", "somebody", "just",
    }
)  # fmt: skip


def read_address(text: str) -> str:
    """The first address mentioned: a numbered street, a named street, or a postcode."""
    if found := _NUMBERED.search(text):
        return _tidy(found.group(0))
    if found := _NAMED_STREET.search(text):
        return _tidy(found.group(1))
    if found := _POSTCODE_ONLY.search(text):
        return found.group(0).upper()
    return ""


def read_person(text: str) -> str:
    """The first person's name mentioned, as written ('Mr Dale', 'Gary Rowe'), or ''."""
    address = read_address(text)
    searchable = text.replace(address, " ") if address else text
    if found := _TITLED.search(searchable):
        return _titled(_tidy(found.group(0)))
    for pattern in (_CUED, _LEADING, _ANYWHERE):
        for found in pattern.finditer(searchable):
            before = searchable[: found.start()].split()[-1:]
            if pattern is _ANYWHERE and before and before[0].casefold() in _PLACE_WORDS:
                continue  # 'went to Little Burford' names a place, not a person
            name = _plausible(found.group(1))
            if name:
                return name
    return ""


def _plausible(words: str) -> str:
    """Capitalised words that could be a name: none is a pronoun, day, month or street type."""
    parts = words.split()
    if any(p.casefold() in _NOT_NAMES or p.casefold() in STREET_TYPES for p in parts):
        return ""
    return " ".join(parts)


def _titled(name: str) -> str:
    """'mrs j smith' -> 'Mrs J Smith'; names already capitalised are left alone."""
    return " ".join(w if w[:1].isupper() else w.capitalize() for w in name.split())


def _tidy(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).strip(" ,.")
