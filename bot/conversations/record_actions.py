"""The buttons on a reminder about a restriction or a premise risk.

The scheduler's reminders (review due or overdue, appeal deadline,
outcome letter due, end date reached), the approval and decision notices
carry record "restriction" or "premise_risk" and the record's id
(register/schedule/wording.py, register/schedule/reviews.py,
register/decisions.py, register/decision_notices.py). Acknowledge is
recorded in the audit trail. Open record shows the full record only to
someone `register.access.may_see_full_record` allows (managers of the
restriction's service, or of a council-wide one, and administrators);
everyone else gets the plain refusal the incident cards give. Every press
is audited, a refusal included.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.commands import Reply
from bot.conversations.context import Context
from bot.conversations.mail_actions import ACKNOWLEDGED
from bot.conversations.ports import ConversationSession
from cards.actions import CardAction
from cards.problems import submission_error_card
from cards.restriction_view import (
    RECORDS,
    RESTRICTION,
    RestrictionView,
    premise_risk_card,
    record_action_schema,
    restriction_card,
)
from cards.validation import submitted
from register.access import full_record_refusal, may_see_full_record
from register.audit import AuditAction, AuditEntry
from register.errors import InvalidInput
from register.restrictions import Restriction
from register.risks import PremiseRisk
from register.schedule.model import Case
from register.schedule.reviews import review_date

NOT_FOUND = "I can't find that record any more. It may have been removed under the retention rules."
UNUSABLE = "That button could not be used."
ACTIONS = (CardAction.ACKNOWLEDGE, CardAction.OPEN_RECORD)

__all__ = ["RECORDS", "pressed"]


async def pressed(ctx: Context, values: Mapping[str, Any]) -> Reply:
    """Acknowledge or Open record, for one restriction or premise risk."""
    action = CardAction(values["action"])
    if action not in ACTIONS:
        return Reply(f"{UNUSABLE} It does not apply to this record.")
    checked = submitted(values, record_action_schema(action))
    if not checked.ok:
        return Reply(UNUSABLE, card=submission_error_card(checked.problems))
    kind, record_id = checked.values["record"], checked.values["id"]
    work = _acknowledge if action is CardAction.ACKNOWLEDGE else _open
    return await ctx.unit_of_work(lambda session: work(ctx, session, kind, record_id))


def _find(
    session: ConversationSession, kind: str, record_id: str
) -> Restriction | PremiseRisk | None:
    if kind == RESTRICTION:
        return session.restriction(record_id)
    return session.premise_risk(record_id)


def _acknowledge(ctx: Context, session: ConversationSession, kind: str, record_id: str) -> Reply:
    if _find(session, kind, record_id) is None:
        return Reply(NOT_FOUND)
    session.audit(_entry(ctx, kind, record_id, "acknowledged"))
    return Reply(ACKNOWLEDGED)


def _open(ctx: Context, session: ConversationSession, kind: str, record_id: str) -> Reply:
    record = _find(session, kind, record_id)
    if record is None:
        return Reply(NOT_FOUND)
    restriction = record if isinstance(record, Restriction) else None
    if not may_see_full_record(ctx.staff, restriction):
        session.audit(_entry(ctx, kind, record_id, "refused: full record"))
        return Reply(full_record_refusal(ctx.staff).reason)
    session.audit(_entry(ctx, kind, record_id, "full record opened"))
    if isinstance(record, Restriction):
        return Reply(card=restriction_card(_view(ctx, session, record)))
    return Reply(card=premise_risk_card(record, _where(session, record)))


def _view(ctx: Context, session: ConversationSession, restriction: Restriction) -> RestrictionView:
    return RestrictionView(
        restriction,
        _customer(session, restriction),
        _stage(ctx, restriction.stage),
        session.appeals_for(restriction.id),
        session.letters_for(restriction.id),
        _review_date(ctx, session, restriction),
    )


def _review_date(
    ctx: Context, session: ConversationSession, restriction: Restriction
) -> date | None:
    """The review date the scheduler's reminders name, worked out the same way."""
    case = Case(restriction, tuple(session.reviews_for(restriction.id)))
    return review_date(case, ctx.preset)


def _customer(session: ConversationSession, restriction: Restriction) -> str:
    if restriction.person_id is not None:
        person = session.person(restriction.person_id)
        return person.name if person else "Not on the register any more"
    place = session.property(restriction.property_id) if restriction.property_id else None
    return place.one_line if place else "Not on the register any more"


def _stage(ctx: Context, stage: str) -> str:
    """The preset's name for the step; an imported stage the preset does not know, as stored."""
    try:
        return ctx.preset.step(stage).label
    except InvalidInput:
        return stage


def _where(session: ConversationSession, risk: PremiseRisk) -> str:
    if risk.property_id is not None:
        place = session.property(risk.property_id)
        return place.one_line if place else "Not on the register any more"
    person = session.person(risk.person_id) if risk.person_id else None
    return person.name if person else "Not on the register any more"


def _entry(ctx: Context, kind: str, record_id: str, why: str) -> AuditEntry:
    return AuditEntry(ctx.staff.aad_object_id, AuditAction.VIEW, kind, record_id, why)
