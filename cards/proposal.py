"""The form a manager fills in to propose a restriction, and the schema that checks it.

The choices come from the council's preset: only the restriction types some
step of its ladder allows, and only the steps that allow one (a check-only
step such as Oxfordshire's Stage 1 cannot be proposed). A card cannot change
its own choices as the manager picks, so whether this step allows that type,
and whether a step may be skipped, are checked when the form is sent, by the
core, and answered in plain words.

Like the incident form, it declares 1.3 for input labels and required
inputs; every element is a 1.2-era one that Teams mobile shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cards.actions import CardAction
from cards.elements import WITH_INPUT_LABELS, Json, card, facts, heading, submit, text, title
from cards.restriction_words import param_label, param_names, type_title
from cards.validation import Field, FormSchema, Kind
from register.policy import Preset, SkipGround, Step
from register.restrictions import RestrictionType
from register.vocabulary import Channel

LIMITS = {
    "person": 200,
    "service": 100,
    "reasons": 4000,
    "equality": 2000,
    "skip_reason": 2000,
    "param": 300,
}
SOURCES = frozenset({"incident", "terminated_call"})
PARAM_PREFIX = "param_"


@dataclass(frozen=True, slots=True)
class ProposalPrefill:
    """What the form starts with: from the incident or call it was opened from, if any."""

    person_id: str = ""
    person_name: str = ""
    service: str = ""
    reasons: str = ""
    source: str = ""  # "incident" or "terminated_call"
    source_id: str = ""


def proposable_steps(preset: Preset) -> list[Step]:
    """The steps a restriction can be proposed at (a check-only step allows none)."""
    return [step for step in preset.steps if step.allows]


def proposable_types(preset: Preset) -> list[RestrictionType]:
    """Every type some step allows, in the order the ladder first allows it."""
    kinds = [kind for step in preset.steps for kind in step.allows]
    return list(dict.fromkeys(kinds))


def skip_grounds(preset: Preset) -> list[SkipGround]:
    """The grounds on which any step of this preset may be skipped."""
    return list(dict.fromkeys(g for step in preset.steps for g in step.skip_grounds))


def proposal_form_schema(preset: Preset) -> FormSchema:
    """What the proposal form sends; built from the same preset the form showed."""
    params = [
        Field(
            PARAM_PREFIX + name,
            param_label(name),
            Kind.CHOICE if name == "channel" else Kind.TEXT,
            choices=frozenset(Channel) if name == "channel" else frozenset(),
            max_length=None if name == "channel" else LIMITS["param"],
        )
        for name in param_names(proposable_types(preset))
    ]
    return FormSchema(
        CardAction.PROPOSAL_FORM,
        (
            Field("person_id", "Customer", max_length=64),
            Field("record", "Record type", Kind.CHOICE, choices=SOURCES),
            Field("id", "Record", max_length=64),
            Field("person", "Customer", max_length=LIMITS["person"]),
            Field("kind", "Restriction", Kind.CHOICE, True, frozenset(proposable_types(preset))),
            Field("stage", "Step", Kind.CHOICE, True, frozenset(s.key for s in preset.steps)),
            *params,
            Field("service", "Service", max_length=LIMITS["service"]),
            Field("reasons", "Reasons", required=True, max_length=LIMITS["reasons"]),
            Field(
                "equality",
                "Equality and reasonable adjustments",
                required=True,
                max_length=LIMITS["equality"],
            ),
            Field("provisional_end", "Provisional end date", Kind.DATE),
            Field("skip_grounds", "Grounds", Kind.CHOICES, choices=frozenset(skip_grounds(preset))),
            Field("skip_reason", "Why go straight to this step", max_length=LIMITS["skip_reason"]),
        ),
    )


def _input(kind: str, name: str, label: str, **options: Any) -> Json:
    element: Json = {"type": kind, "id": name, "label": label}
    element.update({key: value for key, value in options.items() if value not in (None, "")})
    return element


def _required(kind: str, name: str, label: str, error: str, **options: Any) -> Json:
    return _input(kind, name, label, isRequired=True, errorMessage=error, **options)


def _customer(prefill: ProposalPrefill) -> list[Json]:
    if prefill.person_id:
        return [facts([("Customer", prefill.person_name or "On the register")])]
    return [
        _required(
            "Input.Text",
            "person",
            "Customer (their name as on the register)",
            "Say who the restriction is for.",
            value=prefill.person_name,
            maxLength=LIMITS["person"],
        )
    ]


def _what_inputs(preset: Preset) -> list[Json]:
    steps = proposable_steps(preset)
    kinds = proposable_types(preset)
    allowed = [
        text(f"{step.label}: {', '.join(type_title(k) for k in step.allows)}.", subtle=True)
        for step in steps
    ]
    return [
        _required(
            "Input.ChoiceSet",
            "kind",
            "Restriction",
            "Choose the restriction.",
            choices=[{"title": type_title(k), "value": k.value} for k in kinds],
            style="compact",
            value=kinds[0].value,
        ),
        _required(
            "Input.ChoiceSet",
            "stage",
            "Step of the policy",
            "Choose the step.",
            choices=[{"title": step.label, "value": step.key} for step in steps],
            style="compact",
            value=steps[0].key,
        ),
        text("What each step allows:", spacing="small"),
        *allowed,
    ]


def _param_input(name: str) -> Json:
    if name == "channel":
        return _input(
            "Input.ChoiceSet",
            PARAM_PREFIX + name,
            param_label(name),
            choices=[{"title": c.label.capitalize(), "value": c.value} for c in Channel],
            style="compact",
        )
    return _input("Input.Text", PARAM_PREFIX + name, param_label(name), maxLength=LIMITS["param"])


def _detail_inputs(preset: Preset) -> list[Json]:
    names = param_names(proposable_types(preset))
    if not names:
        return []
    return [
        heading("Details of the arrangement"),
        text("Fill in only what the restriction you chose needs.", subtle=True),
        *(_param_input(name) for name in names),
    ]


def _why_inputs(prefill: ProposalPrefill) -> list[Json]:
    return [
        heading("Why, and what was considered"),
        _input(
            "Input.Text",
            "service",
            "Service it applies to (leave empty for the whole council)",
            value=prefill.service,
            maxLength=LIMITS["service"],
        ),
        _required(
            "Input.Text",
            "reasons",
            "Reasons (the customer is told these)",
            "Give the reasons for the restriction.",
            value=prefill.reasons,
            isMultiline=True,
            maxLength=LIMITS["reasons"],
        ),
        _required(
            "Input.Text",
            "equality",
            "Equality and reasonable adjustments considered",
            "Say what was considered, even if no adjustment is needed.",
            isMultiline=True,
            maxLength=LIMITS["equality"],
        ),
        _input("Input.Date", "provisional_end", "Provisional end date (optional)"),
    ]


def _skip_inputs(preset: Preset) -> list[Json]:
    grounds = skip_grounds(preset)
    if not grounds:
        return []
    return [
        heading("Only when going straight to a later step"),
        text(
            "The policy lets some steps be skipped only on these grounds, and the reason is "
            "recorded.",
            subtle=True,
        ),
        _input(
            "Input.ChoiceSet",
            "skip_grounds",
            "Grounds",
            choices=[{"title": g.label.capitalize(), "value": g.value} for g in grounds],
            isMultiSelect=True,
            style="expanded",
        ),
        _input(
            "Input.Text",
            "skip_reason",
            "Why this cannot wait for the earlier steps",
            isMultiline=True,
            maxLength=LIMITS["skip_reason"],
        ),
    ]


def proposal_form_card(preset: Preset, prefill: ProposalPrefill | None = None) -> Json:
    """The proposal form for `preset`, prefilled from an incident or a call where there is one."""
    start = prefill or ProposalPrefill()
    body = [
        title("Propose a restriction"),
        text(
            f"Under {preset.policy_title} ({preset.council}). Nothing applies until the "
            "approver agrees.",
            subtle=True,
        ),
        *_customer(start),
        *_what_inputs(preset),
        *_detail_inputs(preset),
        *_why_inputs(start),
        *_skip_inputs(preset),
    ]
    data = {"action": CardAction.PROPOSAL_FORM, "person_id": start.person_id}
    if start.source:
        data |= {"record": start.source, "id": start.source_id}
    return card(body, [submit("Propose", data, style="positive")], version=WITH_INPUT_LABELS)
