"""The Teams connector: Bot Framework activities in, plain commands out, and back.

This and the other modules of bot/ are the only code that knows the shape of
a Bot Framework activity (errbot and opsdroid draw the same line). The
handler asks it who sent a turn and what they did, and hands it the replies
a behaviour produced.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.schema import Activity

from bot.commands import Command, Reply, Said, Submitted

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Sender:
    """Who a turn came from, as Teams identifies them.

    `aad_object_id` is the Entra ID object id the register keys staff by; it
    is empty when the channel did not say (Teams always does for people).
    """

    aad_object_id: str
    conversation_id: str


def sender_of(activity: Activity) -> Sender:
    account = activity.from_property
    conversation = activity.conversation
    return Sender(
        aad_object_id=(getattr(account, "aad_object_id", None) or "").strip(),
        conversation_id=getattr(conversation, "id", None) or "",
    )


def command_of(activity: Activity) -> Command:
    """What a message activity means: a card button press, or typed text.

    Action.Submit arrives as a message whose `value` holds the card's inputs;
    typed text may start with an @mention of the bot (in group chats), which
    is not part of what the person meant.
    """
    if isinstance(activity.value, Mapping):
        return Submitted(dict(activity.value))
    return Said(_text_without_mention(activity).strip())


def _text_without_mention(activity: Activity) -> str:
    if activity.recipient is None or not activity.entities:
        return activity.text or ""
    try:
        return TurnContext.remove_recipient_mention(activity) or ""
    except (AttributeError, KeyError, TypeError):
        # A malformed mention entity is the channel's problem, not the person's:
        # fall back to the text as sent.
        log.debug("could not strip the bot mention", exc_info=True)
        return activity.text or ""


def bot_was_added(activity: Activity) -> bool:
    """True when a conversationUpdate says the bot itself joined the conversation."""
    recipient_id = getattr(activity.recipient, "id", None)
    added = activity.members_added or []
    return recipient_id is not None and any(member.id == recipient_id for member in added)


def to_activity(reply: Reply) -> Activity:
    if reply.card is None:
        return MessageFactory.text(reply.text)
    attachment = CardFactory.adaptive_card(dict(reply.card))
    return MessageFactory.attachment(attachment, text=reply.text or None)


async def send(turn_context: TurnContext, replies: Sequence[Reply]) -> None:
    """Send the replies in order, in one call so Teams shows them together."""
    if replies:
        await turn_context.send_activities([to_activity(reply) for reply in replies])


def reference_of(activity: Activity) -> dict[str, Any]:
    """The conversation reference as plain JSON, so a store can keep it without botbuilder."""
    reference: dict[str, Any] = TurnContext.get_conversation_reference(activity).serialize()
    return reference
