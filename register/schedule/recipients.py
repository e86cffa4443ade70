"""Who is told about a restriction: its proposer, else whoever the record names.

A restriction belongs, for reminders, to the member of staff who proposed
it (`proposed_by`, kept on the restriction for as long as it runs, unlike
the audit trail, which is pruned). Imported records have no proposer, so
next comes a member of staff whose name and job title match the deciding
officer. Failing both, the service's managers own it, and failing those
the register administrators: a reminder with nobody to receive it would
be exactly the missed date Forewarn exists to prevent. The owner's manager
is their line manager (`manager_aad_id`), else the service's managers,
else the administrators.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from register.restrictions import Restriction
from register.schedule.model import Case
from register.staff import Role, StaffMember


@dataclass(frozen=True, slots=True)
class Directory:
    """The staff list, indexed for the questions the sweeps ask."""

    by_id: dict[str, StaffMember]

    @classmethod
    def of(cls, staff: Iterable[StaffMember]) -> Directory:
        return cls({member.id: member for member in staff})

    def admins(self) -> tuple[str, ...]:
        return tuple(sorted(m.id for m in self.by_id.values() if m.role is Role.ADMIN))

    def managers_of(self, service: str | None) -> tuple[str, ...]:
        """The managers of a service; the administrators for council-wide records."""
        found = sorted(
            m.id
            for m in self.by_id.values()
            if m.role is Role.MANAGER and service is not None and m.service == service
        )
        return tuple(found) or self.admins()

    def named(self, name: str, job_title: str | None = None) -> str | None:
        """The one member of staff with this name (and title, if given), if exactly one."""
        hits = [
            m.id
            for m in self.by_id.values()
            if m.name.casefold() == name.casefold()
            and (job_title is None or m.job_title.casefold() == job_title.casefold())
        ]
        return hits[0] if len(hits) == 1 else None

    def _known_owner(self, case: Case) -> str | None:
        if case.proposed_by in self.by_id:
            return case.proposed_by
        decided = case.restriction.decided_by
        return self.named(decided.name, decided.job_title)

    def owners(self, case: Case) -> tuple[str, ...]:
        """Who is reminded about a restriction (see the module docstring)."""
        owner = self._known_owner(case)
        return (owner,) if owner else self.managers_of(case.restriction.service)

    def owners_managers(self, case: Case) -> tuple[str, ...]:
        """Who is told when something about a restriction is overdue."""
        owner = self._known_owner(case)
        manager = self.by_id[owner].manager_aad_id if owner else None
        if manager:
            return (manager,)
        return self._service_managers_except(case.restriction, owner)

    def _service_managers_except(
        self, restriction: Restriction, owner: str | None
    ) -> tuple[str, ...]:
        managers = tuple(m for m in self.managers_of(restriction.service) if m != owner)
        return managers or self.admins()
