"""What every step of a conversation may use: the store, the clock, the notifier, who is talking.

The store is synchronous (SQLite may wait on a lock), so each unit of work
runs in a worker thread rather than stalling every other conversation.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TypeVar

from bot.conversations.ports import ConversationSession, ConversationStore, Reescalate
from register.notices import Notifier
from register.policy import Preset
from register.staff import StaffMember

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Context:
    store: ConversationStore
    notifier: Notifier
    clock: Callable[[], datetime]
    timezone: tzinfo
    staff: StaffMember
    preset: Preset  # the council's policy: its ladder, approvers and letters
    reescalate: Reescalate | None = None  # the digest's "this has a new issue", when wired

    def now(self) -> datetime:
        """The current time in the council's timezone (what staff mean by '2pm')."""
        return self.clock().astimezone(self.timezone)

    async def unit_of_work(self, work: Callable[[ConversationSession], T]) -> T:
        """Run `work` in one transaction, off the event loop."""
        return await asyncio.to_thread(self._in_transaction, work)

    async def off_loop(self, work: Callable[[], T]) -> T:
        """Run a use case that opens its own transaction, off the event loop."""
        return await asyncio.to_thread(work)

    def _in_transaction(self, work: Callable[[ConversationSession], T]) -> T:
        with self.store.transaction() as session:
            return work(session)
