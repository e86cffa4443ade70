"""What happens when a manager presses a button on an incident or terminated-call card.

Acknowledge is recorded in the audit trail. Open record shows the full
record only to someone `register.access` allows to see it (managers of the
record's service, and administrators); everyone else gets a plain refusal,
which is audited too. Propose a restriction opens the proposal form,
prefilled from the record, for a manager who may see that record.
The same buttons on an escalated email (record "mail_claim") are answered
by bot/conversations/mail_actions.py, whose rules are the email's own, and
those on a scheduler reminder or decision notice (records "restriction" and
"premise_risk") by bot/conversations/record_actions.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.commands import Reply
from bot.conversations import mail_actions, proposals, record_actions
from bot.conversations.context import Context
from bot.conversations.ports import ConversationSession
from cards.actions import CardAction
from cards.manager import manager_action_schema, manager_incident_card, terminated_call_card
from cards.problems import submission_error_card
from cards.validation import submitted
from register.access import full_record_refusal, may_decide, may_see_full_record
from register.audit import AuditAction, AuditEntry
from register.records import Incident, TerminatedCall
from register.staff import Role, StaffMember

NOT_FOUND = "I can't find that record any more. It may have been removed under the retention rules."
ACKNOWLEDGED = "Thanks, I've noted that you have seen it."
ONLY_MANAGERS = "Only managers can do that. Ask your service manager if something needs action."

Record = Incident | TerminatedCall


async def pressed(ctx: Context, values: Mapping[str, Any]) -> Reply:
    if values.get("record") == mail_actions.RECORD:  # an escalation's buttons, for an email
        return await mail_actions.pressed(ctx, values)
    if values.get("record") in record_actions.RECORDS:  # a reminder's, for a restriction or risk
        return await record_actions.pressed(ctx, values)
    action = CardAction(values["action"])
    checked = submitted(values, manager_action_schema(action))
    if not checked.ok:
        return Reply("That button could not be used.", card=submission_error_card(checked.problems))
    kind, record_id = checked.values["record"], checked.values["id"]
    needs_manager = action in (CardAction.ACKNOWLEDGE, CardAction.PROPOSE_RESTRICTION)
    if needs_manager and not may_decide(ctx.staff):
        return Reply(ONLY_MANAGERS)
    work = {
        CardAction.ACKNOWLEDGE: _acknowledge,
        CardAction.OPEN_RECORD: _open,
        CardAction.PROPOSE_RESTRICTION: _propose,
    }[action]
    return await ctx.unit_of_work(lambda session: work(ctx, session, kind, record_id))


def _find(session: ConversationSession, kind: str, record_id: str) -> Record | None:
    if kind == "incident":
        return session.incident(record_id)
    return session.terminated_call(record_id)


def _acknowledge(ctx: Context, session: ConversationSession, kind: str, record_id: str) -> Reply:
    if _find(session, kind, record_id) is None:
        return Reply(NOT_FOUND)
    session.audit(_entry(ctx.staff, AuditAction.VIEW, kind, record_id, "manager acknowledged"))
    return Reply(ACKNOWLEDGED)


def _open(ctx: Context, session: ConversationSession, kind: str, record_id: str) -> Reply:
    record = _find(session, kind, record_id)
    if record is None:
        return Reply(NOT_FOUND)
    if not _may_see(ctx.staff, record):
        session.audit(_entry(ctx.staff, AuditAction.VIEW, kind, record_id, "refused: full record"))
        return Reply(full_record_refusal(ctx.staff).reason)
    session.audit(_entry(ctx.staff, AuditAction.VIEW, kind, record_id, "full record opened"))
    person = session.person(record.person_id) if record.person_id else None
    name = person.name if person else None
    author = session.staff_member(record.staff_id)
    author_name = author.name if author else "A member of staff"
    if isinstance(record, Incident):
        return Reply(card=manager_incident_card(record, name, author_name, ctx.timezone))
    return Reply(card=terminated_call_card(record, name, author_name, ctx.timezone))


def _propose(ctx: Context, session: ConversationSession, kind: str, record_id: str) -> Reply:
    """The proposal form, prefilled from a record the manager may see."""
    record = _find(session, kind, record_id)
    if record is None:
        return Reply(NOT_FOUND)
    if not _may_see(ctx.staff, record):
        return Reply(full_record_refusal(ctx.staff).reason)
    return proposals.form_from_record(ctx, session, record)


def _may_see(staff: StaffMember, record: Record) -> bool:
    """`may_see_full_record`, and for a manager, the record must be in their own service."""
    if not may_see_full_record(staff):
        return False
    if staff.role is Role.ADMIN or record.service is None or staff.service is None:
        return True
    return record.service.casefold() == staff.service.casefold()


def _entry(
    staff: StaffMember, action: AuditAction, kind: str, record_id: str, why: str
) -> AuditEntry:
    return AuditEntry(staff.aad_object_id, action, kind, record_id, why)
