"""The incident questions: which one to ask next, and how each answer is read.

Only what is still missing is asked, one question at a time, in the order
a manager reads an incident: what happened, when, how, who, what they did,
then police, injuries and witnesses when the behaviour touched anyone's
safety. 'Don't know' is a fine answer wherever the record can do without.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from bot.conversations.drafts import filled
from cards.incident import IncidentDraft
from cards.wording import day
from register.understanding import read_account
from register.understanding.answers import unknown, without_correction_lead, yes_no
from register.understanding.behaviours import read_behaviours
from register.understanding.channels import named_channel
from register.understanding.subjects import read_address, read_person
from register.understanding.times import day_named, read_when
from register.vocabulary import Behaviour

DESCRIPTION, WHEN, TIME, CHANNEL, WHO = "description", "when", "time", "channel", "who"
BEHAVIOURS, POLICE, INJURIES, WITNESSES, CONFIRM = (
    "behaviours", "police", "injuries", "witnesses", "confirm",
)  # fmt: skip
OPTIONAL = frozenset({WHO, WITNESSES})

QUESTIONS = {
    DESCRIPTION: (
        "What happened? Tell me in your own words, for example: "
        "“Mr Dale shouted and swore at me at reception at 2pm”. "
        "(Prefer a form? Type **form**.)"
    ),
    WHEN: "When did it happen? For example “2pm”, “this morning” or “yesterday afternoon”.",
    CHANNEL: (
        "How did it happen: on the phone, face to face, on a home visit, "
        "by email, by letter or on social media?"
    ),
    WHO: "Who was it? A name or an address is fine, or say “don't know”.",
    BEHAVIOURS: (
        "What did they do? For example shouting, swearing, threats, pushing or "
        "racist remarks. Say it in your own words."
    ),
    POLICE: "Were the police called or involved? (yes or no)",
    INJURIES: "Was anyone hurt? (yes or no)",
    WITNESSES: "Did anyone see or hear it? Give names or roles, or say “no”.",
}
RETRY = {
    WHEN: "Sorry, I couldn't work out when that was. Try “2pm”, “at 14:30”, “this morning”, "
    "“yesterday afternoon” or “last Tuesday”.",
    TIME: "Sorry, I couldn't read that as a time. Try “2pm”, “14:30” or “about 10am”.",
    CHANNEL: "Sorry, I didn't catch how. Say phone, face to face, home visit, email, letter "
    "or social media.",
    BEHAVIOURS: "I couldn't match that to the behaviours the policy lists. Try words like "
    "shouting, swearing, threats, pushing or harassment, or type **form** to pick from the list.",
    POLICE: "Please answer yes or no: were the police called or involved?",
    INJURIES: "Please answer yes or no: was anyone hurt?",
    DESCRIPTION: "Please tell me briefly what happened.",
    WHO: "Please give a name or an address, or say “don't know”.",
}


@dataclass(frozen=True, slots=True)
class Answered:
    draft: IncidentDraft
    skipped: bool = False
    problem: str = ""


def question(asked: str, draft: IncidentDraft) -> str:
    if asked == TIME and draft.occurred_on is not None:
        return f"Roughly what time on {day(draft.occurred_on)}? For example “2pm” or “14:30”."
    return QUESTIONS[asked]


def needs_safety_questions(draft: IncidentDraft) -> bool:
    return any(b.is_safety_related for b in draft.behaviours)


def next_missing(draft: IncidentDraft, skipped: set[str]) -> str:
    """The first thing still missing, or CONFIRM when the draft is ready to check."""
    safety = needs_safety_questions(draft)
    checks = (
        (DESCRIPTION, not draft.description.strip()),
        (WHEN, draft.occurred_on is None),
        (TIME, draft.occurred_time is None),
        (CHANNEL, draft.channel is None),
        (WHO, not (draft.person or draft.address)),
        (BEHAVIOURS, not draft.behaviours),
        (POLICE, safety and draft.police_involved is None),
        (INJURIES, safety and draft.injuries is None),
        (WITNESSES, safety and not draft.witnesses),
    )
    return next((name for name, missing in checks if missing and name not in skipped), CONFIRM)


def read_answer(asked: str, draft: IncidentDraft, text: str, now: datetime) -> Answered:
    """Apply an answer to the question asked; other details in it fill gaps too."""
    words, _ = without_correction_lead(text)
    reader = _READERS[asked]
    return reader(draft, words or text, now)


def _description(draft: IncidentDraft, text: str, now: datetime) -> Answered:
    if not text.strip():
        return Answered(draft, problem=RETRY[DESCRIPTION])
    return Answered(filled(replace(draft, description=text.strip()), read_account(text, now)))


def _when(draft: IncidentDraft, text: str, now: datetime) -> Answered:
    when = read_when(text, now)
    if not when.said:
        return Answered(draft, problem=RETRY[WHEN])
    at = when.at or (draft.occurred_time if when.on == draft.occurred_on else None)
    return Answered(replace(draft, occurred_on=when.on or draft.occurred_on, occurred_time=at))


def _time(draft: IncidentDraft, text: str, now: datetime) -> Answered:
    """'2pm' alone answers 'what time on Tuesday?' without moving the day."""
    when = read_when(text, now)
    if when.at is None:
        return Answered(draft, problem=RETRY[TIME])
    on = day_named(text, now) or draft.occurred_on or when.on
    return Answered(replace(draft, occurred_on=on, occurred_time=when.at))


def _channel(draft: IncidentDraft, text: str, now: datetime) -> Answered:
    channel = named_channel(text)
    if channel is None:
        return Answered(draft, problem=RETRY[CHANNEL])
    return Answered(replace(draft, channel=channel))


def _who(draft: IncidentDraft, text: str, now: datetime) -> Answered:
    if unknown(text):
        return Answered(draft, skipped=True)
    address, person = read_address(text), read_person(text)
    if not (address or person):
        short = " ".join(text.split()).strip(" .")
        if not short or len(short.split()) > 6:
            return Answered(draft, problem=RETRY[WHO])
        person = short.title() if short.islower() else short
    return Answered(replace(draft, person=person or draft.person, address=address or draft.address))


def _behaviours(draft: IncidentDraft, text: str, now: datetime) -> Answered:
    found = read_behaviours(text) or _by_label(text)
    if not found:
        return Answered(draft, problem=RETRY[BEHAVIOURS])
    return Answered(replace(draft, behaviours=found))


def _by_label(text: str) -> tuple[Behaviour, ...]:
    words = text.casefold()
    return tuple(b for b in Behaviour if b.label in words or b.value.replace("_", " ") in words)


Reader = Callable[[IncidentDraft, str, datetime], "Answered"]


def _yes_no(field: str, asked: str) -> Reader:
    def read(draft: IncidentDraft, text: str, now: datetime) -> Answered:
        answer = yes_no(text)
        if answer is None:
            return Answered(draft, problem=RETRY[asked])
        return Answered(replace(draft, **{field: answer}))

    return read


def _witnesses(draft: IncidentDraft, text: str, now: datetime) -> Answered:
    if unknown(text) or yes_no(text) is False:
        return Answered(draft, skipped=True)
    return Answered(replace(draft, witnesses=text.strip()[:500]))


_READERS: dict[str, Reader] = {
    DESCRIPTION: _description,
    WHEN: _when,
    TIME: _time,
    CHANNEL: _channel,
    WHO: _who,
    BEHAVIOURS: _behaviours,
    POLICE: _yes_no("police_involved", POLICE),
    INJURIES: _yes_no("injuries", INJURIES),
    WITNESSES: _witnesses,
}
