"""Triage found something an officer must read: a new issue, a statutory request, a concern."""

from __future__ import annotations

from mailbox.rules.base import Facts, hit
from mailbox.triage import RuleHit


class TriageEscalates:
    name = "triage_escalates"
    description = "Triage against the customer's case found something an officer must read"

    def check(self, facts: Facts) -> RuleHit | None:
        if facts.triage is None or facts.triage.action != "escalate":
            return None
        return hit(self, facts.triage.reason)
