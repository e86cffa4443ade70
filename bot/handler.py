"""The bot: who is this, what did they do, and what does Forewarn say back.

Every turn identifies the sender from Teams' Entra ID object id through the
register store; people the register does not know get one plain sentence
and nothing else (the register is confidential, so no behaviour runs for
them). Known staff are handed to the injected `Conversation`. Whatever goes
wrong, the person sees an apology, never a traceback; the log keeps it.

Who the sender is and where to reach them later are settled in one trip to
a worker thread per turn (the store is synchronous and SQLite may wait on
a lock), not one trip each. Staff found in the register are remembered for
`STAFF_SECONDS`, so a turn usually reads nothing to know who is talking: a
change made with `app.py staff` (another process) reaches a running bot
within that time. Look-ups are unaffected, since they read the member of
staff afresh inside their own transaction before deciding what to show.
Senders the register does not know are never remembered, so someone just
added is let in on their next message.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Mapping
from typing import Any

from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext

from bot import connector
from bot.commands import Command, Conversation, Joined, Reply
from bot.references import ConversationReferences
from register.ports import RegisterStore
from register.staff import StaffMember

log = logging.getLogger(__name__)

NOT_SET_UP = "You are not set up for Forewarn yet. Ask {support_contact} to add you."
SORRY = "Sorry, something went wrong on our side; nothing you typed was lost. Please try again."
STAFF_SECONDS = 30.0


class KnownStaff:
    """Staff members recently found in the register, each kept for a short while."""

    def __init__(self, seconds: float = STAFF_SECONDS) -> None:
        self._seconds = seconds
        self._lock = threading.Lock()
        self._found: dict[str, tuple[StaffMember, float]] = {}

    def get(self, aad_object_id: str) -> StaffMember | None:
        with self._lock:
            found = self._found.get(aad_object_id)
        if found is None or time.monotonic() - found[1] >= self._seconds:
            return None
        return found[0]

    def keep(self, member: StaffMember) -> None:
        with self._lock:
            self._found[member.aad_object_id] = (member, time.monotonic())


class ForewarnBot(ActivityHandler):
    """Routes Teams activities to the behaviour; ignores the activity types it has no use for.

    ActivityHandler's defaults already do nothing (and answer 200) for typing,
    reactions, unknown events and unknown activity types; only the types
    below are overridden.
    """

    def __init__(
        self,
        *,
        store: RegisterStore,
        conversation: Conversation,
        support_contact: str,
        references: ConversationReferences | None = None,
    ) -> None:
        super().__init__()
        self._store = store
        self._conversation = conversation
        self._not_set_up = NOT_SET_UP.format(support_contact=support_contact)
        self._references = references
        self._known = KnownStaff()

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await self._serve(turn_context, connector.command_of(turn_context.activity))

    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        # Teams sends both a conversationUpdate (bot added) and an
        # installationUpdate when the app is installed; welcoming on only the
        # first means the person reads the welcome once.
        if connector.bot_was_added(turn_context.activity):
            await self._serve(turn_context, Joined())

    async def on_installation_update(self, turn_context: TurnContext) -> None:
        """Keep the conversation for proactive messages; conversationUpdate brings the welcome."""
        if self._references is not None:
            await self._identify(turn_context)

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        # Forewarn's cards use Action.Submit (a message), never Action.Execute
        # (an invoke), which botbuilder 4.17.1 mishandles and Teams mobile
        # renders unreliably. Any invoke is acknowledged and otherwise ignored.
        log.info("ignored invoke %r", turn_context.activity.name)
        return InvokeResponse(status=200)

    async def on_error(self, turn_context: TurnContext, error: Exception) -> None:
        """The adapter's on_turn_error: log the traceback, apologise in plain words."""
        log.error(
            "turn failed (activity %s in conversation %s)",
            turn_context.activity.id,
            connector.sender_of(turn_context.activity).conversation_id,
            exc_info=error,
        )
        try:
            await connector.send(turn_context, [Reply(SORRY)])
        except Exception:
            log.exception("could not send the apology either")

    async def _serve(self, turn_context: TurnContext, command: Command) -> None:
        member = await self._identify(turn_context)
        if member is None:
            sender = connector.sender_of(turn_context.activity).aad_object_id
            log.info("refused unknown sender %r", sender or "(no aad id)")
            await connector.send(turn_context, [Reply(self._not_set_up)])
            return
        replies = await self._conversation(command, member)
        await connector.send(turn_context, replies)

    async def _identify(self, turn_context: TurnContext) -> StaffMember | None:
        """The member of staff who sent this turn (None if unknown), their conversation kept."""
        aad_object_id = connector.sender_of(turn_context.activity).aad_object_id
        if not aad_object_id:
            return None
        member = self._known.get(aad_object_id)
        if member is not None and self._references is None:
            return member  # nothing to read or write: no trip to a worker thread
        reference = connector.reference_of(turn_context.activity) if self._references else None
        return await asyncio.to_thread(self._identify_and_remember, aad_object_id, reference)

    def _identify_and_remember(
        self, aad_object_id: str, reference: Mapping[str, Any] | None
    ) -> StaffMember | None:
        member = self._known.get(aad_object_id)
        if member is None:
            with self._store.transaction() as session:
                member = session.staff_member(aad_object_id)
            if member is None:
                return None
            self._known.keep(member)
        if self._references is not None and reference is not None:
            # After the staff check: the register's confidentiality means a
            # stranger's conversation is not even kept.
            self._references.save(aad_object_id, reference)
        return member
