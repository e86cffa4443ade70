"""Abusive language is reported to the manager, whether the email is filed or escalated."""

from __future__ import annotations

from mailbox.rules.base import Facts, hit
from mailbox.triage import RuleHit
from mailbox.triage.second_opinion import LearnedAbuse
from mailbox.triage.table import FLAGS


class Abusive:
    name = "abusive"
    description = "The email contains threats, insults, discriminatory or abusive language"

    def check(self, facts: Facts) -> RuleHit | None:
        if facts.triage is None or not facts.triage.abusive:
            return None
        flagged = [h for h in facts.triage.hits if h.rule in _FLAG_RULES] or list(facts.triage.hits)
        evidence = "; ".join(f"{h.rule}: {h.evidence}" for h in flagged[:3])
        return hit(self, evidence or "triage marked the email abusive")


# The names of triage's flag rules, for the evidence only.
_FLAG_RULES = frozenset({rule.name for rule in FLAGS} | {LearnedAbuse.name})
