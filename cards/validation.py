"""Checking what a card sent back before anything is saved.

Teams checks required inputs on the phone, but not everything a submission
holds can be trusted: an old card can be pressed again after the choices
changed, a desktop client may skip validation, and a tampered request can
send anything. So every Action.Submit payload is checked here against the
schema of the form that produced it, and bad ones are answered with a list
of what to fix in plain words (a value, never an exception).

Teams sends every input as a string: dates as "YYYY-MM-DD", times as
"HH:MM", a multi-select choice set as "a,b,c", a toggle as its valueOn or
valueOff ("true"/"false" on Forewarn's cards), and an empty input as "" or
not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    TEXT = "text"
    DATE = "date"
    TIME = "time"
    CHOICE = "choice"
    CHOICES = "choices"  # a multi-select choice set
    TOGGLE = "toggle"


@dataclass(frozen=True, slots=True)
class Field:
    """One input a form sends: its id, the words its label shows, and what it accepts."""

    name: str
    label: str
    kind: Kind = Kind.TEXT
    required: bool = False
    choices: frozenset[str] = frozenset()
    max_length: int | None = None


@dataclass(frozen=True, slots=True)
class FormSchema:
    """The inputs one card sends with one action."""

    action: str
    fields: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class Submission:
    """A checked payload: `values` holds typed values for the fields that parsed.

    Types by kind: text -> str (stripped), date -> date, time -> time,
    choice -> str, choices -> tuple[str, ...], toggle -> bool; an empty
    optional input is left out of `values`.
    """

    values: dict[str, Any] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def _as_text(raw: Any) -> str:
    return "" if raw is None else str(raw).strip()


def _parse_date(raw: str, spec: Field) -> tuple[Any, str | None]:
    try:
        return date.fromisoformat(raw), None
    except ValueError:
        return None, f"{spec.label}: “{raw}” is not a date. Pick one from the calendar."


def _parse_time(raw: str, spec: Field) -> tuple[Any, str | None]:
    try:
        return time.fromisoformat(raw), None
    except ValueError:
        return None, f"{spec.label}: “{raw}” is not a time. Use the 24-hour clock, like 14:30."


def _parse_choice(raw: str, spec: Field) -> tuple[Any, str | None]:
    if raw in spec.choices:
        return raw, None
    return None, f"{spec.label}: “{raw}” is not one of the options. Choose from the list."


def _parse_choices(raw: str, spec: Field) -> tuple[Any, str | None]:
    picked = tuple(dict.fromkeys(part.strip() for part in raw.split(",") if part.strip()))
    unknown = [value for value in picked if value not in spec.choices]
    if unknown:
        listed = ", ".join(f"“{value}”" for value in unknown)
        return None, f"{spec.label}: {listed} not among the options. Choose from the list."
    return picked, None


def _parse_toggle(raw: str, spec: Field) -> tuple[Any, str | None]:
    if raw.lower() in {"true", "false"}:
        return raw.lower() == "true", None
    return None, f"{spec.label}: answer yes or no."


def _parse_text(raw: str, spec: Field) -> tuple[Any, str | None]:
    if spec.max_length is not None and len(raw) > spec.max_length:
        return None, (
            f"{spec.label}: please keep it under {spec.max_length} characters (it is {len(raw)})."
        )
    return raw, None


_PARSERS: dict[Kind, Callable[[str, Field], tuple[Any, str | None]]] = {
    Kind.TEXT: _parse_text,
    Kind.DATE: _parse_date,
    Kind.TIME: _parse_time,
    Kind.CHOICE: _parse_choice,
    Kind.CHOICES: _parse_choices,
    Kind.TOGGLE: _parse_toggle,
}


def _missing(spec: Field) -> str:
    verb = "choose at least one" if spec.kind is Kind.CHOICES else "this is needed"
    return f"{spec.label}: {verb}."


def submitted(values: Mapping[str, Any], schema: FormSchema) -> Submission:
    """Check a submitted payload against the form that sent it; never raises.

    Keys the schema does not name (such as "action") are ignored. A payload
    for another action is refused outright, so a stale button cannot be
    mistaken for this form.
    """
    if values.get("action") != schema.action:
        return Submission(problems=("This answer came from a different card. Please start again.",))
    parsed: dict[str, Any] = {}
    problems: list[str] = []
    for spec in schema.fields:
        raw = _as_text(values.get(spec.name))
        if not raw:
            if spec.required:
                problems.append(_missing(spec))
            continue
        value, problem = _PARSERS[spec.kind](raw, spec)
        if problem:
            problems.append(problem)
        else:
            parsed[spec.name] = value
    return Submission(values=parsed, problems=tuple(problems))
