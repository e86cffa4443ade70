"""Checking one CSV row and turning it into register records.

A row is read cell by cell and every problem is kept, so a person fixing a
spreadsheet sees all of a row's mistakes at once, each as
"line N: <column>: <reason>". Records are built with the domain's own
constructors, so the import enforces exactly the rules the bot does.

The entry on a row points at a placeholder subject id: which stored person
or property it belongs to is decided later, by matching (import_matching).
With the council's preset, a restriction's stage must be one of its steps
and is stored as the step's key, and its type one that step allows;
whether the earlier steps are there is a question about the whole
register, answered after matching (import_ladder).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from register.csv_columns import (
    ENTRY_ONLY,
    RESTRICTION_ONLY,
    RISK_ONLY,
    AppliesTo,
    EntryKind,
    parse_choice,
    parse_date,
    parse_list,
    parse_params,
    parse_yes_no,
)
from register.errors import InvalidInput
from register.import_ladder import EARLIER_OUTSIDE, stages_of, step_key, type_problem
from register.policy import Preset
from register.restrictions import Officer, Restriction, RestrictionType, Status, check_params
from register.risks import PremiseRisk
from register.subjects import Person, Property, normalise_postcode
from register.vocabulary import HazardType, Precaution, Severity

# Stands in for the subject's id until matching decides who or what it is.
PENDING = "pending"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ParsedRow:
    """A good row: its subject(s) as drafts, and its entry (None for a subject row).

    `earlier_outside`: the row says the stages before its own were given
    outside Forewarn, so the ladder check does not ask for them.
    """

    line: int
    kind: EntryKind
    applies_to: AppliesTo
    person: Person | None
    property: Property | None
    entry: Restriction | PremiseRisk | None
    earlier_outside: bool = False


class _Cells:
    """A row's cells by column, and the problems found in them so far."""

    def __init__(self, line: int, values: dict[str, str], preset: Preset | None = None) -> None:
        self.line = line
        self.values = values
        self.preset = preset
        self.problems: list[str] = []

    def text(self, column: str) -> str:
        return self.values.get(column, "").strip()

    def problem(self, column: str, reason: str) -> None:
        self.problems.append(f"line {self.line}: {column}: {reason}")

    def parse(self, column: str, parser: Callable[[str], T]) -> T | None:
        """The cell read by `parser`, or None when blank or bad (bad is noted)."""
        raw = self.text(column)
        if not raw:
            return None
        try:
            return parser(raw)
        except InvalidInput as error:
            self.problem(column, str(error))
            return None

    def required(self, column: str, parser: Callable[[str], T], needed_for: str) -> T | None:
        if not self.text(column):
            self.problem(column, f"needed for {needed_for}")
            return None
        return self.parse(column, parser)

    def unused(self, columns: tuple[str, ...], row_kind: str) -> None:
        for column in columns:
            if self.text(column):
                self.problem(column, f"not used for {row_kind}; leave it blank")


def parse_row(
    line: int, values: dict[str, str], preset: Preset | None = None
) -> ParsedRow | list[str]:
    """A ParsedRow when the row is good, else every problem found in it.

    Without a preset a restriction's stage is kept as written, unchecked.
    """
    cells = _Cells(line, values, preset)
    kind = cells.required("entry", lambda t: parse_choice(EntryKind, t, "entry"), "every row")
    if not any(cells.text(column) for column in ("name", "address", "postcode", "uprn")):
        cells.problem("name", "each row needs a name, an address, or both")
    person, prop = _person(cells), _property(cells)
    applies_to = _applies_to(cells, kind, person, prop)
    entry = _entry(cells, kind, applies_to)
    earlier_outside = bool(cells.parse(EARLIER_OUTSIDE, parse_yes_no))
    if cells.problems or kind is None or applies_to is None:
        return cells.problems
    return ParsedRow(line, kind, applies_to, person, prop, entry, earlier_outside)


