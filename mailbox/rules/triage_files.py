"""Triage found only matters already dealt with: file the email, log it, send no reply."""

from __future__ import annotations

from mailbox.rules.base import Facts, hit
from mailbox.triage import RuleHit


class TriageFiles:
    name = "triage_files"
    description = "Triage found nothing the council has not already dealt with"

    def check(self, facts: Facts) -> RuleHit | None:
        if facts.triage is None or facts.triage.action != "file":
            return None
        return hit(self, facts.triage.reason)
