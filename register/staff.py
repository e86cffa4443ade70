"""Staff and their roles, keyed by Entra ID object id (what Teams tells the bot)."""

from __future__ import annotations

from dataclasses import dataclass

from register.vocabulary import Labelled


class Role(Labelled):
    """What a member of staff may see and do.

    Frontline staff see what they need before a visit or a contact; managers
    see and act on records in their service; register administrators (and
    the data protection officer) see everything and run exports.
    """

    FRONTLINE = "frontline"
    MANAGER = "manager"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class StaffMember:
    aad_object_id: str
    name: str
    job_title: str
    role: Role
    service: str | None = None
    email: str = ""
    manager_aad_id: str | None = None

    @property
    def id(self) -> str:
        return self.aad_object_id
