"""The register's CSV columns and cell formats, documented in one place.

Councils keep their registers in spreadsheets, so the CSV is shaped like one:
one row is one register entry (a restriction, or a premise risk) with the
person and/or property it is about written out on the same row. The same
person or property on many rows is recognised and stored once. A row whose
entry is `subject` lists a person or property with no entry, so that an
export can always be imported again without losing anyone.

Both the importer and the exporter use the parsers and formatters here, so
what one writes the other reads. docs/csv-format.md explains the columns to
the people who fill them in; a test checks it names every column below.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from register.errors import InvalidInput


class EntryKind(StrEnum):
    RESTRICTION = "restriction"
    PREMISE_RISK = "premise_risk"
    SUBJECT = "subject"  # a person or property with no entry of its own


class AppliesTo(StrEnum):
    PERSON = "person"
    PROPERTY = "property"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    meaning: str


COLUMNS: tuple[Column, ...] = (
    Column("entry", "restriction, premise_risk, or subject (a person/property with no entry)"),
    Column("applies_to", "person or property; blank: worked out from the row"),
    Column("name", "the person's full name; blank for a property with no known occupant"),
    Column("aliases", "other names, separated by ';'"),
    Column("emails", "email addresses, separated by ';'"),
    Column("phones", "telephone numbers, separated by ';'"),
    Column("address", "the address without the postcode"),
    Column("postcode", "UK postcode; needed with an address"),
    Column("uprn", "Unique Property Reference Number, digits only"),
    Column("type", "restriction type or hazard, by key or label"),
    Column("parameters", "restriction details as name=value pairs separated by ';'"),
    Column("service", "the service the restriction covers; blank: council-wide"),
    Column("stage", "the policy stage or step, e.g. 'Stage 2'; one the preset has"),
    Column(
        "earlier_stages_outside_forewarn",
        "yes: the stages before this one were given outside Forewarn (e.g. on paper)",
    ),
    Column("reasons", "why the restriction was decided (restrictions)"),
    Column("equality_considerations", "equality and reasonable adjustments considered"),
    Column("decided_by", "name of the officer who decided"),
    Column("decided_by_job_title", "their job title"),
    Column("approved_by", "name of the officer who approved, if any"),
    Column("approved_by_job_title", "their job title"),
    Column("start_date", "restriction start, or the date a premise risk was recorded"),
    Column("provisional_end", "when the restriction is expected to end (restrictions)"),
    Column("customer_told_on", "date the customer was told in writing (restrictions)"),
    Column("next_review", "date of the next review"),
    Column("status", "restriction status; blank: active"),
    Column("severity", "low, medium or high (premise risks)"),
    Column("precautions", "what staff must do, separated by ';' (premise risks)"),
    Column("details", "details for managers (premise risks)"),
    Column("details_contact", "who staff ask for details (premise risks)"),
    Column("ended_on", "date the premise risk ended; blank: still current"),
)

HEADER: tuple[str, ...] = tuple(column.name for column in COLUMNS)

# Columns that only make sense for one kind of entry. Filling one in on the
# wrong kind of row usually means the columns slipped, so it is refused.
RESTRICTION_ONLY: tuple[str, ...] = (
    "parameters", "service", "stage", "earlier_stages_outside_forewarn", "reasons",
    "equality_considerations", "decided_by", "decided_by_job_title", "approved_by",
    "approved_by_job_title", "provisional_end", "customer_told_on", "status",
)  # fmt: skip
RISK_ONLY: tuple[str, ...] = ("severity", "precautions", "details", "details_contact", "ended_on")
ENTRY_ONLY: tuple[str, ...] = ("type", "start_date", "next_review", *RESTRICTION_ONLY, *RISK_ONLY)

# Headings councils commonly use for the same thing.
_HEADER_ALIASES = {
    "email": "emails",
    "email_address": "emails",
    "phone": "phones",
    "telephone": "phones",
    "alias": "aliases",
    "restriction_type": "type",
    "hazard": "type",
    "params": "parameters",
    "start": "start_date",
    "review_date": "next_review",
    "decided_by_title": "decided_by_job_title",
    "approved_by_title": "approved_by_job_title",
    "earlier_stage_outside_forewarn": "earlier_stages_outside_forewarn",
    "earlier_stages_given_outside_forewarn": "earlier_stages_outside_forewarn",
}

# An "error" column is what a reject file adds; it is ignored on re-import.
ERROR_COLUMN = "error"

LIST_SEPARATOR = ";"


def column_key(heading: str) -> str:
    """'Decided by (job title)' -> 'decided_by_job_title', so headings match loosely."""
    key = re.sub(r"[^a-z0-9]+", "_", heading.strip().casefold()).strip("_")
    return _HEADER_ALIASES.get(key, key)


def nearest_column(heading: str) -> str | None:
    matches = difflib.get_close_matches(column_key(heading), HEADER, n=1, cutoff=0.6)
    return matches[0] if matches else None


# Dates --------------------------------------------------------------------

_MIDNIGHT = re.compile(r"[ T]00:00(:00)?$")
_YEAR_FIRST = re.compile(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)$")
_WORDY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[ -]([a-z]+)[ -](\d+)$")
_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


def parse_date(text: str) -> date:
    """Read a date as a UK council writes it: 07/03/2024, 7 March 2024 or 2024-03-07.

    Day/month order is what makes spreadsheets dangerous: Excel in a US
    locale writes 03/07/2024 for 7 March. A date that can only be read as
    month/day, or with a two-digit year, is refused rather than guessed.
    """
    value = _MIDNIGHT.sub("", text.strip()).casefold()
    if match := _YEAR_FIRST.match(value):
        year, month, day = (int(part) for part in match.groups())
    elif match := _DAY_FIRST.match(value):
        day, month, year = _day_first(text, *match.groups())
    elif match := _WORDY.match(value):
        day, month, year = int(match[1]), _month(text, match[2]), _full_year(text, match[3])
    elif value.isdigit() and len(value) == 5:
        raise InvalidInput(f"{text!r} is a spreadsheet date number; format the column as dates")
    else:
        raise InvalidInput(f"{text!r} is not a date; write dd/mm/yyyy or yyyy-mm-dd")
    if not 1900 <= year <= 2199:
        raise InvalidInput(f"{text!r} has an unlikely year {year}")
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidInput(f"{text!r} is not a real date") from None


def _day_first(text: str, day: str, month: str, year: str) -> tuple[int, int, int]:
    if int(month) > 12 >= int(day) > 0:
        raise InvalidInput(
            f"{text!r} reads as month/day/year; write day/month/year "
            f"({int(month):02d}/{int(day):02d}/{year}) or yyyy-mm-dd"
        )
    return int(day), int(month), _full_year(text, year)


def _full_year(text: str, year: str) -> int:
    if len(year) != 4:
        raise InvalidInput(f"{text!r} is ambiguous: write the year in full, e.g. 07/03/2024")
    return int(year)


def _month(text: str, word: str) -> int:
    for number, name in enumerate(_MONTHS, start=1):
        if len(word) >= 3 and name.startswith(word):
            return number
    raise InvalidInput(f"{text!r} is not a date: unknown month {word!r}")


def format_date(value: date | None) -> str:
    """ISO 8601: the one format no spreadsheet locale misreads."""
    return value.isoformat() if value else ""


# Closed vocabularies --------------------------------------------------------

E = TypeVar("E", bound=StrEnum)


def _choice_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.casefold()).strip("_")


def _spellings(member: StrEnum) -> set[str]:
    label = str(getattr(member, "label", member.value))
    return {member.value, _choice_key(label), _choice_key(re.sub(r"\(.*?\)", "", label))}


def parse_choice(kind: type[E], text: str, what: str) -> E:
    """A vocabulary member by key or label, any case; unknown ones name the nearest."""
    wanted = _choice_key(text)
    for member in kind:
        if wanted in _spellings(member):
            return member
    raise InvalidInput(f"unknown {what} {text.strip()!r}; nearest: {_nearest(kind, wanted)}")


def _nearest(kind: type[E], wanted: str) -> str:
    spelled = {spelling: member for member in kind for spelling in _spellings(member)}
    best = difflib.get_close_matches(wanted, list(spelled), n=1, cutoff=0.0)
    member = spelled[best[0]] if best else next(iter(kind))
    label = str(getattr(member, "label", member.value))
    return member.value if label == member.value.replace("_", " ") else f"{member.value} ({label})"


# Lists, parameters and spreadsheet safety -------------------------------------


def parse_list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(LIST_SEPARATOR) if part.strip())


_YES, _NO = {"yes", "y", "true"}, {"no", "n", "false"}


def parse_yes_no(text: str) -> bool:
    """'yes' or 'no' in any case (blank is read as no before this is called)."""
    word = text.strip().casefold()
    if word in _YES | _NO:
        return word in _YES
    raise InvalidInput(f"{text.strip()!r} should be yes or no")


def format_list(values: tuple[str, ...] | list[str]) -> str:
    return f"{LIST_SEPARATOR} ".join(values)


def parse_params(text: str) -> dict[str, str]:
    """'officer=Jo Bloggs; mailbox=spoc@council.example.gov.uk' -> a dict."""
    params: dict[str, str] = {}
    for part in parse_list(text):
        name, equals, value = part.partition("=")
        key = _choice_key(name)
        if not equals or not key or not value.strip():
            raise InvalidInput(f"{part!r} should be name=value, e.g. officer=Jo Bloggs")
        if key in params:
            raise InvalidInput(f"{key} is given twice")
        params[key] = value.strip()
    return params


def format_params(params: dict[str, str]) -> str:
    return format_list([f"{name}={value}" for name, value in params.items()])


# A cell starting with one of these is run as a formula when the CSV is
# opened in Excel. Text a customer wrote could do that, so an export quotes
# it with an apostrophe and an import removes the apostrophe again.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def unguard_cell(text: str) -> str:
    return text[1:] if text.startswith("'") and text[1:].startswith(_FORMULA_START) else text
