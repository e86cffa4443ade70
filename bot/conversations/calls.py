"""Logging a call that staff ended: who, whether they warned first, and why.

The policies (Rhondda Cynon Taf, Welwyn Hatfield) ask staff to warn a
caller before ending a call, keep a note on the case file, and tell the
service manager immediately. So the bot always asks about the warning
unless staff said it plainly, records "not warned" honestly when it was
not given, files the note and tells the manager in the same turn.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from bot.conversations.calls_saving import file_call
from bot.conversations.context import Context
from bot.conversations.outcome import Outcome, going, say
from cards.wording import day
from register.understanding import read_account
from register.understanding.answers import (
    Topic,
    topic_to_change,
    unknown,
    without_correction_lead,
    yes_no,
)
from register.understanding.behaviours import read_behaviours
from register.understanding.calls import read_reason, read_warned
from register.understanding.subjects import read_person
from register.understanding.times import read_when

FLOW = "terminated_call"
CALLER, WARNED, REASON, CONFIRM = "caller", "warned", "reason", "confirm"
UNKNOWN_CALLER = "Caller not known"

QUESTIONS = {
    CALLER: "Who was the caller? A name is best, or say “don't know”.",
    WARNED: "Did you warn the caller that you would end the call? (yes or no)",
    REASON: "Why did you end the call? A sentence is fine.",
}
RETRY = {
    WARNED: "Please answer yes or no: did you warn the caller before ending the call?",
    REASON: "Please say briefly why you ended the call.",
    CALLER: "Please give the caller's name, or say “don't know”.",
}
NOT_WARNED_NOTE = (
    "Thanks for saying so. I'll record that no warning was given. When it is safe to, "
    "the policy asks you to warn the caller first."
)
_TOPICS = {Topic.WHO: CALLER, Topic.WARNED: WARNED, Topic.REASON: REASON}


def begin(ctx: Context, text: str = "") -> Outcome:
    """Start from whatever was said ('I hung up on Gary Rowe because he kept swearing')."""
    now = ctx.now()
    when = read_when(text, now)
    call: dict[str, Any] = {
        "caller": read_account(text, now).person,
        "warned": read_warned(text),
        "reason": read_reason(text),
        "on": (when.on or now.date()).isoformat(),
        "at": (when.at or now.time()).strftime("%H:%M"),
    }
    return _next(call)


def pending_question(state: dict[str, Any]) -> str:
    asking = state["asking"]
    return QUESTIONS.get(asking, "Shall I file this note? (yes or no)")


async def on_text(ctx: Context, state: dict[str, Any], text: str) -> Outcome:
    call, asking = dict(state["call"]), state["asking"]
    if asking == CONFIRM:
        return await _at_summary(ctx, call, text)
    problem = _answer(call, asking, text)
    if problem:
        return going(FLOW, state, say(problem))
    lead = [say(NOT_WARNED_NOTE)] if asking == WARNED and call["warned"] is False else []
    return _next(call, *lead)


def _answer(call: dict[str, Any], asking: str, text: str) -> str:
    """Put the answer in `call`; returns what to say instead when it can't be used."""
    words = text.strip()
    if asking == CALLER:
        call["caller"] = UNKNOWN_CALLER if unknown(words) else _name(words)
        return "" if call["caller"] else RETRY[CALLER]
    if asking == WARNED:
        call["warned"] = read_warned(words) if read_warned(words) is not None else yes_no(words)
        return "" if call["warned"] is not None else RETRY[WARNED]
    call["reason"] = words
    return "" if words else RETRY[REASON]


def _name(words: str) -> str:
    person = read_person(words)
    short = " ".join(words.split()).strip(" .")
    return person or (short.title() if short.islower() else short)


def _next(call: dict[str, Any], *lead: Any) -> Outcome:
    for asking, missing in (
        (CALLER, not call["caller"]),
        (WARNED, call["warned"] is None),
        (REASON, not call["reason"]),
    ):
        if missing:
            return going(FLOW, {"call": call, "asking": asking}, *lead, say(QUESTIONS[asking]))
    return going(FLOW, {"call": call, "asking": CONFIRM}, *lead, say(summary(call)))


def summary(call: dict[str, Any]) -> str:
    warned = "Yes" if call["warned"] else "No"
    when = f"{day(date.fromisoformat(call['on']))}, {call['at']}"
    return (
        "Here is the note for the case file:\n\n"
        f"- Caller: {call['caller']}\n- When: {when}\n- Warned first: {warned}\n"
        f"- Why it ended: {call['reason']}\n\n"
        "Type **yes** to file it and tell your manager, or tell me what to change."
    )


async def _at_summary(ctx: Context, call: dict[str, Any], text: str) -> Outcome:
    topic = topic_to_change(text)
    if topic in _TOPICS:
        asking = _TOPICS[topic]
        return going(FLOW, {"call": call, "asking": asking}, say(QUESTIONS[asking]))
    if _corrected(ctx, call, text):
        return going(FLOW, {"call": call, "asking": CONFIRM}, say("Updated. " + summary(call)))
    answer = yes_no(text)
    if answer is True:
        return await file_call(ctx, call, read_behaviours(call["reason"]), _moment(ctx, call))
    ask = (
        "What should I change: who it was, whether you warned them, why it ended, or the time?"
        if answer is False
        else "Sorry, I didn't follow. Type **yes** to file the note, or **cancel** to stop."
    )
    return going(FLOW, {"call": call, "asking": CONFIRM}, say(ask))


def _corrected(ctx: Context, call: dict[str, Any], text: str) -> bool:
    """Apply 'no, it was 3pm' or 'actually I did warn him'; True when anything changed."""
    words, _ = without_correction_lead(text)
    before = dict(call)
    when = read_when(words, ctx.now())
    if when.on:
        call["on"] = when.on.isoformat()
    if when.at:
        call["at"] = when.at.strftime("%H:%M")
    warned = read_warned(words)
    call["warned"] = call["warned"] if warned is None else warned
    call["caller"] = read_person(words) or call["caller"]
    return call != before


def _moment(ctx: Context, call: dict[str, Any]) -> datetime:
    on, at = date.fromisoformat(call["on"]), time.fromisoformat(call["at"])
    return datetime.combine(on, at, ctx.timezone)
