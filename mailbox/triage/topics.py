"""Which council matters a text touches, from `lexicon.topics`."""

from __future__ import annotations

import re
from functools import lru_cache

from mailbox.triage.lexicon.topics import TOPICS


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern per matter; an indented line continues the one above."""
    text = re.sub(r"\n\s+", " ", TOPICS.strip())
    out = []
    for line in text.splitlines():
        name, _, entries = line.partition(":")
        alternatives = "|".join(
            e.strip().replace("*", r"\w*").replace(" ", r"[\s-]+")
            for e in entries.split(",") if e.strip()
        )
        out.append((name.strip(), re.compile(rf"\b({alternatives})\b", re.I)))
    return tuple(out)


def topics(text: str) -> frozenset[str]:
    """The names of the council matters `text` mentions."""
    return frozenset(name for name, pattern in _patterns() if pattern.search(text))


def topic_evidence(text: str, names: frozenset[str]) -> tuple[str, ...]:
    """The words in `text` that raised each of `names`, for the explanation."""
    found = []
    for name, pattern in _patterns():
        if name in names and (m := pattern.search(text)):
            found.append(m.group(0))
    return tuple(found)
