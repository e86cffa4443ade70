"""Pre-visit and contact checks: the look-up use cases, answered with cards.

Checks keep no conversation state: a pick-list's buttons carry everything
needed to repeat the look-up for the chosen record. Every answer that
finds nothing says plainly that no record is not a guarantee of safety.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.commands import Reply
from bot.conversations.context import Context
from cards.contact import contact_check_card
from cards.help import CHECK_SCHEMA, CONTACT_CHECK_SCHEMA
from cards.picklist import PICK_SCHEMA, pick_list_card
from cards.problems import submission_error_card
from cards.validation import submitted
from cards.visit import no_match_card, visit_brief_card
from register import lookup
from register.access import Refusal
from register.briefs import NOT_A_GUARANTEE, ContactBrief, NoMatch, PickList, Purpose, VisitBrief

ASK_WHAT = "What should I check? Type an address, a postcode or a person's name."
ASK_WHO = "Who do you want to contact? Type their name, email address or phone number."
NONE_OF_THESE = (
    "OK, none of those. There may be no record for who or where you mean. "
    + NOT_A_GUARANTEE
    + " You can try again with the postcode or the house number."
)

Result = VisitBrief | ContactBrief | PickList | NoMatch | Refusal


def shown(result: Result) -> Reply:
    """Each outcome of a look-up as the card (or words) staff see."""
    match result:
        case VisitBrief():
            return Reply(card=visit_brief_card(result))
        case ContactBrief():
            return Reply(card=contact_check_card(result))
        case PickList():
            return Reply(card=pick_list_card(result))
        case NoMatch():
            return Reply("No record found.", card=no_match_card(result))
        case Refusal():
            return Reply(result.reason)
    raise AssertionError(result)


async def visit_check(ctx: Context, query: str) -> Reply:
    actor = ctx.staff.aad_object_id
    return shown(await ctx.off_loop(lambda: lookup.look_up(ctx.store, actor, query)))


async def contact_check(ctx: Context, query: str) -> Reply:
    actor = ctx.staff.aad_object_id
    return shown(await ctx.off_loop(lambda: lookup.check_contact(ctx.store, actor, query)))


async def pressed_check(ctx: Context, values: Mapping[str, Any], contact: bool) -> Reply:
    """The help card's 'Check' boxes: the typed query, checked like any card input."""
    schema = CONTACT_CHECK_SCHEMA if contact else CHECK_SCHEMA
    checked = submitted(values, schema)
    if not checked.ok:
        return Reply("Nothing was checked yet.", card=submission_error_card(checked.problems))
    query = str(next(iter(checked.values.values())))
    return await (contact_check(ctx, query) if contact else visit_check(ctx, query))


async def picked(ctx: Context, values: Mapping[str, Any]) -> Reply:
    """One line of a pick-list was chosen: the brief for just that record."""
    checked = submitted(values, PICK_SCHEMA)
    if not checked.ok:
        return Reply(
            "That choice could not be used; please check again.",
            card=submission_error_card(checked.problems),
        )
    v = checked.values
    subject = (v["subject_type"], v["id"])
    purpose = Purpose(v["purpose"])
    actor = ctx.staff.aad_object_id
    query = v.get("query", "")
    result = await ctx.off_loop(lambda: lookup.choose(ctx.store, actor, purpose, subject, query))
    return shown(result)
