"""Importing a register from CSV: what a council officer moving their spreadsheet sees."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from register.audit import AuditAction
from register.csv_columns import HEADER, parse_choice, parse_date
from register.errors import ImportRejected, InvalidInput
from register.importing import import_register, run_import_command
from register.policy import load_preset
from register.restrictions import RestrictionType
from register.vocabulary import HazardType
from store.repository import SqlRegisterStore
from tests.samples import SampleRegister

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "register-example.csv"
ACTOR = "system:test-import"
PRESET = load_preset("managed-contact-register-council")  # the default


def restriction(**cells: str) -> dict[str, str]:
    """A good restriction row; keyword arguments change or add cells."""
    row = {
        "entry": "restriction",
        "name": "Alex Example",
        "emails": "alex@example.com",
        "address": "12 Mill Lane",
        "postcode": "ZZ1 1AB",
        "type": "spoc",
        "parameters": "officer=Jo Bloggs",
        "stage": "Stage 1",
        "reasons": "Abusive calls.",
        "decided_by": "Jo Bloggs",
        "decided_by_job_title": "Head of Service",
        "start_date": "04/03/2024",
    }
    return {**row, **cells}


def write_csv(path: Path, rows: list[dict[str, str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as out:
        writer = csv.DictWriter(out, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return path


def counts(store: SqlRegisterStore) -> dict[str, int]:
    with store.transaction() as session:
        return session.counts()


def audit_of_imports(store: SqlRegisterStore) -> list[str]:
    with store.transaction() as session:
        entries = session.audit_for("register", "register")
    return [entry.detail for entry in entries if entry.action is AuditAction.IMPORT]


# The "Done when" ---------------------------------------------------------


def test_bad_date_on_line_7_and_unknown_type_on_line_12_refuse_the_whole_file(
    store: SqlRegisterStore, sample_register: SampleRegister, tmp_path: Path
) -> None:
    rows = [restriction(name=f"Person {n}", emails=f"p{n}@example.com") for n in range(2, 13)]
    # A reasons cell with line breaks on line 3 must not shift the line numbers.
    rows[1] = {**rows[1], "reasons": "Shouted.\nThrew a chair.\nLeft."}
    rows[5] = {**rows[5], "start_date": "31/02/2024"}  # line 7
    rows[10] = {**rows[10], "type": "spock"}  # line 12
    before = counts(store)

    with pytest.raises(ImportRejected) as refused:
        import_register(store, write_csv(tmp_path / "register.csv", rows), ACTOR)

    assert refused.value.problems == [
        "line 7: start_date: '31/02/2024' is not a real date",
        "line 12: type: unknown restriction type 'spock'; nearest: spoc",
    ]
    assert counts(store) == before


def test_the_command_prints_every_bad_line_and_fails(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    rows = [restriction(), restriction(start_date="03/25/2024", status="maybe")]
    out = io.StringIO()

    code = run_import_command(
        store, write_csv(tmp_path / "r.csv", rows), ACTOR, out=out, preset=PRESET
    )

    assert code == 1
    assert "Refused: 2 problem(s) in the file; nothing was imported" in out.getvalue()
    assert "line 3: start_date: '03/25/2024' reads as month/day/year" in out.getvalue()
    assert "line 3: status: unknown status 'maybe'" in out.getvalue()
    assert counts(store)["restrictions"] == 0


# Importing good files ------------------------------------------------------------


def test_the_example_file_imports_every_row_with_one_audit_entry(store: SqlRegisterStore) -> None:
    report = import_register(store, EXAMPLE, ACTOR)

    assert (report.rows, report.restrictions_added, report.risks_added) == (20, 15, 4)
    assert (report.people_added, report.properties_added) == (7, 8)
    held = counts(store)
    assert (held["people"], held["properties"], held["restrictions"], held["premise_risks"]) == (
        7, 8, 15, 4,
    )  # fmt: skip
    [detail] = audit_of_imports(store)
    assert detail.startswith("register-example.csv: 20 rows: 15 restrictions")


def test_the_example_file_uses_every_restriction_type_the_default_policy_allows(
    store: SqlRegisterStore,
) -> None:
    """It imports under the policy Forewarn runs by default, so it shows only what that allows."""
    import_register(store, EXAMPLE, ACTOR, preset=PRESET)

    with store.transaction() as session:
        kinds = {restriction.kind for restriction in session.all_restrictions()}
    assert kinds == {kind for step in PRESET.steps for kind in step.allows}


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    store: SqlRegisterStore,
) -> None:
    import_register(store, EXAMPLE, ACTOR)
    before = counts(store)

    again = import_register(store, EXAMPLE, ACTOR)

    assert (again.people_added, again.properties_added, again.restrictions_added) == (0, 0, 0)
    assert again.already_held == 19
    assert counts(store) == {**before, "audit_entries": before["audit_entries"] + 1}


def test_people_and_properties_already_held_are_matched(
    store: SqlRegisterStore, sample_register: SampleRegister, tmp_path: Path
) -> None:
    rows = [
        # Gary by email (case differs), Dana by name and postcode, Mill Lane by UPRN.
        restriction(name="Gary Rowe", emails="GARY.ROWE@example.com", address="", postcode=""),
        restriction(name="Dana Pike", emails="", address="7 Orchard Close", postcode="zz23ef"),
        restriction(name="", emails="", address="14 Mill Ln", postcode="ZZ1 4AB", uprn="990001"),
    ]
    before = counts(store)

    report = import_register(store, write_csv(tmp_path / "r.csv", rows), ACTOR)

    assert (report.people_added, report.properties_added) == (0, 0)
    assert (report.people_matched, report.properties_matched) == (2, 2)
    with store.transaction() as session:
        assert len(session.restrictions_for_person(sample_register.gary.id)) == 3
        assert len(session.restrictions_for_person(sample_register.dana.id)) == 2
        assert len(session.restrictions_for_property(sample_register.mill_lane.id)) == 1
    assert counts(store)["people"] == before["people"]


def test_a_shared_email_with_a_different_name_is_a_different_person(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    rows = [restriction(), restriction(name="Sam Example", type="no_calls", parameters="")]

    report = import_register(store, write_csv(tmp_path / "r.csv", rows), ACTOR)

    assert (report.people_added, report.properties_added) == (2, 1)


def test_excel_files_with_a_bom_and_blank_trailing_rows_import(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "r.csv", [restriction()], encoding="utf-8-sig")
    with path.open("a", encoding="utf-8", newline="") as out:
        out.write("," * (len(HEADER) - 1) + "\r\n\r\n")

    report = import_register(store, path, ACTOR)

    assert (report.rows, report.restrictions_added, report.warnings) == (1, 1, ())


def test_a_windows_1252_file_imports_with_a_warning(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "r.csv", [restriction(name="Zoë Exämple")], encoding="cp1252")

    report = import_register(store, path, ACTOR)

    assert "read as Windows-1252" in report.warnings[0]
    with store.transaction() as session:
        assert [person.name for person in session.all_people()] == ["Zoë Exämple"]


def test_progress_is_reported_for_checking_and_importing(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    rows = [restriction(name=f"P {n}", emails=f"p{n}@example.com") for n in range(3)]
    calls: list[tuple[str, int, int]] = []

    import_register(
        store, write_csv(tmp_path / "r.csv", rows), ACTOR, progress=lambda *call: calls.append(call)
    )

    assert calls == [("checking", n, 3) for n in (1, 2, 3)] + [
        ("importing", n, 3) for n in (1, 2, 3)
    ]


# Partial imports -------------------------------------------------------------------


def test_a_partial_import_keeps_good_rows_and_writes_bad_ones_to_the_reject_file(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    rows = [
        restriction(),
        restriction(name="Bad Date", emails="bad@example.com", start_date="07/03/24"),
        restriction(name="Good Too", emails="good@example.com", type="No calls", parameters=""),
        restriction(name="Bad Type", emails="type@example.com", type="weapons"),
    ]  # fmt: skip
    rejects = tmp_path / "rejects.csv"
    out = io.StringIO()

    code = run_import_command(
        store, write_csv(tmp_path / "r.csv", rows), ACTOR, partial=True, rejects_path=rejects,
        out=out, preset=PRESET,
    )  # fmt: skip

    assert code == 2
    assert counts(store)["restrictions"] == 2
    with rejects.open(encoding="utf-8-sig", newline="") as file:
        rejected = list(csv.DictReader(file))
    assert [row["name"] for row in rejected] == ["Bad Date", "Bad Type"]
    assert rejected[0]["error"] == (
        "line 3: start_date: '07/03/24' is ambiguous: write the year in full, e.g. 07/03/2024"
    )
    assert rejected[1]["error"] == "line 5: type: 'weapons' is a hazard: set entry to premise_risk"
    assert f"Rows not imported were written to {rejects}" in out.getvalue()


def test_a_fixed_reject_file_imports_as_it_is(store: SqlRegisterStore, tmp_path: Path) -> None:
    source = write_csv(tmp_path / "r.csv", [restriction(start_date="yesterday")])
    import_register(store, source, ACTOR, partial=True)
    rejects = tmp_path / "r-rejects.csv"
    fixed = rejects.read_text(encoding="utf-8-sig").replace("yesterday", "2024-03-04")
    rejects.write_text(fixed, encoding="utf-8-sig")

    report = import_register(store, rejects, ACTOR)

    assert report.restrictions_added == 1


def test_a_partial_import_still_refuses_a_file_with_unknown_columns(
    store: SqlRegisterStore,
) -> None:
    rows = [["entry", "name", "postcod"], ["subject", "Alex Example", "ZZ1 1AB"]]

    with pytest.raises(ImportRejected) as refused:
        import_register(store, rows, ACTOR, partial=True)

    assert refused.value.problems == ["line 1: postcod: unknown column (did you mean postcode?)"]


# Row checks that need no database ----------------------------------------------------


def check_rows(*rows: dict[str, str]) -> list[str]:
    records = [list(HEADER), *([row.get(column, "") for column in HEADER] for row in rows)]
    with pytest.raises(ImportRejected) as refused:
        import_register(_NoStore(), records, ACTOR)
    return refused.value.problems


class _NoStore:
    """Refused files never open a transaction; this proves it."""

    def transaction(self) -> object:
        raise AssertionError("a refused import must not touch the store")


def test_every_problem_in_a_row_is_reported() -> None:
    problems = check_rows(
        restriction(postcode="not a postcode", decided_by_job_title="", severity="high")
    )

    assert problems == [
        "line 2: postcode: 'not a postcode' is not a UK postcode",
        "line 2: severity: not used for a restriction; leave it blank",
        "line 2: decided_by_job_title: needed with decided_by",
    ]


def test_premise_risk_rows_are_checked() -> None:
    problems = check_rows(
        {"entry": "premise_risk", "address": "Old Mill", "postcode": "ZZ1 1AD", "type": "dog",
         "severity": "extreme", "precautions": "visit_in_pairs; bring biscuits",
         "start_date": "2024-02-02"},
    )  # fmt: skip

    assert problems == [
        "line 2: type: unknown hazard 'dog'; nearest: dangerous_animal "
        "(dangerous animal (e.g. dog))",
        "line 2: severity: unknown severity 'extreme'; nearest: medium",
        "line 2: precautions: unknown precaution 'bring biscuits'; nearest: no_home_visits",
        "line 2: details_contact: needed for a premise risk: who staff ask for details",
    ]


def test_parameters_are_checked_against_the_restriction_type() -> None:
    problems = check_rows(
        restriction(parameters="colour=blue"),
        restriction(type="single_channel", parameters="channel=pigeon"),
        restriction(type="no_reply_on_topic", parameters="topic fence"),
    )

    assert problems == [
        "line 2: parameters: spoc does not take colour",
        "line 3: parameters: unknown channel 'pigeon'",
        "line 4: parameters: 'topic fence' should be name=value, e.g. officer=Jo Bloggs",
    ]


def test_a_row_needs_a_subject_and_an_entry_kind() -> None:
    problems = check_rows(restriction(entry="", name="", emails="", address="", postcode=""))

    assert problems == [
        "line 2: entry: needed for every row",
        "line 2: name: each row needs a name, an address, or both",
    ]


def test_a_row_with_more_cells_than_the_header_is_refused() -> None:
    records = [["entry", "name"], ["subject", "Example", "Alex"]]

    with pytest.raises(ImportRejected) as refused:
        import_register(_NoStore(), records, ACTOR)

    assert refused.value.problems == [
        "line 2: has 3 cells but the header has 2; a value with a comma in it needs quotes"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07/03/2024", date(2024, 3, 7)),
        ("7/3/2024", date(2024, 3, 7)),
        ("07.03.2024", date(2024, 3, 7)),
        ("2024-03-07", date(2024, 3, 7)),
        ("2024-03-07 00:00:00", date(2024, 3, 7)),
        ("7 March 2024", date(2024, 3, 7)),
        ("07-Mar-2024", date(2024, 3, 7)),
    ],
)
def test_uk_and_iso_dates_are_read(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/02/2024", "'31/02/2024' is not a real date"),
        ("03/25/2024", "'03/25/2024' reads as month/day/year"),
        ("07/03/24", "'07/03/24' is ambiguous"),
        ("45358", "'45358' is a spreadsheet date number"),
        ("soon", "'soon' is not a date"),
    ],
)
def test_ambiguous_and_impossible_dates_are_refused(text: str, reason: str) -> None:
    with pytest.raises(InvalidInput, match=reason):
        parse_date(text)


def test_types_are_read_by_key_or_label_in_any_case() -> None:
    assert parse_choice(RestrictionType, "Home Visits In Pairs", "t") is (
        RestrictionType.HOME_VISITS_IN_PAIRS
    )
    assert parse_choice(HazardType, "HAZARDOUS SUBSTANCES OR SEVERE SQUALOR", "hazard") is (
        HazardType.HAZARDOUS_SUBSTANCES_OR_SQUALOR
    )
