"""Saving a proposal and sending it to the approver the preset names.

`register.decisions.propose_restriction` saves the proposal (and any
skipped step, with its reason) and says whom to tell. The notice it returns
is reworded here for the approver's card, so it names the customer, the
details and the reasons in staff's words rather than the register's keys,
then goes out through the conversation's notifier. Each delivery is
audited, so "was the approver told?" has an answer on the record.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from bot.commands import Reply
from bot.conversations.context import Context
from bot.conversations.ports import ConversationSession
from cards.restriction_words import param_label, type_title
from cards.wording import day
from register.access import Refusal
from register.audit import AuditAction, AuditEntry
from register.decisions import Draft, Proposal, propose_restriction
from register.errors import InvalidInput
from register.notices import Delivery, Notice
from register.policy import Preset, SkipGround
from register.staff import StaffMember
from register.subjects import Person

log = logging.getLogger(__name__)
NOTHING_PROPOSED = "Nothing has been proposed."


async def propose(
    ctx: Context, draft: Draft, person: Person, skip_reason: str, grounds: Sequence[SkipGround]
) -> Reply:
    def work() -> Proposal | Refusal:
        return propose_restriction(
            ctx.store, ctx.preset, ctx.staff, draft, skip_reason, grounds, on=draft.start
        )

    try:
        result = await ctx.off_loop(work)
    except InvalidInput as problem:
        return Reply(f"Sorry, that could not be proposed: {problem} {NOTHING_PROPOSED}")
    if isinstance(result, Refusal):
        return Reply(f"{result.reason} {NOTHING_PROPOSED}")
    notices = [_for_approver(ctx, n, result, person, skip_reason) for n in result.notices]
    deliveries = [(notice, await deliver(ctx, notice)) for notice in notices]
    names = await ctx.unit_of_work(lambda session: _record(ctx, session, result, deliveries))
    return Reply(_proposed_words(ctx.preset, result, person, deliveries, names))


def _for_approver(
    ctx: Context, notice: Notice, proposal: Proposal, person: Person, skip_reason: str
) -> Notice:
    """The core's notice, reworded for the approval card (keeping its checks-first lines)."""
    restriction, staff = proposal.restriction, ctx.staff
    optional = []
    if restriction.provisional_end:
        optional.append(f"Provisional end: {day(restriction.provisional_end)}")
    if proposal.skipped:
        skipped = " and ".join(ctx.preset.step(key).label for key in proposal.skipped)
        optional.append(f"Steps skipped: {skipped}. Why: {skip_reason.strip()}")
    lines = (
        f"{staff.name} ({staff.job_title}) proposes: {type_title(restriction.kind)}.",
        f"Customer: {person.name}",
        f"Step: {ctx.preset.step(restriction.stage).label}",
        *(f"{param_label(k)}: {v}" for k, v in restriction.params.items()),
        f"Applies to: {restriction.service or 'the whole council'}",
        f"Reasons: {restriction.reasons}",
        f"Equality and reasonable adjustments: {restriction.equality_considerations}",
        *optional,
        f"Needs approval by: {' or '.join(proposal.approvers)}",
        *(line for line in notice.lines if line.startswith("Check first")),
    )
    return replace(notice, lines=lines)


async def deliver(ctx: Context, notice: Notice) -> Delivery:
    """A failed delivery is an answer ('could not reach'); what it tells of is saved either way."""
    try:
        return await ctx.notifier.notify(notice)
    except Exception:
        log.exception("could not deliver a %s notice", notice.kind.value)
        return Delivery(False, "none", "delivery failed")


def _record(
    ctx: Context,
    session: ConversationSession,
    proposal: Proposal,
    deliveries: Sequence[tuple[Notice, Delivery]],
) -> dict[str, str]:
    """Audit each delivery; return the recipients' names by Entra ID object id."""
    names: dict[str, str] = {}
    for notice, delivery in deliveries:
        member: StaffMember | None = session.staff_member(notice.recipient)
        names[notice.recipient] = member.name if member else "the approver"
        outcome = "delivered" if delivery.delivered else "not delivered"
        session.audit(
            AuditEntry(
                ctx.staff.aad_object_id,
                AuditAction.NOTIFY,
                "restriction",
                proposal.restriction.id,
                "approver told of a proposal",
                f"to {notice.recipient} via {delivery.route}: {outcome}",
            )
        )
    return names


def _proposed_words(
    preset: Preset,
    proposal: Proposal,
    person: Person,
    deliveries: Sequence[tuple[Notice, Delivery]],
    names: dict[str, str],
) -> str:
    restriction = proposal.restriction
    step = preset.step(restriction.stage)
    words = [
        f"Proposed: {type_title(restriction.kind)} for {person.name}, at {step.label}.",
        f"It needs approval by the {' or '.join(proposal.approvers)}.",
    ]
    if proposal.skipped:
        words.append("Your reason for skipping the earlier steps is recorded.")
    reached = [names[n.recipient] for n, d in deliveries if d.delivered]
    missed = [names[n.recipient] for n, d in deliveries if not d.delivered]
    if reached:
        words.append(f"I've sent it to {' and '.join(reached)} to decide.")
    if missed:
        words.append(f"I couldn't reach {' or '.join(missed)}, so please tell them it is waiting.")
    if not deliveries:
        words.append(
            "Forewarn doesn't know who your approver is (your own manager is not recorded), so "
            "nobody has been sent it. Ask the register administrator to record your manager."
        )
    return " ".join(words)
