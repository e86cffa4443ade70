"""Pure triage of the customer's email: file a repeat, escalate anything new.

No mail library, database or network is used here: a backend builds an
`Incoming`, the case file gives a `CaseContext`, and `triage` returns a
`Decision` that says which rules fired and why.
"""

from mailbox.triage.classify import triage
from mailbox.triage.model import (
    CaseContext,
    Correspondence,
    Decision,
    Incoming,
    KnownIssue,
    RuleHit,
)

__all__ = [
    "CaseContext",
    "Correspondence",
    "Decision",
    "Incoming",
    "KnownIssue",
    "RuleHit",
    "triage",
]
