"""Importing a customer's known issues from CSV: the SPOC officer's list of matters dealt with.

Triage compares each new email against these, so an email that only
repeats a matter already considered is filed rather than escalated. The
SPOC officer keeps the list in a spreadsheet; this reads it to the same
standard as the register import (register/importing.py): every row is
checked before anything is written, each problem is reported with the line
a spreadsheet user would look at, and the file goes in whole, in one
transaction, or not at all.

The parser is pure: `read_issues` checks the cells, `resolve` matches each
row to a person from what the register said about the addresses and ids
the file names. Only `run_known_issues_command` touches the database.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from register.csv_columns import unguard_cell
from register.errors import ImportRejected
from register.importing import decode

COLUMNS = ("email", "person_id", "summary", "status", "outcome")
STATUSES = ("open", "closed")
SUMMARY_LIMIT = 2000
OUTCOME_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class IssueRow:
    """One checked row, not yet matched to a person: `email` and `person_id` as written."""

    line: int
    email: str
    person_id: str
    summary: str
    status: str
    outcome: str


@dataclass(frozen=True, slots=True)
class IssueFile:
    rows: tuple[IssueRow, ...] = ()
    problems: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Register:
    """What the register said about the file's people: holders of each email, and known ids."""

    holders: Mapping[str, Sequence[str]] = field(default_factory=dict)  # email -> person ids
    person_ids: frozenset[str] = frozenset()


# Reading and checking ----------------------------------------------------------


def read_issues(records: Sequence[Sequence[str]]) -> IssueFile:
    """Records as csv.reader yields them, header first; line numbers are spreadsheet rows."""
    if not records or not any(cell.strip() for cell in records[0]):
        return IssueFile(problems=("line 1: the file has no header row",))
    columns, problems = _header(records[0])
    if problems:
        return IssueFile(problems=tuple(problems))
    rows: list[IssueRow] = []
    for line, record in enumerate(records[1:], start=2):
        cells = [unguard_cell(cell).strip() for cell in record]
        if not any(cells):
            continue  # blank rows, often trailing ones Excel leaves
        if any(cells[len(columns) :]):
            problems.append(
                f"line {line}: has {len(cells)} cells but the header has {len(columns)}; "
                "a value with a comma in it needs quotes"
            )
            continue
        values = {col: cell for col, cell in zip(columns, cells, strict=False) if col}
        checked = _row(line, values)
        if isinstance(checked, IssueRow):
            rows.append(checked)
        else:
            problems.extend(checked)
    return IssueFile(tuple(rows), tuple(problems))


def _key(heading: str) -> str:
    """'Person ID' -> 'person_id', so headings match loosely, as the register import's do."""
    key = re.sub(r"[^a-z0-9]+", "_", heading.strip().casefold()).strip("_")
    return {"email_address": "email", "person": "person_id", "id": "person_id"}.get(key, key)


def _header(header: Sequence[str]) -> tuple[list[str | None], list[str]]:
    columns: list[str | None] = []
    problems: list[str] = []
    for heading in header:
        key = _key(heading)
        if key and key not in COLUMNS:
            problems.append(f"line 1: {heading}: unknown column (the columns are {_names()})")
        elif key in columns:
            problems.append(f"line 1: {heading}: the {key} column appears twice")
        columns.append(key if key in COLUMNS else None)
    for needed in ("summary", "status"):
        if needed not in columns:
            problems.append(f"line 1: {needed}: the {needed} column is missing")
    if "email" not in columns and "person_id" not in columns:
        problems.append("line 1: the file needs an email or a person_id column")
    return columns, problems


def _names() -> str:
    return ", ".join(COLUMNS)


def _row(line: int, values: Mapping[str, str]) -> IssueRow | list[str]:
    """One row checked on its own: who it is about, a summary, and a known status."""
    email, person_id = values.get("email", "").lower(), values.get("person_id", "")
    summary, outcome = values.get("summary", ""), values.get("outcome", "")
    status = values.get("status", "").casefold()
    problems = []
    if not email and not person_id:
        problems.append(f"line {line}: give the customer's email or their person_id")
    if not summary:
        problems.append(f"line {line}: summary: this is needed")
    elif len(summary) > SUMMARY_LIMIT:
        problems.append(f"line {line}: summary: longer than {SUMMARY_LIMIT} characters")
    if status not in STATUSES:
        shown = values.get("status", "") or "(blank)"
        problems.append(f"line {line}: status: {shown} is not open or closed")
    if len(outcome) > OUTCOME_LIMIT:
        problems.append(f"line {line}: outcome: longer than {OUTCOME_LIMIT} characters")
    return problems or IssueRow(line, email, person_id, summary, status, outcome)


