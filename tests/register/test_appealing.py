"""Appeals on the real databases: each council's right of appeal, the window, the hearing."""

from __future__ import annotations

from datetime import date

import pytest

from register.access import Refusal
from register.appealing import AppealDecided, AppealReceived, decide_appeal, receive_appeal
from register.correspondence import letter_content
from register.decision_records import LetterKind
from register.letters import Letter
from register.policy import load_preset
from register.restrictions import Restriction, RestrictionType, Status
from register.reviews import AppealOutcome
from register.staff import StaffMember
from store.repository import SqlRegisterStore
from tests.register.lifecycle_world import (
    DIRECTOR,
    HEAD,
    HEARER,
    OFFICER,
    ON,
    World,
    build_world,
)

GROUNDS = "I was only asking for my repair to be done; I was never abusive."


@pytest.fixture
def world(store: SqlRegisterStore) -> World:
    return build_world(store)


def _receive(
    world: World,
    preset_name: str,
    restriction: Restriction,
    on: date,
    by: StaffMember = HEAD,
    *,
    health_and_safety: bool = False,
) -> AppealReceived | Refusal:
    return receive_appeal(
        world.store,
        load_preset(preset_name),
        restriction.id,
        on,
        GROUNDS,
        by,
        health_and_safety_exclusion=health_and_safety,
    )


def _decide(
    world: World,
    preset_name: str,
    appeal_id: str,
    outcome: AppealOutcome,
    by: StaffMember = HEARER,
) -> AppealDecided | Refusal:
    return decide_appeal(
        world.store, load_preset(preset_name), appeal_id, by, outcome, date(2026, 5, 11)
    )


def _rct_warning(world: World) -> Restriction:
    return world.restriction("rhondda-cynon-taf", "stage-1", RestrictionType.WARNING, params={})


# ---- Rhondda Cynon Taf: Stage 1 only, 15 working days ----------------------------------


def test_rhondda_counts_fifteen_working_days_past_easter(world: World) -> None:
    restriction = _rct_warning(world)
    # Decided Wednesday 1 April 2026; Good Friday and Easter Monday are not
    # working days, so the 15th working day is Friday 24 April.
    received = _receive(world, "rhondda-cynon-taf", restriction, date(2026, 4, 24))
    assert isinstance(received, AppealReceived)
    assert received.appeal.deadline == date(2026, 4, 24)
    assert not received.late
    assert world.saved(restriction.id).status is Status.UNDER_APPEAL
    [appeal] = world.appeals(restriction.id)
    assert appeal.grounds == GROUNDS and appeal.outcome is None


def test_rhondda_records_a_late_appeal_flagged_late(world: World) -> None:
    restriction = _rct_warning(world)
    received = _receive(world, "rhondda-cynon-taf", restriction, date(2026, 4, 27))
    assert isinstance(received, AppealReceived)
    assert received.late
    saved = world.saved(restriction.id)
    assert saved.status is Status.UNDER_APPEAL and saved.in_force
    [entry] = [e for e in world.audit(restriction.id) if e.reason == "appeal received"]
    assert "received late, accepted for hearing" in entry.detail


def test_rhondda_gives_no_appeal_at_stage_2(world: World) -> None:
    restriction = world.restriction("rhondda-cynon-taf", "stage-2")
    refused = _receive(world, "rhondda-cynon-taf", restriction, ON)
    assert isinstance(refused, Refusal)
    assert "only at Stage 1" in refused.reason
    assert "Ombudsman" in refused.reason
    assert world.appeals(restriction.id) == []
    assert world.saved(restriction.id).status is Status.ACTIVE


def test_rhondda_gives_no_appeal_against_a_health_and_safety_exclusion(world: World) -> None:
    restriction = _rct_warning(world)
    refused = _receive(world, "rhondda-cynon-taf", restriction, ON, health_and_safety=True)
    assert isinstance(refused, Refusal)
    assert "health and safety" in refused.reason


# ---- No right of appeal -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("preset_name", "stage", "ombudsman"),
    [
        ("welwyn-hatfield-bc", "step-2", "Local Government"),
        ("managed-contact-register-council", "stage-2", "Ombudsman"),
    ],
)
def test_no_right_of_appeal_is_a_refusal_naming_the_ombudsman(
    world: World, preset_name: str, stage: str, ombudsman: str
) -> None:
    restriction = world.restriction(preset_name, stage)
    refused = _receive(world, preset_name, restriction, ON)
    assert isinstance(refused, Refusal)
    assert refused.reason.startswith("There is no right of appeal under this policy.")
    assert ombudsman in refused.reason
    assert world.appeals(restriction.id) == []
    assert world.saved(restriction.id).status is Status.ACTIVE


# ---- West Oxfordshire: one month, appeal in progress, someone not involved -----------------


