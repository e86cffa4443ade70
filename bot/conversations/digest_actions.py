"""The digest's "This has a new issue" button, pressed on one email the watcher filed.

The decision (may this person mark it, was it marked already, what the
escalation says) is the mailbox's use case, reached through the injected
`Reescalate` port; a "no" comes back as a refusal and is passed on in its
own words. Here the escalation it returns is delivered through the bot's
notifier, and the person who pressed is told who was told.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from bot.commands import Reply
from bot.conversations.context import Context
from bot.conversations.ports import Reescalate
from cards.digest import digest_schema
from cards.problems import submission_error_card
from cards.validation import submitted
from register.access import Refusal
from register.notices import Delivery, Notice

log = logging.getLogger(__name__)

NOT_AVAILABLE = (
    "Marking filed email as a new issue is not available here yet, so nothing was changed. "
    "Please tell the SPOC officer directly."
)
NOTHING_CHANGED = "Nothing was changed."


async def pressed(ctx: Context, values: Mapping[str, Any]) -> Reply:
    checked = submitted(values, digest_schema())
    if not checked.ok:
        return Reply(NOTHING_CHANGED, card=submission_error_card(checked.problems))
    reescalate = ctx.reescalate
    if reescalate is None:
        return Reply(NOT_AVAILABLE)
    claim_id, note = checked.values["id"], checked.values.get("note", "")
    result = await ctx.off_loop(lambda: _marked(reescalate, claim_id, ctx, note))
    if isinstance(result, Refusal):
        return Reply(result.reason)
    delivery = await _deliver(ctx, result)
    return Reply(await _told(ctx, result, delivery))


def _marked(reescalate: Reescalate, claim_id: str, ctx: Context, note: str) -> Notice | Refusal:
    return reescalate(claim_id, ctx.staff, note)


async def _deliver(ctx: Context, notice: Notice) -> Delivery:
    """The feedback is kept already; a delivery that fails is said so, never a traceback."""
    try:
        return await ctx.notifier.notify(notice)
    except Exception:
        log.exception("could not deliver the re-escalation of %s", notice.record_id)
        return Delivery(False, "none", "delivery failed")


async def _told(ctx: Context, notice: Notice, delivery: Delivery) -> str:
    if notice.recipient == ctx.staff.aad_object_id:
        who = "you"
    else:
        officer = await ctx.unit_of_work(lambda s: s.staff_member(notice.recipient))
        who = officer.name if officer else "the SPOC officer"
    if delivery.delivered:
        return f"Thanks - that message has been escalated to {who} and your feedback is kept."
    return (
        f"Your feedback is kept, but I could not reach {who} with the escalation. "
        "Please pass it on directly."
    )
