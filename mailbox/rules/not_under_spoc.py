"""The sender has no SPOC arrangement in force: the watcher leaves the message alone.

Matching is exact (the address, case-insensitive, against every address on
a person's record); a near miss is not a match, because routing a
stranger's email onto someone's case would be worse than leaving it.
"""

from __future__ import annotations

from mailbox.rules.base import Facts, hit
from mailbox.triage import RuleHit


class NotUnderSpoc:
    name = "not_under_spoc"
    description = "The sender is not a customer with a single point of contact arrangement"

    def check(self, facts: Facts) -> RuleHit | None:
        if facts.parsed is None or facts.customers:
            return None
        address = facts.parsed.from_address
        if not facts.people:
            return hit(self, f"no one in the register uses the address {address}")
        names = ", ".join(person.name for person in facts.people)
        return hit(self, f"{address} belongs to {names}, with no SPOC arrangement in force")
