"""Rows to the core's records and back.

Each record type has a pair of functions: `<record>_values` gives the column
values to insert or update, `<record>_from` rebuilds the frozen dataclass
from a row (anything with attribute access: a Core `Row` or a row object).
Rebuilding goes through the dataclass constructor on purpose, so a row the
core would refuse is caught on the way out as well as on the way in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from register.ports import Record
from register.records import Contact, Incident, TerminatedCall
from register.restrictions import Restriction
from register.reviews import Appeal, Review
from register.risks import PremiseRisk
from register.staff import StaffMember
from register.subjects import Person, Property
from store import tables as t
from store.mapping.cases import (
    appeal_from,
    appeal_values,
    contact_from,
    contact_values,
    incident_from,
    incident_values,
    premise_risk_from,
    premise_risk_values,
    restriction_from,
    restriction_values,
    review_from,
    review_values,
    terminated_call_from,
    terminated_call_values,
)
from store.mapping.subjects import (
    audit_from,
    audit_values,
    person_alias_values,
    person_email_values,
    person_from,
    person_values,
    property_from,
    property_values,
    staff_member_from,
    staff_member_values,
)

Values = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Mapping:
    """How one record type is stored: its row class, its words, its key column."""

    row: type[t.RegisterTable]
    noun: str  # what a member of staff would call it, for error messages
    values: Callable[[Any], Values]
    key: str = "id"


# One entry per record type the register stores (bulk inserts order by foreign keys).
MAPPINGS: dict[type, Mapping] = {
    Property: Mapping(t.PropertyRow, "property", property_values),
    Person: Mapping(t.PersonRow, "person", person_values),
    StaffMember: Mapping(t.StaffMemberRow, "staff member", staff_member_values, "aad_object_id"),
    Restriction: Mapping(t.RestrictionRow, "restriction", restriction_values),
    PremiseRisk: Mapping(t.PremiseRiskRow, "premise risk", premise_risk_values),
    Incident: Mapping(t.IncidentRow, "incident", incident_values),
    TerminatedCall: Mapping(t.TerminatedCallRow, "terminated call", terminated_call_values),
    Contact: Mapping(t.ContactRow, "contact", contact_values),
    Review: Mapping(t.ReviewRow, "review", review_values),
    Appeal: Mapping(t.AppealRow, "appeal", appeal_values),
}


def mapping_for(record: Record) -> Mapping:
    try:
        return MAPPINGS[type(record)]
    except KeyError:
        raise TypeError(f"the register does not store {type(record).__name__}") from None


__all__ = [
    "MAPPINGS",
    "Mapping",
    "Values",
    "appeal_from",
    "audit_from",
    "audit_values",
    "contact_from",
    "incident_from",
    "mapping_for",
    "person_alias_values",
    "person_email_values",
    "person_from",
    "premise_risk_from",
    "property_from",
    "restriction_from",
    "review_from",
    "staff_member_from",
    "terminated_call_from",
]
