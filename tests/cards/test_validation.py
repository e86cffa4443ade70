"""Checking card submissions: what Teams sends back, and what staff are told when it is wrong."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from cards.actions import CardAction
from cards.catalogue import examples, sample_draft
from cards.help import CHECK_SCHEMA
from cards.incident import LIMITS, draft_from, incident_form_schema
from cards.manager import manager_action_schema
from cards.picklist import PICK_SCHEMA
from cards.validation import submitted
from register.vocabulary import Behaviour, Channel

SCHEMA = incident_form_schema(list(Behaviour), list(Channel))


def form_payload(**changes: Any) -> dict[str, Any]:
    """What Teams sends when the incident form is filled in and "Check and send" is pressed."""
    payload = {
        "action": "incident_form",
        "id": "draft-0001",
        "occurred_on": "2026-03-03",
        "occurred_time": "14:05",
        "channel": "phone",
        "person": " Gary Rowe ",
        "address": "",
        "behaviours": "shouting,threats",
        "description": "Shouted and threatened me.",
        "police_involved": "false",
        "injuries": "true",
        "witnesses": "",
    }
    return payload | changes


def test_a_good_form_gives_typed_values() -> None:
    result = submitted(form_payload(), SCHEMA)
    assert result.ok
    assert result.values["occurred_on"] == date(2026, 3, 3)
    assert result.values["occurred_time"] == time(14, 5)
    assert result.values["behaviours"] == ("shouting", "threats")
    assert result.values["person"] == "Gary Rowe"
    assert result.values["police_involved"] is False
    assert result.values["injuries"] is True
    assert "address" not in result.values


def test_the_draft_built_from_a_good_form_keeps_the_draft_id() -> None:
    draft = draft_from(submitted(form_payload(), SCHEMA), sample_draft())
    assert draft.id == "draft-0001"
    assert draft.channel is Channel.PHONE
    assert draft.behaviours == (Behaviour.SHOUTING, Behaviour.THREATS)
    assert draft.address == ""
    assert draft.injuries is True


def test_missing_required_answers_are_each_named() -> None:
    result = submitted(form_payload(occurred_on="", behaviours=None, description="  "), SCHEMA)
    assert not result.ok
    assert result.problems == (
        "Date it happened: this is needed.",
        "What they did: choose at least one.",
        "What happened: this is needed.",
    )


def test_values_outside_the_form_are_refused_in_plain_words() -> None:
    result = submitted(
        form_payload(
            occurred_on="03/03/2026",
            occurred_time="2pm",
            channel="carrier_pigeon",
            behaviours="shouting,rudeness",
            police_involved="maybe",
        ),
        SCHEMA,
    )
    assert result.problems == (
        "Date it happened: “03/03/2026” is not a date. Pick one from the calendar.",
        "Time it happened: “2pm” is not a time. Use the 24-hour clock, like 14:30.",
        "How it happened: “carrier_pigeon” is not one of the options. Choose from the list.",
        "What they did: “rudeness” not among the options. Choose from the list.",
        "Police involved: answer yes or no.",
    )


def test_a_choice_the_form_did_not_offer_is_refused() -> None:
    """A preset may offer fewer behaviours; an old card offering more must not get through."""
    narrow = incident_form_schema([Behaviour.SHOUTING], [Channel.PHONE])
    result = submitted(form_payload(behaviours="threats"), narrow)
    assert result.problems == (
        "What they did: “threats” not among the options. Choose from the list.",
    )


def test_over_long_text_is_refused_with_its_length() -> None:
    long = "x" * (LIMITS["description"] + 1)
    result = submitted(form_payload(description=long), SCHEMA)
    assert result.problems == (
        f"What happened: please keep it under {LIMITS['description']} characters "
        f"(it is {len(long)}).",
    )


def test_a_payload_from_another_card_is_refused() -> None:
    result = submitted(form_payload(action="pick"), SCHEMA)
    assert result.problems == ("This answer came from a different card. Please start again.",)
    assert submitted({}, SCHEMA).problems == result.problems


def test_the_check_box_needs_something_to_check() -> None:
    assert submitted({"action": "check", "address_or_name": "12 Mill Lane"}, CHECK_SCHEMA).ok
    assert submitted({"action": "check"}, CHECK_SCHEMA).problems == (
        "Address, postcode or name: this is needed.",
    )


def test_a_pick_button_payload_is_checked() -> None:
    data = next(iter(pick_buttons(examples()["pick_list"])))
    assert submitted(data, PICK_SCHEMA).ok
    assert submitted(data | {"subject_type": "restriction"}, PICK_SCHEMA).problems == (
        "Record type: “restriction” is not one of the options. Choose from the list.",
    )


def test_a_manager_button_payload_is_checked() -> None:
    schema = manager_action_schema(CardAction.ACKNOWLEDGE)
    good = {"action": "acknowledge", "record": "incident", "id": "incident-0001"}
    assert submitted(good, schema).ok
    assert not submitted(good | {"action": "open_record"}, schema).ok
    assert submitted(good | {"id": ""}, schema).problems == ("Record: this is needed.",)


def pick_buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [a["data"] for a in card["actions"] if a["data"]["action"] == "pick"]
