"""A manager proposes a restriction: the form, then the core's decision, in plain words.

The form opens from the "Propose a restriction" button on an incident or
terminated-call card (prefilled from that record) or from typing
"propose". It keeps no conversation state: the card's button carries the
customer and the record it came from, so an incident being logged in the
same chat is never disturbed. What the form sends is checked by
`cards.validation`; the ladder and who may propose are the core's to judge
(`register.decisions.propose_restriction`), and a "no" is passed on as it
is worded there, with "nothing has been proposed".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.commands import Reply
from bot.conversations.context import Context
from bot.conversations.ports import ConversationSession
from bot.conversations.proposal_saving import NOTHING_PROPOSED, propose
from bot.conversations.saving import matched_person
from cards.problems import submission_error_card
from cards.proposal import PARAM_PREFIX, ProposalPrefill, proposal_form_card, proposal_form_schema
from cards.restriction_words import params_problems
from cards.validation import submitted
from register.access import may_decide
from register.decisions import Draft
from register.policy import SkipGround
from register.records import Incident, TerminatedCall
from register.restrictions import PARAMS, RestrictionType
from register.subjects import Person

ONLY_MANAGERS = "Only managers can propose a restriction. Ask your service manager."
FILL_IN = "Fill in the form and press Propose. Nothing applies until the approver agrees."
UNKNOWN_CALLER = "Caller not known"
_COMMAND = re.compile(
    r"^\s*(?:please\s+)?propose(?:\s+an?)?(?:\s+restriction)?(?:\s+(?:for|on))?\b[:\s]*(?P<rest>.*)$",
    re.IGNORECASE,
)


def read_command(text: str) -> str | None:
    """'propose' or 'propose a restriction for Gary Rowe' -> the name ('' when none); else None."""
    found = _COMMAND.match(" ".join(text.split()))
    return None if found is None else found["rest"].strip(" .,:-")


async def typed(ctx: Context, name: str) -> Reply:
    """The form, with the customer's name filled in when one was given."""
    if not may_decide(ctx.staff):
        return Reply(ONLY_MANAGERS)
    prefill = ProposalPrefill(person_name=name[:200], service=ctx.staff.service or "")
    return Reply(FILL_IN, card=proposal_form_card(ctx.preset, prefill))


def form_from_record(
    ctx: Context, session: ConversationSession, record: Incident | TerminatedCall
) -> Reply:
    """The form prefilled from an incident or a call: customer, service and reasons."""
    person = session.person(record.person_id) if record.person_id else None
    if isinstance(record, Incident):
        source, reasons, named = "incident", record.description, ""
    else:
        source, reasons = "terminated_call", record.reason
        named = "" if record.caller == UNKNOWN_CALLER else record.caller
    prefill = ProposalPrefill(
        person_id=person.id if person else "",
        person_name=person.name if person else named,
        service=record.service or ctx.staff.service or "",
        reasons=reasons,
        source=source,
        source_id=record.id,
    )
    return Reply(FILL_IN, card=proposal_form_card(ctx.preset, prefill))


async def form_sent(ctx: Context, values: Mapping[str, Any]) -> Reply:
    """Check the form, find the customer, and propose; every "no" in words."""
    if not may_decide(ctx.staff):
        return Reply(ONLY_MANAGERS)
    checked = submitted(values, proposal_form_schema(ctx.preset))
    problems = list(checked.problems)
    if checked.ok:
        problems += _detail_problems(checked.values, ctx.now().date())
    if problems:
        return Reply(NOTHING_PROPOSED, card=submission_error_card(problems))
    found = await ctx.unit_of_work(lambda session: _customer(session, checked.values))
    if isinstance(found, str):
        return Reply(f"{found} {NOTHING_PROPOSED}")
    draft = _draft(checked.values, found, ctx.now().date())
    grounds = tuple(SkipGround(g) for g in checked.values.get("skip_grounds", ()))
    return await propose(ctx, draft, found, checked.values.get("skip_reason", ""), grounds)


def _params(values: Mapping[str, Any], kind: RestrictionType) -> dict[str, str]:
    """The details the chosen type takes; details filled in for other types are ignored."""
    names = PARAMS[kind].allowed
    return {
        name: str(values[PARAM_PREFIX + name]) for name in names if values.get(PARAM_PREFIX + name)
    }


def _detail_problems(values: Mapping[str, Any], today: date) -> list[str]:
    kind = RestrictionType(values["kind"])
    problems = params_problems(kind, _params(values, kind))
    end = values.get("provisional_end")
    if end is not None and end < today:
        problems.append("Provisional end date: it is in the past. Choose a later date.")
    if not values.get("person_id") and not values.get("person"):
        problems.append("Customer: say who the restriction is for.")
    return problems


def _customer(session: ConversationSession, values: Mapping[str, Any]) -> Person | str:
    """The customer on the register, or what to say when they cannot be found."""
    if values.get("person_id"):
        person = session.person(values["person_id"])
        return person or "I can't find that customer on the register any more."
    name = values["person"]
    person = matched_person(session, name)
    if person is None:
        return (
            f"I couldn't find one clear match for “{name}” on the register. Check the spelling, "
            "use their full name, or ask the register administrator to add them."
        )
    return person


def _draft(values: Mapping[str, Any], person: Person, today: date) -> Draft:
    kind = RestrictionType(values["kind"])
    return Draft(
        kind,
        values["stage"],
        values["reasons"],
        today,
        person_id=person.id,
        params=_params(values, kind),
        service=values.get("service") or None,
        provisional_end=values.get("provisional_end"),
        equality_considerations=values["equality"],
    )
