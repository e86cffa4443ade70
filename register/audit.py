"""The audit trail: append-only, who looked at or changed what, when and why.

Entries carry identifiers and a short description, never the personal data
itself, so a tombstone left after a deletion still reads sensibly and holds
nothing the retention rule removed. Look-ups are the exception: their
detail is the query typed, which may be a name or an address. So the
trail has a retention period of its own (register/schedule/audit_retention.py):
old entries are deleted, except those recording a deletion.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from register.ids import new_id, utcnow
from register.vocabulary import Labelled


class AuditAction(Labelled):
    LOOKUP = "lookup"
    VIEW = "view"
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    IMPORT = "import"
    NOTIFY = "notify"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    actor: str  # staff Entra ID object id, or "system:<job>"
    action: AuditAction
    subject_type: str  # "person", "property", "restriction", "register", ...
    subject_id: str
    reason: str
    detail: str = ""
    at: datetime = field(default_factory=utcnow)
    id: str = field(default_factory=new_id)
