"""The look-ups frontline staff make from Teams: "check 12 Mill Lane OX1 1AY",
"check Gary Rowe", "can I take a call from Gary Rowe?".

Each look-up is one unit of work that finds candidates, decides, reads what
the answer needs and writes exactly one audit entry, whatever the answer:
a brief, a pick-list, no match or a refusal. The audit entry commits with
the look-up or not at all. Outcomes are values; nothing here raises for a
question the register cannot answer.
"""

from __future__ import annotations

from register.access import Refusal
from register.audit import AuditAction, AuditEntry
from register.briefs import (
    ContactBrief,
    Linked,
    NoMatch,
    PickList,
    Purpose,
    VisitBrief,
    contact_brief,
    visit_brief,
)
from register.candidates import no_match, pick_list, resolve
from register.lookup_ports import LookupSession, LookupStore
from register.matching import read_contact_question, read_query
from register.staff import StaffMember
from register.subjects import Person, Property

NOT_STAFF = Refusal(
    "Forewarn only answers council staff on its staff list. Ask your manager to add you."
)
QUERY = "query"  # the audit subject type of a look-up that found no one record

VisitResult = VisitBrief | PickList | NoMatch | Refusal
ContactResult = ContactBrief | PickList | NoMatch | Refusal


def ask(store: LookupStore, actor: str, text: str) -> VisitResult | ContactResult:
    """Answer whatever staff typed: a contact question, or else a pre-visit check."""
    if read_contact_question(text) is not None:
        return check_contact(store, actor, text)
    return look_up(store, actor, text)


def look_up(store: LookupStore, actor: str, text: str) -> VisitResult:
    """Pre-visit check on an address, a postcode or a person's name."""
    with store.transaction() as session:
        staff = session.staff_member(actor)
        if staff is None:
            return _refused(session, actor, Purpose.VISIT, text)
        query = read_query(text)
        match, shown = resolve(session, query)
        if match is not None:
            return _visit(session, actor, match.record, text)
        _audit(session, actor, Purpose.VISIT, (QUERY, ""), text)
        if shown:
            return pick_list(session, query, Purpose.VISIT, shown)
        return no_match(text, Purpose.VISIT)


def check_contact(store: LookupStore, actor: str, text: str) -> ContactResult:
    """'Can I take a call from Gary Rowe?': which channels are open, how, and what instead."""
    question = read_contact_question(text)
    who = question.who if question else text
    with store.transaction() as session:
        staff = session.staff_member(actor)
        if staff is None:
            return _refused(session, actor, Purpose.CONTACT, text)
        match, shown = resolve(session, read_query(who), people_only=True)
        if match is not None and isinstance(match.record, Person):
            return _contact(session, staff, match.record, text)
        _audit(session, actor, Purpose.CONTACT, (QUERY, ""), text)
        if shown:
            return pick_list(session, read_query(who), Purpose.CONTACT, shown)
        return no_match(text, Purpose.CONTACT)


def choose(
    store: LookupStore, actor: str, purpose: Purpose, subject: tuple[str, str], text: str
) -> VisitBrief | ContactBrief | NoMatch | Refusal:
    """The brief for one line of a pick-list; `text` is the query that made the list."""
    subject_type, subject_id = subject
    with store.transaction() as session:
        staff = session.staff_member(actor)
        if staff is None:
            return _refused(session, actor, purpose, text)
        record = _record(session, subject_type, subject_id)
        if record is None:
            _audit(session, actor, purpose, (QUERY, ""), text)
            return no_match(text, purpose)
        if purpose is Purpose.CONTACT and isinstance(record, Person):
            return _contact(session, staff, record, text)
        return _visit(session, actor, record, text)


def _record(session: LookupSession, subject_type: str, subject_id: str) -> Property | Person | None:
    if subject_type == "property":
        return session.property(subject_id)
    return session.person(subject_id) if subject_type == "person" else None


def _visit(session: LookupSession, actor: str, record: Property | Person, text: str) -> VisitBrief:
    """The brief for an address, or for a person (at their address when they have one)."""
    subject = ("property", record.id) if isinstance(record, Property) else ("person", record.id)
    _audit(session, actor, Purpose.VISIT, subject, text)
    place = record if isinstance(record, Property) else _home(session, record)
    if place is None:
        assert isinstance(record, Person)
        return visit_brief((*subject, record.name), [], [], [_linked(session, record)])
    people = session.people_at(place.id)
    return visit_brief(
        (*subject, place.one_line),
        session.risks_for_property(place.id),
        session.restrictions_for_property(place.id),
        [_linked(session, person) for person in people],
    )


def _contact(session: LookupSession, staff: StaffMember, person: Person, text: str) -> ContactBrief:
    _audit(session, staff.id, Purpose.CONTACT, ("person", person.id), text)
    question = read_contact_question(text)
    restrictions = session.restrictions_for_person(person.id)
    return contact_brief(person, restrictions, question.channel if question else None, staff.name)


def _home(session: LookupSession, person: Person) -> Property | None:
    return session.property(person.property_id) if person.property_id else None


def _linked(session: LookupSession, person: Person) -> Linked:
    return Linked(
        person, session.restrictions_for_person(person.id), session.risks_for_person(person.id)
    )


def _refused(session: LookupSession, actor: str, purpose: Purpose, text: str) -> Refusal:
    """Guard for callers that skipped the bot's staff check; the attempt is still audited."""
    _audit(session, actor, purpose, (QUERY, ""), text, refused=True)
    return NOT_STAFF


def _audit(
    session: LookupSession,
    actor: str,
    purpose: Purpose,
    subject: tuple[str, str],
    text: str,
    *,
    refused: bool = False,
) -> None:
    reason = f"{purpose.value} (refused: not on the staff list)" if refused else purpose.value
    session.audit(
        AuditEntry(
            actor=actor,
            action=AuditAction.LOOKUP,
            subject_type=subject[0],
            subject_id=subject[1],
            reason=reason,
            detail=text,
        )
    )