def test_west_oxfordshire_one_month_and_the_entry_stays_while_the_appeal_runs(
    world: World,
) -> None:
    restriction = world.restriction("west-oxfordshire-dc", "step-3", start=date(2026, 1, 31))
    received = _receive(world, "west-oxfordshire-dc", restriction, date(2026, 2, 28))
    assert isinstance(received, AppealReceived)
    assert received.appeal.deadline == date(2026, 2, 28)  # one month, kept in February
    assert not received.late
    saved = world.saved(restriction.id)
    assert saved.status is Status.UNDER_APPEAL and saved.in_force


def test_west_oxfordshire_not_upheld_returns_the_entry_to_active(world: World) -> None:
    restriction = world.restriction("west-oxfordshire-dc", "step-3")
    received = _receive(world, "west-oxfordshire-dc", restriction, date(2026, 4, 20))
    assert isinstance(received, AppealReceived)
    decided = _decide(world, "west-oxfordshire-dc", received.appeal.id, AppealOutcome.NOT_UPHELD)
    assert isinstance(decided, AppealDecided)
    assert world.saved(restriction.id).status is Status.ACTIVE
    [appeal] = world.appeals(restriction.id)
    assert appeal.outcome is AppealOutcome.NOT_UPHELD and appeal.decided_on == date(2026, 5, 11)
    assert appeal.heard_by is not None and appeal.heard_by.name == "Asha Green"
    [letter] = world.letters(restriction.id)
    assert letter.kind is LetterKind.APPEAL_OUTCOME and letter.about_id == appeal.id
    content = letter_content(world.store, load_preset("west-oxfordshire-dc"), letter.id)
    assert isinstance(content, Letter)


def test_an_upheld_appeal_lifts_the_restriction(world: World) -> None:
    restriction = world.restriction("west-oxfordshire-dc", "step-3")
    received = _receive(world, "west-oxfordshire-dc", restriction, date(2026, 4, 20))
    assert isinstance(received, AppealReceived)
    # Staff quote the short reference from a notice; a unique first part is enough.
    decided = _decide(world, "west-oxfordshire-dc", received.appeal.id[:8], AppealOutcome.UPHELD)
    assert isinstance(decided, AppealDecided)
    saved = world.saved(restriction.id)
    assert saved.status is Status.LIFTED and saved.next_review is None
    again = _decide(world, "west-oxfordshire-dc", received.appeal.id, AppealOutcome.NOT_UPHELD)
    assert isinstance(again, Refusal) and "already decided" in again.reason


@pytest.mark.parametrize("involved", [HEAD, DIRECTOR], ids=["decided", "approved"])
def test_an_officer_involved_in_the_decision_cannot_hear_the_appeal(
    world: World, involved: StaffMember
) -> None:
    restriction = world.restriction("west-oxfordshire-dc", "step-3")
    received = _receive(world, "west-oxfordshire-dc", restriction, date(2026, 4, 20))
    assert isinstance(received, AppealReceived)
    refused = _decide(
        world, "west-oxfordshire-dc", received.appeal.id, AppealOutcome.UPHELD, involved
    )
    assert isinstance(refused, Refusal)
    assert "not involved" in refused.reason
    assert world.saved(restriction.id).status is Status.UNDER_APPEAL
    assert world.letters(restriction.id) == []


def test_the_rule_on_involved_officers_applies_under_every_preset(world: World) -> None:
    restriction = _rct_warning(world)
    received = _receive(world, "rhondda-cynon-taf", restriction, date(2026, 4, 10))
    assert isinstance(received, AppealReceived)
    refused = _decide(world, "rhondda-cynon-taf", received.appeal.id, AppealOutcome.UPHELD, HEAD)
    assert isinstance(refused, Refusal)


# ---- Other limits ---------------------------------------------------------------------------


def test_frontline_staff_pass_appeals_on_rather_than_record_or_decide_them(world: World) -> None:
    restriction = world.restriction("west-oxfordshire-dc", "step-3")
    refused = _receive(world, "west-oxfordshire-dc", restriction, date(2026, 4, 20), OFFICER)
    assert isinstance(refused, Refusal) and "Only a manager" in refused.reason
    received = _receive(world, "west-oxfordshire-dc", restriction, date(2026, 4, 20))
    assert isinstance(received, AppealReceived)
    decided = _decide(
        world, "west-oxfordshire-dc", received.appeal.id, AppealOutcome.UPHELD, OFFICER
    )
    assert isinstance(decided, Refusal) and "Only a manager" in decided.reason


def test_a_second_appeal_waits_for_the_first(world: World) -> None:
    restriction = world.restriction("west-oxfordshire-dc", "step-3")
    assert isinstance(_receive(world, "west-oxfordshire-dc", restriction, ON), AppealReceived)
    again = _receive(world, "west-oxfordshire-dc", restriction, date(2026, 4, 2))
    assert isinstance(again, Refusal) and "still to be decided" in again.reason
    assert len(world.appeals(restriction.id)) == 1


def test_oxfordshire_sets_no_time_limit(world: World) -> None:
    restriction = world.restriction("oxfordshire-cc", "stage-2")
    received = _receive(world, "oxfordshire-cc", restriction, date(2027, 1, 4))
    assert isinstance(received, AppealReceived)
    assert received.appeal.deadline is None and not received.late
