"""Logging an incident by chat: a small state machine over plain text.

State (kept in the store between messages): the draft so far, the question
being asked (or "confirm" when the summary is showing) and the questions
staff said they cannot answer. Staff can start in their own words, answer
one question at a time, correct anything ('no, it was 3pm', 'change the
time'), switch to the form, and nothing is saved until they confirm.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from bot.commands import Reply
from bot.conversations import incident_questions as q
from bot.conversations.context import Context
from bot.conversations.drafts import changes, draft_from_json, draft_to_json, filled
from bot.conversations.incident_saving import log_incident
from bot.conversations.outcome import Outcome, going, say, untouched
from cards.incident import (
    IncidentDraft,
    draft_from,
    incident_form_card,
    incident_form_schema,
    incident_summary_card,
)
from cards.problems import submission_error_card
from cards.validation import submitted
from cards.wording import listed
from register.understanding import read_account
from register.understanding.answers import Topic, topic_to_change, without_correction_lead, yes_no
from register.understanding.times import SLACK
from register.vocabulary import Behaviour, Channel

FLOW = "incident"
CHECK_SUMMARY = (
    "Please check this. Nothing is saved until you confirm: press **Confirm** or type **yes**, "
    "or tell me what to change (for example “no, it was 3pm” or “change the time”)."
)
WHAT_TO_CHANGE = (
    "What should I change? For example “no, it was 3pm”, “it was on the phone” or "
    "“change who it was”. Or press **Change** to edit everything on the form."
)
NOT_UNDERSTOOD_AT_SUMMARY = (
    "Sorry, I couldn't tell what to change. Type **yes** to log it as shown, say what is "
    "wrong (for example “no, it was 3pm”), or type **cancel** to stop."
)
FUTURE = "Date and time it happened: that is in the future. When did it happen?"
# A change asked for by topic: the question to ask again, and the parts to clear first.
_TOPICS: dict[Topic, tuple[str, dict[str, Any]]] = {
    Topic.WHEN: (q.WHEN, {}),
    Topic.CHANNEL: (q.CHANNEL, {"channel": None}),
    Topic.WHO: (q.WHO, {"person": "", "address": ""}),
    Topic.WHERE: (q.WHO, {"person": "", "address": ""}),
    Topic.BEHAVIOURS: (q.BEHAVIOURS, {"behaviours": ()}),
    Topic.DESCRIPTION: (q.DESCRIPTION, {"description": ""}),
    Topic.POLICE: (q.POLICE, {"police_involved": None}),
    Topic.INJURIES: (q.INJURIES, {"injuries": None}),
    Topic.WITNESSES: (q.WITNESSES, {"witnesses": ""}),
}


def state_of(draft: IncidentDraft, asking: str, skipped: set[str]) -> dict[str, Any]:
    return {"draft": draft_to_json(draft), "asking": asking, "skipped": sorted(skipped)}


def loaded(state: dict[str, Any]) -> tuple[IncidentDraft, str, set[str]]:
    return draft_from_json(state["draft"]), state["asking"], set(state.get("skipped", ()))


def pending_question(state: dict[str, Any]) -> str:
    """The question the person still owes an answer to, for reminders after help or a check."""
    draft, asking, _ = loaded(state)
    return CHECK_SUMMARY if asking == q.CONFIRM else q.question(asking, draft)


def begin(ctx: Context, text: str = "", prefill: IncidentDraft | None = None) -> Outcome:
    """Start logging; anything already said fills the draft so only the gaps are asked."""
    draft = prefill or IncidentDraft()
    if not text.strip():
        return ask(draft, set(), q.DESCRIPTION)
    answered = q.read_answer(q.DESCRIPTION, draft, text, ctx.now())
    return ask_next(answered.draft, set(), _noted(answered.draft))


def summary(draft: IncidentDraft, skipped: set[str], lead: str = "") -> Outcome:
    text = f"{lead} {CHECK_SUMMARY}".strip()
    reply = Reply(text, card=incident_summary_card(draft))
    return going(FLOW, state_of(draft, q.CONFIRM, skipped), reply)


def form(draft: IncidentDraft, skipped: set[str], asking: str) -> Outcome:
    """The one-screen form, prefilled, for staff who would rather not chat."""
    card = incident_form_card(draft, list(Behaviour), list(Channel))
    reply = Reply("Fill in the form and press **Check and send**, or keep chatting.", card=card)
    return going(FLOW, state_of(draft, asking, skipped), reply)


def ask(draft: IncidentDraft, skipped: set[str], asking: str, *lead: Reply) -> Outcome:
    if asking == q.CONFIRM:
        return summary(draft, skipped, " ".join(r.text for r in lead))
    return going(FLOW, state_of(draft, asking, skipped), *lead, say(q.question(asking, draft)))


def ask_next(draft: IncidentDraft, skipped: set[str], *lead: Reply) -> Outcome:
    return ask(draft, skipped, q.next_missing(draft, skipped), *lead)


async def on_text(ctx: Context, state: dict[str, Any], text: str) -> Outcome:
    """The next message while logging: an answer, a correction, or the yes to save."""
    draft, asking, skipped = loaded(state)
    if asking == q.CONFIRM:
        return await _at_summary(ctx, draft, skipped, text)
    answered = q.read_answer(asking, draft, text, ctx.now())
    if answered.problem:
        corrected = _corrected(ctx, draft, text, always=False)
        if corrected is not None:
            return ask(corrected, skipped, asking, say(_updated(draft, corrected)))
        return going(FLOW, state, say(answered.problem))
    if answered.skipped:
        skipped.add(asking)
    return ask_next(answered.draft, skipped)


async def _at_summary(ctx: Context, draft: IncidentDraft, skipped: set[str], text: str) -> Outcome:
    topic = topic_to_change(text)
    if topic is not None:
        return _change(draft, skipped, topic)
    corrected = _corrected(ctx, draft, text)
    if corrected is not None:
        return summary(corrected, skipped, _updated(draft, corrected))
    answer = yes_no(text)
    if answer is True:
        return await log_incident(ctx, draft)
    return going(
        FLOW,
        state_of(draft, q.CONFIRM, skipped),
        say(WHAT_TO_CHANGE if answer is False else NOT_UNDERSTOOD_AT_SUMMARY),
    )


def _change(draft: IncidentDraft, skipped: set[str], topic: Topic) -> Outcome:
    if topic not in _TOPICS:
        return going(FLOW, state_of(draft, q.CONFIRM, skipped), say(WHAT_TO_CHANGE))
    asking, cleared = _TOPICS[topic]
    return ask(replace(draft, **cleared), skipped - {asking}, asking)


def _corrected(
    ctx: Context, draft: IncidentDraft, text: str, *, always: bool = True
) -> IncidentDraft | None:
    """The draft with a correction applied, or None when the text corrects nothing.

    At the summary anything said is a correction; mid-question only words
    that start like one ('no, ...', 'actually ...') replace what was given.
    """
    words, led = without_correction_lead(text)
    updated = filled(draft, read_account(words, ctx.now()), correcting=always or led)
    return updated if changes(draft, updated) else None


def _updated(before: IncidentDraft, after: IncidentDraft) -> str:
    return f"Thanks, I've updated {listed(changes(before, after))}."


def _noted(draft: IncidentDraft) -> Reply:
    """'Got it.' and what was understood, so staff can trust what the bot took from them."""
    parts = []
    if draft.behaviours:
        parts.append(listed(b.label for b in draft.behaviours))
    if draft.channel:
        parts.append(draft.channel.label)
    if draft.person or draft.address:
        parts.append(draft.person or draft.address)
    return say(f"Got it: {'; '.join(parts)}." if parts else "Got it.")


def form_sent(ctx: Context, state: dict[str, Any] | None, values: dict[str, Any]) -> Outcome:
    """The filled-in form: checked, then shown as the summary to confirm (nothing saved yet)."""
    checked = submitted(values, incident_form_schema(list(Behaviour), list(Channel)))
    before = loaded(state)[0] if state else None
    if not checked.ok:
        reply = Reply("Nothing has been saved yet.", card=submission_error_card(checked.problems))
        return going(FLOW, state, reply) if state else untouched(reply)
    draft = draft_from(checked, before)
    assert draft.occurred_on is not None and draft.occurred_time is not None  # required fields
    occurred = datetime.combine(draft.occurred_on, draft.occurred_time, ctx.timezone)
    if occurred > ctx.now() + SLACK:
        reply = Reply("Nothing has been saved yet.", card=submission_error_card([FUTURE]))
        return going(FLOW, state, reply) if state else untouched(reply)
    return summary(draft, set())