# Matching to the register --------------------------------------------------------


def resolve(issues: IssueFile, register: Register) -> tuple[list[dict[str, str]], list[str]]:
    """Each row as the store's import takes it (person_id, summary, status, outcome), or problems.

    An email is matched exactly (case aside) to one person on the register;
    an address a household shares matches several, so the row must give
    the person_id instead. When a row gives both, they must agree.
    """
    rows: list[dict[str, str]] = []
    problems = list(issues.problems)
    for issue in issues.rows:
        person, problem = _person(issue, register)
        if problem:
            problems.append(problem)
            continue
        rows.append(
            {
                "person_id": person,
                "summary": issue.summary,
                "status": issue.status,
                "outcome": issue.outcome,
            }
        )
    return rows, problems


def _person(issue: IssueRow, register: Register) -> tuple[str, str]:
    """(the person's id, "") or ("", the problem, starting with its line)."""
    line = f"line {issue.line}"
    if issue.person_id and issue.person_id not in register.person_ids:
        return "", f"{line}: person_id: {issue.person_id} is not a person on the register"
    if not issue.email:
        return issue.person_id, ""
    holders = list(register.holders.get(issue.email, ()))
    if not holders:
        return "", f"{line}: email: {issue.email} is not the email of anyone on the register"
    if issue.person_id:
        if issue.person_id in holders:
            return issue.person_id, ""
        return "", f"{line}: email: {issue.email} is not {issue.person_id}'s on the register"
    if len(holders) > 1:
        return "", (
            f"{line}: email: {issue.email} is shared by {len(holders)} people on the register; "
            "give the person_id to say whose issue it is"
        )
    return holders[0], ""


# The command line ------------------------------------------------------------------


def read_path(path: Path) -> IssueFile:
    """The file, decoded as the register import decodes it (UTF-8, else Windows-1252)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportRejected([f"cannot read {path}: {error.strerror}"]) from None
    text, warnings = decode(data)
    issues = read_issues(list(csv.reader(io.StringIO(text, newline=""))))
    return IssueFile(issues.rows, issues.problems, warnings)


def run_known_issues_command(
    store_engine_or_store: Any, path: Path | str, out: TextIO | None = None
) -> int:
    """What `app.py known-issues FILE.csv` runs: 0 imported, 1 refused (nothing written).

    `store_engine_or_store` is a SQLAlchemy engine or any store with one
    (`SqlRegisterStore`, `SqlMailStore`); the import goes through
    `SqlMailStore.import_known_issues`, one transaction.
    """
    from store.mail_repo import SqlMailStore

    out = out or sys.stdout
    engine = getattr(store_engine_or_store, "engine", store_engine_or_store)
    store = SqlMailStore(engine)
    try:
        issues = read_path(Path(path))
    except ImportRejected as refused:
        return _refused(refused.problems, out)
    for warning in issues.warnings:
        print(f"Warning: {warning}", file=out)
    with store.transaction() as session:
        register = _register(session, issues)
    rows, problems = resolve(issues, register)
    if problems:
        return _refused(problems, out)
    done = store.import_known_issues(rows)
    people = len({row["person_id"] for row in rows})
    whom = "1 customer" if people == 1 else f"{people} customers"
    print(
        f"Imported for {whom}: {done.added} known issues added, {done.updated} updated, "
        f"{done.unchanged} already as the file says.",
        file=out,
    )
    return 0


def _register(session: Any, issues: IssueFile) -> Register:
    """Ask the register about each email and person id the file names, once each."""
    emails = {issue.email for issue in issues.rows if issue.email}
    ids = {issue.person_id for issue in issues.rows if issue.person_id}
    holders = {email: [p.id for p in session.people_by_email(email)] for email in emails}
    known = frozenset(i for i in ids if session.person(i) is not None)
    return Register(holders, known)


def _refused(problems: Sequence[str], out: TextIO) -> int:
    print(f"Refused: {ImportRejected(list(problems))}", file=out)
    for problem in problems:
        print(f"  {problem}", file=out)
    return 1
