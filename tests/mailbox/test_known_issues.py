"""`app.py known-issues FILE.csv`: the SPOC officer's list of matters dealt with, imported whole.

Every row is checked first; a bad row is reported with its spreadsheet
line and nothing is written; an email nobody on the register holds is
named. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from mailbox.known_issues import read_issues, run_known_issues_command
from store.mail_repo import SqlMailStore
from store.repository import SqlRegisterStore
from tests.mailbox.spoc_cases import SpocCase, spoc_case

HEADER = "email,person_id,summary,status,outcome\n"


@pytest.fixture
def jane(store: SqlRegisterStore) -> SpocCase:
    case = spoc_case("Jane Customer", "Jane@Example.org")
    store.bulk_add(case.records())
    return case


def _import(store: SqlRegisterStore, tmp_path: Path, text: str) -> tuple[int, str]:
    path = tmp_path / "issues.csv"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    return run_known_issues_command(store, path, out), out.getvalue()


def _issues(store: SqlRegisterStore, person_id: str) -> list[tuple[str, str, str]]:
    with SqlMailStore(store.engine).transaction() as session:
        return [(i.summary, i.status, i.outcome) for i in session.issues_for(person_id)]


def test_a_good_file_is_imported(store: SqlRegisterStore, jane: SpocCase, tmp_path: Path) -> None:
    person_id = jane.person.id
    code, said = _import(
        store,
        tmp_path,
        HEADER
        + "JANE@example.org,,Bin not collected,closed,Crew reminded on 3 Feb\n"
        + "\n"
        + f',{person_id},"Damp in the bathroom, since January",Open,\n',
    )
    assert code == 0, said
    assert said == (
        "Imported for 1 customer: 2 known issues added, 0 updated, 0 already as the file says.\n"
    )
    assert sorted(_issues(store, person_id)) == [
        ("Bin not collected", "closed", "Crew reminded on 3 Feb"),
        ("Damp in the bathroom, since January", "open", ""),
    ]


def test_importing_the_list_again_updates_issues_instead_of_copying_them(
    store: SqlRegisterStore, jane: SpocCase, tmp_path: Path
) -> None:
    first = HEADER + "jane@example.org,,Bin not collected,open,\n"
    first += "jane@example.org,,Damp in the bathroom,open,\n"
    assert _import(store, tmp_path, first)[0] == 0
    again, said = _import(store, tmp_path, first)
    assert again == 0
    assert "0 known issues added, 0 updated, 2 already as the file says" in said

    edited = HEADER + "jane@example.org,,BIN not  collected,closed,Crew reminded\n"
    edited += "jane@example.org,,Damp in the bathroom,open,\n"
    edited += "jane@example.org,,Hedge overhanging the path,open,\n"
    code, said = _import(store, tmp_path, edited)
    assert code == 0
    assert "1 known issues added, 1 updated, 1 already as the file says" in said
    assert sorted(_issues(store, jane.person.id)) == [
        ("Bin not collected", "closed", "Crew reminded"),
        ("Damp in the bathroom", "open", ""),
        ("Hedge overhanging the path", "open", ""),
    ]


def test_a_bad_line_is_refused_with_its_number_and_nothing_is_written(
    store: SqlRegisterStore, jane: SpocCase, tmp_path: Path
) -> None:
    code, said = _import(
        store,
        tmp_path,
        HEADER
        + "jane@example.org,,Bin not collected,closed,Crew reminded\n"
        + "jane@example.org,,Parking permit,pending,\n",
    )
    assert code == 1
    assert "Refused: 1 problem(s) in the file; nothing was imported" in said
    assert "  line 3: status: pending is not open or closed" in said
    assert _issues(store, jane.person.id) == []


def test_an_unknown_email_is_named(store: SqlRegisterStore, jane: SpocCase, tmp_path: Path) -> None:
    code, said = _import(
        store,
        tmp_path,
        HEADER
        + "jane@example.org,,Bin not collected,closed,\n"
        + "nobody@example.org,,Noise,open,\n",
    )
    assert code == 1
    assert "  line 3: email: nobody@example.org is not the email of anyone on the register" in said
    assert _issues(store, jane.person.id) == []


def test_every_problem_is_listed_at_once() -> None:
    checked = read_issues(
        [
            ["Email", "Person ID", "Summary", "Status"],
            ["", "", "Noise", "open"],
            ["a@example.org", "", "", "shut"],
            ["a@example.org", "", "Bins", "open", "extra"],
        ]
    )
    assert checked.rows == ()
    assert checked.problems == (
        "line 2: give the customer's email or their person_id",
        "line 3: summary: this is needed",
        "line 3: status: shut is not open or closed",
        "line 4: has 5 cells but the header has 4; a value with a comma in it needs quotes",
    )


def test_an_unknown_column_refuses_the_file() -> None:
    checked = read_issues([["email", "summary", "state"], ["a@example.org", "Bins", "open"]])
    assert checked.problems == (
        "line 1: state: unknown column (the columns are email, person_id, summary, status, "
        "outcome)",
        "line 1: status: the status column is missing",
    )
