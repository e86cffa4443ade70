"""The port for decision papers (letters, skipped steps, refusals) in the register's unit of work.

A decision and its paper trail must be saved together: an approval without
its letter record, or a skip without its reason, would leave the register
unable to answer "was the customer told, and why did we act so fast?". So
the papers are written through the same session as the restriction and
its audit entry. `DecisionSession` is a `RegisterSession` that also keeps
papers; `store.session.SqlSession` implements it on the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from register.decision_records import LetterRecord, ProposalRefusal, StepSkip
from register.ports import RegisterSession


class DecisionSession(RegisterSession, Protocol):
    """One unit of work on the register and the decision papers."""

    def add_letter(self, letter: LetterRecord) -> None: ...

    def update_letter(self, letter: LetterRecord) -> None:
        """Replace a stored letter record with the same id."""

    def letter(self, letter_id: str) -> LetterRecord | None: ...

    def letters_for(self, restriction_id: str) -> Sequence[LetterRecord]:
        """Every letter about one restriction, oldest first."""

    def add_skip(self, skip: StepSkip) -> None: ...

    def skip_for(self, restriction_id: str) -> StepSkip | None: ...

    def add_proposal_refusal(self, refusal: ProposalRefusal) -> None: ...

    def proposal_refusal_for(self, restriction_id: str) -> ProposalRefusal | None: ...

    def proposer_of(self, restriction_id: str) -> str | None:
        """The Entra ID object id of whoever proposed it (the restriction's `proposed_by`).

        None for an imported restriction, and for one whose audit entry had
        already been pruned when the proposer was first kept on the record.
        """


class DecisionStore(Protocol):
    """Opens units of work over the register and its decision papers."""

    def transaction(self) -> AbstractContextManager[DecisionSession]: ...
