"""What the council has already seen for this customer, ready to compare.

Known issues (summary and outcome) and every earlier email, quoting
included, are folded into sets of stems, dates, reference codes, sums and
council matters (`lexicon.topics`) and kinds of request (`lexicon.asks`).
Anything a new sentence shares with these was already considered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from mailbox.triage.asks import ask_kinds
from mailbox.triage.dates import find_dates
from mailbox.triage.model import CaseContext
from mailbox.triage.requests import said_before
from mailbox.triage.topics import topics
from mailbox.triage.words import all_stems

_CODE = re.compile(r"\b(?=[A-Z0-9/-]*\d)(?=[A-Z0-9/-]*[A-Z])[A-Z0-9][A-Z0-9/-]{4,}\b")
_THEIR_REF = re.compile(r"\b(your|our) ref(erence|\.)?( no\.?| number)?\s*:?\s*\S+", re.I)
# "£16.05", and the way customers writing in a second language put it: "16 pound", "5 pounds".
_MONEY = re.compile(r"£\s?(\d[\d,]*(?:\.\d{2})?)|\b(\d[\d,]*(?:\.\d{2})?) ?(?:pounds?|quid|gbp)\b",
                    re.I)
# A number with a word joined to it is a description, not a reference: "89-year-old",
# "3-bed", "24-hour", "the 1970s", "21st".
_NUMBER_WORD = re.compile(r"\d+((-[A-Z]{2,})+|S|ST|ND|RD|TH)", re.I)
PREFIX = 6


@dataclass(frozen=True)
class Reference:
    """The case file reduced to the features novelty is judged on."""

    stems: frozenset[str]
    prefixes: frozenset[str]
    dates: frozenset[date]
    codes: frozenset[str]
    amounts: frozenset[str]
    topics: frozenset[str]
    asks: frozenset[str] = frozenset()
    # One set of stems per known issue and per earlier sentence, to match requests against.
    said: tuple[frozenset[str], ...] = ()

    def knows_stem(self, stem: str) -> bool:
        """Seen before, as this stem or as a longer word with the same start."""
        return stem in self.stems or (len(stem) >= PREFIX and stem[:PREFIX] in self.prefixes)


def codes(text: str) -> set[str]:
    """Reference numbers such as a PCN or a case number: letters and digits.

    The council's own reference quoted back ("Your ref CT/1234") names a
    letter the customer is answering, not a new event, so it is left out.
    """
    text = _THEIR_REF.sub(" ", text)
    return {c.upper() for c in _CODE.findall(text.upper())
            if not c.isdigit() and not _NUMBER_WORD.fullmatch(c)}


def amounts(text: str) -> set[str]:
    """Sums of money, normalised so "£1,500" meets "£1500.00"."""
    return {(a or b).replace(",", "").removesuffix(".00") for a, b in _MONEY.findall(text)}


def whole_pounds(sums: set[str]) -> set[str]:
    """Each sum and its whole pounds: "2106 pound" names the "£2,106.40" on file."""
    return sums | {s.split(".")[0] for s in sums}


def build_reference(context: CaseContext, written: datetime) -> Reference:
    """Fold the known issues and the history into one `Reference`."""
    texts: list[tuple[str, datetime]] = [
        (f"{issue.summary}. {issue.outcome}", written) for issue in context.known_issues
    ]
    texts += [(f"{mail.subject}. {mail.body}", mail.date) for mail in context.history]
    texts.append((context.customer_name, written))
    stems: set[str] = set()
    seen_dates: set[date] = {mail.date.date() for mail in context.history}
    seen_codes: set[str] = set()
    seen_amounts: set[str] = set()
    seen_topics: set[str] = set()
    seen_asks: set[str] = set()
    for text, when in texts:
        folded = _fold(text, when.date())
        stems |= folded.stems
        seen_dates |= folded.dates
        seen_codes |= folded.codes
        seen_amounts |= folded.amounts
        seen_topics |= folded.topics
        seen_asks |= folded.asks
    return Reference(
        stems=frozenset(stems),
        prefixes=frozenset(s[:PREFIX] for s in stems if len(s) >= PREFIX),
        dates=frozenset(seen_dates),
        codes=frozenset(seen_codes),
        amounts=frozenset(seen_amounts),
        topics=frozenset(seen_topics),
        asks=frozenset(seen_asks),
        said=said_before(context),
    )


@dataclass(frozen=True)
class _Folded:
    stems: frozenset[str]
    dates: frozenset[date]
    codes: frozenset[str]
    amounts: frozenset[str]
    topics: frozenset[str]
    asks: frozenset[str]


@lru_cache(maxsize=4096)
def _fold(text: str, when: date) -> _Folded:
    """One earlier text's features; a case's history is folded again for every new email."""
    written = datetime(when.year, when.month, when.day)
    return _Folded(
        frozenset(all_stems(text)),
        frozenset(find_dates(text, written)),
        frozenset(codes(text)),
        frozenset(whole_pounds(amounts(text))),
        topics(text),
        ask_kinds(text),
    )
