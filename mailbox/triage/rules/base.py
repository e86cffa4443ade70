"""What every rule looks at, and the shape of a rule.

As in GNU Mailman, a rule is a tiny named predicate with a plain-English
description. It answers one question about a message and, when it fires,
returns the words that made it fire, so the decision can be explained.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from mailbox.triage.model import CaseContext, Incoming, RuleHit
from mailbox.triage.novelty import Finding

EVIDENCE_CHARS = 240


@dataclass(frozen=True)
class Reading:
    """A message as the rules see it: the customer's own sentences, judged."""

    message: Incoming
    context: CaseContext
    sentences: tuple[str, ...]
    findings: tuple[Finding, ...] = ()
    earlier: tuple[str, ...] = ()  # for a rule shown one sentence: the sentences before it


class Rule(Protocol):
    """A named predicate over a `Reading`."""

    name: str
    description: str

    def check(self, reading: Reading) -> RuleHit | None:
        """Return a hit with its evidence, or None when the rule does not apply."""
        ...


def hit(rule: Rule, evidence: str) -> RuleHit:
    """A hit whose evidence is short enough to show on a card."""
    text = " ".join(evidence.split())
    if len(text) > EVIDENCE_CHARS:
        text = text[: EVIDENCE_CHARS - 1].rstrip() + "…"
    return RuleHit(rule=rule.name, description=rule.description, evidence=text)


def first_match(rule: Rule, reading: Reading, *patterns: re.Pattern[str]) -> RuleHit | None:
    """Fire on the first sentence matching any pattern; that sentence is the evidence."""
    for sentence in reading.sentences:
        if any(p.search(sentence) for p in patterns):
            return hit(rule, sentence)
    return None


# "How do I ...", "how I may ...": asking how to take a statutory route is taking it, since the
# council must then give the route and its time limits.
HOW_I = (r"how ((do|can|may|might|could|would|should) (i|we)"
         r"|(i|we) (can|may|might|could|should|would))")
