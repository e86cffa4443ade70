"""Logging an incident with a form: the form, its schema, and the "please confirm" summary.

Most staff will log an incident by chatting with the bot; the form is the
alternative for someone who would rather fill in one screen. The form's
input ids, the schema that checks what it sends and the draft built from a
checked submission all live here, so they cannot drift apart.

The form needs required inputs with labels and error messages, which arrived
in Adaptive Cards 1.3, so it declares "1.3"; every element in it is still a
1.2-era element (TextBlock, Input.*, Action.Submit) that Teams mobile shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time
from typing import Any

from cards.actions import CardAction
from cards.elements import (
    WITH_INPUT_LABELS,
    Json,
    card,
    facts,
    heading,
    submit,
    text,
    title,
    yes_no,
)
from cards.validation import Field, FormSchema, Kind, Submission
from cards.wording import capitalised, clock, day, listed
from register.ids import new_id
from register.vocabulary import Behaviour, Channel

LIMITS = {"person": 200, "address": 300, "description": 4000, "witnesses": 500}


@dataclass(frozen=True, slots=True)
class IncidentDraft:
    """An incident as staff have described it so far, before it is logged.

    Any field may still be empty while the bot is asking questions; `id`
    lets the bot tell a press on the latest summary from one on an old card.
    """

    occurred_on: date | None = None
    occurred_time: time | None = None
    channel: Channel | None = None
    person: str = ""
    address: str = ""
    behaviours: tuple[Behaviour, ...] = ()
    description: str = ""
    police_involved: bool | None = None
    injuries: bool | None = None
    witnesses: str = ""
    id: str = field(default_factory=new_id)


def incident_form_schema(
    behaviours: Sequence[Behaviour], channels: Sequence[Channel]
) -> FormSchema:
    """What the incident form sends; pass the same behaviours and channels the form showed."""
    return FormSchema(
        CardAction.INCIDENT_FORM,
        (
            Field("occurred_on", "Date it happened", Kind.DATE, required=True),
            Field("occurred_time", "Time it happened", Kind.TIME, required=True),
            Field("channel", "How it happened", Kind.CHOICE, True, frozenset(channels)),
            Field("person", "Who", max_length=LIMITS["person"]),
            Field("address", "Address or place", max_length=LIMITS["address"]),
            Field("behaviours", "What they did", Kind.CHOICES, True, frozenset(behaviours)),
            Field("description", "What happened", required=True, max_length=LIMITS["description"]),
            Field("police_involved", "Police involved", Kind.TOGGLE),
            Field("injuries", "Anyone injured", Kind.TOGGLE),
            Field("witnesses", "Witnesses", max_length=LIMITS["witnesses"]),
        ),
    )


def draft_from(submission: Submission, draft: IncidentDraft | None = None) -> IncidentDraft:
    """The draft a checked form submission describes (call only when `submission.ok`).

    Passing the previous draft keeps its id, so a changed draft stays the same draft.
    """
    values: Mapping[str, Any] = submission.values
    return replace(
        draft or IncidentDraft(),
        occurred_on=values.get("occurred_on"),
        occurred_time=values.get("occurred_time"),
        channel=Channel(values["channel"]) if "channel" in values else None,
        person=values.get("person", ""),
        address=values.get("address", ""),
        behaviours=tuple(Behaviour(value) for value in values.get("behaviours", ())),
        description=values.get("description", ""),
        police_involved=values.get("police_involved"),
        injuries=values.get("injuries"),
        witnesses=values.get("witnesses", ""),
    )


def _input(kind: str, name: str, label: str, **options: Any) -> Json:
    """An input with its label above it; required ones say what is missing in plain words."""
    element: Json = {"type": kind, "id": name, "label": label}
    element.update({key: value for key, value in options.items() if value not in (None, "")})
    return element


def _required(kind: str, name: str, label: str, error: str, **options: Any) -> Json:
    return _input(kind, name, label, isRequired=True, errorMessage=error, **options)


def _choices(options: Sequence[Channel] | Sequence[Behaviour]) -> list[Json]:
    return [{"title": capitalised(option.label), "value": option.value} for option in options]


def _toggle(name: str, label: str, value: bool | None) -> Json:
    state = "true" if value else "false"
    return _input(
        "Input.Toggle", name, label, title=label, value=state, valueOn="true", valueOff="false"
    )


def _when_inputs(draft: IncidentDraft) -> list[Json]:
    return [
        _required(
            "Input.Date",
            "occurred_on",
            "Date it happened",
            "Enter the date it happened.",
            value=draft.occurred_on.isoformat() if draft.occurred_on else None,
        ),
        _required(
            "Input.Time",
            "occurred_time",
            "Time it happened (roughly is fine)",
            "Enter roughly what time it happened.",
            value=clock(draft.occurred_time) if draft.occurred_time else None,
        ),
    ]


def _who_inputs(draft: IncidentDraft, channels: Sequence[Channel]) -> list[Json]:
    return [
        _required(
            "Input.ChoiceSet",
            "channel",
            "How it happened",
            "Choose how it happened.",
            choices=_choices(channels),
            style="compact",
            placeholder="Phone, face to face, email…",
            value=draft.channel.value if draft.channel else None,
        ),
        _input(
            "Input.Text",
            "person",
            "Who (name, if known)",
            value=draft.person,
            maxLength=LIMITS["person"],
        ),
        _input(
            "Input.Text",
            "address",
            "Address or place",
            value=draft.address,
            maxLength=LIMITS["address"],
        ),
    ]


def _what_inputs(draft: IncidentDraft, behaviours: Sequence[Behaviour]) -> list[Json]:
    return [
        _required(
            "Input.ChoiceSet",
            "behaviours",
            "What they did (choose all that apply)",
            "Choose at least one.",
            choices=_choices(behaviours),
            isMultiSelect=True,
            style="expanded",
            value=",".join(draft.behaviours),
        ),
        _required(
            "Input.Text",
            "description",
            "What happened, in your own words",
            "Say briefly what happened.",
            isMultiline=True,
            maxLength=LIMITS["description"],
            value=draft.description,
        ),
    ]


def _after_inputs(draft: IncidentDraft) -> list[Json]:
    return [
        _toggle("police_involved", "Police were called or involved", draft.police_involved),
        _toggle("injuries", "Someone was injured", draft.injuries),
        _input(
            "Input.Text",
            "witnesses",
            "Witnesses (names or roles), if any",
            value=draft.witnesses,
            maxLength=LIMITS["witnesses"],
        ),
    ]


def incident_form_card(
    prefill: IncidentDraft | None,
    behaviours: Sequence[Behaviour],
    channels: Sequence[Channel],
) -> Json:
    """The one-screen incident form, prefilled with what is already known (or a draft to change)."""
    draft = prefill or IncidentDraft()
    body = [
        title("Log an incident"),
        text("Fields marked * are needed. Nothing is logged until you confirm.", subtle=True),
        *_when_inputs(draft),
        *_who_inputs(draft, channels),
        *_what_inputs(draft, behaviours),
        *_after_inputs(draft),
    ]
    actions = [
        submit(
            "Check and send", {"action": CardAction.INCIDENT_FORM, "id": draft.id}, style="positive"
        ),
        submit("Cancel", {"action": CardAction.CANCEL, "id": draft.id}, send_inputs=False),
    ]
    return card(body, actions, version=WITH_INPUT_LABELS)


def _when(draft: IncidentDraft) -> str:
    parts = [day(draft.occurred_on) if draft.occurred_on else ""]
    parts.append(clock(draft.occurred_time) if draft.occurred_time else "")
    return ", ".join(part for part in parts if part) or "Not given"


def _summary_facts(draft: IncidentDraft) -> Json:
    return facts(
        [
            ("When", _when(draft)),
            ("How", capitalised(draft.channel.label) if draft.channel else "Not given"),
            ("Who", draft.person or "Not given"),
            ("Where", draft.address or "Not given"),
            (
                "What they did",
                capitalised(listed(b.label for b in draft.behaviours)) or "Not given",
            ),
            ("Police involved", yes_no(draft.police_involved)),
            ("Anyone injured", yes_no(draft.injuries)),
            ("Witnesses", draft.witnesses or "None given"),
        ]
    )


def incident_summary_card(draft: IncidentDraft) -> Json:
    """The "please confirm" card: what will be logged, with Confirm / Change / Cancel."""
    body = [
        title("Please check before it is logged"),
        _summary_facts(draft),
        heading("What happened"),
        text(draft.description or "Not given"),
    ]
    ids = {"id": draft.id}
    actions = [
        submit("Confirm", {"action": CardAction.INCIDENT_CONFIRM, **ids}, style="positive"),
        submit("Change", {"action": CardAction.INCIDENT_CHANGE, **ids}),
        submit("Cancel", {"action": CardAction.CANCEL, **ids}, style="destructive"),
    ]
    return card(body, actions)
