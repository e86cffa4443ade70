"""The conversations staff have with the bot: checks, incidents, terminated calls, manager actions.

Written against `bot.commands` only (no botbuilder), as small state
machines over plain commands; the state of an unfinished conversation is
kept in the store, per person.

    conversation = build_conversation(
        SqlConversationStore(store),
        notifier,
        clock=utcnow,
        timezone=ZoneInfo("Europe/London"),
        preset=load_preset(settings.preset),
        reescalate=lambda claim_id, staff, note: mark_new_issue(
            mail_store, claim_id, staff.aad_object_id, note
        ),
    )
    build_bot_app(..., conversation=conversation)
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from bot.commands import Conversation
from bot.conversations.ports import ConversationStore, Reescalate
from bot.conversations.router import Conversations
from register.errors import ConfigurationError
from register.notices import Notifier
from register.policy import Preset


def build_conversation(
    store: ConversationStore,
    notifier: Notifier,
    clock: Callable[[], datetime],
    timezone: tzinfo,
    *,
    preset: Preset | None = None,
    reescalate: Reescalate | None = None,
) -> Conversation:
    """The behaviour bot/app.py injects.

    `clock` returns an aware time (tests pass a fixed one); `timezone` is
    the council's, in which staff's '2pm' and 'yesterday' are read;
    `preset` is the council's policy, which proposals and approvals follow;
    `reescalate` answers the digest's "this has a new issue" (without it,
    the button says re-escalation is not available here).
    """
    if preset is None:
        raise ConfigurationError(
            "build_conversation needs the council's policy preset: pass "
            "preset=load_preset(settings.preset), as serve() does for the scheduler"
        )
    return Conversations(store, notifier, clock, timezone, preset=preset, reescalate=reescalate)


__all__ = ["build_conversation"]
