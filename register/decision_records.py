"""What a decision leaves behind besides the restriction: letters, skipped steps, refusals.

The policies require a paper trail a customer or the Ombudsman can follow:
the letter each decision produces and the day it went out (or why it did
not), why a step of the ladder was skipped, and why an approver said no.
These are records in their own right, so that the restriction itself stays
the answer to "what applies to this customer now?".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from register.errors import InvalidInput
from register.ids import new_id
from register.restrictions import Officer
from register.vocabulary import Labelled


class LetterKind(Labelled):
    DECISION = "decision"
    REVIEW_OUTCOME = "review_outcome"
    APPEAL_OUTCOME = "appeal_outcome"


@dataclass(frozen=True, slots=True)
class LetterRecord:
    """One letter to a customer: made on `generated_on`, then sent, or not sent for a reason.

    `about_id` names the review or appeal an outcome letter reports; `send_by`
    is the policy's deadline for telling the customer, where it sets one.
    """

    restriction_id: str
    kind: LetterKind
    generated_on: date
    about_id: str | None = None
    send_by: date | None = None
    sent_on: date | None = None
    not_sent_reason: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if self.sent_on is not None and self.not_sent_reason:
            raise InvalidInput("a letter is either sent or not sent, not both")
        if self.sent_on is not None and self.sent_on < self.generated_on:
            raise InvalidInput("a letter cannot be sent before it was written")

    @property
    def settled(self) -> bool:
        """True once the letter is recorded as sent, or as not sent with a reason."""
        return self.sent_on is not None or bool(self.not_sent_reason)

    @property
    def late(self) -> bool:
        """Sent after the policy's deadline for telling the customer."""
        return self.send_by is not None and self.sent_on is not None and self.sent_on > self.send_by


@dataclass(frozen=True, slots=True)
class StepSkip:
    """Why a restriction went straight past steps of the ladder (grounds and the reason given)."""

    restriction_id: str
    skipped_steps: tuple[str, ...]
    grounds: tuple[str, ...]
    reason: str
    recorded_by: Officer
    recorded_on: date
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise InvalidInput("skipping a step needs the reason recorded")
        if not self.skipped_steps:
            raise InvalidInput("a skip record needs the steps that were skipped")


@dataclass(frozen=True, slots=True)
class ProposalRefusal:
    """An approver's refusal of a proposed restriction, with the reasons they gave."""

    restriction_id: str
    refused_by: Officer
    refused_on: date
    reasons: str
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if not self.reasons.strip():
            raise InvalidInput("refusing a proposal needs the reasons recorded")
