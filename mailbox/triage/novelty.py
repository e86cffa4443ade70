"""Judge each sentence of the new text against what the council has seen.

The measure is deliberately simple and explainable: how many content words
in the sentence the case file has never contained, plus whether it names a
date, a reference number or a sum the file has never contained, plus whether
it reports a recent event or makes a request. An officer can read the
evidence and see why a sentence was thought new.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal

from mailbox.triage import markers
from mailbox.triage.dates import find_dates
from mailbox.triage.reference import Reference, amounts, codes
from mailbox.triage.words import is_generic, names, stem, words

Verdict = Literal["new", "unsure", "repeat"]


@dataclass(frozen=True)
class Finding:
    """One sentence and what in it the case file has never contained."""

    sentence: str
    novel_words: tuple[str, ...]
    novel_dates: tuple[date, ...]
    novel_codes: tuple[str, ...]
    novel_amounts: tuple[str, ...]
    recent_event: bool
    request: bool
    threat_to_escalate: bool
    verdict: Verdict


def judge(sentence: str, reference: Reference, written: datetime) -> Finding:
    """Compare one sentence with the reference and give a verdict."""
    novel_words = _novel_words(sentence, reference)
    latest = written.date() + timedelta(days=1)
    novel_dates = tuple(sorted(d for d in find_dates(sentence, written)
                               if d not in reference.dates and d <= latest))
    novel_codes = tuple(sorted(codes(sentence) - reference.codes))
    novel_amounts = tuple(sorted(amounts(sentence) - reference.amounts))
    recent = bool(markers.RECENT_EVENT.search(sentence))
    request = bool(markers.REQUEST.search(sentence))
    threat = bool(markers.ESCALATION_THREAT.search(sentence))
    finding = Finding(sentence, novel_words, novel_dates, novel_codes, novel_amounts,
                      recent, request, threat, "repeat")
    return _with_verdict(finding)


def _novel_words(sentence: str, reference: Reference) -> tuple[str, ...]:
    skip = names(sentence)
    seen: dict[str, str] = {}
    for word in words(sentence):
        if is_generic(word) or word in skip:
            continue
        s = stem(word)
        if not reference.knows_stem(s) and s not in seen:
            seen[s] = word
    return tuple(seen.values())


def _with_verdict(f: Finding) -> Finding:
    return replace(f, verdict=verdict(f))


def verdict(f: Finding) -> Verdict:
    """New if enough unseen content, helped by unseen dates, codes, events, requests."""
    if f.threat_to_escalate and not (f.novel_dates or f.novel_codes):
        return "repeat"
    n = len(f.novel_words)
    anchors = bool(f.novel_dates) + bool(f.novel_codes)
    cues = f.recent_event + f.request + bool(f.novel_amounts)
    score = n + 2 * anchors + cues
    if n >= 1 and score >= 4:
        return "new"
    if anchors and score >= 3:
        return "new"
    return "repeat"
