"""Letters to customers: opening them, building their content, and recording what happened.

Each decision, review outcome and appeal outcome needs a letter. The
register records that the letter was made, the day it was sent, or why it
was not sent (the reason is required: a customer who was never told cannot
be expected to keep to an arrangement, so "not sent" must be explained).
Sending a decision letter also records, on the restriction, the day the
customer was told; for review and appeal letters, on the review or appeal.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from register.access import Refusal
from register.audit import AuditAction, AuditEntry
from register.decision_ports import DecisionSession, DecisionStore
from register.decision_records import LetterKind, LetterRecord
from register.letters import (
    Letter,
    appeal_outcome_letter,
    decision_letter,
    review_outcome_letter,
)
from register.lifecycle import outcome_notice_deadline
from register.policy import Preset
from register.restrictions import Officer, Restriction
from register.reviews import Appeal, Review
from register.staff import StaffMember
from register.subjects import Person, Property


def _audit(actor: str, letter: LetterRecord, reason: str) -> AuditEntry:
    detail = f"{letter.kind.value} letter {letter.id}"
    return AuditEntry(
        actor, AuditAction.UPDATE, "restriction", letter.restriction_id, reason, detail
    )


def _review(session: DecisionSession, restriction_id: str, review_id: str) -> Review | None:
    return next((r for r in session.reviews_for(restriction_id) if r.id == review_id), None)


def _appeal(session: DecisionSession, restriction_id: str, appeal_id: str) -> Appeal | None:
    return next((a for a in session.appeals_for(restriction_id) if a.id == appeal_id), None)


def open_outcome_letter(
    store: DecisionStore,
    preset: Preset,
    restriction_id: str,
    about: Review | Appeal,
    by: StaffMember,
    on: date,
) -> LetterRecord:
    """Record that a review or appeal outcome letter is due, with the policy's send-by date.

    MCRC: the customer is told a review's outcome "within 7 working days of
    the review decision"; the deadline is kept so a late letter shows.
    """
    kind = LetterKind.REVIEW_OUTCOME if isinstance(about, Review) else LetterKind.APPEAL_OUTCOME
    held = about.held_on if isinstance(about, Review) else None
    send_by = outcome_notice_deadline(held, preset) if held else None
    letter = LetterRecord(restriction_id, kind, on, about_id=about.id, send_by=send_by)
    with store.transaction() as session:
        session.add_letter(letter)
        session.audit(_audit(by.id, letter, f"{kind.label} letter prepared"))
    return letter


def _told(session: DecisionSession, letter: LetterRecord, sent_on: date) -> None:
    """Record, on the decision, review or appeal itself, the day the customer was told."""
    if letter.kind is LetterKind.DECISION:
        restriction = session.restriction(letter.restriction_id)
        if restriction is not None:
            session.update(replace(restriction, customer_told_on=sent_on))
        return
    about_id = letter.about_id or ""
    if letter.kind is LetterKind.REVIEW_OUTCOME:
        review = _review(session, letter.restriction_id, about_id)
        if review is not None:
            session.update(replace(review, customer_told_on=sent_on))
        return
    appeal = _appeal(session, letter.restriction_id, about_id)
    if appeal is not None:
        session.update(replace(appeal, customer_told_on=sent_on))


def _unsettled(session: DecisionSession, letter_id: str) -> LetterRecord | Refusal:
    letter = session.letter(letter_id)
    if letter is None:
        return Refusal("That letter is not in the register.")
    if letter.sent_on is not None:
        return Refusal(f"That letter was already recorded as sent on {letter.sent_on}.")
    if letter.not_sent_reason:
        return Refusal("That letter was already recorded as not sent.")
    return letter


def record_letter_sent(
    store: DecisionStore, letter_id: str, sent_on: date, by: StaffMember
) -> LetterRecord | Refusal:
    """Record the day a letter went to the customer (and so the day they were told)."""
    with store.transaction() as session:
        letter = _unsettled(session, letter_id)
        if isinstance(letter, Refusal):
            return letter
        if sent_on < letter.generated_on:
            return Refusal("A letter cannot be sent before the day it was written.")
        sent = replace(letter, sent_on=sent_on)
        session.update_letter(sent)
        _told(session, sent, sent_on)
        session.audit(_audit(by.id, sent, "letter sent" + (" late" if sent.late else "")))
    return sent


def record_letter_not_sent(
    store: DecisionStore, letter_id: str, reason: str, by: StaffMember
) -> LetterRecord | Refusal:
    """Record that a letter will not be sent; the reason is required."""
    if not reason.strip():
        return Refusal("Give the reason the letter is not being sent.")
    with store.transaction() as session:
        letter = _unsettled(session, letter_id)
        if isinstance(letter, Refusal):
            return letter
        kept = replace(letter, not_sent_reason=reason.strip())
        session.update_letter(kept)
        session.audit(_audit(by.id, kept, "letter not sent"))
    return kept


# ---- Content ---------------------------------------------------------------------


def _subject(session: DecisionSession, restriction: Restriction) -> tuple[Person, Property | None]:
    person = session.person(restriction.person_id or "")
    if person is None:
        raise LookupError("a letter goes to a person; this restriction is on a property")
    home = session.property(person.property_id) if person.property_id else None
    return person, home


def letter_content(
    store: DecisionStore, preset: Preset, letter_id: str, signer: Officer | None = None
) -> Letter | Refusal:
    """Build a recorded letter's content from the register, ready to render."""
    with store.transaction() as session:
        letter = session.letter(letter_id)
        restriction = session.restriction(letter.restriction_id) if letter else None
        if letter is None or restriction is None:
            return Refusal("That letter is not in the register.")
        if restriction.person_id is None:
            return Refusal("Restrictions on a property are not written to anyone.")
        person, home = _subject(session, restriction)
        about = letter.about_id or ""
        if letter.kind is LetterKind.DECISION:
            skip = session.skip_for(restriction.id)
            return decision_letter(
                preset, person, home, [restriction], dated=letter.generated_on, skip=skip
            )
        if letter.kind is LetterKind.REVIEW_OUTCOME:
            review = _review(session, restriction.id, about)
            if review is None:
                return Refusal("The review this letter reports is not in the register.")
            return review_outcome_letter(
                preset, person, home, [restriction], review, dated=letter.generated_on
            )
        appeal = _appeal(session, restriction.id, about)
        if appeal is None:
            return Refusal("The appeal this letter reports is not in the register.")
        who = signer or appeal.heard_by or restriction.approved_by or restriction.decided_by
        return appeal_outcome_letter(
            preset, person, home, [restriction], appeal, dated=letter.generated_on, signer=who
        )
