"""Logging an incident with the bot, as chat transcripts over the real store (both databases)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from register.audit import AuditAction
from register.notices import NoticeAction, NoticeKind
from register.vocabulary import Behaviour, Channel
from store.conversation_session import SqlConversationStore
from store.repository import SqlRegisterStore
from tests.bot.transcript import Transcript, run
from tests.samples import SampleRegister

ROOT = Path(__file__).resolve().parents[2]
ONE_SENTENCE = "Mr Dale shouted and swore at me at reception at 2pm, he threatened to come back"


@pytest.fixture
def chat(store: SqlRegisterStore, sample_register: SampleRegister) -> Iterator[Transcript]:
    yield Transcript(store)


def _incidents(store: SqlRegisterStore) -> int:
    with store.transaction() as session:
        return session.counts()["incidents"]


def test_an_incident_in_one_sentence_asks_only_what_is_missing(
    chat: Transcript, store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    priya, tom = sample_register.frontline, sample_register.manager

    async def scenario() -> None:
        first = await chat.say(priya, ONE_SENTENCE)
        assert "threats, offensive language and shouting; face to face; Mr Dale" in first.text
        # Time, channel, who and behaviours were all in the sentence: only the
        # safety questions the threat calls for are left.
        assert first.texts[-1] == "Were the police called or involved? (yes or no)"
        assert (await chat.say(priya, "no")).text == "Was anyone hurt? (yes or no)"
        assert "Did anyone see" in (await chat.say(priya, "nope")).text
        summary = await chat.say(priya, "Jo Bloggs on reception")
        assert "Nothing is saved until you confirm" in summary.text
        for shown in ("Wed 4 Mar 2026, 14:00", "Face to face", "Mr Dale", "Jo Bloggs on reception"):
            assert shown in summary.card_text
        assert _incidents(store) == 1  # only the sample register's own
        done = await chat.say(priya, "yes")
        assert done.text == "Thank you. The incident is logged. I've told Tom Hale."

    run(scenario())
    assert _incidents(store) == 2
    (notice,) = chat.notifier.notices
    assert (notice.kind, notice.recipient, notice.urgent) == (NoticeKind.INCIDENT, tom.id, True)
    assert notice.actions == (
        NoticeAction.ACKNOWLEDGE,
        NoticeAction.OPEN_RECORD,
        NoticeAction.PROPOSE_RESTRICTION,
    )
    with store.transaction() as session:
        trail = session.audit_for("incident", notice.record_id)
    assert [e.action for e in trail] == [AuditAction.CREATE, AuditAction.NOTIFY]


def test_an_incident_with_a_person_on_the_register_is_linked_and_logged_as_contact(
    chat: Transcript, store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    priya, gary = sample_register.frontline, sample_register.gary

    async def scenario() -> None:
        seen = await chat.say(priya, "log an incident")
        assert seen.text.startswith("What happened?")
        seen = await chat.say(priya, "Gary Rowe rang and kept shouting down the phone")
        assert seen.text.endswith(
            "When did it happen? For example “2pm”, “this morning” or “yesterday afternoon”."
        )
        seen = await chat.say(priya, "yesterday afternoon")
        assert "Wed 4 Mar" not in seen.card_text and "Tue 3 Mar 2026, 15:00" in seen.card_text
        assert "Telephone" in seen.card_text and "Shouting" in seen.card_text
        await chat.press(priya, seen.button("Confirm"))

    run(scenario())
    with store.transaction() as session:
        incidents = session.incidents_for_person(gary.id)
        contacts = session.contacts_for_person(gary.id)
    latest = incidents[-1]
    assert (latest.channel, latest.behaviours) == (Channel.PHONE, (Behaviour.SHOUTING,))
    assert latest.police_involved is None  # shouting alone does not call for the safety questions
    assert latest.manager_told_at is not None
    assert contacts[-1].source == "bot" and contacts[-1].channel is Channel.PHONE


def test_corrections_by_saying_what_was_wrong_or_naming_the_part(
    chat: Transcript, sample_register: SampleRegister
) -> None:
    priya = sample_register.frontline

    async def scenario() -> None:
        await chat.say(priya, "this morning a man shouted at me on the phone about his rent")
        seen = await chat.say(priya, "don't know")  # who: fine not to know
        assert "10:00" in seen.card_text and "Not given" in seen.card_text
        seen = await chat.say(priya, "no, it was 11.30am and it was face to face")
        assert seen.text.startswith("Thanks, I've updated the time and how it happened.")
        assert "11:30" in seen.card_text and "Face to face" in seen.card_text
        asked = await chat.say(priya, "change the time")
        assert asked.text.startswith("When did it happen?")
        seen = await chat.say(priya, "yesterday at 4pm")
        assert "Tue 3 Mar 2026, 16:00" in seen.card_text
        seen = await chat.say(priya, "the witnesses are wrong")
        assert seen.text.startswith("Did anyone see")
        seen = await chat.say(priya, "my colleague Sam")
        assert "my colleague Sam" in seen.card_text
        assert "What should I change?" in (await chat.say(priya, "no")).text
        assert "couldn't tell what to change" in (await chat.say(priya, "purple")).text

    run(scenario())
    assert chat.notifier.notices == []


def test_the_card_form_is_the_alternative_and_a_bad_submission_is_answered_clearly(
    chat: Transcript, store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    priya = sample_register.frontline

    async def scenario() -> None:
        opened = await chat.press(priya, {"action": "log_incident", "address": "14 Mill Lane"})
        assert "Log an incident" in opened.card_text
        send = opened.button("Check and send")
        bad = await chat.press(
            priya, {**send, "occurred_on": "yesterday", "behaviours": "shouting,sorcery"}
        )
        assert bad.text == "Nothing has been saved yet."
        assert "“yesterday” is not a date" in bad.card_text
        assert "“sorcery” not among the options" in bad.card_text
        assert "What happened: this is needed." in bad.card_text
        assert "Traceback" not in bad.card_text + bad.text
        good = {
            **send,
            "occurred_on": "2026-03-04",
            "occurred_time": "09:15",
            "channel": "home_visit",
            "address": "14 Mill Lane",
            "behaviours": "violence,threats",
            "description": "Pushed me off the doorstep and said he'd be waiting next time.",
            "police_involved": "true",
            "injuries": "false",
            "witnesses": "",
        }
        summary = await chat.press(priya, good)
        assert "Home visit" in summary.card_text and "09:15" in summary.card_text
        done = await chat.press(priya, summary.button("Confirm"))
        assert "The incident is logged" in done.text and "call 999" in done.text
        again = await chat.press(priya, summary.button("Confirm"))
        assert (
            again.text
            == "That incident has already been logged or cancelled, so nothing new was saved."
        )

    run(scenario())
    assert _incidents(store) == 2
    (notice,) = chat.notifier.notices
    with SqlConversationStore(store).transaction() as session:
        incident = session.incident(notice.record_id)
    assert incident is not None and incident.person_id is None
    assert incident.property_id == sample_register.mill_lane.id
    assert incident.police_involved is True and incident.location == "14 Mill Lane"


def test_cancel_mid_flow_logs_nothing(
    chat: Transcript, store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    priya = sample_register.frontline

    async def scenario() -> None:
        await chat.say(priya, "he spat at me")
        assert (await chat.say(priya, "cancel")).text == "Cancelled. Nothing was logged."
        assert "nothing in progress" in (await chat.say(priya, "cancel")).text

    run(scenario())
    assert _incidents(store) == 1


def test_start_again_drops_the_draft_and_begins_afresh(
    chat: Transcript, sample_register: SampleRegister
) -> None:
    priya = sample_register.frontline

    async def scenario() -> None:
        await chat.say(priya, "Mr Dale yelled at me at 2pm")
        seen = await chat.say(priya, "start again")
        assert seen.texts[0] == "Starting again. Nothing was saved."
        assert seen.texts[1].startswith("What happened?")
        seen = await chat.say(priya, "Ms Pike was racist to me on the phone 10 mins ago")
        # Everything was in the sentence, and racist abuse is not one of the
        # behaviours that call for the police and injury questions.
        assert "Nothing is saved until you confirm" in seen.text
        assert "Ms Pike" in seen.card_text and "Mr Dale" not in seen.card_text
        assert "Wed 4 Mar 2026, 16:20" in seen.card_text

    run(scenario())


def test_help_mid_flow_keeps_the_incident_and_says_what_is_still_needed(
    chat: Transcript, sample_register: SampleRegister
) -> None:
    priya = sample_register.frontline

    async def scenario() -> None:
        await chat.say(priya, "he threatened me on the phone")
        helped = await chat.say(priya, "help")
        assert "What I can do" in helped.card_text
        assert helped.texts == [
            "You're still logging an incident; nothing is saved yet. When did it happen? "
            "For example “2pm”, “this morning” or “yesterday afternoon”."
        ]
        assert "Who was it?" in (await chat.say(priya, "at 10am")).text

    run(scenario())


def test_a_restarted_bot_resumes_the_unfinished_incident(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    priya = sample_register.frontline

    async def scenario() -> None:
        await Transcript(store).say(priya, "Gary Rowe pushed me at his house, 14 Mill Lane, at 9am")
        restarted = Transcript(store)  # a new bot process: nothing kept in memory
        seen = await restarted.say(priya, "yes")
        assert seen.text == "Was anyone hurt? (yes or no)"

    run(scenario())


def test_two_staff_at_once_never_see_each_others_state(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    priya, sam = sample_register.frontline, sample_register.admin
    chat = Transcript(store)

    async def scenario() -> None:
        await chat.say(priya, "Mr Dale shouted at me at reception")
        sams = await chat.say(sam, "I ended a call with Gary Rowe")
        assert sams.text.startswith("Did you warn the caller")
        priyas = await chat.say(priya, "yes")
        assert priyas.text.startswith("Sorry, I couldn't work out when")
        assert "Gary Rowe" not in priyas.text + priyas.card_text
        sams = await chat.say(sam, "cancel")
        assert sams.text == "Cancelled. Nothing was logged."
        priyas = await chat.say(priya, "2pm")
        assert "Mr Dale" in priyas.card_text and "Gary" not in priyas.card_text

    run(scenario())


def test_the_conversations_never_import_the_platform_sdk() -> None:
    probe = (
        "import sys, bot.conversations; "
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('botbuilder', 'botframework', 'aiohttp')); "
        "print(leaked); sys.exit(1 if leaked else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
