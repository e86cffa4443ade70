"""Exports: the register back to CSV, and the subject access export for one person."""

from __future__ import annotations

import csv
import io
import json
import stat
from collections.abc import Hashable
from dataclasses import fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from register.access import Refusal
from register.audit import AuditAction, AuditEntry
from register.csv_columns import COLUMNS, guard_cell, unguard_cell
from register.exporting import (
    SECTION_NOTES,
    export_register,
    run_export_command,
    run_sar_command,
    subject_access_export,
)
from register.importing import import_register
from register.policy import load_preset
from register.ports import RegisterStore
from register.subjects import Person
from store.repository import SqlRegisterStore
from tests import databases
from tests.samples import SampleRegister

DOCS = Path(__file__).resolve().parents[2] / "docs" / "csv-format.md"
PRESET = load_preset("managed-contact-register-council")  # the default


def snapshot(store: RegisterStore) -> dict[str, set[Hashable]]:
    """The register as CSV can carry it, with ids replaced by what they point at."""
    with store.transaction() as session:
        properties = {p.id: _values(p, "id") for p in session.all_properties()}
        people = {
            p.id: (*_values(p, "id", "property_id"), properties.get(p.property_id or ""))
            for p in session.all_people()
        }
        entries = [*session.all_restrictions(), *session.all_risks()]

    def entry(record: Any) -> Hashable:
        subject = (people.get(record.person_id or ""), properties.get(record.property_id or ""))
        # proposed_by is a staff identifier the CSV does not carry (decided_by names the officer).
        values = _values(record, "id", "person_id", "property_id", "updated_at", "proposed_by")
        return (type(record).__name__, subject, values)

    return {
        "properties": set(properties.values()),
        "people": set(people.values()),
        "entries": {entry(record) for record in entries},
    }


def _values(record: Any, *leave_out: str) -> tuple[Any, ...]:
    return tuple(
        tuple(sorted(value.items())) if isinstance(value, dict) else value
        for f in fields(record)
        if f.name not in leave_out
        for value in [getattr(record, f.name)]
    )


