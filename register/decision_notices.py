"""Telling the proposer how their proposal was decided.

A manager who proposes a restriction waits on the approver; approving or
refusing it is theirs to hear about, with the approver's reasons (a
refusal's are required, so the proposer can act on them) and, for an
approval, when it is first reviewed and that the decision letter is still
to be made. The proposer is whoever the audit trail says created the
restriction, as the scheduler reads it for review reminders. Nobody is told
when the approver proposed it themselves, or when no proposer is on record.
"""

from __future__ import annotations

from datetime import date

from register.decision_ports import DecisionSession
from register.decision_records import LetterRecord
from register.notices import Notice, NoticeAction, NoticeKind
from register.restrictions import Restriction
from register.schedule.wording import day, reference
from register.staff import StaffMember


def _customer(session: DecisionSession, restriction: Restriction) -> str:
    person = session.person(restriction.person_id) if restriction.person_id else None
    if person is not None:
        return person.name
    place = session.property(restriction.property_id) if restriction.property_id else None
    return place.one_line if place is not None else "the customer"


def _proposer_to_tell(
    session: DecisionSession, restriction: Restriction, approver: StaffMember
) -> str | None:
    proposer = session.proposer_of(restriction.id)
    # No proposer on record means audit retention has pruned the "restriction
    # proposed" entry of a very old proposal: nobody is told, and the decision
    # stands regardless. A manager who decided their own proposal knows already.
    if proposer is None or proposer == approver.id:
        return None
    return proposer


def _head(
    session: DecisionSession, restriction: Restriction, approver: StaffMember, on: date, verb: str
) -> tuple[str, str]:
    label = restriction.kind.label
    what = f"{label[:1].upper()}{label[1:]} for {_customer(session, restriction)}"
    return (
        f"{verb}: {what} ({reference(restriction.id)}).",
        f"Decided by {approver.name} ({approver.job_title}) on {day(on)}.",
    )


def _notice(recipient: str, title: str, restriction: Restriction, lines: tuple[str, ...]) -> Notice:
    return Notice(
        NoticeKind.PROPOSAL_DECIDED,
        recipient,
        title,
        lines,
        "restriction",
        restriction.id,
        actions=(NoticeAction.OPEN_RECORD, NoticeAction.ACKNOWLEDGE),
    )


def approved_notice(
    session: DecisionSession,
    approved: Restriction,
    letter: LetterRecord,
    approver: StaffMember,
    reasons: str,
    on: date,
) -> tuple[Notice, ...]:
    """The proposer's notice of an approval (none if there is nobody to tell)."""
    proposer = _proposer_to_tell(session, approved, approver)
    if proposer is None:
        return ()
    due = approved.next_review
    lines = (
        *_head(session, approved, approver, on, "Approved"),
        *((f"Their reasons: {reasons}",) if reasons else ()),
        *((f"First review due by {day(due)}.",) if due else ()),
        f"The decision letter is to be made (letter {letter.id}); the register administrator "
        "makes it and records the day it is sent.",
    )
    return (_notice(proposer, "Your proposal was approved", approved, lines),)


def refused_notice(
    session: DecisionSession, refused: Restriction, approver: StaffMember, reasons: str, on: date
) -> tuple[Notice, ...]:
    """The proposer's notice of a refusal, with the reasons (none if there is nobody to tell)."""
    proposer = _proposer_to_tell(session, refused, approver)
    if proposer is None:
        return ()
    lines = (
        *_head(session, refused, approver, on, "Refused"),
        f"Their reasons: {reasons}",
        "It will not apply. Act on the reasons before proposing it again.",
    )
    return (_notice(proposer, "Your proposal was refused", refused, lines),)
