"""The message could not be read well enough to route: quarantine it, never drop it."""

from __future__ import annotations

from mailbox.rules.base import Facts, hit
from mailbox.triage import RuleHit


class Unparseable:
    name = "unparseable"
    description = "The email could not be read well enough to know who sent it"

    def check(self, facts: Facts) -> RuleHit | None:
        return hit(self, facts.failure.reason) if facts.failure is not None else None
