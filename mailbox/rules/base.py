"""What the mailbox routing rules look at, and the shape of a rule.

As in GNU Mailman, a rule is a tiny named predicate with a plain-English
description, one per module. It answers one question about a message and,
when it fires, returns the words that made it fire, so that the decision
stored with the message can say why it went where it went. Rules do no
input or output: the watcher gathers the `Facts` first (mailbox/facts.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from mailbox.autoreply import Automation
from mailbox.message import ParsedMessage, ParseFailure
from mailbox.triage import Decision, RuleHit
from register.subjects import Person


@dataclass(frozen=True, slots=True)
class Customer:
    """A sender found in the register with a SPOC arrangement in force.

    `spoc_mailbox` is the address the arrangement names (lower case), or the
    council's default SPOC mailbox. `officer_id` and `manager_id` are Entra
    ids of who is told about escalations and about abusive mail.
    """

    person: Person
    restriction_id: str
    spoc_mailbox: str
    officer: str
    officer_id: str
    manager_id: str


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the routing rules may look at for one message."""

    mailbox: str
    parsed: ParsedMessage | None
    failure: ParseFailure | None = None
    automation: Automation | None = None
    people: tuple[Person, ...] = ()
    customers: tuple[Customer, ...] = ()
    triage: Decision | None = None

    @property
    def customer(self) -> Customer | None:
        """The customer whose case the message goes on (the first, by name)."""
        return self.customers[0] if self.customers else None

    @property
    def in_spoc_mailbox(self) -> bool:
        return any(c.spoc_mailbox == self.mailbox.casefold() for c in self.customers)


class Rule(Protocol):
    """A named predicate over `Facts`."""

    name: str
    description: str

    def check(self, facts: Facts) -> RuleHit | None:
        """A hit with its evidence, or None when the rule does not apply."""
        ...


def hit(rule: Rule, evidence: str) -> RuleHit:
    words = " ".join(evidence.split())
    return RuleHit(rule=rule.name, description=rule.description, evidence=words)
