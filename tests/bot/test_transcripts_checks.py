"""Pre-visit and contact checks, and a manager's buttons, as chat transcripts (both databases)."""

from __future__ import annotations

import pytest

from register.subjects import Property
from store.repository import SqlRegisterStore
from tests.bot.transcript import Transcript, run
from tests.samples import SampleRegister

NOT_A_GUARANTEE = "No record is not a guarantee of safety."


@pytest.fixture
def chat(store: SqlRegisterStore, sample_register: SampleRegister) -> Transcript:
    return Transcript(store)


def test_an_ambiguous_address_gives_a_pick_list_and_the_pick_gives_the_brief(
    chat: Transcript, store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    store.bulk_add([Property("14 Mill Lane, Eastbridge", "ZZ2 1AA")])
    priya = sample_register.frontline

    async def scenario() -> None:
        listed = await chat.say(priya, "check 14 Mill Lane")
        assert "14 Mill Lane, Eastbridge, ZZ2 1AA" in listed.card_text
        assert "14 Mill Lane, Little Burford, ZZ1 4AB" in listed.card_text
        brief = await chat.press(priya, listed.button("2."))
        assert "Pre-visit check" in brief.card_text
        assert "Dangerous animal (e.g. dog)" in brief.card_text
        assert "Visit in pairs" in brief.card_text
        none = await chat.press(priya, listed.button("None of these"))
        assert NOT_A_GUARANTEE in none.text

    run(scenario())


def test_no_match_says_so_plainly_and_that_it_is_no_guarantee(
    chat: Transcript, sample_register: SampleRegister
) -> None:
    async def scenario() -> None:
        seen = await chat.say(sample_register.frontline, "check 99 Nowhere Street ZZ9 9ZZ")
        assert seen.text == "No record found."
        assert NOT_A_GUARANTEE in seen.card_text

    run(scenario())


def test_check_with_nothing_after_it_asks_what_to_check(
    chat: Transcript, sample_register: SampleRegister
) -> None:
    priya = sample_register.frontline

    async def scenario() -> None:
        assert (await chat.say(priya, "check")).text.startswith("What should I check?")
        seen = await chat.say(priya, "ZZ1 6CD")
        assert "Flat 3, 22 Station Road" in seen.card_text

    run(scenario())


def test_can_i_take_a_call_from(chat: Transcript, sample_register: SampleRegister) -> None:
    async def scenario() -> None:
        seen = await chat.say(sample_register.frontline, "can I take a call from Gary Rowe?")
        assert "Contact check" in seen.card_text and "Gary Rowe" in seen.card_text
        assert "Single point of contact" in seen.card_text and "Tom Hale" in seen.card_text

    run(scenario())


def test_a_check_mid_incident_is_answered_and_the_incident_waits(
    chat: Transcript, sample_register: SampleRegister
) -> None:
    priya = sample_register.frontline

    async def scenario() -> None:
        await chat.say(priya, "he swore at me on the phone")
        seen = await chat.say(priya, "check 14 Mill Lane ZZ1 4AB")
        assert "Pre-visit check" in seen.card_text
        assert seen.texts[-1].startswith("You're still logging an incident")
        assert "Who was it?" in (await chat.say(priya, "5 mins ago")).text

    run(scenario())


def _incident_buttons(chat: Transcript, sample_register: SampleRegister) -> dict[str, dict]:
    """Priya logs an incident; returns the manager card's buttons (built from the notice)."""

    async def log() -> None:
        priya = sample_register.frontline
        await chat.say(priya, "Gary Rowe shouted at me on the phone at 11am")
        await chat.say(priya, "yes")

    run(log())
    (notice,) = chat.notifier.notices
    ids = {"record": notice.record_type, "id": notice.record_id}
    return {a.value: {"action": a.value, **ids} for a in notice.actions}


def test_frontline_staff_are_refused_the_full_record(
    chat: Transcript, store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    buttons = _incident_buttons(chat, sample_register)

    async def scenario() -> None:
        seen = await chat.press(sample_register.frontline, buttons["open_record"])
        assert seen.text == (
            "Frontline staff see the precautions and contact arrangements only. "
            "Ask your service manager if you need the full record."
        )
        assert seen.cards == []

    run(scenario())
    with store.transaction() as session:
        trail = session.audit_for("incident", buttons["open_record"]["id"])
    assert trail[-1].reason == "refused: full record"


def test_a_manager_acknowledges_opens_and_can_propose_a_restriction(
    chat: Transcript, store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    buttons = _incident_buttons(chat, sample_register)
    tom = sample_register.manager

    async def scenario() -> None:
        ack = await chat.press(tom, buttons["acknowledge"])
        assert ack.text == "Thanks, I've noted that you have seen it."
        opened = await chat.press(tom, buttons["open_record"])
        assert "Incident reported" in opened.card_text
        assert "Priya Nandra logged an incident with Gary Rowe." in opened.card_text
        proposal = await chat.press(tom, buttons["propose_restriction"])
        assert "Propose a restriction" in proposal.card_text
        assert "Nothing applies until the approver agrees" in proposal.text
        tampered = await chat.press(tom, {**buttons["open_record"], "record": "person"})
        assert "could not be used" in tampered.text

    run(scenario())
    with store.transaction() as session:
        reasons = [e.reason for e in session.audit_for("incident", buttons["acknowledge"]["id"])]
    assert reasons[-2:] == ["manager acknowledged", "full record opened"]
