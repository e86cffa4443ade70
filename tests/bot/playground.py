"""Driving the Microsoft 365 Agents Playground (a real Teams-like client) from tests.

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
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.net import free_port

JS = Path(__file__).resolve().parent.parent / "js"
CLI = JS / "node_modules" / "@microsoft" / "m365agentsplayground" / "cli.js"
# The Playground's default signed-in user, as Teams would name them to the bot.
PLAYGROUND_AAD_ID = "00000000-0000-0000-0000-0000000000020"

# No log file, and no browser: the Playground otherwise runs xdg-open on its
# own page and exits with status 1 on a machine without one.
PLAYGROUND_ENV = {"M365_AGENTS_PLAYGROUND_LOGFILE": os.devnull, "TEAMSAPPTESTER_BROWSER": "none"}


def require_playground() -> str:
    """The node binary; skips (fails under CI=true) when the Playground is not installed."""
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
async def running_playground(node: str, endpoint: str) -> AsyncIterator[Playground]:
    """The Playground pointed at a bot's /api/messages `endpoint`, connected and ready."""
    port = free_port()
    async with aiohttp.ClientSession() as http:
        process = await asyncio.create_subprocess_exec(
            node,
            "-r",
            str(JS / "playground_bind_localhost.js"),
            str(CLI),
            *("-e", endpoint, "-c", "msteams", "-p", str(port), "--disable-telemetry"),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
            env={**os.environ, **PLAYGROUND_ENV},
        )
        try:
            await wait_for_listening(process, port)
            playground = Playground(http, f"http://127.0.0.1:{port}")
            await playground.start()
            yield playground
            await playground.ws.close()
        finally:
            process.terminate()
            await process.wait()


async def wait_for_listening(process: asyncio.subprocess.Process, port: int) -> None:
    assert process.stdout is not None
    async with asyncio.timeout(60):
        while line := await process.stdout.readline():
            if f"Listening on {port}".encode() in line:
                # Keep draining its output so the Playground never blocks on a full pipe.
                asyncio.get_running_loop().create_task(process.stdout.read())
                return
    raise AssertionError("the Playground exited before it listened")
