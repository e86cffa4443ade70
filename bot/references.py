"""Conversation references, kept so Forewarn can message staff first (proactively).

Teams only lets a bot start a message in a conversation it has seen, and it
needs that conversation's reference (service URL, conversation id, bot id)
to do so. The Bot Framework samples keep references in a process dict and
lose them on restart; Forewarn saves them through a port instead, as plain
JSON keyed by the person's Entra ID object id, so the store needs no
botbuilder type. The port lives here for now; the table will move into
store/ and implement it there.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import ConversationReference

from bot import connector
from bot.commands import Reply

log = logging.getLogger(__name__)


class ConversationReferences(Protocol):
    """Where the latest conversation reference for each member of staff is kept."""

    def save(self, aad_object_id: str, reference: Mapping[str, Any]) -> None:
        """Insert or replace the reference for this person."""

    def load(self, aad_object_id: str) -> Mapping[str, Any] | None:
        """The reference saved for this person, or None if the bot never heard from them."""


class Notifier:
    """Sends messages to a member of staff who has talked to the bot before.

    Other parts of Forewarn (the mailbox watcher, review reminders) reach staff
    through this, so they too stay free of botbuilder.
    """

    def __init__(
        self, adapter: CloudAdapter, app_id: str, references: ConversationReferences
    ) -> None:
        self._adapter = adapter
        self._app_id = app_id
        self._references = references

    async def notify(self, aad_object_id: str, replies: Sequence[Reply]) -> bool:
        """Send `replies`; False (and nothing sent) when there is no saved conversation."""
        saved = self._references.load(aad_object_id)
        if saved is None:
            log.info("no conversation saved for %s; nothing sent", aad_object_id)
            return False
        reference = ConversationReference().deserialize(dict(saved))

        async def deliver(turn_context: TurnContext) -> None:
            await connector.send(turn_context, replies)

        await self._adapter.continue_conversation(reference, deliver, bot_app_id=self._app_id)
        return True
