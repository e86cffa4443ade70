"""A SPOC customer wrote somewhere other than their SPOC mailbox: send it there."""

from __future__ import annotations

from mailbox.rules.base import Facts, hit
from mailbox.triage import RuleHit


class OutsideSpocMailbox:
    name = "outside_spoc_mailbox"
    description = "A customer with a SPOC arrangement wrote to a mailbox other than their SPOC's"

    def check(self, facts: Facts) -> RuleHit | None:
        customer = facts.customer
        if customer is None or facts.in_spoc_mailbox:
            return None
        where = customer.spoc_mailbox or "no SPOC mailbox is configured"
        return hit(
            self,
            f"{customer.person.name} wrote to {facts.mailbox}; their SPOC mailbox is {where}",
        )
