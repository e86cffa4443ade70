"""The last row of the table: nothing else decided, so a person reads the email."""

from __future__ import annotations

from mailbox.rules.base import Facts, hit
from mailbox.triage import RuleHit


class Unsure:
    name = "unsure"
    description = "No other rule decided what to do with the email"

    def check(self, facts: Facts) -> RuleHit | None:
        return hit(self, "no other rule fired")
