"""Forewarn's exception hierarchy, drawn in one place.

Expected outcomes (no match, duplicate, outside scope, not permitted) are
returned as values, never raised. Exceptions are for things that stop an
operation: bad input that cannot be used, a broken preset, a store that is
down. Adapters turn library exceptions into these so that callers never
catch a SQLAlchemy or botbuilder error.
"""

from __future__ import annotations


class ForewarnError(Exception):
    """Base of every error Forewarn raises on purpose."""


class InvalidInput(ForewarnError):
    """Input a person supplied cannot be used; the message says why in plain words."""


class InvalidTransition(InvalidInput):
    """A restriction was asked to move to a status its current status does not allow."""


class PresetError(ForewarnError):
    """A policy preset file is missing or does not validate."""


class ImportRejected(ForewarnError):
    """A register import was refused; `problems` lists every bad row."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the file; nothing was imported")
        self.problems = problems


class StoreUnavailable(ForewarnError):
    """The database could not be reached or refused the operation."""


class ConfigurationError(ForewarnError):
    """Settings are missing or unsafe for the chosen mode."""
