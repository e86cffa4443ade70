"""A learned second opinion on abusive language, read after the flag rules.

The flag rules catch most abuse aimed at staff, but on a writer they were
never tuned on they have missed up to four emails in ten: veiled threats,
sexual and religious remarks, in words no lexicon holds. A small model
trained on the labelled corpora (word and word-pair frequencies, TF-IDF,
and a logistic regression) reads the same sentences and, when it is
confident and the rules found nothing, flags the email too. It only ever
adds a flag for the manager: it never changes where an email goes, so it
cannot cost a new issue.

It reads words, not whom they are aimed at: an insult to a neighbour, or
plain criticism of an officer ("your officer should be sacked"), can look
like abuse of staff to it, which the rules' target-first reading avoids.

The weights are plain JSON (`second_opinion.json`), rebuilt by
`bench/train_second_opinion.py`; reading them needs no machine-learning
library, because TF-IDF is counting and a logistic regression is a dot
product. The arithmetic below is scikit-learn's, step for step, and
tests/mailbox/test_second_opinion.py checks it against probabilities the
trainer recorded.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from mailbox.triage.model import Decision, RuleHit
from mailbox.triage.rules.base import hit

WEIGHTS = Path(__file__).with_name("second_opinion.json")
QUOTE_CHARS = 120
# scikit-learn's default token: two or more word characters, after lower-casing.
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


class LearnedAbuse:
    """Named like a rule, so the hit it leaves reads like the flag rules' hits."""

    name = "learned-abuse"
    description = "A model trained on labelled emails reads this as abuse aimed at staff."


@dataclass(frozen=True)
class Weights:
    """The fitted vectoriser and model: per term its idf and coefficient."""

    terms: dict[str, tuple[float, float]]
    intercept: float
    threshold: float
    ngram_max: int


@cache
def weights(path: Path = WEIGHTS) -> Weights:
    """The shipped weights, read once on first use."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    terms = {t: (float(v[0]), float(v[1])) for t, v in raw["terms"].items()}
    return Weights(terms, float(raw["intercept"]), float(raw["threshold"]),
                   int(raw["vectoriser"]["ngram_max"]))


def probability(text: str, w: Weights | None = None) -> float:
    """How likely the model thinks `text` is abuse aimed at staff (0 to 1)."""
    w = w or weights()
    counts = Counter(g for g in _ngrams(_TOKEN.findall(text.lower()), w.ngram_max)
                     if g in w.terms)
    # Sublinear term frequency times idf, scaled to unit length, then the dot product.
    values = {g: (1.0 + math.log(n)) * w.terms[g][0] for g, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    score = w.intercept + sum(v / norm * w.terms[g][1] for g, v in values.items())
    return 1.0 / (1.0 + math.exp(-score))


def second_opinion(decision: Decision, sentences: tuple[str, ...]) -> Decision:
    """The decision, flagged abusive as well when the rules found no abuse and the model
    is confident; its action, category and reason for the route are left as they were."""
    if decision.abusive or not sentences:
        return decision
    w = weights()
    p = probability("\n".join(sentences), w)
    if p < w.threshold:
        return decision
    worst = _weightiest(sentences, w)
    found = hit(LearnedAbuse(), worst)
    note = (f" The learned second opinion reads this as possibly abusive towards staff"
            f" (p={p:.2f}; the rules found no abusive language): \"{_quote(worst)}\"."
            " The manager is asked to read it and judge.")
    return replace(decision, abusive=True, hits=(*decision.hits, found),
                   reason=decision.reason + note)


def only_learned(hits: tuple[RuleHit, ...]) -> bool:
    """True when the model alone flagged abuse: the manager is asked to judge, not told.

    It reads words, not whom they are aimed at, so its flag is a question for
    a person ("may be abusive"), never a finding recorded against the customer.
    """
    return any(h.rule == LearnedAbuse.name for h in hits)


def _weightiest(sentences: tuple[str, ...], w: Weights) -> str:
    """The sentence whose removal lowers the probability most: what the manager is shown.

    Scored alone, a short sentence that only names an officer ("Who is Mr Nowak?") can
    outscore the remark made about him two sentences later.
    """
    if len(sentences) == 1:
        return sentences[0]
    return min(sentences, key=lambda s: probability(
        "\n".join(x for x in sentences if x is not s), w))


def _ngrams(tokens: list[str], longest: int) -> list[str]:
    """Every run of 1 to `longest` tokens, joined by a space, as scikit-learn forms them."""
    return [" ".join(tokens[i:i + n]) for n in range(1, longest + 1)
            for i in range(len(tokens) - n + 1)]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"
