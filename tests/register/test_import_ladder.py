"""Imported restrictions meet the council's ladder, as proposals made in Forewarn do.

Welwyn Hatfield's three steps may not be skipped, so it shows the skip
check; the default preset lets Stage 1 be skipped, so it shows a missing
skippable stage accepted.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from register.access import Refusal
from register.errors import ImportRejected, InvalidInput
from register.exporting import export_register
from register.import_ladder import step_key
from register.importing import import_register, run_import_command
from register.policy import load_preset
from register.staff import Role, StaffMember
from store.repository import SqlRegisterStore
from tests.register.test_exporting import empty_twin
from tests.register.test_importing import ACTOR, EXAMPLE, audit_of_imports, counts, restriction

WELWYN = load_preset("welwyn-hatfield-bc")
DEFAULT = load_preset("managed-contact-register-council")
WELWYN_STEPS = (
    "step-1 (Step 1: asked to moderate behaviour), "
    "step-2 (Step 2: service manager's letter with restrictions), "
    "step-3 (Step 3: refusal of all contact)"
)
STEP_1 = "step-1 (Step 1: asked to moderate behaviour)"
STEP_2 = "step-2 (Step 2: service manager's letter with restrictions)"
STEP_3 = "step-3 (Step 3: refusal of all contact)"

DANA = {"name": "Dana Pike", "emails": "dana@example.com", "address": "3 Elm Row",
        "postcode": "AL8 6AE"}  # fmt: skip


# A type each Welwyn step allows and that needs no parameters, so a row tests its stage alone.
FITS = {"step-1": "warning", "step-2": "home_visits_in_pairs", "step-3": "total_refusal_of_contact"}


def at(stage: str, **cells: str) -> dict[str, str]:
    """A restriction on Dana Pike at `stage`, of a type the step allows (a warning if no step)."""
    try:
        kind = FITS[step_key(WELWYN, stage)]
    except InvalidInput:
        kind = "warning"
    return restriction(**{**DANA, "type": kind, "parameters": "", "stage": stage, **cells})


def table(*rows: dict[str, str]) -> list[list[str]]:
    header = sorted({column for row in rows for column in row})
    return [header, *([row.get(column, "") for column in header] for row in rows)]


def refused(store: SqlRegisterStore, *rows: dict[str, str]) -> list[str]:
    with pytest.raises(ImportRejected) as refusal:
        import_register(store, table(*rows), ACTOR, preset=WELWYN)
    assert counts(store)["restrictions"] == 0
    return refusal.value.problems


def stages(store: SqlRegisterStore) -> list[str]:
    with store.transaction() as session:
        return sorted(r.stage for r in session.all_restrictions())


def kinds_by_stage(store: SqlRegisterStore) -> list[tuple[str, str]]:
    with store.transaction() as session:
        return sorted((r.stage, r.kind.value) for r in session.all_restrictions())


def skipped(line: int, step: str, *missing: str) -> str:
    which, given = ("that stage", "it was") if len(missing) == 1 else ("those stages", "they were")
    return (
        f"line {line}: stage: {step} comes after {' and '.join(missing)}, which Welwyn Hatfield "
        f"Borough Council's policy does not let be skipped, and Dana Pike has no restriction at "
        f"{which} in the register or in this file; if {given} given outside Forewarn, put yes "
        "in earlier_stages_outside_forewarn"
    )


# A stage the preset does not have --------------------------------------------------


def test_a_stage_the_preset_does_not_have_refuses_the_file_naming_its_stages(
    store: SqlRegisterStore,
) -> None:
    assert refused(store, at("Step 1"), at("Stage 2"), at("", name="Lee Blank")) == [
        f"line 3: stage: 'Stage 2' is not a stage of Welwyn Hatfield Borough Council's "
        f"policy; its stages are {WELWYN_STEPS}",
        f"line 4: stage: needed for a restriction; the stages are {WELWYN_STEPS}",
    ]


def test_a_stage_is_read_by_key_label_or_short_name_and_stored_as_the_key(
    store: SqlRegisterStore,
) -> None:
    rows = [
        at("STEP 1"),
        at("Step 2: Service manager's letter with restrictions", start_date="05/04/2024"),
        at("step-3", start_date="06/05/2024", type="total_refusal_of_contact"),
    ]
    import_register(store, table(*rows), ACTOR, preset=WELWYN)

    assert stages(store) == ["step-1", "step-2", "step-3"]


def test_the_example_file_imports_under_the_default_preset_with_keys_for_stages(
    store: SqlRegisterStore,
) -> None:
    report = import_register(store, EXAMPLE, ACTOR, preset=DEFAULT)

    assert (report.restrictions_added, report.rejected) == (15, ())
    assert set(stages(store)) == {"stage-1", "stage-2"}
    [detail] = audit_of_imports(store)
    assert "1 restriction(s) with earlier stages given outside Forewarn" in detail


# A type the stage does not allow ------------------------------------------------------


def wrong_type(line: int, step: str, kind: str, where: str) -> str:
    """The problem the import gives: the sentence a proposal is refused with, and where it fits."""
    allows = {
        STEP_1: "warning",
        STEP_2: "third party only, single channel, premises ban, spoc, call limits, face to face "
        "with witness, no reply on topic, social media restricted, home visits refused, home "
        "visits in pairs",
    }[step]
    label = step.partition(" (")[2].rstrip(")")
    return (
        f"line {line}: type: under Welwyn Hatfield Borough Council's policy, {label} allows "
        f"{allows}, not {kind}; {where}"
    )


def test_a_type_the_stage_does_not_allow_refuses_the_whole_file_naming_what_is_allowed(
    store: SqlRegisterStore,
) -> None:
    """A SPOC at Welwyn's Step 1 is refused as the bot refuses that proposal; nothing is written."""
    good = at("step-1", name="Lee Good", emails="lee@example.com", postcode="AL8 6AF")
    spoc = at("Step 1", type="spoc", parameters="officer=Jo Bloggs")
    no_calls = at("step-2", type="No calls", start_date="05/04/2024")

    problems = refused(store, good, spoc, no_calls)

    assert problems == [
        wrong_type(3, STEP_1, "spoc", f"it is allowed at {STEP_2} and {STEP_3}"),
        wrong_type(4, STEP_2, "no calls", "no stage allows it"),
    ]
    assert counts(store)["people"] == 0  # not even the good row's person


