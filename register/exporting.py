"""Exports: the register back to CSV, and a subject access export for one person.

The CSV uses the import's columns (register.csv_columns), so an export
imported into an empty register gives the same register. The subject
access export gathers everything held on one person, which UK GDPR
(Article 15) obliges the council to provide on request; it goes to the
data protection officer for review, not straight to the customer.

Only register administrators may export (register.access.may_export). A
refusal is returned as a `Refusal` value, not raised: being told no is an
expected outcome. Every export, and every refused one, is audited.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any, TextIO

from register.access import Refusal, may_export
from register.audit import AuditAction, AuditEntry
from register.csv_columns import (
    HEADER,
    AppliesTo,
    EntryKind,
    format_date,
    format_list,
    format_params,
    guard_cell,
)
from register.ids import utcnow
from register.import_ladder import EARLIER_OUTSIDE, GIVEN, missing_steps
from register.policy import Preset
from register.ports import RegisterSession, RegisterStore
from register.restrictions import Restriction
from register.risks import PremiseRisk
from register.staff import StaffMember
from register.subjects import Person, Property

NOT_ADMIN = Refusal(
    "Only register administrators (and the data protection officer) may export the register."
)


@dataclass(frozen=True, slots=True)
class ExportSummary:
    rows: int
    path: Path | None


def _refused(session: RegisterSession, actor: StaffMember, subject: tuple[str, str]) -> Refusal:
    session.audit(_export_audit(actor, subject, "refused: not a register administrator"))
    return NOT_ADMIN


def _export_audit(actor: StaffMember, subject: tuple[str, str], detail: str) -> AuditEntry:
    return AuditEntry(
        actor=actor.id,
        action=AuditAction.EXPORT,
        subject_type=subject[0],
        subject_id=subject[1],
        reason="subject access export" if subject[0] == "person" else "register export to CSV",
        detail=detail,
    )


# The register as CSV ------------------------------------------------------------


def export_register(
    store: RegisterStore,
    destination: Path | str | TextIO,
    actor: StaffMember,
    preset: Preset | None = None,
) -> ExportSummary | Refusal:
    """Write the whole register as CSV in the import's columns, or refuse a non-admin.

    A file path is created readable by its owner only: it holds the register.
    With the council's preset, a restriction whose earlier stages the register
    does not hold (they were given before Forewarn, and said so when imported)
    is marked so in `earlier_stages_outside_forewarn`, so that the file imports
    again under the same ladder check.
    """
    with store.transaction() as session:
        if not may_export(actor):
            return _refused(session, actor, ("register", "register"))
        if not isinstance(destination, Path | str):
            rows = _write_csv(destination, register_rows(session, preset))
            path = None
        else:
            path = Path(destination)
            with _private_file(path) as out:
                rows = _write_csv(out, register_rows(session, preset))
        session.audit(_export_audit(actor, ("register", "register"), f"{rows} rows"))
    return ExportSummary(rows, path)


def _private_file(path: Path) -> TextIO:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    return open(descriptor, "w", encoding="utf-8-sig", newline="")


def _write_csv(out: TextIO, rows: Iterator[dict[str, str]]) -> int:
    writer = csv.writer(out)
    writer.writerow(HEADER)
    count = 0
    for row in rows:
        writer.writerow([guard_cell(row.get(column, "")) for column in HEADER])
        count += 1
    return count


def register_rows(
    session: RegisterSession, preset: Preset | None = None
) -> Iterator[dict[str, str]]:
    """One row per restriction and premise risk, then one per person or property
    not named on any of them, so that nobody is lost on the way back in."""
    properties = {prop.id: prop for prop in session.all_properties()}
    people = {person.id: person for person in session.all_people()}
    named: set[str] = set()
    restrictions = list(session.all_restrictions())
    outside = _earlier_stages_outside(preset, restrictions) if preset else set()
    entries: list[Restriction | PremiseRisk] = [*restrictions, *session.all_risks()]
    for entry in entries:
        cells = {**_subject_cells(entry, people, properties, named), **_entry_cells(entry)}
        if entry.id in outside:
            cells[EARLIER_OUTSIDE] = "yes"
        yield cells
    for person in people.values():
        if person.id not in named:
            prop = properties.get(person.property_id or "")
            named.update(filter(None, (person.id, person.property_id)))
            yield {
                "entry": EntryKind.SUBJECT.value,
                **_person_cells(person),
                **_property_cells(prop),
            }
    for prop in properties.values():
        if prop.id not in named:
            yield {"entry": EntryKind.SUBJECT.value, **_property_cells(prop)}


def _earlier_stages_outside(preset: Preset, restrictions: list[Restriction]) -> set[str]:
    """Ids of restrictions missing stages the ladder does not let be skipped (import_ladder)."""
    given: dict[tuple[str | None, str | None], set[str]] = defaultdict(set)
    for restriction in restrictions:
        if restriction.status in GIVEN:
            given[(restriction.person_id, restriction.property_id)].add(restriction.stage)
    return {
        restriction.id
        for restriction in restrictions
        if restriction.stage in preset.step_keys
        and missing_steps(
            preset, restriction.stage, given[(restriction.person_id, restriction.property_id)]
        )
    }


def _subject_cells(
    entry: Restriction | PremiseRisk,
    people: dict[str, Person],
    properties: dict[str, Property],
    named: set[str],
) -> dict[str, str]:
    if entry.person_id is not None:
        person = people[entry.person_id]
        prop = properties.get(person.property_id or "")
        named.update(filter(None, (person.id, person.property_id)))
        cells = {"applies_to": AppliesTo.PERSON.value, **_person_cells(person)}
        return {**cells, **_property_cells(prop)}
    prop = properties[entry.property_id or ""]
    named.add(prop.id)
    return {"applies_to": AppliesTo.PROPERTY.value, **_property_cells(prop)}


def _person_cells(person: Person) -> dict[str, str]:
    return {
        "name": person.name,
        "aliases": format_list(person.aliases),
        "emails": format_list(person.emails),
        "phones": format_list(person.phones),
    }


def _property_cells(prop: Property | None) -> dict[str, str]:
    if prop is None:
        return {}
    return {"address": prop.address, "postcode": prop.postcode, "uprn": prop.uprn or ""}


def _entry_cells(entry: Restriction | PremiseRisk) -> dict[str, str]:
    if isinstance(entry, PremiseRisk):
        return {
            "entry": EntryKind.PREMISE_RISK.value,
            "type": entry.hazard.value,
            "severity": entry.severity.value,
            "precautions": format_list([p.value for p in entry.precautions]),
            "details": entry.details,
            "details_contact": entry.details_contact,
            "start_date": format_date(entry.recorded_on),
            "next_review": format_date(entry.next_review),
            "ended_on": format_date(entry.ended_on),
        }
    return {
        "entry": EntryKind.RESTRICTION.value,
        "type": entry.kind.value,
        "parameters": format_params(entry.params),
        "service": entry.service or "",
        "stage": entry.stage,
        "reasons": entry.reasons,
        "equality_considerations": entry.equality_considerations,
        "decided_by": entry.decided_by.name,
        "decided_by_job_title": entry.decided_by.job_title,
        "approved_by": entry.approved_by.name if entry.approved_by else "",
        "approved_by_job_title": entry.approved_by.job_title if entry.approved_by else "",
        "start_date": format_date(entry.start),
        "provisional_end": format_date(entry.provisional_end),
        "customer_told_on": format_date(entry.customer_told_on),
        "next_review": format_date(entry.next_review),
        "status": entry.status.value,
    }


# Subject access ---------------------------------------------------------------------

SAR_ABOUT = (
    "Everything Forewarn holds on one person, gathered for a subject access request "
    "(UK GDPR Article 15). Before anything is disclosed the data protection officer "
    "must review it: other people's data (staff, witnesses, other household members) "
    "and information covered by an exemption (e.g. crime prevention, staff safety) "
    "may need to be withheld or redacted."
)

SECTION_NOTES = {
    "person": "The person's record: names, email addresses, telephone numbers.",
    "property": "The address the register holds for them, if any.",
    "restrictions": (
        "Managed contact arrangements on them, each with its reviews and appeals "
        "(proposed_by: the staff identifier of the officer who proposed it in Forewarn)."
    ),
    "premise_risks": (
        "Safety warnings on them, and on their address (which may concern other occupants)."
    ),
    "incidents": "Incidents staff logged involving them.",
    "terminated_calls": "Telephone calls staff ended, with the reasons recorded.",
    "contacts": "The log of their contacts with the council, kept as evidence of volume.",
    "audit": ("Who looked at or changed these records, and when (staff identifiers, no content)."),
}


def subject_access_export(
    store: RegisterStore, person_id: str, actor: StaffMember
) -> dict[str, Any] | Refusal:
    """Everything held on one person as JSON-ready data, or a Refusal.

    Refused for non-administrators and for an id the register does not hold.
    """
    with store.transaction() as session:
        if not may_export(actor):
            return _refused(session, actor, ("person", person_id))
        person = session.person(person_id)
        if person is None:
            session.audit(_export_audit(actor, ("person", person_id), "refused: no such person"))
            return Refusal(f"No person with id {person_id} is in the register.")
        sections = _sar_sections(session, person)
        session.audit(_export_audit(actor, ("person", person_id), "subject access export"))
    return {
        "generated_at": utcnow().isoformat(),
        "generated_by": actor.id,
        "about": SAR_ABOUT,
        "sections": {
            name: {"note": SECTION_NOTES[name], "records": _plain(records)}
            for name, records in sections.items()
        },
    }


def _sar_sections(session: RegisterSession, person: Person) -> dict[str, Any]:
    prop = session.property(person.property_id) if person.property_id else None
    restrictions = list(session.restrictions_for_person(person.id))
    risks = [*session.risks_for_person(person.id)]
    if prop is not None:
        risks.extend(session.risks_for_property(prop.id))
    incidents = list(session.incidents_for_person(person.id))
    calls = list(session.terminated_calls_for_person(person.id))
    subjects = [("person", person.id), ("property", prop.id if prop else "")]
    subjects += [("restriction", r.id) for r in restrictions]
    subjects += [("premise_risk", r.id) for r in risks]
    subjects += [("incident", i.id) for i in incidents]
    subjects += [("terminated_call", c.id) for c in calls]
    return {
        "person": person,
        "property": prop,
        "restrictions": [_with_history(session, r) for r in restrictions],
        "premise_risks": risks,
        "incidents": incidents,
        "terminated_calls": calls,
        "contacts": list(session.contacts_for_person(person.id)),
        "audit": [entry for kind, i in subjects if i for entry in session.audit_for(kind, i)],
    }


def _with_history(session: RegisterSession, restriction: Restriction) -> dict[str, Any]:
    return {
        **_plain(restriction),
        "reviews": _plain(list(session.reviews_for(restriction.id))),
        "appeals": _plain(list(session.appeals_for(restriction.id))),
    }


def _plain(value: Any) -> Any:
    """Records as JSON-ready dicts: dates as ISO 8601, vocabularies as their keys."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


