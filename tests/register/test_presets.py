"""The five policies as presets: each loads and says what its policy says; a broken one is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from register.calendar import Nation
from register.errors import InvalidInput, PresetError
from register.policy import (
    Preset,
    RepeatCorrespondence,
    RetentionAction,
    Scope,
    available_presets,
    copy_preset,
    load_preset,
)
from register.restrictions import RestrictionType

FIVE = [
    "managed-contact-register-council",
    "oxfordshire-cc",
    "rhondda-cynon-taf",
    "welwyn-hatfield-bc",
    "west-oxfordshire-dc",
]


def test_forewarn_ships_the_five_policies() -> None:
    assert available_presets() == FIVE


@pytest.mark.parametrize("name", FIVE)
def test_every_step_names_who_decides_and_who_approves(name: str) -> None:
    preset = load_preset(name)
    assert preset.source == f"{name}.toml"
    for step in preset.steps:
        assert step.decided_by and step.approved_by
        assert step.label.split(":")[0] in {"Stage 1", "Stage 2", "Step 1", "Step 2", "Step 3"}
    assert preset.ombudsman


def test_managed_contact_register_council() -> None:
    preset = load_preset("managed-contact-register-council")
    assert [step.label for step in preset.steps] == [
        "Stage 1: warning and monitoring period",
        "Stage 2: managed contact arrangements",
    ]
    assert preset.step("stage-2").approved_by == ("Director of Governance",)
    assert preset.step("stage-1").minimum_monitoring_months == 6
    assert not preset.appeal.allowed
    assert preset.review.outcome_notice is not None
    assert preset.review.outcome_notice.label == "7 working days"
    assert preset.retention.closed_cases is RetentionAction.DELETE
    assert preset.retention.months_after_last_activity == 12
    assert preset.restriction_scope is Scope.SERVICE
    assert preset.register_details.owner == "Head of Audit and Risk"


def test_managed_contact_register_council_letters_give_the_lgsco_address() -> None:
    lgsco = load_preset("managed-contact-register-council").ombudsman[0]
    assert lgsco.name == "The Local Government and Social Care Ombudsman"
    assert lgsco.address == ("PO Box 4771", "Coventry", "CV4 0EH")
    assert (lgsco.phone, lgsco.email) == ("0300 061 0614", "advice@lgo.org.uk")


def test_oxfordshire_reviews_every_three_months_and_keeps_the_file() -> None:
    preset = load_preset("oxfordshire-cc")
    assert (preset.review.interval_months, preset.review.max_interval_months) == (3, 6)
    assert preset.step("stage-1").allows == ()
    assert preset.appeal.send_to == "Director of Customer and Cultural Experience"
    assert preset.appeal.deadline is None
    assert preset.retention.closed_cases is RetentionAction.KEEP
    assert preset.repeat_correspondence.rule is RepeatCorrespondence.NO_REPLY_UNLESS_NEW_INFORMATION


def test_rhondda_cynon_taf() -> None:
    preset = load_preset("rhondda-cynon-taf")
    assert preset.nation is Nation.ENGLAND_AND_WALES
    assert preset.restriction_scope is Scope.SERVICE
    assert preset.appeal.applies_to_steps == ("stage-1",)
    assert preset.appeal.not_against_health_and_safety_exclusion
    assert preset.appeal.address[-1] == "CF40 1NY"
    assert preset.annual_report is not None
    assert preset.annual_report.to == "Standards Committee"
    assert preset.step("stage-2").decided_by == ("Group Director",)
    assert preset.ombudsman[0].name == "Public Services Ombudsman for Wales"
    assert preset.repeat_correspondence.rule is RepeatCorrespondence.READ_THEN_FILED


def test_west_oxfordshire() -> None:
    preset = load_preset("west-oxfordshire-dc")
    assert preset.register_details.name == "Unreasonable Customer Behaviour Register (UCBR)"
    assert preset.appeal.entry_marked_appeal_in_progress
    assert preset.appeal.restrictions_stay_in_force
    assert preset.property_entries.allowed and not preset.property_entries.owner_notified
    assert preset.property_entries.kept_while_risk_exists
    assert RestrictionType.PREMISES_BAN in preset.step("step-3").allows


def test_welwyn_hatfield() -> None:
    preset = load_preset("welwyn-hatfield-bc")
    assert not preset.appeal.allowed
    assert preset.step("step-3").approved_by == (
        "Assistant Director (Customer and Transformation)",
    )
    assert preset.terminated_calls.warn_first
    assert preset.terminated_calls.manager_told_immediately
    assert [body.name for body in preset.ombudsman] == [
        "The Local Government and Social Care Ombudsman",
        "Housing Ombudsman Service",
    ]


def test_asking_for_a_step_the_policy_does_not_have_names_its_steps() -> None:
    with pytest.raises(InvalidInput, match="its steps are step-1, step-2, step-3"):
        load_preset("welwyn-hatfield-bc").step("stage-1")


def test_an_unknown_preset_lists_the_ones_there_are() -> None:
    with pytest.raises(PresetError, match=r"no preset called 'camden'.*oxfordshire-cc"):
        load_preset("camden")


# ---- A council's own copy ---------------------------------------------------------


def test_a_council_copies_a_preset_keeping_its_comments(tmp_path: Path) -> None:
    copy = copy_preset("rhondda-cynon-taf", tmp_path)
    assert copy == tmp_path / "rhondda-cynon-taf.toml"
    assert "# HOW TO USE THIS FILE" in copy.read_text(encoding="utf-8")
    loaded = load_preset(copy)
    assert isinstance(loaded, Preset)
    assert loaded.source == str(copy)
    assert loaded.council == "Rhondda Cynon Taf County Borough Council"


def test_a_copy_never_overwrites_an_edited_file(tmp_path: Path) -> None:
    target = tmp_path / "our-policy.toml"
    target.write_text("# our edits", encoding="utf-8")
    with pytest.raises(PresetError, match="already exists"):
        copy_preset("oxfordshire-cc", target)
    assert target.read_text(encoding="utf-8") == "# our edits"


def _broken(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of preset `name` with one piece of text changed."""
    path = copy_preset(name, tmp_path / "our-policy.toml")
    text = path.read_text(encoding="utf-8")
    assert old in text, "the test's text to break is not in the preset"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