def test_a_partial_import_rejects_only_the_row_whose_type_the_stage_does_not_allow(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    ban = at("step-1", type="premises_ban", parameters="premises=Campus East",
             start_date="05/04/2024")  # fmt: skip
    source = tmp_path / "r.csv"
    with source.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(table(at("step-1"), ban))
    out = io.StringIO()

    code = run_import_command(store, source, ACTOR, partial=True, out=out, preset=WELWYN)

    assert code == 2
    assert kinds_by_stage(store) == [("step-1", "warning")]
    with (tmp_path / "r-rejects.csv").open(encoding="utf-8-sig", newline="") as file:
        [error] = [row["error"] for row in csv.DictReader(file)]
    assert error == wrong_type(3, STEP_1, "premises ban", f"it is allowed at {STEP_2}")
    assert error in out.getvalue()


def test_a_restriction_imported_before_the_check_is_left_as_it_is(
    store: SqlRegisterStore,
) -> None:
    """A SPOC at Step 1 brought in unchecked stays, and still counts as Step 1 given."""
    earlier = at("step-1", type="spoc", parameters="officer=Jo Bloggs")
    import_register(store, table(earlier), ACTOR)  # no preset: stages and types as written

    import_register(store, table(at("step-2", start_date="05/04/2024")), ACTOR, preset=WELWYN)

    assert kinds_by_stage(store) == [("step-1", "spoc"), ("step-2", "home_visits_in_pairs")]


# A stage whose earlier stage is missing ----------------------------------------------


def test_a_step_whose_earlier_step_may_not_be_skipped_refuses_the_file(
    store: SqlRegisterStore,
) -> None:
    problems = refused(store, at("step-2"), at("step-1", name="Lee Other", emails="l@example.com"))

    assert problems == [skipped(2, STEP_2, STEP_1)]


def test_the_earlier_step_may_be_on_a_later_row_or_already_in_the_register(
    store: SqlRegisterStore,
) -> None:
    import_register(store, table(at("step-2"), at("step-1", start_date="01/01/2024")), ACTOR,
                    preset=WELWYN)  # fmt: skip
    import_register(store, table(at("step-3", type="spoc", parameters="officer=Jo Bloggs")),
                    ACTOR, preset=WELWYN)  # fmt: skip

    assert stages(store) == ["step-1", "step-2", "step-3"]


@pytest.mark.parametrize("status", ["proposed", "refused", "lifted"])
def test_an_earlier_step_never_given_does_not_count(store: SqlRegisterStore, status: str) -> None:
    problems = refused(store, at("step-1", status=status, start_date="01/01/2024"), at("step-2"))

    assert problems == [skipped(3, STEP_2, STEP_1)]


def test_a_stage_the_preset_lets_be_skipped_may_be_missing(store: SqlRegisterStore) -> None:
    report = import_register(store, table(at("Stage 2", type="spoc", parameters="officer=Jo")),
                             ACTOR, preset=DEFAULT)  # fmt: skip

    assert (report.restrictions_added, stages(store)) == (1, ["stage-2"])


def test_the_register_before_forewarn_says_so_row_by_row(store: SqlRegisterStore) -> None:
    """A Stage 1 given on paper: the row says so, and the audit entry counts such rows."""
    legacy = at("step-2", earlier_stages_outside_forewarn="Yes")

    report = import_register(store, table(legacy), ACTOR, preset=WELWYN)

    assert (report.restrictions_added, report.earlier_stages_outside) == (1, 1)
    [detail] = audit_of_imports(store)
    assert "1 restriction(s) with earlier stages given outside Forewarn" in detail


def test_the_column_takes_yes_or_no_on_restrictions_only(store: SqlRegisterStore) -> None:
    risk = {**DANA, "entry": "premise_risk", "type": "dangerous_animal", "severity": "high",
            "details_contact": "Duty officer", "start_date": "01/01/2024",
            "earlier_stages_outside_forewarn": "yes"}  # fmt: skip
    problems = refused(store, at("step-1", earlier_stages_outside_forewarn="maybe"), risk)

    assert problems == [
        "line 2: earlier_stages_outside_forewarn: 'maybe' should be yes or no",
        "line 3: earlier_stages_outside_forewarn: not used for a premise risk; leave it blank",
    ]


def test_a_partial_import_refuses_a_step_whose_earlier_step_it_refused(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    """Step 3 rests on a Step 2 that is itself refused, so neither is imported.

    Refused, that Step 2 no longer counts, so Step 3 misses both steps below it.
    """
    rows = [
        at("step-3", type="spoc", parameters="officer=Jo Bloggs"),
        at("step-2", start_date="05/04/2024"),
        at("step-1", name="Lee Good", emails="lee@example.com", postcode="AL8 6AF"),
    ]
    source = tmp_path / "r.csv"
    with source.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file).writerows(table(*rows))
    out = io.StringIO()

    code = run_import_command(store, source, ACTOR, partial=True, out=out, preset=WELWYN)

    assert code == 2
    with store.transaction() as session:
        assert [p.name for p in session.all_people()] == ["Lee Good"]  # Dana is not added
    with (tmp_path / "r-rejects.csv").open(encoding="utf-8-sig", newline="") as file:
        errors = [row["error"] for row in csv.DictReader(file)]
    assert errors == [skipped(2, STEP_3, STEP_1, STEP_2), skipped(3, STEP_2, STEP_1)]
    assert skipped(2, STEP_3, STEP_1, STEP_2) in out.getvalue()


def test_an_earlier_step_on_another_person_does_not_count(store: SqlRegisterStore) -> None:
    namesake = at("step-1", postcode="AL8 6AF", emails="other@example.com")  # another Dana Pike

    assert refused(store, namesake, at("step-2")) == [skipped(3, STEP_2, STEP_1)]


# The way back out ----------------------------------------------------------------------


def test_an_export_marks_the_rows_that_needed_the_column_so_it_imports_again(
    store: SqlRegisterStore, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    admin = StaffMember("aad-admin", "Ada Admin", "Register Administrator", Role.ADMIN)
    with store.transaction() as session:
        session.add(admin)
    legacy = at("step-2", earlier_stages_outside_forewarn="yes")
    other = at("step-1", name="Lee Good", postcode="AL8 6AF", emails="lee@example.com")
    import_register(store, table(legacy, other), ACTOR, preset=WELWYN)
    assert not isinstance(export_register(store, tmp_path / "out.csv", admin, WELWYN), Refusal)

    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    marks = {row["name"]: row["earlier_stages_outside_forewarn"] for row in rows}
    assert marks == {"Dana Pike": "yes", "Lee Good": ""}
    twin = empty_twin(store, request, tmp_path)
    try:
        again = import_register(twin, tmp_path / "out.csv", ACTOR, preset=WELWYN)
    finally:
        if twin is not store:
            twin.close()
    assert (again.restrictions_added, again.rejected) == (2, ())
