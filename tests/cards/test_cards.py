"""Every card the bot can send passes the official validator, and says what staff need.

The validator tests run over `cards.catalogue.examples()`; the negative
tests prove the harness really fails a bad card, so a green run means the
cards were checked, not that nothing was. The content tests read a card the
way a member of staff would: the text they see and the buttons they press.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from cards.catalogue import examples, sample_call, sample_draft, sample_incident
from cards.help import help_card
from cards.incident import incident_form_card, incident_summary_card
from cards.manager import manager_incident_card, terminated_call_card
from cards.problems import submission_error_card
from register.vocabulary import Behaviour, Channel
from tests.cards.conftest import CardValidator

CARD_NAMES = sorted(examples())
# Cards used on visits and in a hurry must stay within what Teams mobile renders reliably.
MOBILE_CARDS = [
    name for name in CARD_NAMES if not name.startswith(("incident_form", "proposal_form"))
]


def walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a card, depth first (elements, actions, inner cards, data)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)


def seen_text(card: dict[str, Any]) -> str:
    """All the words a person sees on a card: text, facts, choices, labels and button titles."""
    words = []
    for node in walk(card):
        words += [str(node[key]) for key in ("text", "title", "value", "label") if key in node]
    return "\n".join(words)


def submits(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Button title -> the data it sends, for every Action.Submit on the card."""
    return {n["title"]: n["data"] for n in walk(card) if n.get("type") == "Action.Submit"}


# --- the official validator ---------------------------------------------------------------


@pytest.mark.validator
@pytest.mark.parametrize("name", CARD_NAMES)
def test_card_passes_the_validator_at_1_5(
    name: str, catalogue_at_1_5: dict[str, list[str]]
) -> None:
    assert catalogue_at_1_5[name] == []


@pytest.mark.validator
@pytest.mark.parametrize("name", MOBILE_CARDS)
def test_mobile_card_passes_the_validator_at_1_2(
    name: str, catalogue_at_1_2: dict[str, list[str]]
) -> None:
    assert catalogue_at_1_2[name] == []


