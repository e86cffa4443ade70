"""One email the mailbox watcher decided, as staff see it when they open its record.

An escalation card's "Open record" shows the SPOC officer why the watcher
escalated the email: the subject and sender, when it arrived, the reason it
gives, every rule that fired with its evidence, and the sentences triage
found new. The watcher keeps all of this with its claim on the message
(store/tables_mail.py); this is the plain value the store reads it into, so
the bot and the cards never see a mailbox or database type (as `FiledMail`
does for the digest).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class FiredRule:
    """A rule that fired on the email: its name, what it checks, and what it saw."""

    rule: str
    description: str
    evidence: str


@dataclass(frozen=True, slots=True)
class DecidedMail:
    """The watcher's decision on one email, with what it kept of the email itself.

    `officer` is the SPOC officer's Entra id ("" when the sender has none);
    `subject`, `sender` and `sent_at` are empty when the email was not kept
    on a customer's case (triage did not run on it). An email filed and then
    reopened from the digest keeps its decision (`action` stays "file");
    `reopened_by` names who reopened it and `reopened_at` says when.
    """

    claim_id: str
    message_id: str
    officer: str
    person_id: str | None
    action: str  # the routing outcome: "escalate", "file", ...
    category: str  # triage's category, e.g. "new_issue" or "safeguarding"
    reason: str
    rules: tuple[FiredRule, ...]
    new_sentences: tuple[str, ...]
    received_at: datetime  # when the watcher took the email from the mailbox
    subject: str = ""
    sender: str = ""
    sent_at: datetime | None = None
    reopened_by: str = ""  # the name of the member of staff who reopened it
    reopened_at: datetime | None = None
