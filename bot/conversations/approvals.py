"""The approver's answer to a proposed restriction: Approve or Refuse, from the approval card.

Approving makes the restriction active, sets its first review and opens
the decision letter (all in `register.decisions.approve`); the reply says
the letter is ready and how it is made and recorded. Refusing needs
reasons, which are kept with the decision so the proposer can act on
them. Either way the proposer is then told, through the notifier, once the
decision is committed: a delivery that fails is logged and audited, never
undoes the decision nor keeps the approver from their reply. Whether this
person may decide is the core's rule; its "no" is passed on in its own
words.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from bot.commands import Reply
from bot.conversations.context import Context
from bot.conversations.ports import ConversationSession
from bot.conversations.proposal_saving import deliver
from cards.actions import CardAction
from cards.approval import approval_schema
from cards.problems import submission_error_card
from cards.restriction_words import type_title
from cards.validation import submitted
from cards.wording import day
from register.access import Refusal, may_decide
from register.audit import AuditAction, AuditEntry
from register.decisions import Approval, approve, refuse
from register.errors import ForewarnError, InvalidInput
from register.notices import Delivery, Notice
from register.restrictions import Restriction
from register.schedule.wording import reference

log = logging.getLogger(__name__)

ONLY_MANAGERS = "Only managers can approve or refuse a restriction."
NOTHING_CHANGED = "Nothing was changed."


async def pressed(ctx: Context, action: CardAction, values: Mapping[str, Any]) -> Reply:
    checked = submitted(values, approval_schema(action))
    if not checked.ok:
        return Reply(NOTHING_CHANGED, card=submission_error_card(checked.problems))
    if not may_decide(ctx.staff):
        return Reply(ONLY_MANAGERS)
    restriction_id, reasons = checked.values["id"], checked.values.get("reasons", "")
    today = ctx.now().date()
    try:
        if action is CardAction.APPROVE_RESTRICTION:
            return await _approve(ctx, restriction_id, reasons, today)
        return await _refuse(ctx, restriction_id, reasons, today)
    except InvalidInput as problem:
        return Reply(f"Sorry, that could not be saved: {problem} {NOTHING_CHANGED}")


async def _approve(ctx: Context, restriction_id: str, reasons: str, today: date) -> Reply:
    result = await ctx.off_loop(
        lambda: approve(ctx.store, ctx.preset, restriction_id, ctx.staff, today, reasons)
    )
    if isinstance(result, Refusal):
        return Reply(result.reason)
    customer = await ctx.unit_of_work(lambda s: _customer_name(s, result.restriction))
    notices = [_in_staff_words(n, "Approved", result.restriction, customer) for n in result.notices]
    await _tell_proposer(ctx, result.restriction, notices)
    return Reply(approved_words(result, customer))


def _in_staff_words(notice: Notice, verb: str, restriction: Restriction, customer: str) -> Notice:
    """The core's notice with its first line naming the type as the cards do ("Spoc" is not)."""
    first = f"{verb}: {type_title(restriction.kind)} for {customer} ({reference(restriction.id)})."
    return replace(notice, lines=(first, *notice.lines[1:]))


async def _tell_proposer(ctx: Context, restriction: Restriction, notices: Sequence[Notice]) -> None:
    """Send the proposer the decision and audit each delivery; the decision is already saved."""
    deliveries = [(notice, await deliver(ctx, notice)) for notice in notices]
    if not deliveries:
        return
    try:
        await ctx.unit_of_work(lambda s: _record(ctx, s, restriction, deliveries))
    except ForewarnError:
        log.exception("could not record telling the proposer of %s", restriction.id)


def _record(
    ctx: Context,
    session: ConversationSession,
    restriction: Restriction,
    deliveries: Sequence[tuple[Notice, Delivery]],
) -> None:
    for notice, delivery in deliveries:
        outcome = "delivered" if delivery.delivered else "not delivered"
        session.audit(
            AuditEntry(
                ctx.staff.aad_object_id,
                AuditAction.NOTIFY,
                "restriction",
                restriction.id,
                "proposer told of the decision",
                f"to {notice.recipient} via {delivery.route}: {outcome}",
            )
        )


def _customer_name(session: ConversationSession, restriction: Restriction) -> str:
    person = session.person(restriction.person_id) if restriction.person_id else None
    if person is not None:
        return person.name
    place = session.property(restriction.property_id) if restriction.property_id else None
    return place.one_line if place is not None else "the customer"


def approved_words(approval: Approval, customer: str) -> str:
    restriction, letter = approval.restriction, approval.letter
    due = restriction.next_review
    review = f" Its first review is due by {day(due)}." if due else ""
    return (
        f"Approved. {type_title(restriction.kind)} for {customer} is now in force.{review}\n\n"
        f"The decision letter is ready to make (letter {letter.id}). The register "
        f"administrator makes it, as a Word document and a plain-text email, with "
        f"“letters render {letter.id}”, then records the day it is sent with "
        f"“letters sent”. If it is not sent, the reason must be recorded with "
        f"“letters not-sent”."
    )


async def _refuse(ctx: Context, restriction_id: str, reasons: str, today: date) -> Reply:
    result = await ctx.off_loop(
        lambda: refuse(ctx.store, restriction_id, ctx.staff, reasons, today)
    )
    if isinstance(result, Refusal):
        return Reply(f"{result.reason} {NOTHING_CHANGED}")
    refused = result.restriction
    customer = await ctx.unit_of_work(lambda s: _customer_name(s, refused))
    notices = [_in_staff_words(n, "Refused", refused, customer) for n in result.notices]
    await _tell_proposer(ctx, refused, notices)
    return Reply(
        f"Refused. {type_title(refused.kind)} for {customer} will not apply. Your reasons are "
        "recorded with the proposal."
    )