BAD_CARDS: dict[str, dict[str, Any]] = {
    "unknown element": {
        "type": "AdaptiveCard",
        "version": "1.2",
        "body": [{"type": "Banner", "text": "Dangerous dog"}],
    },
    "required input without label": {
        "type": "AdaptiveCard",
        "version": "1.3",
        "body": [{"type": "Input.Text", "id": "what", "isRequired": True}],
    },
    "1.3 property on a card that says 1.2": {
        "type": "AdaptiveCard",
        "version": "1.2",
        "body": [{"type": "Input.Text", "id": "what", "label": "What happened"}],
    },
    "Action.Execute on a 1.2 card": {
        "type": "AdaptiveCard",
        "version": "1.2",
        "body": [],
        "actions": [{"type": "Action.Execute", "title": "Send", "verb": "send"}],
    },
    "no version": {"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "Hello"}]},
    "version above the target": {"type": "AdaptiveCard", "version": "1.6", "body": []},
    "bad colour": {
        "type": "AdaptiveCard",
        "version": "1.2",
        "body": [{"type": "TextBlock", "text": "Warning", "color": "red"}],
    },
    "duplicate input id": {
        "type": "AdaptiveCard",
        "version": "1.2",
        "body": [{"type": "Input.Text", "id": "x"}, {"type": "Input.Text", "id": "x"}],
    },
}


@pytest.mark.validator
def test_the_validator_fails_bad_cards(card_validator: CardValidator) -> None:
    """Proves the harness is not vacuous: each of these known-bad cards must be reported."""
    report = card_validator.problems({**BAD_CARDS, "good": help_card()}, "1.5")
    assert report["good"] == []
    assert [name for name in BAD_CARDS if not report[name]] == []
    assert any("Banner" in problem for problem in report["unknown element"])
    assert any("Label" in problem for problem in report["required input without label"])


@pytest.mark.validator
def test_the_1_5_form_fails_at_1_2(card_validator: CardValidator) -> None:
    """The target matters: the incident form's 1.3 labels are reported when held to 1.2."""
    form = examples()["incident_form_empty"]
    assert card_validator.problems({"form": form}, "1.2")["form"] != []


# --- structure every card must have ---------------------------------------------------------


@pytest.mark.parametrize("name", CARD_NAMES)
def test_card_declares_a_version_teams_accepts(name: str) -> None:
    version = examples()[name]["version"]
    assert version in {"1.2", "1.3", "1.4", "1.5"}


@pytest.mark.parametrize("name", CARD_NAMES)
def test_card_uses_action_submit_never_execute(name: str) -> None:
    types = {node.get("type") for node in walk(examples()[name])}
    assert "Action.Execute" not in types
    assert all(data.get("action") for data in submits(examples()[name]).values())


@pytest.mark.parametrize("name", CARD_NAMES)
def test_every_text_wraps_so_phones_do_not_cut_it_off(name: str) -> None:
    blocks = [node for node in walk(examples()[name]) if node.get("type") == "TextBlock"]
    assert blocks and all(block.get("wrap") is True for block in blocks)


def _plain(node: Any) -> bool:
    if isinstance(node, dict):
        return all(type(key) is str and _plain(value) for key, value in node.items())
    if isinstance(node, list):
        return all(_plain(item) for item in node)
    return node is None or type(node) in {str, int, float, bool}


@pytest.mark.parametrize("name", CARD_NAMES)
def test_card_is_plain_json(name: str) -> None:
    """No enum, date or tuple leaks into a card, whatever serialiser the connector uses."""
    assert _plain(examples()[name])


# --- what staff see -------------------------------------------------------------------------


def test_incident_form_asks_what_the_policy_needs() -> None:
    form = incident_form_card(None, list(Behaviour), list(Channel))
    inputs = {node["id"]: node for node in walk(form) if str(node.get("type")).startswith("Input.")}
    assert {"occurred_on", "occurred_time", "channel", "behaviours", "description"} <= {
        name for name, node in inputs.items() if node.get("isRequired")
    }
    assert inputs["occurred_on"]["type"] == "Input.Date"
    assert inputs["occurred_time"]["type"] == "Input.Time"
    assert inputs["behaviours"]["isMultiSelect"] is True
    assert inputs["description"]["isMultiline"] is True
    assert inputs["police_involved"]["type"] == inputs["injuries"]["type"] == "Input.Toggle"
    assert "witnesses" in inputs


def test_incident_form_sends_its_action_and_cancel_skips_validation() -> None:
    buttons = submits(incident_form_card(None, list(Behaviour), list(Channel)))
    assert buttons["Check and send"]["action"] == "incident_form"
    assert buttons["Cancel"]["action"] == "cancel"
    cancel = next(n for n in walk(incident_form_card(None, [], [])) if n.get("title") == "Cancel")
    assert cancel["associatedInputs"] == "none"


def test_incident_form_shows_a_draft_back_for_changing() -> None:
    form = incident_form_card(sample_draft(), list(Behaviour), list(Channel))
    values = {node["id"]: node.get("value") for node in walk(form) if "id" in node}
    assert values["occurred_on"] == "2026-03-03"
    assert values["occurred_time"] == "14:05"
    assert values["channel"] == "face_to_face"
    assert values["behaviours"] == "shouting,threats"
    assert values["police_involved"] == "false"


def test_incident_summary_reads_back_the_draft_with_confirm_change_cancel() -> None:
    summary = incident_summary_card(sample_draft())
    seen = seen_text(summary)
    assert "Tue 3 Mar 2026, 14:05" in seen
    assert "Shouting and threats" in seen
    assert "sort me out" in seen
    assert {title: data["action"] for title, data in submits(summary).items()} == {
        "Confirm": "incident_confirm",
        "Change": "incident_change",
        "Cancel": "cancel",
    }
    assert {data["id"] for data in submits(summary).values()} == {"draft-0001"}


def test_terminated_call_card_flags_a_call_ended_without_warning() -> None:
    warned = seen_text(terminated_call_card(sample_call(), "Gary Rowe", "Sam Fieldworker"))
    unwarned_card = terminated_call_card(sample_call(warned_first=False), None, "Sam Fieldworker")
    unwarned = seen_text(unwarned_card)
    assert "No warning was given" not in warned
    assert "No warning was given" in unwarned
    assert "Swore repeatedly" in unwarned
    assert "14:05" in unwarned  # 14:05 UTC is 14:05 in London in March


def test_manager_cards_offer_the_three_actions_on_the_right_record() -> None:
    call = submits(terminated_call_card(sample_call(), "Gary Rowe", "Sam Fieldworker"))
    incident = submits(manager_incident_card(sample_incident(), "Martin Dale", "Sam"))
    expected = ["acknowledge", "open_record", "propose_restriction"]
    assert [data["action"] for data in call.values()] == expected
    assert [data["action"] for data in incident.values()] == expected
    assert {(d["record"], d["id"]) for d in call.values()} == {("terminated_call", "call-0001")}
    assert {(d["record"], d["id"]) for d in incident.values()} == {("incident", "incident-0001")}


def test_manager_incident_card_marks_safety_related_incidents() -> None:
    safe = seen_text(
        manager_incident_card(sample_incident(behaviours=(Behaviour.SHOUTING,)), "", "")
    )
    unsafe = manager_incident_card(sample_incident(injuries=True), "Martin Dale", "Sam")
    boxes = [node for node in walk(unsafe) if node.get("style") == "attention"]
    assert "Safety-related" not in safe
    assert boxes and "Someone was injured" in seen_text(boxes[0])


def test_local_time_is_shown_in_summer() -> None:
    summer = sample_incident(occurred_at=datetime(2026, 7, 1, 9, 30, tzinfo=UTC))
    assert "Wed 1 Jul 2026, 10:30" in seen_text(manager_incident_card(summer, "", "Sam"))


def test_help_card_lists_what_the_bot_can_do() -> None:
    seen = seen_text(help_card())
    for thing in (
        "Log an incident",
        "Log a terminated call",
        "Check an address or person",
        "Check a contact",
        "help",
        "cancel",
        "start again",
    ):
        assert thing in seen


def test_submission_error_card_lists_every_problem_and_says_nothing_was_saved() -> None:
    seen = seen_text(submission_error_card(["Date it happened: this is needed.", "Who: too long"]))
    assert "Date it happened: this is needed." in seen
    assert "Who: too long" in seen
    assert "Nothing has been saved" in seen


def test_visit_brief_puts_the_precautions_in_a_red_box() -> None:
    brief = examples()["visit_brief_dog_and_spoc"]
    boxes = [node for node in walk(brief) if node.get("style") == "attention"]
    assert len(boxes) == 1
    assert "Ask for the animal to be secured before entry" in seen_text(boxes[0])
    assert "Call ahead" in seen_text(boxes[0])
    seen = seen_text(brief)
    assert "12 Mill Lane, Oxbridge, OX1 1AY" in seen
    assert "HIGH: Dangerous animal (e.g. dog)" in seen
    assert "No telephone calls" in seen
    assert "Housing duty manager, 01632 960000" in seen
    assert "not a guarantee of safety" not in seen


def test_visit_brief_with_nothing_recorded_says_it_is_no_guarantee() -> None:
    seen = seen_text(examples()["visit_brief_nothing_recorded"])
    assert "No record found for this address" in seen
    assert "No record is not a guarantee of safety" in seen
    assert not [
        n for n in walk(examples()["visit_brief_nothing_recorded"]) if n.get("style") == "attention"
    ]


def test_no_match_says_it_is_no_guarantee() -> None:
    seen = seen_text(examples()["no_match"])
    assert "“99 Nowhere Street”" in seen
    assert "No record is not a guarantee of safety" in seen


def test_log_incident_from_a_brief_sends_where_it_happened() -> None:
    address = submits(examples()["visit_brief_violence"])["Log an incident here"]
    person = submits(examples()["visit_brief_person_without_address"])["Log an incident here"]
    assert address == {
        "action": "log_incident",
        "address": "Flat 3, Heron Court, Orchard Road, Oxbridge, OX2 7QT",
    }
    assert person == {"action": "log_incident", "person": "Chris Example"}


def test_pick_list_buttons_carry_what_the_bot_needs_to_choose() -> None:
    buttons = submits(examples()["pick_list"])
    first = buttons["1. 10 Mill Lane, Oxbridge, OX1 1AY"]
    assert first == {
        "action": "pick",
        "id": "property-0",
        "subject_type": "property",
        "purpose": "pre-visit check",
        "query": "mill",
    }
    assert buttons["None of these"] == {"action": "pick_none", "query": "mill"}


def test_pick_list_shows_full_labels_and_says_what_was_left_off() -> None:
    card = examples()["pick_list_more_than_fit"]
    seen = seen_text(card)
    assert "4. 13 Miller's Yard, off Station Road, Oxbridge, OX1 1AY" in seen
    assert "5 more matches not shown" in seen
    assert len(submits(card)) == 5
    assert all(len(title) <= 40 for title in submits(card))


def test_contact_check_answers_the_question_first() -> None:
    card = examples()["contact_check_phone_refused"]
    first_box = next(node for node in walk(card) if node.get("type") == "Container")
    assert first_box["style"] == "attention"
    assert "Telephone: No" in seen_text(first_box)
    assert "Instead: Pass the contact to Jo Contact" in seen_text(first_box)
    seen = seen_text(card)
    assert "Single point of contact" in seen and "Jo Contact" in seen
    assert "Not allowed" in seen


def test_contact_check_with_nothing_recorded_is_green_but_no_guarantee() -> None:
    card = examples()["contact_check_nothing_recorded"]
    assert next(n for n in walk(card) if n.get("type") == "Container")["style"] == "good"
    assert "No record is not a guarantee of safety" in seen_text(card)


def test_contact_check_shows_call_limits() -> None:
    card = examples()["contact_check_call_limits"]
    first_box = next(node for node in walk(card) if node.get("type") == "Container")
    assert "Telephone: Yes, with conditions" in seen_text(first_box)
    assert "Telephone calls Tuesdays 10:00-12:00 only, at most 15 minutes" in seen_text(card)
