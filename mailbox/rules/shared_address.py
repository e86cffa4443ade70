"""Several SPOC customers use the sender's address: a person must say whose email it is."""

from __future__ import annotations

from mailbox.rules.base import Facts, hit
from mailbox.triage import RuleHit


class SharedAddress:
    name = "shared_address"
    description = "More than one customer with a SPOC arrangement uses this address"

    def check(self, facts: Facts) -> RuleHit | None:
        if len(facts.customers) < 2:
            return None
        names = ", ".join(c.person.name for c in facts.customers)
        return hit(self, f"the address is used by {names}")
