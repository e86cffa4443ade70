"""The figures the triage-eval command reports.

New-issue recall matters most (a missed new matter is a complaint never
answered); the share of true repeats filed is what saves officers time;
abusive precision and recall say whether the manager can trust the flag.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mailbox.triage.model import Decision


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


@dataclass
class Score:
    counts: dict[str, int] = field(default_factory=lambda: {
        "messages": 0, "new_issue": 0, "new_issue_escalated": 0, "repeat": 0,
        "repeat_filed": 0, "abusive": 0, "abusive_flagged_true": 0, "abusive_flagged_false": 0,
    })

    def add(self, label: str, abusive: bool, decision: Decision) -> None:
        """Count one labelled message against the decision made for it."""
        c = self.counts
        c["messages"] += 1
        if label == "new_issue":
            c["new_issue"] += 1
            c["new_issue_escalated"] += decision.action == "escalate"
        elif label == "repeat":
            c["repeat"] += 1
            c["repeat_filed"] += decision.action == "file"
        c["abusive"] += abusive
        if decision.abusive:
            c["abusive_flagged_true" if abusive else "abusive_flagged_false"] += 1

    def summary(self) -> dict[str, Any]:
        c = self.counts
        flagged = c["abusive_flagged_true"] + c["abusive_flagged_false"]
        return {
            "summary": True,
            "new_issue_recall": _ratio(c["new_issue_escalated"], c["new_issue"]),
            "repeat_filed_share": _ratio(c["repeat_filed"], c["repeat"]),
            "abusive_precision": _ratio(c["abusive_flagged_true"], flagged),
            "abusive_recall": _ratio(c["abusive_flagged_true"], c["abusive"]),
            "counts": dict(c),
        }

    def table(self) -> str:
        s = self.summary()
        c = self.counts
        return "\n".join((
            "triage-eval",
            f"  messages            {c['messages']}",
            f"  new-issue recall    {s['new_issue_recall']}"
            f"  ({c['new_issue_escalated']}/{c['new_issue']} escalated)",
            f"  repeats filed       {s['repeat_filed_share']}  ({c['repeat_filed']}/{c['repeat']})",
            f"  abusive precision   {s['abusive_precision']}",
            f"  abusive recall      {s['abusive_recall']}"
            f"  ({c['abusive_flagged_true']}/{c['abusive']}, {c['abusive_flagged_false']} false)",
        ))
