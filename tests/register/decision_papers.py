"""An in-memory keeper of decision papers, in front of the real SQL store (tests only).

The SQL store has no tables for letters, skipped steps or refused proposals
yet (the lead adds them). Until then this adapter gives the decision use
cases a `DecisionStore`: register records go to the real database through
its own transaction, papers to dictionaries that are only updated when that
transaction commits, so a failed use case leaves neither behind.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from register.decision_records import LetterRecord, ProposalRefusal, StepSkip
from store.repository import SqlRegisterStore


@dataclass
class Papers:
    letters: dict[str, LetterRecord] = field(default_factory=dict)
    skips: dict[str, StepSkip] = field(default_factory=dict)
    refusals: dict[str, ProposalRefusal] = field(default_factory=dict)

    def copy(self) -> Papers:
        return Papers(dict(self.letters), dict(self.skips), dict(self.refusals))


class PapersSession:
    """The SQL session for the register, plus papers staged in memory."""

    def __init__(self, sql: Any, papers: Papers) -> None:
        self._sql = sql
        self.papers = papers

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sql, name)

    def add_letter(self, letter: LetterRecord) -> None:
        assert letter.id not in self.papers.letters
        self.papers.letters[letter.id] = letter

    def update_letter(self, letter: LetterRecord) -> None:
        assert letter.id in self.papers.letters
        self.papers.letters[letter.id] = letter

    def letter(self, letter_id: str) -> LetterRecord | None:
        return self.papers.letters.get(letter_id)

    def letters_for(self, restriction_id: str) -> Sequence[LetterRecord]:
        found = [x for x in self.papers.letters.values() if x.restriction_id == restriction_id]
        return sorted(found, key=lambda x: x.generated_on)

    def add_skip(self, skip: StepSkip) -> None:
        self.papers.skips[skip.restriction_id] = skip

    def skip_for(self, restriction_id: str) -> StepSkip | None:
        return self.papers.skips.get(restriction_id)

    def add_proposal_refusal(self, refusal: ProposalRefusal) -> None:
        self.papers.refusals[refusal.restriction_id] = refusal

    def proposal_refusal_for(self, restriction_id: str) -> ProposalRefusal | None:
        return self.papers.refusals.get(restriction_id)


class PapersStore:
    """A DecisionStore: the real register store, and papers kept in memory."""

    def __init__(self, sql: SqlRegisterStore) -> None:
        self.sql = sql
        self.papers = Papers()

    @contextmanager
    def transaction(self) -> Iterator[PapersSession]:
        staged = self.papers.copy()
        with self.sql.transaction() as session:
            yield PapersSession(session, staged)
        self.papers = staged
