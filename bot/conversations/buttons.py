"""Card button presses: each names its action (cards.actions), and each is checked first.

A press on an old card (a summary already confirmed, a form from a
cancelled incident) is answered plainly and changes nothing; it can never
log an incident twice.
"""

from __future__ import annotations

from typing import Any

from bot.commands import Reply
from bot.conversations import (
    approvals,
    calls,
    checks,
    digest_actions,
    incident,
    manager_actions,
    proposals,
)
from bot.conversations.context import Context
from bot.conversations.incident_saving import ALREADY_GONE, log_incident
from bot.conversations.outcome import Outcome, finished, say, untouched
from cards.actions import CardAction
from cards.help import help_card
from cards.incident import IncidentDraft

OLD_BUTTON = "Sorry, that button is from a card I can't use any more. Type **help** to start."
OUT_OF_DATE = "That summary is out of date. Please use the latest one."
MANAGER_BUTTONS = {
    CardAction.ACKNOWLEDGE,
    CardAction.OPEN_RECORD,
    CardAction.PROPOSE_RESTRICTION,
}

Saved = tuple[str, dict[str, Any]] | None


async def pressed(ctx: Context, values: dict[str, Any], saved: Saved) -> Outcome:
    try:
        action = CardAction(str(values.get("action", "")))
    except ValueError:
        return untouched(say(OLD_BUTTON))
    if action in MANAGER_BUTTONS:
        return untouched(await manager_actions.pressed(ctx, values))
    if action is CardAction.MARK_NEW_ISSUE:
        return untouched(await digest_actions.pressed(ctx, values))
    if action is CardAction.PROPOSAL_FORM:
        return untouched(await proposals.form_sent(ctx, values))
    if action in (CardAction.APPROVE_RESTRICTION, CardAction.REFUSE_RESTRICTION):
        return untouched(await approvals.pressed(ctx, action, values))
    if action in (
        CardAction.PICK,
        CardAction.PICK_NONE,
        CardAction.CHECK,
        CardAction.CONTACT_CHECK,
    ):
        return untouched(await _check_buttons(ctx, action, values))
    if action is CardAction.HELP:
        return untouched(Reply(card=help_card()))
    if action is CardAction.CANCEL:
        return (
            finished(say("Cancelled. Nothing was logged."))
            if saved
            else untouched(say(ALREADY_GONE))
        )
    if action is CardAction.LOG_TERMINATED_CALL:
        return calls.begin(ctx)
    return await _incident_buttons(ctx, action, values, saved)


async def _check_buttons(ctx: Context, action: CardAction, values: dict[str, Any]) -> Reply:
    if action is CardAction.PICK:
        return await checks.picked(ctx, values)
    if action is CardAction.PICK_NONE:
        return say(checks.NONE_OF_THESE)
    return await checks.pressed_check(ctx, values, contact=action is CardAction.CONTACT_CHECK)


async def _incident_buttons(
    ctx: Context, action: CardAction, values: dict[str, Any], saved: Saved
) -> Outcome:
    state = saved[1] if saved is not None and saved[0] == incident.FLOW else None
    if action is CardAction.LOG_INCIDENT:
        return _open_form(values, state)
    if action is CardAction.INCIDENT_FORM:
        return incident.form_sent(ctx, state, values)
    if state is None:
        return untouched(say(ALREADY_GONE))
    draft, asking, skipped = incident.loaded(state)
    if action is CardAction.INCIDENT_CHANGE:
        return incident.form(draft, skipped, incident.q.CONFIRM)
    if action is CardAction.INCIDENT_CONFIRM:
        if asking != incident.q.CONFIRM or values.get("id") != draft.id:
            return untouched(say(OUT_OF_DATE))
        return await log_incident(ctx, draft)
    return untouched(say(OLD_BUTTON))


def _open_form(values: dict[str, Any], state: dict[str, Any] | None) -> Outcome:
    """'Log an incident' (help card, or a brief's 'Log an incident here', which sends the place)."""
    if state is not None:
        draft, asking, skipped = incident.loaded(state)
        return incident.form(draft, skipped, asking)
    address = str(values.get("address", ""))[:300]
    person = str(values.get("person", ""))[:200]
    prefill = IncidentDraft(address=address, person=person)
    opened = incident.form(prefill, set(), incident.q.DESCRIPTION)
    hint = say("Or just tell me what happened, in your own words.")
    return Outcome((*opened.replies, hint), opened.flow, opened.state)
