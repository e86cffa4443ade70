"""Every sentence restates what the case file already holds.

This is the only rule that files a message. It fires only when something
was actually written and no sentence in it is new; a message with nothing
of the customer's own left after removing quotes falls through to the
table's default, which is to escalate.
"""

from __future__ import annotations

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, hit


class NothingNew:
    name = "nothing-new"
    description = "Only restates matters already in the known issues or earlier emails."

    def check(self, reading: Reading) -> RuleHit | None:
        findings = reading.findings
        if not findings or any(f.verdict != "repeat" for f in findings):
            return None
        return hit(self, findings[-1].sentence)