# The command line -------------------------------------------------------------------


def _staff(store: RegisterStore, actor_id: str) -> StaffMember | Refusal:
    with store.transaction() as session:
        staff = session.staff_member(actor_id)
    return staff or Refusal(f"No staff member with id {actor_id} is in the register.")


def run_export_command(
    store: RegisterStore,
    path: Path | str,
    actor: str,
    out: TextIO | None = None,
    *,
    preset: Preset,
) -> int:
    """What `app.py export OUT --actor ID` runs: 0 written, 1 refused."""
    out = out or sys.stdout
    staff = _staff(store, actor)
    result = staff if isinstance(staff, Refusal) else export_register(store, path, staff, preset)
    if isinstance(result, Refusal):
        print(f"Refused: {result.reason}", file=out)
        return 1
    print(f"Exported {result.rows} rows to {result.path}.", file=out)
    return 0


def run_sar_command(
    store: RegisterStore,
    person: str,
    path: Path | str,
    actor: str,
    out: TextIO | None = None,
) -> int:
    """What `app.py sar PERSON OUT --actor ID` runs; PERSON is an id or an email address.

    Writes the JSON for the data protection officer, readable by its owner only.
    Returns 0 when written, 1 when refused.
    """
    out = out or sys.stdout
    staff = _staff(store, actor)
    if isinstance(staff, Refusal):
        result: dict[str, Any] | Refusal = staff
    else:
        result = subject_access_export(store, _person_id(store, person), staff)
    if isinstance(result, Refusal):
        print(f"Refused: {result.reason}", file=out)
        return 1
    descriptor = os.open(Path(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(descriptor, "w", encoding="utf-8") as file:
        json.dump(result, file, indent=2, ensure_ascii=False)
    print(f"Subject access export written to {path}; review it before disclosure.", file=out)
    return 0


def _person_id(store: RegisterStore, person: str) -> str:
    """An email address names the person who has it; anything else is taken as an id."""
    if "@" not in person:
        return person
    with store.transaction() as session:
        found = session.person_by_email(person)
    return found.id if found else person
