"""An incident draft as JSON for the conversation table, and filling it from staff's words.

The draft is the cards' `IncidentDraft`, so the form, the summary and the
chat all show the same thing. Filling never overwrites what staff already
said unless they are correcting it ('no, it was 3pm').
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import Any

from cards.incident import IncidentDraft
from register.understanding import Account
from register.vocabulary import Behaviour, Channel


def draft_to_json(draft: IncidentDraft) -> dict[str, Any]:
    return {
        "id": draft.id,
        "occurred_on": draft.occurred_on.isoformat() if draft.occurred_on else None,
        "occurred_time": draft.occurred_time.strftime("%H:%M") if draft.occurred_time else None,
        "channel": draft.channel.value if draft.channel else None,
        "person": draft.person,
        "address": draft.address,
        "behaviours": [b.value for b in draft.behaviours],
        "description": draft.description,
        "police_involved": draft.police_involved,
        "injuries": draft.injuries,
        "witnesses": draft.witnesses,
    }


def draft_from_json(data: dict[str, Any]) -> IncidentDraft:
    on, at = data.get("occurred_on"), data.get("occurred_time")
    return IncidentDraft(
        occurred_on=date.fromisoformat(on) if on else None,
        occurred_time=time.fromisoformat(at) if at else None,
        channel=Channel(data["channel"]) if data.get("channel") else None,
        person=data.get("person", ""),
        address=data.get("address", ""),
        behaviours=tuple(Behaviour(b) for b in data.get("behaviours", ())),
        description=data.get("description", ""),
        police_involved=data.get("police_involved"),
        injuries=data.get("injuries"),
        witnesses=data.get("witnesses", ""),
        id=data["id"],
    )


def filled(draft: IncidentDraft, account: Account, *, correcting: bool = False) -> IncidentDraft:
    """The draft with what `account` said; a correction replaces, anything else only fills gaps."""

    def pick(old: Any, new: Any) -> Any:
        return new if new and (correcting or not old) else old

    behaviours = draft.behaviours
    if account.behaviours and (correcting or not behaviours):
        behaviours = account.behaviours
    when = account.when
    on = pick(draft.occurred_on, when.on)
    at = pick(draft.occurred_time, when.at)
    if correcting and when.on and not when.at and on != draft.occurred_on:
        at = draft.occurred_time  # 'no, it was yesterday' keeps the time already given
    return replace(
        draft,
        occurred_on=on,
        occurred_time=at,
        channel=pick(draft.channel, account.channel),
        person=pick(draft.person, account.person),
        address=pick(draft.address, account.address),
        behaviours=behaviours,
    )


def changes(before: IncidentDraft, after: IncidentDraft) -> list[str]:
    """Which parts changed, in words for 'I've updated the time and how it happened.'"""
    names = {
        "occurred_on": "the date",
        "occurred_time": "the time",
        "channel": "how it happened",
        "person": "who it was",
        "address": "where",
        "behaviours": "what they did",
    }
    return [words for key, words in names.items() if getattr(before, key) != getattr(after, key)]
