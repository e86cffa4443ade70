"""The bot with a real Teams-like client: the Microsoft 365 Agents Playground.

The Playground (npm, pinned in tests/js/package.json) sends what Teams
sends: HEAD first, installationUpdate and conversationUpdate on install,
messages, and Action.Submit presses. It is driven through the internal API
its own web page uses (version 0.2.28). It sends no token, so the bot runs
with an empty app id on loopback, as in development. The preload
playground_bind_localhost.js keeps the Playground off every interface but
127.0.0.1.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from aiohttp.test_utils import TestServer

from bot.app import build_bot_app
from bot.commands import Command, Joined, Reply, Said, Submitted
from register.ports import RegisterStore
from register.staff import Role, StaffMember
from tests.bot.playground import Playground, running_playground
from tests.bot.playground import require_playground as _require_playground
from tests.bot.teams import add_staff, run

pytestmark = pytest.mark.playground

# The Playground's default signed-in user.
PAT = StaffMember(
    aad_object_id="00000000-0000-0000-0000-0000000000020",
    name="Pat Playground",
    job_title="Environmental Health Officer",
    role=Role.FRONTLINE,
)
CARD = {
    "type": "AdaptiveCard",
    "version": "1.2",
    "body": [{"type": "Input.Text", "id": "note", "label": "Note"}],
    "actions": [{"type": "Action.Submit", "title": "Send", "data": {"action": "note"}}],
}


async def behaviour(command: Command, user: StaffMember) -> list[Reply]:
    match command:
        case Joined():
            return [Reply(f"Welcome to Forewarn, {user.name}.")]
        case Said("card"):
            return [Reply(card=CARD)]
        case Said(text):
            return [Reply(f"{user.name} said: {text}")]
        case Submitted(values):
            return [Reply(f"Noted: {values.get('note')}")]
    raise AssertionError(command)


@asynccontextmanager
async def playground_for(store: RegisterStore, node: str) -> AsyncIterator[Playground]:
    app = build_bot_app(
        app_id="",
        app_password="",
        tenant_id="",
        allowed_tenants=[],
        max_body_bytes=256 * 1024,
        store=store,
        conversation=behaviour,
        support_contact="the register administrator",
        ready=lambda: True,
    )
    async with TestServer(app, host="127.0.0.1") as bot:
        endpoint = str(bot.make_url("/api/messages"))
        async with running_playground(node, endpoint) as playground:
            yield playground


def test_a_chat_in_the_playground(store: RegisterStore) -> None:
    node = _require_playground()
    add_staff(store, PAT)

    async def scenario() -> None:
        async with playground_for(store, node) as teams:
            await teams.install()
            assert (await teams.reply())["text"] == "Welcome to Forewarn, Pat Playground."
            with pytest.raises(TimeoutError):
                await teams.reply(timeout=1.0)  # one welcome, not two

            await teams.say("hello")
            assert (await teams.reply())["text"] == "Pat Playground said: hello"

            await teams.say("card")
            card = await teams.reply()
            (attachment,) = card["attachments"]
            assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
            await teams.submit(card["messageId"], {"action": "note", "note": "dog in the garden"})
            assert (await teams.reply())["text"] == "Noted: dog in the garden"

    run(scenario())
