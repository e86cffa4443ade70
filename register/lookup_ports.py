"""The port a pre-visit or contact look-up finds its candidates through.

Kept apart from `register.ports` and small on purpose: four questions the
store answers with indexed queries. The use case does the scoring and the
deciding, so a store only has to be fast, never clever.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Protocol

from register.ports import RegisterSession
from register.subjects import Person, Property


class CandidateFinder(Protocol):
    """Finds the few records a typed query could mean."""

    def properties_at_postcode(self, postcode: str) -> Sequence[Property]:
        """Every property in a full postcode, however it was typed."""

    def known_streets(self, spellings: Sequence[str], fuzzy: Sequence[str]) -> Sequence[str]:
        """Street keys the register holds: spelt exactly as one of `spellings`, or failing
        that the nearest few to the first of `fuzzy` (typo tolerance)."""

    def properties_on_streets(self, streets: Sequence[str], number: str) -> Sequence[Property]:
        """Properties on any of these street keys; given a house number ("12", "12a"),
        only that house and the flats in it."""

    def properties_called(self, house_name: str) -> Sequence[Property]:
        """Properties known by this house name (and the flats in it), on any street."""

    def people_like(self, name: str) -> Sequence[Person]:
        """People whose name or alias is spelt like this name key, allowing typos."""


class LookupSession(RegisterSession, CandidateFinder, Protocol):
    """One unit of work that can both find candidates and read and audit the register."""


class LookupStore(Protocol):
    """Opens look-up units of work; the audit entry commits with the look-up or not at all."""

    def transaction(self) -> AbstractContextManager[LookupSession]: ...
