"""The decision papers' half of a unit of work (`register.decision_ports.DecisionSession`).

`SqlSession` takes these methods as a mixin, so letters, skipped steps and
refusals are written on the same connection, in the same transaction and
behind the same failure guard as the restriction and audit entry they go
with: a decision is saved with its papers, or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol, TypeVar

import sqlalchemy as sa

from register.decision_records import LetterRecord, ProposalRefusal, StepSkip
from register.errors import InvalidInput
from store import tables as t
from store import tables_decisions as d
from store.mapping import decisions as m
from store.proposers import proposers

R = TypeVar("R")

LETTER, SKIP = t.table(d.LetterRow), t.table(d.StepSkipRow)
REFUSAL = t.table(d.ProposalRefusalRow)


class _Steps(Protocol):
    """What the mixin uses of `SqlSession`: its connection and its guarded steps."""

    _connection: sa.Connection

    def _step(self, action: str) -> AbstractContextManager[None]: ...

    def _run(
        self, action: str, statement: sa.Executable, params: Any = None
    ) -> sa.CursorResult[Any]: ...

    def _one(self, table: sa.Table, build: Callable[[Any], R], where: Any) -> R | None: ...

    def _many(
        self, table: sa.Table, build: Callable[[Any], R], where: Any, *order: Any
    ) -> list[R]: ...


class DecisionPapers:
    """Letters, skipped steps and refused proposals, for a session that has `_Steps`."""

    def add_letter(self: _Steps, letter: LetterRecord) -> None:
        self._run("Could not save the letter", sa.insert(LETTER), m.letter_values(letter))

    def update_letter(self: _Steps, letter: LetterRecord) -> None:
        """Replace a stored letter record with the same id."""
        with self._step("Could not update the letter"):
            statement = sa.update(LETTER).where(LETTER.c.id == letter.id)
            result = self._connection.execute(statement, m.letter_values(letter))
            if result.rowcount != 1:
                raise InvalidInput("Could not update the letter: it is not in the register.")

    def letter(self: _Steps, letter_id: str) -> LetterRecord | None:
        return self._one(LETTER, m.letter_from, LETTER.c.id == letter_id)

    def letters_for(self: _Steps, restriction_id: str) -> Sequence[LetterRecord]:
        """Every letter about one restriction, oldest first."""
        where = LETTER.c.restriction_id == restriction_id
        return self._many(LETTER, m.letter_from, where, LETTER.c.generated_on)

    def add_skip(self: _Steps, skip: StepSkip) -> None:
        self._run("Could not save the skipped steps", sa.insert(SKIP), m.step_skip_values(skip))

    def skip_for(self: _Steps, restriction_id: str) -> StepSkip | None:
        return self._one(SKIP, m.step_skip_from, SKIP.c.restriction_id == restriction_id)

    def add_proposal_refusal(self: _Steps, refusal: ProposalRefusal) -> None:
        values = m.proposal_refusal_values(refusal)
        self._run("Could not save the refusal", sa.insert(REFUSAL), values)

    def proposal_refusal_for(self: _Steps, restriction_id: str) -> ProposalRefusal | None:
        where = REFUSAL.c.restriction_id == restriction_id
        return self._one(REFUSAL, m.proposal_refusal_from, where)

    def proposer_of(self: _Steps, restriction_id: str) -> str | None:
        """Who proposed it, as kept on the restriction (None when imported)."""
        found: dict[str, str] = {}
        with self._step("Could not read who proposed the restriction"):
            found = proposers(self._connection, restriction_id)
        return found.get(restriction_id)
