"""Typo tolerance: the register's known street and name spellings, held in memory.

A council has a few thousand distinct streets and a few tens of thousands of
name words, far fewer than its properties and people. Matching a misspelt
"Mill Lnae" against those spellings in memory, then asking the database for
the exact keys found, keeps every query on an index instead of scanning
200,000 rows with a fuzzy comparison.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from rapidfuzz import fuzz, process

# How alike two spellings must be (rapidfuzz's ratio, 0-100) to be a typo of each other:
# "mill lnae" / "mill lane" is 89, "mil lane" / "mill lane" 94, "mill road" / "mill lane" 67.
SPELLING_CUTOFF = 80
NEAREST = 5
NEAREST_WORDS = 12  # name words are short, so many tie on one typo: keep more of them
MOST_NAMES = 50


class StreetSpellings:
    """Every distinct street key in the register."""

    def __init__(self, streets: Iterable[str]) -> None:
        self._known = set(streets)
        self._list = sorted(self._known)

    def __contains__(self, street: object) -> bool:
        return street in self._known

    def __len__(self) -> int:
        return len(self._known)

    def add(self, street: str) -> None:
        """Learn a street the database has and this copy had not seen yet."""
        if street not in self._known:
            self._known.add(street)
            self._list.append(street)

    def closest(self, spellings: Sequence[str], fuzzy: Sequence[str]) -> list[str]:
        """Known streets spelt exactly as one of `spellings`, longest first; failing that,
        the nearest few to the first of `fuzzy` that is near anything."""
        exact = sorted({s for s in spellings if s in self._known}, key=len, reverse=True)
        if exact:
            return exact[:NEAREST]
        for spelling in fuzzy:
            near = process.extract(
                spelling, self._list, scorer=fuzz.ratio, score_cutoff=SPELLING_CUTOFF, limit=NEAREST
            )
            if near:
                return [street for street, _score, _index in near]
        return []


class NameSpellings:
    """Every name key (names and aliases) in the register, indexed by its words."""

    def __init__(self, names: Iterable[str]) -> None:
        self._by_word: defaultdict[str, set[str]] = defaultdict(set)
        self._words: list[str] = []
        for name in names:
            self.add(name)

    def __len__(self) -> int:
        return len(self._by_word)

    def add(self, name: str) -> None:
        for word in name.split():
            if word not in self._by_word:
                self._words.append(word)
            self._by_word[word].add(name)

    def closest(self, name: str) -> list[str]:
        """Name keys sharing the most words with `name`, each word allowing a typo.

        "gary rwoe" finds "gary rowe"; "rowe" finds every Rowe. The nearest
        few dozen by spelling are returned so a common surname stays cheap.
        """
        found: dict[str, int] = defaultdict(int)
        for word in dict.fromkeys(name.split()):
            for known in self._near_words(word):
                for key in self._by_word[known]:
                    found[key] += 1
        if not found:
            return []
        most = max(found.values())
        best = [key for key, hits in found.items() if hits == most]
        best.sort(key=lambda key: (-fuzz.token_sort_ratio(name, key), key))
        return best[:MOST_NAMES]

    def _near_words(self, word: str) -> list[str]:
        if word in self._by_word:
            return [word]
        near = process.extract(
            word, self._words, scorer=fuzz.ratio, score_cutoff=SPELLING_CUTOFF, limit=NEAREST_WORDS
        )
        return [known for known, _score, _index in near]
