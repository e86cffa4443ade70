"""Forewarn's own conversations in a real Teams-like client, the Agents Playground.

Each test runs Forewarn as an operator would on a laptop: `app.py staff`
maps the Playground's signed-in user to a frontline officer in Housing,
then `app.py serve --only bot --demo` starts the bot over the fictional
demo register in a fresh data directory, with no app id on loopback. The
Playground then chats with it as Teams would: typed messages, and
Action.Submit presses on the bot's own cards. Assertions are on what the
officer sees in the chat and on what the register holds afterwards.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from store.db import make_engine, sqlite_url
from store.repository import SqlRegisterStore
from tests.bot.playground import (
    PLAYGROUND_AAD_ID,
    Playground,
    free_port,
    require_playground,
    running_playground,
)
from tests.bot.teams import run

pytestmark = pytest.mark.playground

ROOT = Path(__file__).resolve().parents[2]
# Settings a developer's shell or CI may have set that would point the bot
# elsewhere (another database, an app id that demands tokens).
FOREIGN_SETTINGS = ("FOREWARN_", "MICROSOFT_APP_", "DATABASE_URL")
STARTUP_SECONDS = 60.0


@dataclass
class Bot:
    """A running `app.py serve`, and the log it wrote (shown when a test fails)."""

    data_dir: Path
    endpoint: str
    log: list[str]

    def incidents(self) -> int:
        store = SqlRegisterStore(make_engine(sqlite_url(self.data_dir)))
        try:
            with store.transaction() as session:
                return session.counts()["incidents"]
        finally:
            store.close()


def _environment(data_dir: Path, port: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(FOREIGN_SETTINGS)}
    env.update(
        FOREWARN_DATA_DIR=str(data_dir), FOREWARN_BOT_HOST="127.0.0.1", FOREWARN_BOT_PORT=str(port)
    )
    return env


async def _app(env: dict[str, str], cwd: Path, *args: str) -> asyncio.subprocess.Process:
    # Run from the data directory so a developer's .env in the repository is not read.
    return await asyncio.create_subprocess_exec(
        sys.executable,
        str(ROOT / "app.py"),
        *args,
        env=env,
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )


@asynccontextmanager
async def forewarn(data_dir: Path) -> AsyncIterator[Bot]:
    """Map the Playground's user as staff, then serve the bot over the demo register."""
    port = free_port()
    env = _environment(data_dir, port)
    staff = await _app(
        env,
        data_dir,
        *("staff", "--aad-id", PLAYGROUND_AAD_ID, "--name", "Pat Playground"),
        *("--title", "Housing Officer", "--role", "frontline", "--service", "Housing"),
    )
    added, _ = await staff.communicate()
    assert staff.returncode == 0, added.decode()
    process = await _app(env, data_dir, "serve", "--only", "bot", "--demo")
    bot = Bot(data_dir, f"http://127.0.0.1:{port}/api/messages", [])
    try:
        await _wait_until_listening(process, bot.log)
        yield bot
    finally:
        process.terminate()
        await process.wait()
        print("\n".join(bot.log))  # pytest shows it only when the test failed


async def _wait_until_listening(process: asyncio.subprocess.Process, log: list[str]) -> None:
    assert process.stdout is not None
    async with asyncio.timeout(STARTUP_SECONDS):
        while line := await process.stdout.readline():
            log.append(line.decode().rstrip())
            if "Bot listening on" in log[-1]:
                asyncio.get_running_loop().create_task(_keep_reading(process, log))
                return
    raise AssertionError("the bot exited before it listened:\n" + "\n".join(log))


async def _keep_reading(process: asyncio.subprocess.Process, log: list[str]) -> None:
    assert process.stdout is not None
    while line := await process.stdout.readline():
        log.append(line.decode().rstrip())


@asynccontextmanager
async def chat(data_dir: Path, node: str) -> AsyncIterator[tuple[Playground, Bot]]:
    async with forewarn(data_dir) as bot, running_playground(node, bot.endpoint) as teams:
        yield teams, bot


# --- what the officer sees --------------------------------------------------


