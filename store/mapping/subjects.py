"""People, properties, staff and audit entries: rows to records and back."""

from __future__ import annotations

from typing import Any

from register.addresses import address_keys, name_key
from register.audit import AuditAction, AuditEntry
from register.staff import Role, StaffMember
from register.subjects import Person, Property

Values = dict[str, Any]


def property_values(record: Property) -> Values:
    keys = address_keys(record.address, record.postcode)
    return {
        "id": record.id,
        "address": record.address,
        "postcode": record.postcode,
        "uprn": record.uprn,
        "postcode_key": keys.postcode_key,
        "street_key": keys.street_key,
        "house_key": keys.house_key,
    }


def property_from(row: Any) -> Property:
    return Property(address=row.address, postcode=row.postcode, uprn=row.uprn, id=row.id)


def person_values(record: Person) -> Values:
    return {
        "id": record.id,
        "name": record.name,
        "name_key": name_key(record.name),
        "aliases": list(record.aliases),
        "emails": list(record.emails),
        "phones": list(record.phones),
        "property_id": record.property_id,
    }


def person_alias_values(record: Person) -> list[Values]:
    return [
        {"person_id": record.id, "position": n, "alias": alias, "name_key": name_key(alias)}
        for n, alias in enumerate(record.aliases)
    ]


def person_email_values(record: Person) -> list[Values]:
    # Person lower-cases its addresses already; lowering again keeps the
    # index's promise even if that ever changes.
    return [
        {"person_id": record.id, "position": n, "email": email.lower()}
        for n, email in enumerate(record.emails)
    ]


def person_from(row: Any) -> Person:
    return Person(
        name=row.name,
        aliases=tuple(row.aliases),
        emails=tuple(row.emails),
        phones=tuple(row.phones),
        property_id=row.property_id,
        id=row.id,
    )


def staff_member_values(record: StaffMember) -> Values:
    return {
        "aad_object_id": record.aad_object_id,
        "name": record.name,
        "job_title": record.job_title,
        "role": record.role.value,
        "service": record.service,
        "email": record.email.lower(),
        "manager_aad_id": record.manager_aad_id,
    }


def staff_member_from(row: Any) -> StaffMember:
    return StaffMember(
        aad_object_id=row.aad_object_id,
        name=row.name,
        job_title=row.job_title,
        role=Role(row.role),
        service=row.service,
        email=row.email,
        manager_aad_id=row.manager_aad_id,
    )


def audit_values(entry: AuditEntry) -> Values:
    return {
        "id": entry.id,
        "at": entry.at,
        "actor": entry.actor,
        "action": entry.action.value,
        "subject_type": entry.subject_type,
        "subject_id": entry.subject_id,
        "reason": entry.reason,
        "detail": entry.detail,
    }


def audit_from(row: Any) -> AuditEntry:
    return AuditEntry(
        actor=row.actor,
        action=AuditAction(row.action),
        subject_type=row.subject_type,
        subject_id=row.subject_id,
        reason=row.reason,
        detail=row.detail,
        at=row.at,
        id=row.id,
    )