def _person(cells: _Cells) -> Person | None:
    name = cells.text("name")
    if not name:
        for column in ("aliases", "emails", "phones"):
            if cells.text(column):
                cells.problem("name", f"needed with {column}")
        return None
    emails = parse_list(cells.text("emails"))
    try:
        return Person(
            name=name,
            aliases=parse_list(cells.text("aliases")),
            emails=emails,
            phones=parse_list(cells.text("phones")),
        )
    except InvalidInput as error:
        cells.problem("emails", str(error))
        return None


def _property(cells: _Cells) -> Property | None:
    address, postcode, uprn = cells.text("address"), cells.text("postcode"), cells.text("uprn")
    if not (address or postcode or uprn):
        return None
    if not address:
        cells.problem("address", "needed with a postcode or UPRN")
    if not postcode:
        cells.problem("postcode", "needed with an address")
    elif normalise_postcode(postcode) is None:
        cells.problem("postcode", f"{postcode!r} is not a UK postcode")
    if uprn and not uprn.isdigit():
        cells.problem("uprn", f"{uprn!r} should be digits only")
    if not address or normalise_postcode(postcode) is None or (uprn and not uprn.isdigit()):
        return None
    return Property(address=address, postcode=postcode, uprn=uprn or None)


def _applies_to(
    cells: _Cells, kind: EntryKind | None, person: Person | None, prop: Property | None
) -> AppliesTo | None:
    """Who or what the entry is on. Blank means the person for a restriction and the
    property for a premise risk (a hazard is usually at the address), when given."""
    chosen = cells.parse("applies_to", lambda t: parse_choice(AppliesTo, t, "applies_to"))
    if chosen is None and not cells.text("applies_to"):
        prefer_property = kind is EntryKind.PREMISE_RISK
        has_first = prop if prefer_property else person
        first, second = (
            (AppliesTo.PROPERTY, AppliesTo.PERSON)
            if prefer_property
            else (AppliesTo.PERSON, AppliesTo.PROPERTY)
        )
        chosen = first if has_first is not None else second
    if chosen is AppliesTo.PERSON and not cells.text("name") and cells.text("address"):
        cells.problem("applies_to", "the entry is on a person, but the row has no name")
    if chosen is AppliesTo.PROPERTY and not cells.text("address") and cells.text("name"):
        cells.problem("applies_to", "the entry is on a property, but the row has no address")
    return chosen


def _entry(
    cells: _Cells, kind: EntryKind | None, applies_to: AppliesTo | None
) -> Restriction | PremiseRisk | None:
    subject = {"person_id": PENDING} if applies_to is AppliesTo.PERSON else {}
    subject = subject or {"property_id": PENDING}
    if kind is EntryKind.RESTRICTION:
        cells.unused(RISK_ONLY, "a restriction")
        return _restriction(cells, subject)
    if kind is EntryKind.PREMISE_RISK:
        cells.unused(RESTRICTION_ONLY, "a premise risk")
        return _risk(cells, subject)
    if kind is EntryKind.SUBJECT:
        cells.unused(ENTRY_ONLY, "a subject row")
    return None


def _restriction_type(text: str) -> RestrictionType:
    """A hazard typed on a restriction row is a common slip; say so plainly."""
    try:
        return parse_choice(RestrictionType, text, "restriction type")
    except InvalidInput as unknown:
        try:
            hazard = parse_choice(HazardType, text, "hazard")
        except InvalidInput:
            raise unknown from None
        raise InvalidInput(f"{hazard.value!r} is a hazard: set entry to premise_risk") from None


def _officer(cells: _Cells, column: str, required: bool) -> Officer | None:
    name, title = cells.text(column), cells.text(f"{column}_job_title")
    if required and not name:
        cells.problem(column, "needed for a restriction")
    if name and not title:
        cells.problem(f"{column}_job_title", f"needed with {column}")
    if title and not name:
        cells.problem(column, f"needed with {column}_job_title")
    return Officer(name, title) if name and title else None


