"""Reviews and appeals: how a restriction stays proportionate and open to challenge."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from register.errors import InvalidInput
from register.ids import new_id
from register.restrictions import Officer
from register.vocabulary import Labelled


class ReviewOutcome(Labelled):
    CONTINUE = "continue"
    VARY = "vary"
    LIFT = "lift"


class AppealOutcome(Labelled):
    UPHELD = "upheld"
    NOT_UPHELD = "not_upheld"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class Review:
    """A review of one restriction: when it was due, who held it, what was decided."""

    restriction_id: str
    due_on: date
    held_on: date | None = None
    reviewer: Officer | None = None
    outcome: ReviewOutcome | None = None
    considerations: str = ""
    customer_told_on: date | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if self.outcome is not None and (self.held_on is None or self.reviewer is None):
            raise InvalidInput("a review outcome needs the date held and the reviewing officer")

    @property
    def done(self) -> bool:
        return self.outcome is not None


@dataclass(frozen=True, slots=True)
class Appeal:
    """A customer's appeal against a restriction, heard by someone not involved."""

    restriction_id: str
    received_on: date
    deadline: date | None
    grounds: str = ""
    heard_by: Officer | None = None
    outcome: AppealOutcome | None = None
    decided_on: date | None = None
    customer_told_on: date | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if self.outcome is not None and self.decided_on is None:
            raise InvalidInput("an appeal outcome needs the date it was decided")

    @property
    def in_time(self) -> bool:
        return self.deadline is None or self.received_on <= self.deadline
