"""A pattern's required words, read from the pattern itself, as a cheap test before it runs.

The abuse readings search every sentence with long alternations, and nearly every sentence
matches none of them. Yet every match of a pattern contains some literal text: "minc(e|es)"
cannot match where "minc" is absent, and "(should|ought to) be at home" not where neither
"should" nor "ought to" is. `Guarded` derives such a set of strings from the parsed
pattern and runs the pattern only when one of them is in the sentence, so it answers
exactly as the pattern does, only sooner when the answer is no.

The set is computed, never written by hand, so it cannot fall behind a lexicon. It is
conservative: a part of the pattern it cannot read (a character class, a repeat that may
be absent) counts as "anything", and a pattern with no required text is always run. Text is
compared lowercased, with the four characters a case-blind pattern matches to an ASCII
letter but `str.lower` does not fold to it (dotted and dotless i, long s, the Kelvin sign)
folded first.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import Any

# The regular-expression parser is private to `re`: should a Python move it, every pattern
# simply runs unguarded (slower, and the same answers).
try:
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - Python 3.11 to 3.13 have both
    _parser = _c = None

# How many alternatives a run of literal text may spell before it is read as "anything",
# and the length past which a required string is taken to be rare enough: of the sufficient
# sets a pattern gives, the one of fewest strings that long is tried (see `_best`).
_CAP = 8
_RARE = 4
# A guard of more strings than this costs about what the pattern does: the pattern runs alone.
_MOST = 96
# Characters other than ASCII that match only themselves, case-blind or not.
_CASELESS = frozenset("’‘“”–—£…")
# Words in nearly every sentence: a set that needs one of them rules out almost nothing.
_COMMON = frozenset({
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with",
    "as", "is", "are", "was", "were", "be", "it", "its", "i", "me", "my", "we", "us", "our",
    "you", "your", "he", "him", "his", "she", "her", "they", "them", "their", "this", "that",
    "these", "those", "who", "not", "no", "do", "if", "so",
})
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})

Strings = frozenset[str]


@lru_cache(maxsize=8192)
def folded(text: str) -> str:
    """`text` lowercased so that any case-blind match of ASCII text in it is found by `in`."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


def required(pattern: re.Pattern[str]) -> Strings | None:
    """Strings one of which every match of `pattern` contains (lowercased), or None."""
    if _parser is None:
        return None
    _, needed = _sequence(_parser.parse(pattern.pattern, pattern.flags))
    return _minimal(needed) if needed else None


class Guarded:
    """A compiled pattern that is run only when its required text is in the sentence."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        needles = required(pattern) or frozenset()
        self.needles: tuple[str, ...] = tuple(sorted(needles)) if len(needles) <= _MOST else ()

    def may_match(self, text: str) -> bool:
        """False only when `pattern` cannot match anywhere in `text`."""
        if not self.needles:
            return True
        return any(map(folded(text).__contains__, self.needles))

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        # A match from `pos` on is a match in `text`: the same strings are required.
        return self.pattern.search(text, pos) if self.may_match(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.may_match(text) else iter(())

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        # With no match, `re.sub` returns its text unchanged.
        return self.pattern.sub(repl, text, count=count) if self.may_match(text) else text


def guarded(pattern: str, flags: int = 0) -> Guarded:
    """`re.compile(pattern, flags)`, guarded by its required strings."""
    return Guarded(re.compile(pattern, flags))


def _minimal(strings: Iterable[str]) -> Strings:
    """Drop any string containing another: where it is present, so is the shorter one."""
    items = sorted(set(strings), key=len)
    kept: list[str] = []
    for s in items:
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def _best(candidates: list[Strings]) -> Strings | None:
    """Of several sufficient sets, the cheapest selective one: each string is one substring
    test, one of the `_COMMON` words rules out nothing, and beyond `_RARE` characters a
    longer string hardly rules out more sentences."""
    usable = [c for c in candidates if c and "" not in c]
    if not usable:
        return None
    return max(usable, key=lambda c: (not any(_common(s) for s in c),
                                       min(_RARE, *(len(s) for s in c)), -len(c)))


def _common(needle: str) -> bool:
    return len(needle.strip()) < 3 or needle.strip() in _COMMON


def _char(code: int) -> str | None:
    ch = chr(code)
    return ch.lower() if ch.isascii() or ch in _CASELESS else None


def _sequence(items: Any) -> tuple[Strings | None, Strings | None]:
    """(every string the items can match, if few; strings one of which any match holds)."""
    candidates: list[Strings] = []
    run: Strings = frozenset({""})
    whole = True
    for op, av in items:
        exact, needed = _node(op, av)
        if exact is not None and len(run) * len(exact) <= _CAP:
            run = frozenset(a + b for a in run for b in exact)
            continue
        whole = False
        candidates.append(run)
        if exact is not None:
            run = exact
        else:
            if needed is not None:
                candidates.append(needed)
            run = frozenset({""})
    candidates.append(run)
    return (run if whole else None), _best(candidates)


def _node(op: Any, av: Any) -> tuple[Strings | None, Strings | None]:
    if op is _c.LITERAL:
        ch = _char(av)
        return (frozenset({ch}), frozenset({ch})) if ch is not None else (None, None)
    if op is _c.IN:
        chars = [_char(v) if o is _c.LITERAL else None for o, v in av]
        if chars and len(chars) <= 16 and all(ch is not None for ch in chars):
            found = frozenset(ch for ch in chars if ch is not None)
            return found, found
        return None, None
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset({""}), None  # zero width: it matches no text of its own
    if op is _c.SUBPATTERN:
        return _sequence(av[3])
    if op is _c.ATOMIC_GROUP:
        return _sequence(av)
    if op is _c.BRANCH:
        return _branch([_sequence(b) for b in av[1]])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, sub = av
        exact, needed = _sequence(sub)
        if low == 0:
            if high == 1 and exact is not None:
                return exact | {""}, None
            return None, None
        return (exact if low == high == 1 else None), needed
    return None, None  # anything else (a back reference, a conditional) may match anything


def _branch(arms: list[tuple[Strings | None, Strings | None]]) -> tuple[
        Strings | None, Strings | None]:
    exacts = [e for e, _ in arms]
    exact: Strings | None = None
    if all(e is not None for e in exacts):
        union = frozenset(s for e in exacts if e is not None for s in e)
        exact = union if len(union) <= _CAP else None
    needs = [n for _, n in arms]
    needed: Strings | None = None
    if all(n is not None for n in needs):
        needed = frozenset(s for n in needs if n is not None for s in n)
    if exact is not None and "" not in exact:
        needed = _best([c for c in (exact, needed) if c is not None])
    return exact, needed