def _restriction(cells: _Cells, subject: dict[str, str]) -> Restriction | None:
    kind = cells.required("type", _restriction_type, "a restriction")
    params = cells.parse("parameters", parse_params)
    if not cells.text("reasons"):
        cells.problem("reasons", "needed for a restriction")
    decided_by = _officer(cells, "decided_by", required=True)
    approved_by = _officer(cells, "approved_by", required=False)
    start = cells.required("start_date", parse_date, "a restriction")
    end = cells.parse("provisional_end", parse_date)
    told = cells.parse("customer_told_on", parse_date)
    review = cells.parse("next_review", parse_date)
    status = cells.parse("status", lambda t: parse_choice(Status, t, "status")) or Status.ACTIVE
    stage = _stage(cells)
    if kind is not None and (params is not None or not cells.text("parameters")):
        params = params or {}
        _check_params(cells, kind, params)
    _check_type_at_stage(cells, kind, stage)
    if start and end and end < start:
        cells.problem("provisional_end", f"{end:%d/%m/%Y} is before the start date")
    if cells.problems or kind is None or decided_by is None or start is None or params is None:
        return None
    service = cells.text("service") or None
    return _built(
        cells,
        lambda: Restriction(
            kind=kind, stage=stage or "", reasons=cells.text("reasons"),
            decided_by=decided_by, start=start, service=service, params=params,
            equality_considerations=cells.text("equality_considerations"),
            approved_by=approved_by, provisional_end=end, customer_told_on=told,
            next_review=review, status=status, person_id=subject.get("person_id"),
            property_id=subject.get("property_id"),
        ),
    )  # fmt: skip


def _stage(cells: _Cells) -> str | None:
    """The step key the stage names when there is a preset; the text as written otherwise."""
    preset = cells.preset
    if preset is None:
        return cells.text("stage")
    if not cells.text("stage"):
        cells.problem("stage", f"needed for a restriction; the stages are {stages_of(preset)}")
        return None
    return cells.parse("stage", lambda text: step_key(preset, text))


def _check_type_at_stage(cells: _Cells, kind: RestrictionType | None, stage: str | None) -> None:
    """With a preset, the type must be one the stage allows (a stage already checked)."""
    if cells.preset is None or kind is None or not stage:
        return
    wrong = type_problem(cells.preset, stage, kind)
    if wrong is not None:
        cells.problem("type", wrong)


def _check_params(cells: _Cells, kind: RestrictionType, params: dict[str, str]) -> None:
    try:
        check_params(kind, params)
    except InvalidInput as error:
        cells.problem("parameters", str(error))


def _risk(cells: _Cells, subject: dict[str, str]) -> PremiseRisk | None:
    hazard = cells.required("type", lambda t: parse_choice(HazardType, t, "hazard"), "a risk")
    severity = cells.required(
        "severity", lambda t: parse_choice(Severity, t, "severity"), "a premise risk"
    )
    precautions = cells.parse("precautions", _precautions) or ()
    if not cells.text("details_contact"):
        cells.problem("details_contact", "needed for a premise risk: who staff ask for details")
    recorded = cells.required("start_date", parse_date, "a premise risk")
    review = cells.parse("next_review", parse_date)
    ended = cells.parse("ended_on", parse_date)
    if cells.problems or hazard is None or severity is None or recorded is None:
        return None
    return _built(
        cells,
        lambda: PremiseRisk(
            hazard=hazard, severity=severity, precautions=precautions,
            details_contact=cells.text("details_contact"), recorded_on=recorded,
            details=cells.text("details"), next_review=review, ended_on=ended,
            person_id=subject.get("person_id"), property_id=subject.get("property_id"),
        ),
    )  # fmt: skip


def _precautions(text: str) -> tuple[Precaution, ...]:
    return tuple(parse_choice(Precaution, part, "precaution") for part in parse_list(text))


def _built(cells: _Cells, build: Callable[[], T]) -> T | None:
    """Any rule the domain enforces that the checks above did not foresee."""
    try:
        return build()
    except InvalidInput as error:
        cells.problem("entry", str(error))
        return None
