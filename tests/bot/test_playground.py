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

import asyncio
import json
import os
import shutil
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from bot.app import build_bot_app
from bot.commands import Command, Joined, Reply, Said, Submitted
from register.ports import RegisterStore
from register.staff import Role, StaffMember
from tests.bot.teams import add_staff, run

pytestmark = pytest.mark.playground

HERE = Path(__file__).resolve().parent
CLI = HERE.parent / "js" / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js"
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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _require_playground() -> str:
    node = shutil.which("node")
    if node and CLI.exists():
        return node
    reason = "the Agents Playground is not installed (npm install in tests/js)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI=true: playground tests must run")
    pytest.skip(reason)


class Playground:
    """The calls the Playground's web page makes, and the bot replies it streams back."""

    def __init__(self, http: aiohttp.ClientSession, base: str) -> None:
        self.http, self.base = http, base
        self.replies: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def start(self) -> None:
        async with self.http.get(f"{self.base}/_internal/v1/config") as response:
            config = (await response.json())["config"]
        self.conversation = config["personalChat"]["id"]
        self.user = config["currentUser"]["id"]
        stream = self.base.replace("http", "ws", 1) + "/_ws_conversation/v1/conversations/stream"
        self.ws = await self.http.ws_connect(stream)
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.ws:
            data = json.loads(message.data)
            if data.get("action") == "createMessage":
                await self.replies.put(data["message"])

    async def _post(self, path: str, body: dict[str, Any]) -> None:
        async with self.http.post(f"{self.base}{path}", json=body) as response:
            response.raise_for_status()

    async def install(self) -> None:
        await self._post(f"/_debug/conversation/{self.conversation}/installation", {})

    async def say(self, text: str) -> None:
        message = {"type": "text", "text": text, "textFormat": "plain", "from": {"id": self.user}}
        await self._post(f"/_conversation/v1/conversations/{self.conversation}/messages", message)

    async def submit(self, card_message_id: str, values: dict[str, Any]) -> None:
        await self._post(
            "/_conversation/v1/submit",
            {
                "conversation": {"id": self.conversation},
                "replyToId": card_message_id,
                "value": values,
                "from": {"id": self.user},
            },
        )

    async def reply(self, timeout: float = 15.0) -> dict[str, Any]:
        return await asyncio.wait_for(self.replies.get(), timeout)


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
    port = _free_port()
    async with TestServer(app, host="127.0.0.1") as bot, aiohttp.ClientSession() as http:
        process = await asyncio.create_subprocess_exec(
            node,
            "-r",
            str(HERE.parent / "js" / "playground_bind_localhost.js"),
            str(CLI),
            "-e",
            str(bot.make_url("/api/messages")),
            "-c",
            "msteams",
            "-p",
            str(port),
            "--disable-telemetry",
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            env={**os.environ, "M365_AGENTS_PLAYGROUND_LOGFILE": os.devnull},
        )
        try:
            await _wait_for_listening(process, port)
            playground = Playground(http, f"http://127.0.0.1:{port}")
            await playground.start()
            yield playground
            await playground.ws.close()
        finally:
            process.terminate()
            await process.wait()


async def _wait_for_listening(process: asyncio.subprocess.Process, port: int) -> None:
    assert process.stdout is not None
    async with asyncio.timeout(60):
        while line := await process.stdout.readline():
            if f"Listening on {port}".encode() in line:
                # Keep draining its output so the Playground never blocks on a full pipe.
                asyncio.get_running_loop().create_task(process.stdout.read())
                return
    raise AssertionError("the Playground exited before it listened")


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
