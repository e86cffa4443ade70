"""A sentence raising something the council has not considered.

A new incident, date, place, service or request makes the whole message new,
however much of it repeats old grievances: one new matter is enough. What
counts as new is decided sentence by sentence in `mailbox.triage.novelty`.
"""

from __future__ import annotations

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, hit


class NewMatter:
    name = "new-matter"
    description = "Raises a matter, date, place, service or request not in the case file."

    def check(self, reading: Reading) -> RuleHit | None:
        for finding in reading.findings:
            if finding.verdict == "new":
                return hit(self, finding.sentence)
        return None
