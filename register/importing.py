"""Importing a council's register from CSV.

Every row is checked before anything is written, and every problem is
reported with the line a spreadsheet user would look at, because a council
moving its register in needs the whole list of fixes at once, not one per
attempt. The import is all-or-nothing in one transaction; `partial=True`
imports the good rows and writes the bad ones to a reject file that can be
fixed and imported on its own. Given the council's preset, restrictions are
also checked against its ladder (register.import_ladder): the stage must be
one of its steps, and the steps it does not let be skipped must be there
below it, in the register or in the file.

The pure half (reading, checking, matching) knows nothing about databases;
the use case writes through the RegisterStore port.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TextIO

from register.audit import AuditAction, AuditEntry
from register.csv_columns import ERROR_COLUMN, HEADER, column_key, nearest_column, unguard_cell
from register.errors import ImportRejected
from register.import_ladder import LadderRow, ladder_problems
from register.import_matching import Held, NewRecords
from register.import_rows import ParsedRow, parse_row
from register.policy import Preset
from register.ports import RegisterSession, RegisterStore
from register.restrictions import Restriction

# (phase, rows done, rows in all): phases are "checking" and "importing".
Progress = Callable[[str, int, int], None]

# Files with at least this many rows get a progress bar on the command line.
LARGE_FILE_ROWS = 500

_CP1252_WARNING = (
    "the file is not UTF-8, so it was read as Windows-1252 (Excel's plain 'CSV'); "
    "check that accented names came through, or save it as 'CSV UTF-8' next time"
)


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One non-blank row: its spreadsheet line, the cells as written, and by column."""

    line: int
    cells: tuple[str, ...]
    values: dict[str, str]


@dataclass(frozen=True, slots=True)
class SourceFile:
    header: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    problems: tuple[str, ...] = ()  # about the file as a whole (header, encoding)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did, in the numbers an operator checks against the spreadsheet."""

    rows: int
    restrictions_added: int
    risks_added: int
    people_added: int
    properties_added: int
    people_matched: int
    properties_matched: int
    already_held: int
    rejected: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    rejects_path: Path | None = None
    earlier_stages_outside: int = 0  # restrictions imported on the word of that column

    def summary(self) -> str:
        outside = (
            f"{self.earlier_stages_outside} restriction(s) with earlier stages given outside "
            "Forewarn; "
            if self.earlier_stages_outside
            else ""
        )
        return (
            f"{self.rows} rows: {self.restrictions_added} restrictions and "
            f"{self.risks_added} premise risks added; {self.people_added} people and "
            f"{self.properties_added} properties added, {self.people_matched} people and "
            f"{self.properties_matched} properties already held; "
            f"{self.already_held} entries already held; {outside}"
            f"{len(self.rejected)} problems in rows not imported"
        )


# Reading ---------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """UTF-8 (with or without Excel's BOM), else Windows-1252 with a warning."""
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), (_CP1252_WARNING,)
    except UnicodeDecodeError:
        raise ImportRejected(["the file is not text (neither UTF-8 nor Windows-1252)"]) from None


def read_path(path: Path) -> SourceFile:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportRejected([f"cannot read {path}: {error.strerror}"]) from None
    text, warnings = decode(data)
    source = read_rows(list(csv.reader(io.StringIO(text, newline=""))))
    return replace(source, warnings=warnings + source.warnings)


def read_rows(records: Sequence[Sequence[str]]) -> SourceFile:
    """Records as csv.reader yields them, header first.

    Line numbers are spreadsheet row numbers (header = 1): csv.reader yields
    one record per row, blank rows included, and a cell with line breaks in
    it is still one row, so the count matches what Excel shows.
    """
    if not records or not any(cell.strip() for cell in records[0]):
        return SourceFile((), (), problems=("line 1: the file has no header row",))
    header = tuple(records[0])
    columns, problems = _header_columns(header)
    rows: list[SourceRow] = []
    for index, record in enumerate(records[1:], start=2):
        cells = tuple(unguard_cell(cell) for cell in record)
        if not any(cell.strip() for cell in cells):
            continue  # blank rows, often trailing ones Excel leaves
        values = {col: cell.strip() for col, cell in zip(columns, cells, strict=False) if col}
        rows.append(SourceRow(index, tuple(record), values))
    return SourceFile(header, tuple(rows), problems=tuple(problems))


