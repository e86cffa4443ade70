"""A complaint about how the customer's correspondence is being handled.

A restriction is only lawful if new matters still get answered; a customer
saying that a reported matter went unanswered, and asking for a manager,
is a new complaint about the restriction's operation, not a repeat of the
matters it concerns.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, first_match

_PATTERNS = (
    re.compile(r"\b(complain\w*|complaint) about (the way|how) (my|our|this) (correspondence"
               r"|e-?mails?|contact|letters?|complaints?|reports?) (is|are|has been|have been|was"
               r"|were) (being )?(handled|dealt with|treated|ignored|managed)", re.I),
)


class HandlingComplaint:
    name = "handling-complaint"
    description = "Complains about how the customer's correspondence is being handled."

    def check(self, reading: Reading) -> RuleHit | None:
        return first_match(self, reading, *_PATTERNS)
