"""Turning a confirmed incident draft into a saved incident, and telling the managers."""

from __future__ import annotations

from datetime import datetime

from bot.conversations.context import Context
from bot.conversations.notices import Told, incident_notices, tell
from bot.conversations.outcome import Outcome, finished, say
from bot.conversations.ports import ConversationSession
from bot.conversations.saving import Saved, matched_person, matched_property, save
from cards.incident import IncidentDraft
from register.errors import InvalidInput
from register.records import Incident
from register.vocabulary import Behaviour

STAY_SAFE = "If anyone needs medical help or you are still in danger, call 999."
ALREADY_GONE = "That incident has already been logged or cancelled, so nothing new was saved."


async def log_incident(ctx: Context, draft: IncidentDraft) -> Outcome:
    """Save the confirmed draft in one unit of work, then tell the managers at once."""
    try:
        saved = await ctx.unit_of_work(lambda session: _save(ctx, session, draft))
    except InvalidInput as problem:
        return finished(say(f"Sorry, I couldn't log that: {problem} Nothing was saved."))
    assert isinstance(saved.record, Incident)
    who = saved.person_name or draft.person or draft.address or "someone not yet identified"
    notices = incident_notices(saved.record, who, ctx.staff, saved.managers, ctx.timezone)
    told = await tell(ctx, notices, saved.managers, saved.record)
    return finished(say(_confirmation(saved.record, told)))


def _save(ctx: Context, session: ConversationSession, draft: IncidentDraft) -> Saved:
    if draft.occurred_on is None or draft.occurred_time is None or draft.channel is None:
        raise InvalidInput("it needs a date, a time and how it happened.")
    person = matched_person(session, draft.person)
    place = matched_property(session, draft.address)
    incident = Incident(
        occurred_at=datetime.combine(draft.occurred_on, draft.occurred_time, ctx.timezone),
        channel=draft.channel,
        staff_id=ctx.staff.aad_object_id,
        behaviours=draft.behaviours,
        description=draft.description,
        person_id=person.id if person else None,
        property_id=place.id if place else (person.property_id if person else None),
        service=ctx.staff.service,
        location=draft.address,
        police_involved=draft.police_involved,
        injuries=draft.injuries,
        witnesses=draft.witnesses,
        id=draft.id,
    )
    return save(session, ctx.staff, incident, person, draft.channel)


def _confirmation(incident: Incident, told: Told) -> str:
    lines = ["Thank you. The incident is logged."]
    lines.append(told_words(told))
    if incident.injuries or Behaviour.VIOLENCE in incident.behaviours:
        lines.append(STAY_SAFE)
    return " ".join(lines)


def told_words(told: Told) -> str:
    """Plain words on whether the manager knows, so staff know whether to tell them too."""
    if told.nobody_to_tell:
        return "I couldn't find a manager for your service, so please tell your manager yourself."
    words = []
    if told.reached:
        words.append(f"I've told {_names(told.reached)}.")
    if told.missed:
        words.append(f"I couldn't reach {_names(told.missed)} in Teams, so please tell them too.")
    return " ".join(words)


def _names(names: tuple[str, ...]) -> str:
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
