"""The proposal form and approval card: built from each preset, named in staff's words."""

from __future__ import annotations

import json
from typing import Any

import pytest

from cards.catalogue import examples
from cards.proposal import proposable_types, proposal_form_card, proposal_form_schema
from cards.restriction_words import PARAM_LABELS, TYPE_TITLES
from cards.validation import Kind
from register.policy import available_presets, load_preset
from register.restrictions import PARAMS, RestrictionType
from tests.cards.test_cards import walk

PRESETS = sorted(available_presets())


def test_every_type_and_detail_has_words_for_staff() -> None:
    assert set(TYPE_TITLES) == set(RestrictionType)
    assert {name for spec in PARAMS.values() for name in spec.allowed} == set(PARAM_LABELS)


def _inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {n["id"]: n for n in walk(card) if str(n.get("type", "")).startswith("Input.")}


@pytest.mark.parametrize("name", PRESETS)
def test_the_form_offers_only_what_the_preset_allows(name: str) -> None:
    preset = load_preset(name)
    inputs = _inputs(proposal_form_card(preset))
    offered = [choice["value"] for choice in inputs["kind"]["choices"]]
    assert offered == [kind.value for kind in proposable_types(preset)]
    assert set(offered) == {kind.value for step in preset.steps for kind in step.allows}
    steps = [choice["value"] for choice in inputs["stage"]["choices"]]
    assert steps == [step.key for step in preset.steps if step.allows]
    skippable = any(step.may_be_skipped for step in preset.steps)
    assert ("skip_reason" in inputs) is skippable


@pytest.mark.parametrize("name", PRESETS)
def test_the_schema_accepts_every_input_the_form_shows(name: str) -> None:
    preset = load_preset(name)
    schema = {field.name: field for field in proposal_form_schema(preset).fields}
    for input_id, element in _inputs(proposal_form_card(preset)).items():
        field = schema[input_id]
        if element["type"] == "Input.ChoiceSet":
            assert field.kind in (Kind.CHOICE, Kind.CHOICES)
            assert {c["value"] for c in element["choices"]} <= field.choices


def _submits(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {n["title"]: n["data"] for n in walk(card) if n.get("type") == "Action.Submit"}


def test_an_approval_notice_arrives_as_the_approval_card() -> None:
    """The notifier sends every notice through notice_card; approval needs Approve / Refuse."""
    for name in ("approval_urgent", "approval_notice"):
        card = examples()[name]
        assert card["version"] == "1.2"
        assert _submits(card) == {
            "Approve": {"action": "approve_restriction", "id": "restriction-0001"},
            "Refuse": {"action": "refuse_restriction", "id": "restriction-0001"},
        }
        assert "reasons" in _inputs(card)


def test_the_proposer_hears_the_decision_on_a_plain_notice_card() -> None:
    """Approved or refused, with the reasons, and buttons naming the restriction."""
    for name in ("proposal_approved", "proposal_approved_without_reasons", "proposal_refused"):
        card = examples()[name]
        ids = {"record": "restriction", "id": "restriction-0001"}
        assert _submits(card) == {
            "Open record": {"action": "open_record", **ids},
            "Acknowledge": {"action": "acknowledge", **ids},
        }
    shown = json.dumps(examples()["proposal_refused"])
    assert "Your proposal was refused" in shown and "Talk to him first" in shown
    assert "First review due by" in json.dumps(examples()["proposal_approved"])
