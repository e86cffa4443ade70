"""Gather what the routing rules look at: who sent the email, their arrangement, their case.

This is the only step of routing that reads the register, so the rules and
the table stay pure. The sender is matched by address alone (exact, without
case, against every address on a person's record); a near miss is no match.
Triage runs only in the customer's SPOC mailbox, against the customer's
known issues and their latest correspondence; where nothing is known it
still runs, against the history alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from mailbox.autoreply import classify_sender
from mailbox.message import ParsedMessage, ParseResult
from mailbox.rules.base import Customer, Facts
from mailbox.triage import CaseContext, Correspondence, KnownIssue, triage
from register.ports import RegisterSession
from register.restrictions import Restriction, RestrictionType
from register.staff import StaffMember
from register.subjects import Person

HISTORY = 40  # the latest emails triage compares against; older matters live in known issues


@dataclass(frozen=True, slots=True)
class RoutingSettings:
    """What routing needs from configuration.

    `mailbox` is the address of the watched mailbox. `default_spoc_mailbox`
    is used for SPOC arrangements that name an officer but no mailbox.
    `fallback_recipient` (an Entra id) is told when no officer or manager
    can be found, so that no escalation goes nowhere. `second_opinion` is
    FOREWARN_TRIAGE_SECOND_OPINION (mailbox/triage/second_opinion.py).
    """

    mailbox: str
    default_spoc_mailbox: str = ""
    fallback_recipient: str = ""
    second_opinion: bool = True


class CaseSession(RegisterSession, Protocol):
    """The reads facts need beyond the register (store.mail_repo.MailSession)."""

    def letters_for(self, person_id: str, limit: int) -> Sequence[object]: ...

    def issues_for(self, person_id: str) -> Sequence[object]: ...

    def staff_named(self, name: str) -> StaffMember | None: ...


def gather(
    session: CaseSession, result: ParseResult, settings: RoutingSettings, received_at: datetime
) -> Facts:
    if not isinstance(result, ParsedMessage):
        return Facts(mailbox=settings.mailbox, parsed=None, failure=result)
    automation = classify_sender(result)
    people = tuple(session.people_by_email(result.from_address))
    customers = tuple(
        _customer(session, person, restriction, settings)
        for person in people
        for restriction in session.restrictions_for_person(person.id)
        if restriction.kind is RestrictionType.SPOC and restriction.in_force
    )
    facts = Facts(settings.mailbox, result, None, automation, people, customers)
    if facts.customer is None or not facts.in_spoc_mailbox or automation.automatic:
        return facts
    context = case_context(session, facts.customer.person)
    decision = triage(result.as_incoming(received_at), context, settings.second_opinion)
    return Facts(settings.mailbox, result, None, automation, people, customers, decision)


def case_context(session: CaseSession, person: Person) -> CaseContext:
    """The customer's known issues and latest correspondence, as triage reads them."""
    issues = tuple(
        KnownIssue(i.id, i.summary, i.status, i.outcome)  # type: ignore[attr-defined]
        for i in session.issues_for(person.id)
    )
    history = tuple(
        Correspondence(c.at, c.sender, c.subject, c.body)  # type: ignore[attr-defined]
        for c in session.letters_for(person.id, HISTORY)
    )
    return CaseContext(customer_name=person.name, known_issues=issues, history=history)


def _customer(
    session: CaseSession, person: Person, restriction: Restriction, settings: RoutingSettings
) -> Customer:
    params = restriction.params
    spoc_mailbox = (params.get("mailbox") or settings.default_spoc_mailbox).strip().casefold()
    officer = params.get("officer", "").strip()
    staff = _staff(session, officer) if officer else None
    officer_id = staff.aad_object_id if staff else settings.fallback_recipient
    manager_id = (staff.manager_aad_id if staff else None) or settings.fallback_recipient
    return Customer(person, restriction.id, spoc_mailbox, officer, officer_id, manager_id)


def _staff(session: CaseSession, officer: str) -> StaffMember | None:
    """The officer named on the arrangement: by Entra id, else by name."""
    return session.staff_member(officer) or session.staff_named(officer)
