"""The bot: who is this, what did they do, and what does Forewarn say back.

Every turn identifies the sender from Teams' Entra ID object id through the
register store; people the register does not know get one plain sentence
and nothing else (the register is confidential, so no behaviour runs for
them). Known staff are handed to the injected `Conversation`. Whatever goes
wrong, the person sees an apology, never a traceback; the log keeps it.
"""

from __future__ import annotations

import asyncio
import logging

from botbuilder.core import ActivityHandler, InvokeResponse, TurnContext

from bot import connector
from bot.commands import Command, Conversation, Joined, Reply
from bot.references import ConversationReferences
from register.ports import RegisterStore
from register.staff import StaffMember

log = logging.getLogger(__name__)

NOT_SET_UP = "You are not set up for Forewarn yet. Ask {support_contact} to add you."
SORRY = "Sorry, something went wrong on our side; nothing you typed was lost. Please try again."


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
        if self._references is None:
            return
        member = await self._identify(connector.sender_of(turn_context.activity).aad_object_id)
        if member is not None:
            await self._remember(turn_context, member)

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
        sender = connector.sender_of(turn_context.activity)
        member = await self._identify(sender.aad_object_id)
        if member is None:
            log.info("refused unknown sender %r", sender.aad_object_id or "(no aad id)")
            await connector.send(turn_context, [Reply(self._not_set_up)])
            return
        await self._remember(turn_context, member)
        replies = await self._conversation(command, member)
        await connector.send(turn_context, replies)

    async def _identify(self, aad_object_id: str) -> StaffMember | None:
        if not aad_object_id:
            return None
        # The store is synchronous (and SQLite may wait on a lock), so it runs
        # in a worker thread rather than stalling every other conversation.
        return await asyncio.to_thread(self._staff_member, aad_object_id)

    def _staff_member(self, aad_object_id: str) -> StaffMember | None:
        with self._store.transaction() as session:
            return session.staff_member(aad_object_id)

    async def _remember(self, turn_context: TurnContext, member: StaffMember) -> None:
        if self._references is None:
            return
        reference = connector.reference_of(turn_context.activity)
        await asyncio.to_thread(self._references.save, member.aad_object_id, reference)