@dataclass(frozen=True)
class Seen:
    """The messages the bot sent for one turn, up to the one the test waited for."""

    messages: list[dict[str, Any]]

    @property
    def texts(self) -> list[str]:
        return [m["text"] for m in self.messages if m.get("text")]

    @property
    def card(self) -> dict[str, Any]:
        """The last Adaptive Card shown, as its JSON."""
        cards = [a["content"] for m in self.messages for a in m.get("attachments") or []]
        assert cards, f"no card among {self.texts}"
        content: dict[str, Any] = cards[-1]
        return content

    @property
    def card_id(self) -> str:
        """The chat message that carries the card (what a button press replies to)."""
        message_id: str = [m for m in self.messages if m.get("attachments")][-1]["messageId"]
        return message_id

    @property
    def card_text(self) -> str:
        return "\n".join(_strings(self.card))

    def button(self, title: str) -> dict[str, Any]:
        """The data the card's button sends; the title may be given by a part of it."""
        actions = self.card.get("actions", [])
        for action in actions:
            if title in action["title"] and action["type"] == "Action.Submit":
                return dict(action["data"])
        raise AssertionError(f"no {title!r} button among {[a['title'] for a in actions]}")


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key in ("text", "title", "value"):
            if isinstance(node.get(key), str):
                yield node[key]
        for value in node.values():
            if isinstance(value, dict | list):
                yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


async def seen_until(teams: Playground, done: Callable[[dict[str, Any]], bool]) -> Seen:
    """Collect the bot's messages until one satisfies `done` (a reply arrives in parts)."""
    messages = [await teams.reply()]
    while not done(messages[-1]):
        messages.append(await teams.reply())
    return Seen(messages)


def has_card(message: dict[str, Any]) -> bool:
    return bool(message.get("attachments"))


def has_text(message: dict[str, Any]) -> bool:
    return bool(message.get("text"))


# --- the scenarios ----------------------------------------------------------


@pytest.fixture
def node() -> str:
    return require_playground()


def test_a_pre_visit_check_shows_the_precautions_on_a_card(tmp_path: Path, node: str) -> None:
    async def scenario() -> None:
        async with chat(tmp_path, node) as (teams, _bot):
            await teams.say("check 12 Mill Lane OX1 1AY")
            brief = await seen_until(teams, has_card)
            assert "Pre-visit check" in brief.card_text
            assert "12 Mill Lane, Oxbridge, OX1 1AY" in brief.card_text
            assert "Take these precautions" in brief.card_text
            assert "• Ask for the animal to be secured before entry" in brief.card_text
            assert "HIGH: Dangerous animal (e.g. dog)" in brief.card_text

    run(scenario())


def test_an_ambiguous_check_gives_a_pick_list_and_the_pick_gives_the_visit_card(
    tmp_path: Path, node: str
) -> None:
    async def scenario() -> None:
        async with chat(tmp_path, node) as (teams, _bot):
            await teams.say("check mill lane")
            listed = await seen_until(teams, has_card)
            assert "Which one do you mean?" in listed.card_text
            assert [a["title"] for a in listed.card["actions"]] == [
                "1. 12 Mill Lane, Oxbridge, OX1 1AY",
                "2. 14 Mill Lane, Oxbridge, OX1 1AY",
                "None of these",
            ]

            await teams.submit(listed.card_id, listed.button("12 Mill Lane"))
            brief = await seen_until(teams, has_card)
            assert "Pre-visit check" in brief.card_text
            assert "12 Mill Lane, Oxbridge, OX1 1AY" in brief.card_text
            assert "• Ask for the animal to be secured before entry" in brief.card_text

    run(scenario())


def test_an_incident_told_in_one_sentence_is_confirmed_on_its_card_and_saved(
    tmp_path: Path, node: str
) -> None:
    async def scenario() -> None:
        async with chat(tmp_path, node) as (teams, bot):
            before = bot.incidents()
            await teams.say("Gary Rowe shouted and swore at me at reception at 2pm")
            summary = await seen_until(teams, has_card)
            # Everything was in the sentence, so nothing is asked: the summary comes at once.
            assert summary.texts[0].startswith(
                "Got it: offensive language and shouting; face to face; Gary Rowe."
            )
            assert "Nothing is saved until you confirm" in summary.texts[0]
            assert "Please check before it is logged" in summary.card_text
            for shown in ("14:00", "Face to face", "Gary Rowe", "Offensive language and shouting"):
                assert shown in summary.card_text
            assert bot.incidents() == before

            await teams.submit(summary.card_id, summary.button("Confirm"))
            done = await seen_until(teams, has_text)
            # The Housing manager in the demo register is told.
            assert done.texts == ["Thank you. The incident is logged. I've told Priya Demo."]
            assert bot.incidents() == before + 1

    run(scenario())
