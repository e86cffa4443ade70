"""Look-up results as plain text, for the command line and for notification previews.

The bot shows the same results as Adaptive Cards (cards/); this is the
text a terminal or an email can carry, with the same need-to-know content.
"""

from __future__ import annotations

from register.access import Refusal
from register.briefs import ContactBrief, NoMatch, PickList, VisitBrief

Result = VisitBrief | ContactBrief | PickList | NoMatch | Refusal


def describe(result: Result) -> str:
    """The whole answer in plain words, one fact a line."""
    if isinstance(result, VisitBrief):
        return _visit(result)
    if isinstance(result, ContactBrief):
        return _contact(result)
    if isinstance(result, PickList):
        return _pick_list(result)
    if isinstance(result, NoMatch):
        return result.message
    return result.reason


def _visit(brief: VisitBrief) -> str:
    lines = [brief.heading]
    if brief.nothing_recorded:
        lines.append("Nothing is recorded for this address.")
    lines += [f"  ! {precaution.label.capitalize()}" for precaution in brief.precautions]
    lines += [
        f"  - Hazard: {h.hazard.label} ({h.severity.label}), {h.who}" for h in brief.hazards
    ]
    lines += [f"  - {a.text} ({a.who}; {a.scope})" for a in brief.arrangements]
    lines += [f"Ask for details: {who}" for who in brief.ask]
    return "\n".join([*lines, brief.note])


def _contact(brief: ContactBrief) -> str:
    asked = f" by {brief.asked.label}" if brief.asked else ""
    lines = [f"{brief.person}: contact{asked} - {brief.answer.label}"]
    lines += [
        f"  - {rule.channel.label}: {rule.answer.label}"
        + (f" ({'; '.join(rule.conditions)})" if rule.conditions else "")
        for rule in brief.channels
    ]
    if brief.spoc:
        lines.append(f"Single point of contact: {brief.spoc}")
    lines += [f"Instead: {text}" for text in brief.instead]
    lines += [f"Ask for details: {who}" for who in brief.ask]
    return "\n".join([*lines, brief.note])


def _pick_list(pick: PickList) -> str:
    lines = [pick.prompt]
    lines += [f"  {n}. {c.label}" for n, c in enumerate(pick.candidates, start=1)]
    if pick.more:
        lines.append(f"  ... and {pick.more} more: add a house number or postcode.")
    return "\n".join(lines)
