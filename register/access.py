"""Who may see what.

Frontline staff get the need-to-know view (precautions, allowed channels,
who to call), never the reasons, incidents or history. Managers see full
records in their own service and council-wide ones. Register
administrators see everything. Every look-up is audited by the use case
that makes it, whatever the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from register.restrictions import Restriction
from register.staff import Role, StaffMember


@dataclass(frozen=True, slots=True)
class Refusal:
    """An expected 'no', with words a member of staff can act on."""

    reason: str


def may_see_full_record(staff: StaffMember, restriction: Restriction | None = None) -> bool:
    """Managers see their own service's records (and council-wide ones); admins see all."""
    if staff.role is Role.ADMIN:
        return True
    if staff.role is not Role.MANAGER:
        return False
    if restriction is None or restriction.service is None or staff.service is None:
        return True
    return restriction.service.casefold() == staff.service.casefold()


def may_decide(staff: StaffMember) -> bool:
    """Only managers and administrators propose, approve or vary restrictions."""
    return staff.role in (Role.MANAGER, Role.ADMIN)


def may_export(staff: StaffMember) -> bool:
    """Bulk and subject access exports are for register administrators (and the DPO)."""
    return staff.role is Role.ADMIN


def full_record_refusal(staff: StaffMember) -> Refusal:
    return Refusal(
        f"{staff.role.label.capitalize()} staff see the precautions and contact "
        "arrangements only. Ask your service manager if you need the full record."
    )


def may_see_mail(staff: StaffMember, spoc_officer: str) -> bool:
    """A decided email is the SPOC officer's to read, and their managers' and admins'.

    The email is the customer's own words to the officer who manages their
    contact, so frontline staff other than that officer get a refusal.
    """
    is_officer = bool(spoc_officer) and staff.aad_object_id == spoc_officer
    return is_officer or staff.role in (Role.MANAGER, Role.ADMIN)


def mail_refusal() -> Refusal:
    return Refusal(
        "Only the SPOC officer the email was for, a manager or a register administrator "
        "can open it."
    )