def _header_columns(header: tuple[str, ...]) -> tuple[list[str | None], list[str]]:
    """Which known column each heading is; unknown, repeated or missing ones are problems."""
    columns: list[str | None] = []
    problems: list[str] = []
    for heading in header:
        key = column_key(heading)
        if key == ERROR_COLUMN or not key:
            columns.append(None)
            continue
        if key not in HEADER:
            near = nearest_column(heading)
            hint = f" (did you mean {near}?)" if near else ""
            problems.append(f"line 1: {heading}: unknown column{hint}")
        elif key in columns:
            problems.append(f"line 1: {heading}: the {key} column appears twice")
        columns.append(key if key in HEADER else None)
    if "entry" not in columns:
        problems.append("line 1: entry: the entry column is missing")
    return columns, problems


# Checking ----------------------------------------------------------------------


@dataclass(slots=True)
class CheckedFile:
    source: SourceFile
    good: list[ParsedRow] = field(default_factory=list)
    bad: list[tuple[SourceRow, list[str]]] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [*self.source.problems, *(p for _, problems in self.bad for p in problems)]

    def refuse(self, problems: dict[int, str]) -> None:
        """Move the good rows on these lines to the bad ones, keeping the bad in line order."""
        if not problems:
            return
        rows = {row.line: row for row in self.source.rows}
        self.bad.extend(
            (rows[row.line], [problems[row.line]]) for row in self.good if row.line in problems
        )
        self.bad.sort(key=lambda bad: bad[0].line)
        self.good = [row for row in self.good if row.line not in problems]


def check(
    source: SourceFile, progress: Progress | None = None, preset: Preset | None = None
) -> CheckedFile:
    """Parse and validate every row, collecting every problem rather than stopping."""
    checked = CheckedFile(source)
    total = len(source.rows)
    for done, row in enumerate(source.rows, start=1):
        parsed = _overflow(row, len(source.header)) or parse_row(row.line, row.values, preset)
        if isinstance(parsed, ParsedRow):
            checked.good.append(parsed)
        else:
            checked.bad.append((row, parsed))
        if progress:
            progress("checking", done, total)
    return checked


def _overflow(row: SourceRow, width: int) -> list[str] | None:
    """Cells past the last heading usually mean an unquoted comma shifted the row."""
    if any(cell.strip() for cell in row.cells[width:]):
        return [
            f"line {row.line}: has {len(row.cells)} cells but the header has {width}; "
            "a value with a comma in it needs quotes"
        ]
    return None


# The use case ----------------------------------------------------------------


def import_register(
    store: RegisterStore,
    rows_or_path: Path | str | Sequence[Sequence[str]],
    actor: str,
    partial: bool = False,
    rejects_path: Path | str | None = None,
    progress: Progress | None = None,
    *,
    preset: Preset | None = None,
) -> ImportReport:
    """Import a register CSV: all of it in one transaction, or (partial) the good rows.

    Raises ImportRejected, having written nothing, when any row is bad and
    `partial` is false, or when the file itself cannot be used (no header,
    unknown columns) whatever `partial` says. People and properties already
    held are matched, not duplicated, so importing a file twice adds nothing.
    `preset` is the council's policy, whose ladder restrictions are checked
    against; the command always gives it. Without one, stages are taken as
    written, which only tests of the other checks rely on.
    """
    source = _read(rows_or_path)
    checked = check(source, progress, preset)
    if source.problems or (checked.bad and not partial and preset is None):
        raise ImportRejected(checked.problems)
    # With a preset a refusal still reads the register: the ladder check needs
    # it, and the whole list of fixes is given at once.
    with store.transaction() as session:
        held = Held.read(session)
        if preset is not None:
            checked.refuse(_ladder_problems(preset, held, checked.good, progress))
        if checked.bad and not partial:
            raise ImportRejected(checked.problems)  # the transaction has written nothing
        new = held.matcher().resolve(checked.good, progress)
        _write(session, new)
        report = _report(source, checked, new, _rejects_target(rows_or_path, rejects_path))
        session.audit(_audit_entry(actor, rows_or_path, report))
    if report.rejects_path and checked.bad:
        write_rejects(report.rejects_path, source.header, checked.bad)
    return report


def _ladder_problems(
    preset: Preset, held: Held, rows: list[ParsedRow], progress: Progress | None
) -> dict[int, str]:
    """Each restriction row placed on its person or property, then checked against the ladder.

    The placing is thrown away: the rows still good are placed again for
    writing, so a row refused here adds no one.
    """
    matcher = held.matcher()
    placed = []
    for done, row in enumerate(rows, start=1):
        entry = matcher.placed(row)
        if isinstance(entry, Restriction):
            name = matcher.subject_name(entry)
            placed.append(LadderRow(row.line, entry, name, row.earlier_outside))
        if progress:
            progress("checking stages", done, len(rows))
    return ladder_problems(preset, placed, held.restrictions)


