"""The bot's conversations: one turn in, replies out, state kept in the store between turns.

Each turn loads the person's unfinished conversation (keyed by their Entra
ID object id, so two staff never share one, and a restarted bot picks up
where it left off), routes what they did, and writes the state back. Help,
cancel and 'start again' work at any point; a check made in the middle of
logging an incident is answered without losing the incident.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo
from typing import Any

from bot.commands import Command, Joined, Reply, Said, Submitted
from bot.conversations import buttons, calls, checks, incident, proposals
from bot.conversations.context import Context
from bot.conversations.outcome import Outcome, finished, going, say, untouched
from bot.conversations.ports import ConversationSession, ConversationStore, Reescalate
from cards.help import help_card
from register.matching import read_contact_question
from register.notices import Notifier
from register.policy import Preset
from register.staff import StaffMember
from register.understanding.intents import Intent, read_intent

CHECK_FLOW = "check"
FLOWS = {incident.FLOW: incident, calls.FLOW: calls}
NOT_UNDERSTOOD = (
    "Sorry, I didn't understand that. You can check an address (“check 12 Mill Lane”), "
    "ask “can I take a call from Gary Rowe?”, or just tell me what happened to log an incident. "
    "Type **help** for more."
)
NOTHING_TO_CANCEL = "There's nothing in progress to cancel. Type **help** to see what I can do."
CANCELLED = "Cancelled. Nothing was logged."
_EXPLICIT_CHECK = re.compile(r"^\s*(?:please\s+)?(?:check|look\s*up|lookup|contact)\b", re.I)

Saved = tuple[str, dict[str, Any]] | None


class Conversations:
    """The `bot.commands.Conversation` the composition root injects into the bot."""

    def __init__(
        self,
        store: ConversationStore,
        notifier: Notifier,
        clock: Callable[[], datetime],
        timezone: tzinfo,
        *,
        preset: Preset,
        reescalate: Reescalate | None = None,
    ) -> None:
        self._store, self._notifier = store, notifier
        self._clock, self._timezone, self._preset = clock, timezone, preset
        self._reescalate = reescalate

    async def __call__(self, command: Command, staff: StaffMember) -> Sequence[Reply]:
        ctx = Context(
            self._store,
            self._notifier,
            self._clock,
            self._timezone,
            staff,
            self._preset,
            self._reescalate,
        )
        saved = await ctx.unit_of_work(lambda s: _known(s.saved_conversation(staff.aad_object_id)))
        outcome = await _route(ctx, command, saved)
        if not outcome.untouched:
            await ctx.unit_of_work(lambda s: _keep(s, ctx, outcome))
        return outcome.replies


def _known(saved: Saved) -> Saved:
    """A flow this version of the bot no longer knows is treated as nothing in progress."""
    return saved if saved is not None and saved[0] in (*FLOWS, CHECK_FLOW) else None


def _keep(session: ConversationSession, ctx: Context, outcome: Outcome) -> None:
    aad_id = ctx.staff.aad_object_id
    if outcome.flow is None:
        session.forget_conversation(aad_id)
    else:
        session.keep_conversation(aad_id, outcome.flow, outcome.state, ctx.clock())


async def _route(ctx: Context, command: Command, saved: Saved) -> Outcome:
    match command:
        case Said(text):
            return await _said(ctx, text, saved)
        case Submitted(values):
            return await buttons.pressed(ctx, dict(values), saved)
        case Joined():
            first = ctx.staff.name.split()[0] if ctx.staff.name else "there"
            return untouched(say(f"Hello {first}, I'm Forewarn."), Reply(card=help_card()))
    raise AssertionError(command)


async def _said(ctx: Context, text: str, saved: Saved) -> Outcome:
    understood = read_intent(text)
    intent = understood.intent
    if intent is Intent.HELP:
        return untouched(Reply(card=help_card()), *reminder(saved))
    if intent is Intent.CANCEL:
        return finished(say(CANCELLED if saved else NOTHING_TO_CANCEL))
    if intent is Intent.START_AGAIN:
        return start_again(ctx, saved)
    proposing = proposals.read_command(text)
    if proposing is not None:  # answered beside whatever is in progress, which is kept
        return untouched(await proposals.typed(ctx, proposing), *reminder(saved))
    if saved is not None and saved[0] == CHECK_FLOW:
        return finished(await _check(ctx, saved[1]["contact"], text))
    if saved is not None:
        return await _during_flow(ctx, text, saved, understood.intent, understood.rest)
    return await _new(ctx, intent, understood.rest, text)


async def _during_flow(
    ctx: Context, text: str, saved: tuple[str, dict[str, Any]], intent: Intent, rest: str
) -> Outcome:
    flow, state = saved
    if (read_contact_question(text) or _EXPLICIT_CHECK.match(text)) and rest:
        return untouched(await _check(ctx, intent is Intent.CONTACT_CHECK, rest), *reminder(saved))
    if intent is Intent.FORM and flow == incident.FLOW:
        draft, asking, skipped = incident.loaded(state)
        return incident.form(draft, skipped, asking)
    if intent in (Intent.LOG_INCIDENT, Intent.TERMINATED_CALL) and not rest:
        return untouched(say("You're already in the middle of this."), *reminder(saved))
    return await FLOWS[flow].on_text(ctx, state, text)


async def _new(ctx: Context, intent: Intent, rest: str, text: str) -> Outcome:
    if intent in (Intent.CHECK, Intent.CONTACT_CHECK):
        contact = intent is Intent.CONTACT_CHECK
        if not rest:
            ask = checks.ASK_WHO if contact else checks.ASK_WHAT
            return going(CHECK_FLOW, {"contact": contact}, say(ask))
        return finished(await _check(ctx, contact, rest))
    if intent is Intent.LOG_INCIDENT:
        return incident.begin(ctx, rest)
    if intent is Intent.TERMINATED_CALL:
        return calls.begin(ctx, rest)
    if intent is Intent.FORM:
        return incident.form(incident.IncidentDraft(), set(), incident.q.DESCRIPTION)
    if intent is Intent.GREETING:
        return untouched(say(f"Hello {ctx.staff.name.split()[0]}."), Reply(card=help_card()))
    return untouched(say(NOT_UNDERSTOOD))


async def _check(ctx: Context, contact: bool, query: str) -> Reply:
    if contact:
        return await checks.contact_check(ctx, query)
    return await checks.visit_check(ctx, query)


def start_again(ctx: Context, saved: Saved) -> Outcome:
    """Drop what was said so far and begin the same thing afresh (or show help)."""
    lead = say("Starting again. Nothing was saved.")
    if saved is not None and saved[0] == incident.FLOW:
        restarted = incident.begin(ctx)
    elif saved is not None and saved[0] == calls.FLOW:
        restarted = calls.begin(ctx)
    else:
        return finished(
            say("Let's start again. What would you like to do?"), Reply(card=help_card())
        )
    return going(restarted.flow or "", restarted.state, lead, *restarted.replies)


def reminder(saved: Saved) -> tuple[Reply, ...]:
    """After help or a check mid-flow: what the bot is still waiting for."""
    if saved is None or saved[0] not in FLOWS:
        return ()
    flow, state = saved
    what = "an incident" if flow == incident.FLOW else "a terminated call"
    waiting = FLOWS[flow].pending_question(state)
    return (say(f"You're still logging {what}; nothing is saved yet. {waiting}"),)
