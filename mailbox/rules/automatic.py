"""Auto-replies, bounces and mail loops: recorded, never escalated, never counted as contact."""

from __future__ import annotations

from mailbox.rules.base import Facts, hit
from mailbox.triage import RuleHit


class Automatic:
    name = "automatic"
    description = "The email was written by mail software (auto-reply, bounce or loop)"

    def check(self, facts: Facts) -> RuleHit | None:
        automation = facts.automation
        if automation is None or not automation.automatic:
            return None
        return hit(self, automation.reason)