def _read(rows_or_path: Path | str | Sequence[Sequence[str]]) -> SourceFile:
    if isinstance(rows_or_path, Path | str):
        return read_path(Path(rows_or_path))
    return read_rows(rows_or_path)


def _rejects_target(
    rows_or_path: Path | str | Sequence[Sequence[str]], rejects_path: Path | str | None
) -> Path | None:
    """Where bad rows go: as asked, else '<name>-rejects.csv' beside the file."""
    if rejects_path is not None:
        return Path(rejects_path)
    if isinstance(rows_or_path, Path | str):
        path = Path(rows_or_path)
        return path.with_name(f"{path.stem}-rejects.csv")
    return None


def _write(session: RegisterSession, new: NewRecords) -> None:
    """Properties before the people who live there, people before their entries.

    The store's batched `add_many` is used: a council's whole register is
    tens of thousands of rows, too many for one INSERT each.
    """
    session.add_many([*new.properties, *new.people, *new.restrictions, *new.risks])


def _report(
    source: SourceFile, checked: CheckedFile, new: NewRecords, rejects: Path | None
) -> ImportReport:
    return ImportReport(
        rows=len(source.rows),
        restrictions_added=len(new.restrictions),
        risks_added=len(new.risks),
        people_added=len(new.people),
        properties_added=len(new.properties),
        people_matched=new.people_matched,
        properties_matched=new.properties_matched,
        already_held=new.already_held,
        rejected=tuple(checked.problems),
        warnings=(*source.warnings, *new.warnings),
        rejects_path=rejects if checked.bad else None,
        earlier_stages_outside=sum(1 for row in checked.good if row.earlier_outside),
    )


def _audit_entry(
    actor: str, rows_or_path: Path | str | Sequence[Sequence[str]], report: ImportReport
) -> AuditEntry:
    """Counts only: the audit trail never holds the personal data it describes."""
    origin = Path(rows_or_path).name if isinstance(rows_or_path, Path | str) else "rows"
    return AuditEntry(
        actor=actor,
        action=AuditAction.IMPORT,
        subject_type="register",
        subject_id="register",
        reason="register import from CSV",
        detail=f"{origin}: {report.summary()}",
    )


def write_rejects(
    path: Path, header: tuple[str, ...], bad: list[tuple[SourceRow, list[str]]]
) -> None:
    """The bad rows as they were written, plus an 'error' column saying what to fix.

    The file imports as it is once fixed: the importer ignores 'error'.
    """
    keep = [i for i, heading in enumerate(header) if column_key(heading) != ERROR_COLUMN]
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([*(header[i] for i in keep), ERROR_COLUMN])
        for row, problems in bad:
            cells = [row.cells[i] if i < len(row.cells) else "" for i in keep]
            writer.writerow([*cells, "; ".join(problems)])


# The command line ---------------------------------------------------------------


def run_import_command(
    store: RegisterStore,
    path: Path | str,
    actor: str,
    partial: bool = False,
    rejects_path: Path | str | None = None,
    out: TextIO | None = None,
    *,
    preset: Preset,
) -> int:
    """What `app.py import CSV` runs: 0 all imported, 1 refused, 2 imported with rejects."""
    out = out or sys.stdout
    bar = _ProgressBar()
    try:
        report = import_register(store, path, actor, partial, rejects_path, bar, preset=preset)
    except ImportRejected as refused:
        bar.close()
        print(f"Refused: {refused}", file=out)
        for problem in refused.problems:
            print(f"  {problem}", file=out)
        return 1
    bar.close()
    for warning in report.warnings:
        print(f"Warning: {warning}", file=out)
    print(f"Imported. {report.summary()}.", file=out)
    if report.rejected:
        print(f"Rows not imported were written to {report.rejects_path}:", file=out)
        for problem in report.rejected:
            print(f"  {problem}", file=out)
        return 2
    return 0


class _ProgressBar:
    """A tqdm bar per phase, only for files big enough to make someone wait."""

    def __init__(self) -> None:
        self._phase = ""
        self._bar: Any = None
        self._done = 0

    def __call__(self, phase: str, done: int, total: int) -> None:
        if total < LARGE_FILE_ROWS:
            return
        if phase != self._phase:
            from tqdm import tqdm

            self.close()
            self._phase, self._done = phase, 0
            self._bar = tqdm(total=total, desc=phase.capitalize(), unit="row", file=sys.stderr)
        self._bar.update(done - self._done)
        self._done = done

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
