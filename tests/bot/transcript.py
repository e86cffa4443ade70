"""Chat transcripts against the real bot: botbuilder's TestAdapter, ForewarnBot, the
real conversations and the real register store.

    chat = Transcript(store)
    seen = await chat.say(PRIYA, "Mr Dale shouted at me at reception at 2pm")
    assert "When did it happen" not in seen.text

`FakeNotifier` stands in at the Notifier port and records every notice. The
clock is fixed (Wednesday 4 March 2026, 16:30 in London) so '2pm' and
'yesterday' mean the same day in every run.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ChannelAccount, ConversationAccount

from bot.conversations import build_conversation
from bot.conversations.ports import Reescalate
from bot.handler import ForewarnBot
from register.notices import Delivery, Notice
from register.policy import Preset, load_preset
from register.staff import StaffMember
from store.conversation_session import SqlConversationStore
from store.repository import SqlRegisterStore

T = TypeVar("T")
LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 4, 16, 30, tzinfo=UTC)  # a Wednesday; London is on GMT
SUPPORT = "the Forewarn team"
DEFAULT_PRESET = "managed-contact-register-council"  # settings.Settings.preset's default


def run(scenario: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(scenario)


@dataclass
class FakeNotifier:
    """Records notices; `reachable` says which recipients Teams can reach."""

    notices: list[Notice] = field(default_factory=list)
    unreachable: set[str] = field(default_factory=set)

    async def notify(self, notice: Notice) -> Delivery:
        self.notices.append(notice)
        if notice.recipient in self.unreachable:
            return Delivery(False, "none", "app removed")
        return Delivery(True, "teams")


@dataclass(frozen=True)
class Seen:
    """What the person saw after one message: texts and Adaptive Cards, in order."""

    texts: list[str]
    cards: list[dict[str, Any]]

    @property
    def text(self) -> str:
        return "\n".join(self.texts)

    @property
    def card_text(self) -> str:
        """Every string shown on the cards (TextBlocks, fact titles and values)."""
        return "\n".join(_strings(self.cards))

    def buttons(self) -> list[tuple[str, dict[str, Any]]]:
        """(title, data) of every Action.Submit on the cards, in order."""
        return [
            (a["title"], a.get("data", {}))
            for c in self.cards
            for a in _actions(c)
            if a.get("type") == "Action.Submit"
        ]

    def button(self, title: str) -> dict[str, Any]:
        """The data a button sends; fails the test when there is no such button."""
        for name, data in self.buttons():
            if name == title or name.startswith(title):
                return dict(data)
        raise AssertionError(f"no {title!r} button among {[n for n, _ in self.buttons()]}")


class Transcript:
    """A bot over `store`; build a second one on the same store to simulate a restart.

    `preset` is the council's policy the bot follows (the default preset unless given);
    `reescalate` is the digest's "this has a new issue" port (not wired unless given).
    """

    def __init__(
        self,
        store: SqlRegisterStore,
        notifier: FakeNotifier | None = None,
        now: datetime = NOW,
        preset: Preset | None = None,
        reescalate: Reescalate | None = None,
    ) -> None:
        self.notifier = notifier or FakeNotifier()
        self.preset = preset or load_preset(DEFAULT_PRESET)
        conversation = build_conversation(
            SqlConversationStore(store),
            self.notifier,
            lambda: now,
            LONDON,
            preset=self.preset,
            reescalate=reescalate,
        )
        bot = ForewarnBot(store=store, conversation=conversation, support_contact=SUPPORT)
        self.adapter = TestAdapter(bot.on_turn)

    async def say(self, who: StaffMember, text: str) -> Seen:
        return await self._send(who, Activity(type="message", text=text))

    async def press(self, who: StaffMember, values: Mapping[str, Any]) -> Seen:
        return await self._send(who, Activity(type="message", value=dict(values)))

    async def _send(self, who: StaffMember, activity: Activity) -> Seen:
        aad = who.aad_object_id
        activity.from_property = ChannelAccount(id=f"29:{aad}", name=who.name, aad_object_id=aad)
        activity.conversation = ConversationAccount(id=f"a:personal-{aad}")
        self.adapter.activity_buffer.clear()
        await self.adapter.receive_activity(activity)
        sent = list(self.adapter.activity_buffer)
        self.adapter.activity_buffer.clear()
        return Seen(
            texts=[a.text for a in sent if a.text],
            cards=[att.content for a in sent for att in (a.attachments or [])],
        )


def _actions(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if str(node.get("type", "")).startswith("Action."):
            yield node
        for value in node.values():
            yield from _actions(value)
    elif isinstance(node, list):
        for item in node:
            yield from _actions(item)


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
