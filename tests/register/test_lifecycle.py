"""Lifecycle dates and decisions under each council's preset, as a manager would see them.

Expected dates are worked out by hand in the comments, so a reader can
check them against a wall calendar.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from register.calendar import Nation, calendar_for
from register.errors import InvalidInput
from register.lifecycle import (
    add_months,
    appeal_deadline,
    appeal_right,
    latest_review_due,
    minimum_monitoring_end,
    outcome_notice_deadline,
    property_review_due,
    retention_due,
    review_due,
    review_reminders,
    skip_allowed,
)
from register.policy import copy_preset, load_preset

MANAGED = load_preset("managed-contact-register-council")
OXFORDSHIRE = load_preset("oxfordshire-cc")
RHONDDA = load_preset("rhondda-cynon-taf")
WELWYN = load_preset("welwyn-hatfield-bc")
WEST_OXON = load_preset("west-oxfordshire-dc")

any_day = st.dates(min_value=date(2024, 1, 1), max_value=date(2034, 12, 31))


def test_month_arithmetic_keeps_to_the_end_of_a_short_month() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)


# ---- Rhondda Cynon Taf: 15 working days to appeal, Stage 1 only ---------------------------


def test_rhondda_appeal_counts_15_working_days_across_christmas() -> None:
    # Decision Friday 18 December 2026. Working days: 21, 22, 23, 24 Dec (4);
    # 25 Dec Christmas, 26-27 weekend, 28 Dec Boxing Day (observed) are not;
    # 29, 30, 31 Dec (7); 1 Jan New Year's Day is not; 4-8 Jan (12);
    # 11, 12, 13 Jan (15). Last day to appeal: Wednesday 13 January 2027.
    assert appeal_deadline(date(2026, 12, 18), RHONDDA, "stage-1") == date(2027, 1, 13)


def test_rhondda_appeal_counts_15_working_days_across_easter() -> None:
    # Decision Thursday 18 March 2027. Working days: 19 Mar (1); 22-25 Mar (5);
    # Good Friday 26 Mar and Easter Monday 29 Mar are not; 30, 31 Mar (7);
    # 1, 2 Apr (9); 5-9 Apr (14); 12 Apr (15). Last day: Monday 12 April 2027.
    assert appeal_deadline(date(2027, 3, 18), RHONDDA, "stage-1") == date(2027, 4, 12)


def test_rhondda_tells_the_customer_where_and_by_when_to_appeal() -> None:
    right = appeal_right(RHONDDA, "stage-1")
    assert right.allowed
    assert right.reason == (
        "The customer may appeal to the Service Director - Legal Services "
        "within 15 working days of the decision."
    )


def test_rhondda_has_no_appeal_at_stage_2() -> None:
    assert appeal_deadline(date(2026, 12, 18), RHONDDA, "stage-2") is None
    assert appeal_right(RHONDDA, "stage-2").reason == (
        "An appeal is possible only at Stage 1: warning letter, not at Stage 2: restricted contact."
    )


def test_rhondda_has_no_appeal_against_a_health_and_safety_exclusion() -> None:
    right = appeal_right(RHONDDA, "stage-1", health_and_safety_exclusion=True)
    assert not right.allowed
    assert "health and safety" in right.reason
    assert (
        appeal_deadline(date(2026, 3, 2), RHONDDA, "stage-1", health_and_safety_exclusion=True)
        is None
    )


def test_rhondda_reviews_within_12_months_of_the_decision() -> None:
    assert review_due(date(2026, 3, 16), RHONDDA, "stage-2") == date(2027, 3, 16)


def test_rhondda_may_go_straight_to_stage_2_only_with_reasons() -> None:
    decision = skip_allowed(RHONDDA, None, "stage-2", ["exceptional_circumstances"])
    assert decision.allowed and decision.skipped == ("stage-1",)
    assert decision.reasons_must_be_given
    assert decision.reason == (
        "Stage 1: warning letter may be skipped for exceptional circumstances. "
        "The customer must be told why immediate action was needed."
    )


# ---- Welwyn Hatfield: no appeal step -----------------------------------------------------


def test_welwyn_hatfield_has_no_appeal_step() -> None:
    for step in ("step-1", "step-2", "step-3"):
        assert appeal_deadline(date(2026, 6, 1), WELWYN, step) is None
    assert appeal_right(WELWYN, "step-2").reason == (
        "Welwyn Hatfield Borough Council's policy gives no right of appeal."
    )


def test_welwyn_hatfield_reviews_after_12_months_and_cannot_skip_steps() -> None:
    assert review_due(date(2026, 2, 28), WELWYN, "step-2") == date(2027, 2, 28)
    decision = skip_allowed(WELWYN, None, "step-3", ["violence"])
    assert not decision.allowed
    assert decision.reason == "Step 1: asked to moderate behaviour cannot be skipped."


# ---- Managed contact register council -----------------------------------------------------


def test_a_closed_case_is_deleted_12_months_after_its_last_activity() -> None:
    assert retention_due(date(2026, 6, 10), MANAGED) == date(2027, 6, 10)
    assert retention_due(date(2028, 2, 29), MANAGED) == date(2029, 2, 28)


@pytest.mark.parametrize(
    "name", ["oxfordshire-cc", "rhondda-cynon-taf", "welwyn-hatfield-bc", "west-oxfordshire-dc"]
)
def test_policies_that_keep_the_file_set_no_deletion_date(name: str) -> None:
    assert retention_due(date(2026, 6, 10), load_preset(name)) is None


def test_review_outcome_letter_within_7_working_days() -> None:
    # Review decided Thursday 17 December 2026: 18 Dec (1); 21-24 Dec (5);
    # 25 and 28 Dec are bank holidays; 29 Dec (6); 30 Dec (7).
    assert outcome_notice_deadline(date(2026, 12, 17), MANAGED) == date(2026, 12, 30)
    assert outcome_notice_deadline(date(2026, 12, 17), RHONDDA) is None


def test_stage_1_monitoring_lasts_at_least_6_months() -> None:
    assert minimum_monitoring_end(date(2026, 8, 31), MANAGED, "stage-1") == date(2027, 2, 28)
    assert minimum_monitoring_end(date(2026, 8, 31), MANAGED, "stage-2") is None


def test_managed_contact_reviews_every_6_months_and_has_no_appeal() -> None:
    assert review_due(date(2026, 4, 1), MANAGED, "stage-1") == date(2026, 10, 1)
    assert appeal_deadline(date(2026, 4, 1), MANAGED, "stage-2") is None


def test_extreme_contact_goes_straight_to_stage_2() -> None:
    assert skip_allowed(MANAGED, None, "stage-2", ["extreme_contact"]).allowed
    assert not skip_allowed(MANAGED, None, "stage-2", ["excessive_contact"]).allowed


def test_review_reminders_move_back_from_bank_holidays_and_weekends() -> None:
    # Review due Monday 11 January 2027. Two weeks before is Monday 28 December
    # (Boxing Day observed), so Thursday 24 December; two days before is
    # Saturday 9 January, so Friday 8 January.
    assert review_reminders(date(2027, 1, 11), MANAGED) == (date(2026, 12, 24), date(2027, 1, 8))


def test_a_scottish_council_counts_working_days_on_its_own_holidays(tmp_path: Path) -> None:
    copy = copy_preset("managed-contact-register-council", tmp_path / "ours.toml")
    text = copy.read_text(encoding="utf-8")
    copy.write_text(text.replace('nation = "england-and-wales"', 'nation = "scotland"'), "utf-8")
    scottish = load_preset(copy)
    assert scottish.nation is Nation.SCOTLAND
    # Review decided Wednesday 30 December 2026, 7 working days to write.
    # England: 31 Dec (1); 4-8 Jan (6); 11 Jan (7).
    # Scotland also closes on 4 Jan (2 January holiday, observed): 31 Dec (1);
    # 5-8 Jan (5); 11, 12 Jan (7).
    assert outcome_notice_deadline(date(2026, 12, 30), MANAGED) == date(2027, 1, 11)
    assert outcome_notice_deadline(date(2026, 12, 30), scottish) == date(2027, 1, 12)


# ---- Oxfordshire: reviews every 3 months, at most 6 --------------------------------------


def test_oxfordshire_reviews_the_action_plan_every_3_months_at_most_6() -> None:
    decided = date(2026, 11, 30)
    assert review_due(decided, OXFORDSHIRE, "stage-2") == date(2027, 2, 28)
    assert latest_review_due(decided, OXFORDSHIRE, "stage-2") == date(2027, 5, 30)


def test_oxfordshire_appeal_has_no_time_limit_and_checks_come_first() -> None:
    assert appeal_right(OXFORDSHIRE, "stage-2").reason == (
        "The customer may appeal to the Director of Customer and Cultural Experience "
        "at any time (the policy sets no time limit)."
    )
    assert appeal_deadline(date(2026, 5, 1), OXFORDSHIRE, "stage-2") is None
    decision = skip_allowed(OXFORDSHIRE, None, "stage-2", ["violence"])
    assert not decision.allowed
    assert decision.reason == "Stage 1: before action is taken cannot be skipped."


# ---- West Oxfordshire: violence skips the warnings; one month to appeal -------------------


def test_violence_skips_steps_1_and_2() -> None:
    decision = skip_allowed(WEST_OXON, None, "step-3", ["violence"])
    assert decision.allowed
    assert decision.skipped == ("step-1", "step-2")
    assert decision.reason == (
        "Step 1: verbal warning and Step 2: informal written warning may be skipped for violence."
    )
    assert skip_allowed(WEST_OXON, "step-1", "step-3", ["serious_threats"]).skipped == ("step-2",)


def test_excessive_contact_does_not_skip_the_warnings() -> None:
    decision = skip_allowed(WEST_OXON, None, "step-3", ["excessive_contact"])
    assert not decision.allowed
    assert decision.reason == (
        "Step 1: verbal warning may be skipped only for violence or serious threats, "
        "not for excessive contact."
    )
    assert not skip_allowed(WEST_OXON, None, "step-2", []).allowed


def test_moving_to_the_next_step_or_back_skips_nothing() -> None:
    assert skip_allowed(WEST_OXON, "step-1", "step-2", []).reason == "No step is skipped."
    assert skip_allowed(WEST_OXON, "step-3", "step-1", []).allowed


def test_west_oxfordshire_appeal_within_one_month_and_marked_in_progress() -> None:
    # One month from 31 January 2026 is 28 February 2026 (not 3 March).
    assert appeal_deadline(date(2026, 1, 31), WEST_OXON, "step-3") == date(2026, 2, 28)
    assert WEST_OXON.appeal.entry_marked_appeal_in_progress
    assert "within 1 month of the decision" in appeal_right(WEST_OXON, "step-3").reason


def test_west_oxfordshire_property_entries_are_still_reviewed_six_monthly() -> None:
    assert property_review_due(date(2026, 3, 31), WEST_OXON) == date(2026, 9, 30)


def test_a_step_the_policy_does_not_have_is_refused() -> None:
    with pytest.raises(InvalidInput, match="no step 'stage-1'"):
        review_due(date(2026, 1, 1), WEST_OXON, "stage-1")


# ---- Properties that hold for any date ---------------------------------------------------


@settings(deadline=None)
@given(due=any_day)
def test_reminders_are_working_days_before_the_review(due: date) -> None:
    calendar = calendar_for(MANAGED.nation)
    early, late = review_reminders(due, MANAGED)
    assert early < late < due
    assert calendar.is_working_day(early) and calendar.is_working_day(late)


@settings(deadline=None)
@given(decided=any_day)
def test_the_rhondda_appeal_window_is_15_working_days(decided: date) -> None:
    last_day = appeal_deadline(decided, RHONDDA, "stage-1")
    assert last_day is not None
    assert calendar_for(RHONDDA.nation).working_days_between(decided, last_day) == 15
