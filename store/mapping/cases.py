"""Restrictions, risks and the case history: rows to records and back."""

from __future__ import annotations

from typing import Any

from register.records import Contact, Incident, TerminatedCall
from register.restrictions import Officer, Restriction, RestrictionType, Status
from register.reviews import Appeal, AppealOutcome, Review, ReviewOutcome
from register.risks import PremiseRisk
from register.vocabulary import Behaviour, Channel, HazardType, Precaution, Severity

Values = dict[str, Any]


def _officer(name: str | None, title: str | None) -> Officer | None:
    return Officer(name, title or "") if name is not None else None


def _officer_values(prefix: str, officer: Officer | None) -> Values:
    return {
        f"{prefix}_name": officer.name if officer else None,
        f"{prefix}_title": officer.job_title if officer else None,
    }


def restriction_values(record: Restriction) -> Values:
    return {
        "id": record.id,
        "kind": record.kind.value,
        "person_id": record.person_id,
        "property_id": record.property_id,
        "stage": record.stage,
        "reasons": record.reasons,
        **_officer_values("decided_by", record.decided_by),
        "start": record.start,
        "service": record.service,
        "params": dict(record.params),
        "equality_considerations": record.equality_considerations,
        **_officer_values("approved_by", record.approved_by),
        "provisional_end": record.provisional_end,
        "customer_told_on": record.customer_told_on,
        "next_review": record.next_review,
        "status": record.status.value,
        "updated_at": record.updated_at,
        "proposed_by": record.proposed_by,
    }


def restriction_from(row: Any) -> Restriction:
    return Restriction(
        kind=RestrictionType(row.kind),
        person_id=row.person_id,
        stage=row.stage,
        reasons=row.reasons,
        decided_by=Officer(row.decided_by_name, row.decided_by_title),
        start=row.start,
        service=row.service,
        params=dict(row.params),
        property_id=row.property_id,
        equality_considerations=row.equality_considerations,
        approved_by=_officer(row.approved_by_name, row.approved_by_title),
        provisional_end=row.provisional_end,
        customer_told_on=row.customer_told_on,
        next_review=row.next_review,
        status=Status(row.status),
        id=row.id,
        updated_at=row.updated_at,
        proposed_by=row.proposed_by,
    )


def premise_risk_values(record: PremiseRisk) -> Values:
    return {
        "id": record.id,
        "hazard": record.hazard.value,
        "severity": record.severity.value,
        "precautions": [p.value for p in record.precautions],
        "details_contact": record.details_contact,
        "recorded_on": record.recorded_on,
        "property_id": record.property_id,
        "person_id": record.person_id,
        "details": record.details,
        "next_review": record.next_review,
        "ended_on": record.ended_on,
    }


def premise_risk_from(row: Any) -> PremiseRisk:
    return PremiseRisk(
        hazard=HazardType(row.hazard),
        severity=Severity(row.severity),
        precautions=tuple(Precaution(p) for p in row.precautions),
        details_contact=row.details_contact,
        recorded_on=row.recorded_on,
        property_id=row.property_id,
        person_id=row.person_id,
        details=row.details,
        next_review=row.next_review,
        ended_on=row.ended_on,
        id=row.id,
    )


def incident_values(record: Incident) -> Values:
    return {
        "id": record.id,
        "occurred_at": record.occurred_at,
        "channel": record.channel.value,
        "staff_id": record.staff_id,
        "behaviours": [b.value for b in record.behaviours],
        "description": record.description,
        "person_id": record.person_id,
        "property_id": record.property_id,
        "service": record.service,
        "location": record.location,
        "police_involved": record.police_involved,
        "injuries": record.injuries,
        "witnesses": record.witnesses,
        "manager_told_at": record.manager_told_at,
    }


def incident_from(row: Any) -> Incident:
    return Incident(
        occurred_at=row.occurred_at,
        channel=Channel(row.channel),
        staff_id=row.staff_id,
        behaviours=tuple(Behaviour(b) for b in row.behaviours),
        description=row.description,
        person_id=row.person_id,
        property_id=row.property_id,
        service=row.service,
        location=row.location,
        police_involved=row.police_involved,
        injuries=row.injuries,
        witnesses=row.witnesses,
        manager_told_at=row.manager_told_at,
        id=row.id,
    )


def terminated_call_values(record: TerminatedCall) -> Values:
    return {
        "id": record.id,
        "occurred_at": record.occurred_at,
        "staff_id": record.staff_id,
        "warned_first": record.warned_first,
        "reason": record.reason,
        "caller": record.caller,
        "person_id": record.person_id,
        "behaviours": [b.value for b in record.behaviours],
        "service": record.service,
        "manager_told_at": record.manager_told_at,
    }


def terminated_call_from(row: Any) -> TerminatedCall:
    return TerminatedCall(
        occurred_at=row.occurred_at,
        staff_id=row.staff_id,
        warned_first=row.warned_first,
        reason=row.reason,
        caller=row.caller,
        person_id=row.person_id,
        behaviours=tuple(Behaviour(b) for b in row.behaviours),
        service=row.service,
        manager_told_at=row.manager_told_at,
        id=row.id,
    )


def contact_values(record: Contact) -> Values:
    return {
        "id": record.id,
        "person_id": record.person_id,
        "at": record.at,
        "channel": record.channel.value,
        "summary": record.summary,
        "source": record.source,
        "reference": record.reference,
    }


def contact_from(row: Any) -> Contact:
    return Contact(
        person_id=row.person_id,
        at=row.at,
        channel=Channel(row.channel),
        summary=row.summary,
        source=row.source,
        reference=row.reference,
        id=row.id,
    )


def review_values(record: Review) -> Values:
    return {
        "id": record.id,
        "restriction_id": record.restriction_id,
        "due_on": record.due_on,
        "held_on": record.held_on,
        **_officer_values("reviewer", record.reviewer),
        "outcome": record.outcome.value if record.outcome else None,
        "considerations": record.considerations,
        "customer_told_on": record.customer_told_on,
    }


def review_from(row: Any) -> Review:
    return Review(
        restriction_id=row.restriction_id,
        due_on=row.due_on,
        held_on=row.held_on,
        reviewer=_officer(row.reviewer_name, row.reviewer_title),
        outcome=ReviewOutcome(row.outcome) if row.outcome else None,
        considerations=row.considerations,
        customer_told_on=row.customer_told_on,
        id=row.id,
    )


def appeal_values(record: Appeal) -> Values:
    return {
        "id": record.id,
        "restriction_id": record.restriction_id,
        "received_on": record.received_on,
        "deadline": record.deadline,
        "grounds": record.grounds,
        **_officer_values("heard_by", record.heard_by),
        "outcome": record.outcome.value if record.outcome else None,
        "decided_on": record.decided_on,
        "customer_told_on": record.customer_told_on,
    }


def appeal_from(row: Any) -> Appeal:
    return Appeal(
        restriction_id=row.restriction_id,
        received_on=row.received_on,
        deadline=row.deadline,
        grounds=row.grounds,
        heard_by=_officer(row.heard_by_name, row.heard_by_title),
        outcome=AppealOutcome(row.outcome) if row.outcome else None,
        decided_on=row.decided_on,
        customer_told_on=row.customer_told_on,
        id=row.id,
    )
