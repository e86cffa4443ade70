"""The buttons on an escalation notice, pressed for an email the watcher decided (a mail claim).

The watcher's escalations and abusive-mail notices carry record
"mail_claim" and the claim's id (mailbox/telling.py). The email is the
customer's own words to their SPOC officer, so it is that officer's to
read, and their managers' and administrators' (`register.access.may_see_mail`);
anyone else is refused in plain words. Every press is audited, a refusal
included, as the manager buttons on incidents are. Propose a restriction
(on an abusive-mail notice) opens the proposal form with the customer's
name filled in, for a manager who may read the email.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.commands import Reply
from bot.conversations import proposals
from bot.conversations.context import Context
from bot.conversations.ports import ConversationSession
from cards.actions import CardAction
from cards.mail import RECORD, decided_mail_card, mail_action_schema
from cards.problems import submission_error_card
from cards.validation import submitted
from register.access import mail_refusal, may_decide, may_see_mail
from register.audit import AuditAction, AuditEntry
from register.decided_mail import DecidedMail

NOT_FOUND = "I can't find that email any more. It may have been removed under the retention rules."
ACKNOWLEDGED = "Thanks, I've noted that you have seen it."
ONLY_MANAGERS = "Only managers can do that. Ask your service manager if something needs action."


async def pressed(ctx: Context, values: Mapping[str, Any]) -> Reply:
    """Acknowledge, Open record or Propose a restriction, for one email."""
    action = CardAction(values["action"])
    checked = submitted(values, mail_action_schema(action))
    if not checked.ok:
        return Reply("That button could not be used.", card=submission_error_card(checked.problems))
    claim_id = checked.values["id"]
    if action is CardAction.PROPOSE_RESTRICTION:
        return await _propose(ctx, claim_id)
    work = _acknowledge if action is CardAction.ACKNOWLEDGE else _open
    return await ctx.unit_of_work(lambda session: work(ctx, session, claim_id))


def _readable(
    ctx: Context, session: ConversationSession, claim_id: str, what: str
) -> DecidedMail | Reply:
    """The email if this person may read it, else the reply to give (the refusal audited)."""
    mail = session.decided_mail(claim_id)
    if mail is None:
        return Reply(NOT_FOUND)
    if not may_see_mail(ctx.staff, mail.officer):
        session.audit(_entry(ctx, claim_id, f"refused: {what}"))
        return Reply(mail_refusal().reason)
    return mail


def _acknowledge(ctx: Context, session: ConversationSession, claim_id: str) -> Reply:
    mail = _readable(ctx, session, claim_id, "acknowledge")
    if isinstance(mail, Reply):
        return mail
    session.audit(_entry(ctx, claim_id, _acknowledged_by(ctx, mail)))
    return Reply(ACKNOWLEDGED)


def _open(ctx: Context, session: ConversationSession, claim_id: str) -> Reply:
    mail = _readable(ctx, session, claim_id, "email record")
    if isinstance(mail, Reply):
        return mail
    session.audit(_entry(ctx, claim_id, "email record opened"))
    person = session.person(mail.person_id) if mail.person_id else None
    officer = session.staff_member(mail.officer) if mail.officer else None
    return Reply(
        card=decided_mail_card(
            mail, person.name if person else None, officer.name if officer else None, ctx.timezone
        )
    )


async def _propose(ctx: Context, claim_id: str) -> Reply:
    """The proposal form with the customer's name, for a manager who may read the email."""
    if not may_decide(ctx.staff):
        return Reply(ONLY_MANAGERS)

    def customer(session: ConversationSession) -> Reply | str:
        mail = _readable(ctx, session, claim_id, "propose a restriction")
        if isinstance(mail, Reply):
            return mail
        person = session.person(mail.person_id) if mail.person_id else None
        return person.name if person else ""

    found = await ctx.unit_of_work(customer)
    return found if isinstance(found, Reply) else await proposals.typed(ctx, found)


def _acknowledged_by(ctx: Context, mail: DecidedMail) -> str:
    return "SPOC officer acknowledged" if ctx.staff.id == mail.officer else "acknowledged"


def _entry(ctx: Context, claim_id: str, why: str) -> AuditEntry:
    return AuditEntry(ctx.staff.aad_object_id, AuditAction.VIEW, RECORD, claim_id, why)
