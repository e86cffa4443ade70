"""Chats with the bot, asserted on what the person sees in Teams.

The behaviour is the tiny `echo` from tests/bot/teams.py (the real
conversations are wired in app.py); these tests are about the connector and
the handler: who is talking, what they did, and what reaches them.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

import pytest

from bot.app import NOTIFIER
from bot.commands import Command, Reply, Said
from bot.handler import NOT_SET_UP, SORRY
from register.ports import RegisterStore
from register.staff import StaffMember
from tests.bot.teams import ALICE, BOT_ID, STRANGER_AAD, SUPPORT, add_staff, open_chat, run

NOT_SET_UP_TEXT = f"You are not set up for Forewarn yet. Ask {SUPPORT} to add you."


class Remembered:
    """An in-test ConversationReferences; the real table will live in store/."""

    def __init__(self) -> None:
        self.saved: dict[str, dict[str, Any]] = {}

    def save(self, aad_object_id: str, reference: Mapping[str, Any]) -> None:
        self.saved[aad_object_id] = dict(reference)

    def load(self, aad_object_id: str) -> Mapping[str, Any] | None:
        return self.saved.get(aad_object_id)


@pytest.fixture
def alice_store(store: RegisterStore) -> RegisterStore:
    add_staff(store, ALICE)
    return store


def test_typed_text_and_button_presses_reach_the_behaviour(alice_store: RegisterStore) -> None:
    async def scenario() -> None:
        async with open_chat(alice_store) as chat:
            assert (await chat.say("  check 12 Mill Lane  ")).texts == [
                "Alice Ward said: check 12 Mill Lane"
            ]
            pressed = await chat.press({"action": "log-incident", "postcode": "ZZ1 1AA"})
            assert pressed.texts == [
                'Alice Ward submitted: {"action": "log-incident", "postcode": "ZZ1 1AA"}'
            ]

    run(scenario())


def test_a_mention_of_the_bot_is_not_part_of_what_was_said(alice_store: RegisterStore) -> None:
    async def scenario() -> None:
        async with open_chat(alice_store) as chat:
            mention = {
                "type": "mention",
                "text": "<at>Forewarn</at>",
                "mentioned": {"id": BOT_ID, "name": "Forewarn"},
            }
            answer = await chat.post(
                chat.activity(text="<at>Forewarn</at> help", entities=[mention])
            )
            assert answer.texts == ["Alice Ward said: help"]

    run(scenario())


def test_an_unknown_person_is_told_once_who_to_ask_and_nothing_else(
    alice_store: RegisterStore,
) -> None:
    seen: list[Command] = []

    async def behaviour(command: Command, user: StaffMember) -> list[Reply]:
        seen.append(command)
        return [Reply("should never be sent")]

    async def scenario() -> None:
        async with open_chat(alice_store, behaviour) as chat:
            for user in (STRANGER_AAD, None):
                answer = await chat.say("is 12 Mill Lane safe?", user=user)
                assert answer.status == 200
                assert answer.texts == [NOT_SET_UP_TEXT]
            joined = await chat.post(
                chat.activity(
                    "conversationUpdate", user=STRANGER_AAD, membersAdded=[{"id": BOT_ID}]
                )
            )
            assert joined.texts == [NOT_SET_UP_TEXT]

    run(scenario())
    assert seen == []
    assert NOT_SET_UP.format(support_contact=SUPPORT) == NOT_SET_UP_TEXT


def test_installing_the_app_brings_one_welcome(alice_store: RegisterStore) -> None:
    async def scenario() -> None:
        async with open_chat(alice_store) as chat:
            installed = await chat.post(chat.activity("installationUpdate", action="add"))
            added = await chat.post(
                chat.activity(
                    "conversationUpdate", membersAdded=[{"id": BOT_ID}, {"id": "29:teams-user-id"}]
                )
            )
            someone_else = await chat.post(
                chat.activity("conversationUpdate", membersAdded=[{"id": "29:another-user"}])
            )
            assert [installed.status, added.status, someone_else.status] == [200, 200, 200]
            assert installed.texts + added.texts + someone_else.texts == [
                "Welcome to Forewarn, Alice Ward."
            ]

    run(scenario())


def test_activities_the_bot_has_no_use_for_are_accepted_quietly(
    alice_store: RegisterStore,
) -> None:
    async def scenario() -> None:
        async with open_chat(alice_store) as chat:
            for activity in (
                chat.activity("typing"),
                chat.activity("event", name="application/vnd.unknown"),
                chat.activity("messageReaction", reactionsAdded=[{"type": "like"}]),
                chat.activity("somethingNew"),
                chat.activity("invoke", name="adaptiveCard/action", value={"action": {}}),
                chat.activity("invoke", name="composeExtension/query", value={}),
            ):
                answer = await chat.post(activity)
                assert answer.status in (200, 202), activity["type"]
                assert answer.sent == [], activity["type"]

    run(scenario())


def test_a_failing_behaviour_gets_an_apology_and_the_traceback_stays_in_the_log(
    alice_store: RegisterStore, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(command: Command, user: StaffMember) -> list[Reply]:
        raise RuntimeError("database password is hunter2")

    async def scenario() -> None:
        async with open_chat(alice_store, broken) as chat:
            answer = await chat.say("log an incident")
            assert answer.status == 200
            assert answer.texts == [SORRY]
            assert SORRY == (
                "Sorry, something went wrong on our side; nothing you typed was lost. "
                "Please try again."
            )
            assert "hunter2" not in str(answer.sent)

    with caplog.at_level(logging.ERROR, logger="bot.handler"):
        run(scenario())
    assert "Traceback" in caplog.text
    assert "RuntimeError: database password is hunter2" in caplog.text


def test_a_card_reply_arrives_as_an_adaptive_card(alice_store: RegisterStore) -> None:
    card = {
        "type": "AdaptiveCard",
        "version": "1.2",
        "body": [{"type": "TextBlock", "text": "No restrictions at this address.", "wrap": True}],
    }

    async def shows_card(command: Command, user: StaffMember) -> list[Reply]:
        return [Reply("Pre-visit check", card=card), Reply("Stay safe.")]

    async def scenario() -> None:
        async with open_chat(alice_store, shows_card) as chat:
            answer = await chat.say("check ZZ1 1AA")
            first, second = answer.sent
            assert first["text"] == "Pre-visit check"
            assert first["attachments"] == [
                {"contentType": "application/vnd.microsoft.card.adaptive", "content": card}
            ]
            assert second["text"] == "Stay safe."

    run(scenario())


def test_staff_can_be_messaged_later_through_the_saved_conversation(
    alice_store: RegisterStore,
) -> None:
    remembered = Remembered()

    async def scenario() -> None:
        async with open_chat(alice_store, references=remembered) as chat:
            notifier = chat.bot_app[NOTIFIER]
            assert not await notifier.notify(ALICE.aad_object_id, [Reply("too early")])
            await chat.say("hello", user=STRANGER_AAD)
            await chat.say("hello")
            assert list(remembered.saved) == [ALICE.aad_object_id]

            before = len(chat.channel.sent)
            sent = await notifier.notify(
                ALICE.aad_object_id, [Reply("Your review of Mill Lane is due on Friday.")]
            )
            assert sent
            (message,) = chat.channel.sent[before:]
            assert message["text"] == "Your review of Mill Lane is due on Friday."
            assert message["conversation"]["id"] == chat.conversation_id

    run(scenario())


def test_replies_are_plain_values() -> None:
    with pytest.raises(ValueError, match="a reply needs text"):
        Reply()
    assert Said("hi") == Said("hi")
