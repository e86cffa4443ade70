"""The values triage reads and the decision it returns.

They are frozen stdlib dataclasses so the core has no dependency on the
register, the store or any mail library: a backend turns whatever it fetched
into an `Incoming`, and whatever keeps the case file builds a `CaseContext`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Action = Literal["file", "escalate"]
Category = Literal["statutory", "safeguarding", "new_issue", "repeat", "unsure"]


@dataclass(frozen=True)
class KnownIssue:
    """A matter the council has already considered for this customer."""

    id: str
    summary: str
    status: str
    outcome: str


@dataclass(frozen=True)
class Correspondence:
    """An earlier email that was already dealt with (quoting included)."""

    date: datetime
    sender: str
    subject: str
    body: str


@dataclass(frozen=True)
class CaseContext:
    """Everything the council already knows, against which novelty is judged."""

    customer_name: str
    known_issues: tuple[KnownIssue, ...]
    history: tuple[Correspondence, ...]


@dataclass(frozen=True)
class Incoming:
    """One email to triage; `body` is plain text as a mail client shows it."""

    message_id: str
    date: datetime
    sender: str
    subject: str
    body: str


@dataclass(frozen=True)
class RuleHit:
    """One rule that fired, with the words that made it fire."""

    rule: str
    description: str
    evidence: str


@dataclass(frozen=True)
class Decision:
    """What to do with a message, and why, in words a SPOC officer can check."""

    action: Action
    category: Category
    abusive: bool
    hits: tuple[RuleHit, ...]
    new_sentences: tuple[str, ...]
    reason: str
