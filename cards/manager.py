"""Cards a manager receives when one of their staff logs a terminated call or an incident.

A manager has to act on these (acknowledge, look at the record, consider a
restriction), so each card leads with who and when, puts anything the policy
cares about in a coloured box (a call ended without a warning, a
safety-related incident), and ends with the same three buttons. Each button
sends the record's kind and id, so the bot never has to guess which record a
press refers to.
"""

from __future__ import annotations

from datetime import tzinfo

from cards.actions import CardAction
from cards.elements import Json, banner, card, facts, heading, submit, text, title, yes_no
from cards.validation import Field, FormSchema, Kind
from cards.wording import LONDON, capitalised, listed, moment
from register.records import Incident, TerminatedCall
from register.vocabulary import Behaviour

NOT_IDENTIFIED = "Not matched to anyone on the register"
RECORDS = frozenset({"incident", "terminated_call"})


def manager_action_schema(action: CardAction) -> FormSchema:
    """What one of the three manager buttons sends back, for `cards.validation.submitted`."""
    return FormSchema(
        action,
        (
            Field("record", "Record type", Kind.CHOICE, True, RECORDS),
            Field("id", "Record", required=True, max_length=64),
        ),
    )


def manager_actions(record: str, record_id: str) -> list[Json]:
    """Acknowledge / Open record / Propose a restriction, for one record."""
    ids = {"record": record, "id": record_id}
    return [
        submit("Acknowledge", {"action": CardAction.ACKNOWLEDGE, **ids}, style="positive"),
        submit("Open record", {"action": CardAction.OPEN_RECORD, **ids}),
        submit("Propose a restriction", {"action": CardAction.PROPOSE_RESTRICTION, **ids}),
    ]


def _behaviour_words(behaviours: tuple[Behaviour, ...]) -> str:
    return capitalised(listed(b.label for b in behaviours))


def _no_warning_banner() -> Json:
    return banner(
        [
            "No warning was given before the call was ended",
            "The policy asks staff to warn a caller before ending a call. "
            "You may want to talk this through with them.",
        ],
        style="warning",
    )


def terminated_call_card(
    call: TerminatedCall, person_name: str | None, staff_name: str, tz: tzinfo = LONDON
) -> Json:
    """For the manager: who ended a call with whom, when, whether they warned first, and why."""
    body = [
        title("A call was ended"),
        text(f"{staff_name} ended a call with {person_name or call.caller}."),
    ]
    if not call.warned_first:
        body.append(_no_warning_banner())
    body += [
        facts(
            [
                ("Caller", call.caller),
                ("On the register", person_name or NOT_IDENTIFIED),
                ("When", moment(call.occurred_at, tz)),
                ("Service", call.service or ""),
                ("Warned first", yes_no(call.warned_first)),
                ("Behaviour", _behaviour_words(call.behaviours)),
            ]
        ),
        heading("Why the call was ended"),
        text(call.reason),
    ]
    return card(body, manager_actions("terminated_call", call.id))


def _safety_banner(incident: Incident) -> list[Json]:
    """A red box when the incident touched anyone's safety, listing why."""
    reasons = [capitalised(b.label) for b in incident.behaviours if b.is_safety_related]
    if incident.injuries:
        reasons.append("Someone was injured")
    if incident.police_involved:
        reasons.append("The police were involved")
    if not reasons:
        return []
    return [banner(["Safety-related incident", *(f"• {reason}" for reason in reasons)])]


def manager_incident_card(
    incident: Incident, person_name: str | None, staff_name: str, tz: tzinfo = LONDON
) -> Json:
    """For the manager: an incident one of their staff logged, with what they need to act."""
    body = [
        title("Incident reported"),
        text(
            f"{staff_name} logged an incident with {person_name or 'someone not yet identified'}."
        ),
        *_safety_banner(incident),
        facts(
            [
                ("When", moment(incident.occurred_at, tz)),
                ("How", capitalised(incident.channel.label)),
                ("Who", person_name or NOT_IDENTIFIED),
                ("Where", incident.location),
                ("Service", incident.service or ""),
                ("What they did", _behaviour_words(incident.behaviours)),
                ("Police involved", yes_no(incident.police_involved)),
                ("Anyone injured", yes_no(incident.injuries)),
                ("Witnesses", incident.witnesses or "None given"),
            ]
        ),
        heading("What happened"),
        text(incident.description),
    ]
    return card(body, manager_actions("incident", incident.id))
