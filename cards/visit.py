"""The pre-visit answer: what a member of staff must know before knocking on a door.

Read on a phone outside the property, so the order is the order of need:
the address (so they know it is the right one), a red box with the
precautions when there are any, then hazards most severe first, contact
arrangements, and who to call for details. Reasons and history are not
here; register.briefs leaves them out on purpose.

When the register holds nothing, the card says so and says plainly that no
record is not a guarantee of safety, so an empty answer is never read as
"safe". Only 1.2-era elements, and version "1.2", for Teams mobile.
"""

from __future__ import annotations

from cards.actions import CardAction
from cards.elements import Json, banner, card, section, submit, text, title
from cards.wording import capitalised
from register.briefs import EVERYONE_HERE, NOT_A_GUARANTEE, Arrangement, Hazard, NoMatch, VisitBrief
from register.vocabulary import Severity

# Teams' named colours, strongest for the most severe hazard.
_SEVERITY_COLOUR = {Severity.HIGH: "attention", Severity.MEDIUM: "warning", Severity.LOW: "default"}


def _precautions_banner(brief: VisitBrief) -> list[Json]:
    if not brief.precautions:
        return []
    lines = [f"• {capitalised(p.label)}" for p in brief.precautions]
    return [banner(["⚠ Take these precautions", *lines])]


def _hazard(hazard: Hazard) -> list[Json]:
    headline = f"{hazard.severity.label.upper()}: {capitalised(hazard.hazard.label)}"
    return [
        text(headline, weight="bolder", color=_SEVERITY_COLOUR[hazard.severity], spacing="small"),
        text(capitalised(hazard.who), subtle=True, spacing="none"),
    ]


def _arrangement(arrangement: Arrangement) -> list[Json]:
    who = "" if arrangement.who == EVERYONE_HERE else f"{arrangement.who} · "
    return [
        text(f"• {arrangement.text}", spacing="small"),
        text(f"{who}{capitalised(arrangement.scope)}", subtle=True, spacing="none"),
    ]


def _details(brief: VisitBrief) -> list[Json]:
    """Hazards, arrangements and contacts, each section only when it has something."""
    body: list[Json] = []
    if brief.hazards:
        body += section("Hazards", [block for h in brief.hazards for block in _hazard(h)])
    if brief.arrangements:
        items = [block for a in brief.arrangements for block in _arrangement(a)]
        body += section("Contact arrangements", items)
    if brief.ask:
        body += section(
            "For details, call", [text(f"• {who}", spacing="small") for who in brief.ask]
        )
    return body


def _nothing_recorded(what: str, note: str) -> Json:
    return banner([f"No record found for {what}", note], style="emphasis")


def visit_brief_card(brief: VisitBrief) -> Json:
    """The pre-visit brief for one address (or one person with no address on record)."""
    body = [text("Pre-visit check", subtle=True), title(brief.heading)]
    if brief.nothing_recorded:
        body.append(
            _nothing_recorded(
                "this address" if brief.subject_type == "property" else "this person", brief.note
            )
        )
    body += [*_precautions_banner(brief), *_details(brief)]
    return card(body, [_log_incident(brief)])


def _log_incident(brief: VisitBrief) -> Json:
    """A button to log what happened here; it sends the address (or name) to prefill the form."""
    where = "address" if brief.subject_type == "property" else "person"
    return submit("Log an incident here", {"action": CardAction.LOG_INCIDENT, where: brief.heading})


def no_match_card(no_match: NoMatch) -> Json:
    """Nothing in the register matched what was typed: say so, and that it proves nothing.

    Used for pre-visit and contact checks alike (NoMatch does not say which).
    """
    note = no_match.message
    if NOT_A_GUARANTEE not in note:
        note = f"{note} {NOT_A_GUARANTEE}".strip()
    body = [
        text("Register check", subtle=True),
        _nothing_recorded(f"“{no_match.query}”", note),
        text("Check the spelling, or try the postcode or house number.", subtle=True),
    ]
    return card(body)
