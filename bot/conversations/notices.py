"""Telling managers at once about an incident or a terminated call in their service.

Who is told: the member of staff's own manager and every manager of their
service (the policies say the service manager is told immediately). Each
gets one Notice with the three manager actions; the notifier delivers it as
a Teams card. Deliveries are audited and the record's `manager_told_at` is
set, so "was the manager told, and when?" has an answer on the record.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import tzinfo

from bot.conversations.context import Context
from bot.conversations.ports import ConversationSession
from cards.wording import capitalised, listed, moment
from register.audit import AuditAction, AuditEntry
from register.notices import Delivery, Notice, NoticeAction, NoticeKind
from register.records import Incident, TerminatedCall
from register.staff import Role, StaffMember

log = logging.getLogger(__name__)

MANAGER_ACTIONS = (
    NoticeAction.ACKNOWLEDGE,
    NoticeAction.OPEN_RECORD,
    NoticeAction.PROPOSE_RESTRICTION,
)


@dataclass(frozen=True, slots=True)
class Told:
    """Who was told in Teams, and who could not be reached."""

    reached: tuple[str, ...]
    missed: tuple[str, ...]
    nobody_to_tell: bool = False


def managers_to_tell(session: ConversationSession, staff: StaffMember) -> list[StaffMember]:
    """The staff member's own manager, then their service's managers; never themselves."""
    found: list[StaffMember] = []
    if staff.manager_aad_id:
        own = session.staff_member(staff.manager_aad_id)
        found += [own] if own is not None else []
    if staff.service:
        found += session.staff_in_service(staff.service, Role.MANAGER)
    unique = {m.aad_object_id: m for m in found if m.aad_object_id != staff.aad_object_id}
    return list(unique.values())


def incident_notices(
    incident: Incident, who: str, staff: StaffMember, to: Sequence[StaffMember], tz: tzinfo
) -> tuple[Notice, ...]:
    safety = any(b.is_safety_related for b in incident.behaviours) or bool(incident.injuries)
    lines = (
        f"{staff.name} logged an incident with {who}.",
        f"When: {moment(incident.occurred_at, tz)}",
        f"How: {capitalised(incident.channel.label)}",
        f"What they did: {capitalised(listed(b.label for b in incident.behaviours))}",
    )
    return tuple(
        Notice(
            NoticeKind.INCIDENT,
            manager.aad_object_id,
            "Incident reported" + (" (safety-related)" if safety else ""),
            lines,
            "incident",
            incident.id,
            urgent=safety,
            actions=MANAGER_ACTIONS,
        )
        for manager in to
    )


def call_notices(
    call: TerminatedCall, who: str, staff: StaffMember, to: Sequence[StaffMember], tz: tzinfo
) -> tuple[Notice, ...]:
    warned = "Yes" if call.warned_first else "No: the policy asks for a warning first"
    lines = (
        f"{staff.name} ended a call with {who}.",
        f"When: {moment(call.occurred_at, tz)}",
        f"Warned first: {warned}",
        f"Why: {call.reason}",
    )
    return tuple(
        Notice(
            NoticeKind.TERMINATED_CALL,
            manager.aad_object_id,
            "A call was ended" + ("" if call.warned_first else " without a warning"),
            lines,
            "terminated_call",
            call.id,
            urgent=not call.warned_first,
            actions=MANAGER_ACTIONS,
        )
        for manager in to
    )


async def tell(
    ctx: Context,
    notices: Sequence[Notice],
    to: Sequence[StaffMember],
    record: Incident | TerminatedCall,
) -> Told:
    """Deliver each notice, then record on the register who was told and when."""
    if not notices:
        return Told((), (), nobody_to_tell=True)
    names = {m.aad_object_id: m.name for m in to}
    deliveries = [(notice, await _deliver(ctx, notice)) for notice in notices]
    await ctx.unit_of_work(lambda session: _record(ctx, session, record, deliveries))
    reached = tuple(names[n.recipient] for n, d in deliveries if d.delivered)
    missed = tuple(names[n.recipient] for n, d in deliveries if not d.delivered)
    return Told(reached, missed)


async def _deliver(ctx: Context, notice: Notice) -> Delivery:
    """A failed delivery is an answer ('could not reach'), never a lost incident."""
    try:
        return await ctx.notifier.notify(notice)
    except Exception:
        log.exception("could not deliver a %s notice", notice.kind.value)
        return Delivery(False, "none", "delivery failed")


def _record(
    ctx: Context,
    session: ConversationSession,
    record: Incident | TerminatedCall,
    deliveries: Sequence[tuple[Notice, Delivery]],
) -> None:
    for notice, delivery in deliveries:
        session.audit(
            AuditEntry(
                actor=ctx.staff.aad_object_id,
                action=AuditAction.NOTIFY,
                subject_type=notice.record_type,
                subject_id=notice.record_id,
                reason=f"manager told of a new {notice.kind.label}",
                detail=f"to {notice.recipient} via {delivery.route}: "
                + ("delivered" if delivery.delivered else "not delivered"),
            )
        )
    if any(delivery.delivered for _, delivery in deliveries):
        session.update(replace(record, manager_told_at=ctx.clock()))
