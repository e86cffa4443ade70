"""Saving what staff confirmed: the record, a contact log entry and an audit entry, together.

One unit of work writes the incident (or terminated call), a contact log
entry when the person is on the register, the audit entry, and clears the
person's conversation; either all of it is saved or none of it. Who the
record is about is matched to the register only when the match is clear:
a wrong link on an incident would be worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.conversations.notices import managers_to_tell
from bot.conversations.ports import ConversationSession
from register.audit import AuditAction, AuditEntry
from register.candidates import resolve
from register.matching import read_query
from register.records import Contact, Incident, TerminatedCall
from register.staff import StaffMember
from register.subjects import Person, Property
from register.vocabulary import Channel


@dataclass(frozen=True, slots=True)
class Saved:
    record: Incident | TerminatedCall
    person_name: str | None  # the name on the register, when the person was matched
    managers: tuple[StaffMember, ...]


def matched_person(session: ConversationSession, words: str) -> Person | None:
    if not words.strip():
        return None
    match, _ = resolve(session, read_query(words), people_only=True)
    return match.record if match is not None and isinstance(match.record, Person) else None


def matched_property(session: ConversationSession, words: str) -> Property | None:
    if not words.strip():
        return None
    match, _ = resolve(session, read_query(words))
    return match.record if match is not None and isinstance(match.record, Property) else None


def save(
    session: ConversationSession,
    staff: StaffMember,
    record: Incident | TerminatedCall,
    person: Person | None,
    channel: Channel,
) -> Saved:
    """Write the record, its contact log entry and audit entry; end the conversation."""
    kind = "incident" if isinstance(record, Incident) else "terminated_call"
    session.add(record)
    if person is not None:
        session.add(Contact(person.id, record.occurred_at, channel, _summary(record), "bot"))
    session.audit(
        AuditEntry(
            actor=staff.aad_object_id,
            action=AuditAction.CREATE,
            subject_type=kind,
            subject_id=record.id,
            reason=f"{kind.replace('_', ' ')} logged in Teams",
            detail=",".join(b.value for b in record.behaviours),
        )
    )
    session.forget_conversation(staff.aad_object_id)
    managers = tuple(managers_to_tell(session, staff))
    return Saved(record, person.name if person else None, managers)


def _summary(record: Incident | TerminatedCall) -> str:
    """The contact log's one line; the detail stays on the record itself."""
    behaviours = ", ".join(b.label for b in record.behaviours)
    if isinstance(record, Incident):
        return f"Incident logged by staff: {behaviours}"
    warned = "after a warning" if record.warned_first else "without a warning"
    return f"Call ended by staff {warned}" + (f": {behaviours}" if behaviours else "")