def empty_twin(store: SqlRegisterStore, request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """An empty register on the same kind of database as `store`."""
    if store.engine.dialect.name == "postgresql":
        databases.empty_postgres(store.engine)
        return store
    template: Path = request.getfixturevalue("sqlite_template")
    return SqlRegisterStore(databases.sqlite_copy(template, tmp_path / "twin"))


# The register as CSV -------------------------------------------------------------


def test_export_then_import_into_an_empty_register_gives_the_same_register(
    store: SqlRegisterStore,
    sample_register: SampleRegister,
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    # A name Excel would run as a formula, to show it survives the guard.
    with store.transaction() as session:
        session.add(Person("=Alex Example", phones=("+44 7700 900999",)))
    before = snapshot(store)
    exported = export_register(store, tmp_path / "register.csv", sample_register.admin)
    assert not isinstance(exported, Refusal)

    twin = empty_twin(store, request, tmp_path)
    try:
        report = import_register(twin, tmp_path / "register.csv", "system:test")
        assert snapshot(twin) == before
    finally:
        if twin is not store:
            twin.close()
    assert report.rejected == ()


def test_the_example_file_round_trips(
    store: SqlRegisterStore, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "register-example.csv"
    import_register(store, example, "system:test")
    admin = _admin(store)
    before = snapshot(store)
    assert not isinstance(export_register(store, tmp_path / "out.csv", admin), Refusal)

    twin = empty_twin(store, request, tmp_path)
    try:
        import_register(twin, tmp_path / "out.csv", "system:test")
        assert snapshot(twin) == before
    finally:
        if twin is not store:
            twin.close()


def _admin(store: SqlRegisterStore) -> Any:
    from tests.samples import build_sample_register

    admin = build_sample_register().admin
    with store.transaction() as session:
        session.add(admin)
    return admin


def test_an_export_file_is_for_its_owner_only_and_is_audited(
    store: SqlRegisterStore, sample_register: SampleRegister, tmp_path: Path
) -> None:
    out = io.StringIO()

    code = run_export_command(
        store, tmp_path / "r.csv", sample_register.admin.id, out=out, preset=PRESET
    )

    assert code == 0
    assert out.getvalue() == f"Exported 8 rows to {tmp_path / 'r.csv'}.\n"
    assert stat.S_IMODE((tmp_path / "r.csv").stat().st_mode) == 0o600
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert {row["entry"] for row in rows} == {"restriction", "premise_risk", "subject"}
    with store.transaction() as session:
        [entry] = session.audit_for("register", "register")
    assert (entry.action, entry.actor, entry.detail) == (
        AuditAction.EXPORT, sample_register.admin.id, "8 rows",
    )  # fmt: skip


def test_only_administrators_may_export_the_register(
    store: SqlRegisterStore, sample_register: SampleRegister, tmp_path: Path
) -> None:
    result = export_register(store, tmp_path / "r.csv", sample_register.manager)

    assert isinstance(result, Refusal)
    assert "Only register administrators" in result.reason
    assert not (tmp_path / "r.csv").exists()
    with store.transaction() as session:
        [entry] = session.audit_for("register", "register")
    assert entry.detail == "refused: not a register administrator"


def test_the_command_refuses_an_unknown_staff_member(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    out = io.StringIO()

    assert run_export_command(store, tmp_path / "r.csv", "nobody", out=out, preset=PRESET) == 1
    assert out.getvalue() == "Refused: No staff member with id nobody is in the register.\n"


# Subject access ------------------------------------------------------------------


def test_a_subject_access_export_holds_every_section(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    gary = sample_register.gary
    with store.transaction() as session:
        session.audit(AuditEntry("someone", AuditAction.VIEW, "person", gary.id, "lookup"))

    result = subject_access_export(store, gary.id, sample_register.admin)

    assert isinstance(result, dict)
    sections = json.loads(json.dumps(result))["sections"]
    assert set(sections) == set(SECTION_NOTES)
    assert all(section["note"] for section in sections.values())
    records = {name: section["records"] for name, section in sections.items()}
    assert records["person"]["name"] == "Gary Rowe"
    assert records["property"]["address"] == "14 Mill Lane, Little Burford"
    by_kind = {r["kind"]: r for r in records["restrictions"]}
    assert set(by_kind) == {"spoc", "call_limits"}
    assert by_kind["spoc"]["reviews"][0]["outcome"] == "continue"
    assert by_kind["call_limits"]["appeals"][0]["received_on"] == "2025-04-10"
    assert {r["hazard"] for r in records["premise_risks"]} == {
        "dangerous_animal", "violence_to_staff",
    }  # fmt: skip
    assert len(records["incidents"]) == len(records["terminated_calls"]) == 1
    assert records["contacts"][0]["summary"] == "Asked again about the fence."
    assert [entry["reason"] for entry in records["audit"]] == ["lookup"]
    assert result["generated_at"] and "UK GDPR" in result["about"]


def test_a_subject_access_export_says_who_proposed_each_restriction(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    """Kept on the restriction, so it is there after audit retention pruned the CREATE entry."""
    with store.transaction() as session:
        session.update(replace(sample_register.spoc, proposed_by="aad-proposer"))

    result = subject_access_export(store, sample_register.gary.id, sample_register.admin)

    assert isinstance(result, dict)
    section = result["sections"]["restrictions"]
    assert {r["kind"]: r["proposed_by"] for r in section["records"]} == {
        "spoc": "aad-proposer",
        "call_limits": None,  # imported, or proposed before Forewarn kept proposers
    }
    assert "proposed_by" in section["note"]


def test_the_csv_export_leaves_the_proposer_to_the_deciding_officer_columns(
    store: SqlRegisterStore, sample_register: SampleRegister, tmp_path: Path
) -> None:
    """A staff identifier is no column of the council's spreadsheet (docs/csv-format.md)."""
    with store.transaction() as session:
        session.update(replace(sample_register.spoc, proposed_by="aad-proposer"))

    assert not isinstance(
        export_register(store, tmp_path / "r.csv", sample_register.admin), Refusal
    )

    assert "aad-proposer" not in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")


def test_a_subject_access_export_is_audited_and_written_privately(
    store: SqlRegisterStore, sample_register: SampleRegister, tmp_path: Path
) -> None:
    gary, admin = sample_register.gary, sample_register.admin
    out = io.StringIO()

    code = run_sar_command(store, "GARY.ROWE@example.com", tmp_path / "sar.json", admin.id, out=out)

    assert code == 0
    assert stat.S_IMODE((tmp_path / "sar.json").stat().st_mode) == 0o600
    assert json.loads((tmp_path / "sar.json").read_text())["sections"]["person"]["records"]
    with store.transaction() as session:
        [entry] = session.audit_for("person", gary.id)
    assert (entry.action, entry.actor) == (AuditAction.EXPORT, admin.id)


@pytest.mark.parametrize("who", ["frontline", "manager"])
def test_only_administrators_may_make_a_subject_access_export(
    store: SqlRegisterStore, sample_register: SampleRegister, who: str
) -> None:
    result = subject_access_export(store, sample_register.gary.id, getattr(sample_register, who))

    assert isinstance(result, Refusal)


def test_a_subject_access_export_for_an_unknown_person_is_refused(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    result = subject_access_export(store, "no-such-id", sample_register.admin)

    assert result == Refusal("No person with id no-such-id is in the register.")


# Documentation and spreadsheet safety -------------------------------------------


def test_the_format_document_names_every_column() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert [column.name for column in COLUMNS if f"`{column.name}`" not in text] == []


@pytest.mark.parametrize("text", ["=SUM(A1)", "+44 7700 900123", "-1", "@cmd", "plain"])
def test_formula_guard_round_trips(text: str) -> None:
    guarded = guard_cell(text)
    assert unguard_cell(guarded) == text
    assert guarded == text or guarded.startswith("'")


def test_the_demo_register_round_trips_under_the_default_policy(
    store: SqlRegisterStore, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    # The demo is what a council tries first: it must obey the policy it runs
    # under, so its export imports again with the ladder and type checks on.
    from register.demo import DEMO_ADMIN, demo_staff, load_demo

    assert load_demo(store, date(2026, 11, 23))
    admin = next(member for member in demo_staff() if member.id == DEMO_ADMIN)
    before = snapshot(store)
    exported = export_register(store, tmp_path / "demo.csv", admin, PRESET)
    assert not isinstance(exported, Refusal)

    twin = empty_twin(store, request, tmp_path)
    try:
        report = import_register(twin, tmp_path / "demo.csv", "system:test", preset=PRESET)
        assert report.rejected == ()
        assert snapshot(twin)["entries"] == before["entries"]
    finally:
        if twin is not store:
            twin.close()