BREAKAGES = [
    (
        "managed-contact-register-council",
        'approved_by = ["Director of Governance"]',
        "approved_by = []",
        "steps[1].approved_by: needs at least one entry",
    ),
    (
        "managed-contact-register-council",
        '"written_agreement", "call_limits"',
        '"written_agreement", "banishment"',
        "steps[0].allows[2]",
    ),
    ("rhondda-cynon-taf", 'key = "stage-2"', 'key = "stage-1"', "steps: the key stage-1"),
    (
        "rhondda-cynon-taf",
        'deadline = { amount = 15, unit = "working_days" }',
        'deadline = { amount = 15, unit = "fortnights" }',
        "appeal.deadline.unit",
    ),
    (
        "rhondda-cynon-taf",
        'applies_to_steps = ["stage-1"]',
        'applies_to_steps = ["stage-3"]',
        "appeal.applies_to_steps: stage-3 is not a step",
    ),
    (
        "west-oxfordshire-dc",
        'may_be_skipped = true\nskip_grounds = ["violence", "serious_threats"]\n\n[[steps]]\n'
        'key = "step-3"',
        'may_be_skipped = false\nskip_grounds = ["violence", "serious_threats"]\n\n[[steps]]\n'
        'key = "step-3"',
        "steps[1]: skip_grounds are given but may_be_skipped is false",
    ),
    (
        "west-oxfordshire-dc",
        "interval_months = 6",
        "interval_month = 6",
        "review.interval_month: is not a setting",
    ),
    ("welwyn-hatfield-bc", 'nation = "england-and-wales"', 'nation = "wales"', "nation"),
    ("welwyn-hatfield-bc", "allowed = false", 'allowed = false\nsend_to = "x"', "appeal"),
    (
        "oxfordshire-cc",
        'closed_cases = "keep"',
        'closed_cases = "delete"',
        "retention: closed_cases = 'delete' needs months_after_last_activity",
    ),
]


@pytest.mark.parametrize(("name", "old", "new", "field"), BREAKAGES)
def test_a_broken_preset_is_named_with_its_file_and_field(
    tmp_path: Path, name: str, old: str, new: str, field: str
) -> None:
    path = _broken(tmp_path, name, old, new)
    with pytest.raises(PresetError) as caught:
        load_preset(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert field in message


def test_a_preset_that_is_not_toml_says_where(tmp_path: Path) -> None:
    path = _broken(tmp_path, "oxfordshire-cc", 'nation = "england-and-wales"', "nation = ")
    with pytest.raises(PresetError, match=r"our-policy\.toml: is not valid TOML.*line"):
        load_preset(path)


def test_a_missing_file_is_a_preset_error(tmp_path: Path) -> None:
    with pytest.raises(PresetError, match=r"missing\.toml: cannot be read"):
        load_preset(tmp_path / "missing.toml")
