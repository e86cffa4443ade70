"""The values the sweeps take and give.

A `Due` is one notice for one member of staff, due on one day. Its key
(kind, record id, due day, recipient) is what the store records once it
is delivered, so a restart or a second instance never sends it again, and
a sweep after downtime still finds everything due since and not yet sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from register.notices import Notice
from register.restrictions import Restriction, Status
from register.reviews import Appeal, Review
from register.risks import PremiseRisk
from register.staff import StaffMember


class ReminderKey(NamedTuple):
    """What makes a reminder the same reminder: sent once per key, ever."""

    kind: str
    record_id: str
    due_on: date
    recipient: str


@dataclass(frozen=True, slots=True)
class Case:
    """One restriction with its reviews and appeals, and who proposed it (if proposed here)."""

    restriction: Restriction
    reviews: tuple[Review, ...] = ()
    appeals: tuple[Appeal, ...] = ()
    proposed_by: str | None = None  # staff Entra id kept on the restriction when proposed


@dataclass(frozen=True, slots=True)
class PersonCase:
    """What retention needs to know about one person, without their personal data."""

    person_id: str
    statuses: frozenset[Status]
    current_risk: bool
    last_activity: date | None


@dataclass(frozen=True, slots=True)
class Due:
    """A notice due to be sent on `due_on` (the working day it belongs to)."""

    notice: Notice
    due_on: date

    @property
    def key(self) -> ReminderKey:
        notice = self.notice
        return ReminderKey(notice.kind.value, notice.record_id, self.due_on, notice.recipient)


@dataclass(frozen=True, slots=True)
class Change:
    """A status the policy moves a restriction to on its own, and why (for the audit trail)."""

    restriction: Restriction  # as it should be saved
    was: Status  # the status it was planned from; the store refuses if it moved since
    reason: str


@dataclass(frozen=True, slots=True)
class Deletion:
    """A closed case past its retention period; `reason` is the tombstone's wording."""

    person_id: str
    last_activity: date
    reason: str


@dataclass(frozen=True, slots=True)
class SweepInput:
    """Everything a sweep reads from the register, loaded in one unit of work."""

    cases: Sequence[Case] = ()
    people: Sequence[PersonCase] = ()
    risks: Sequence[PremiseRisk] = ()
    staff: Sequence[StaffMember] = ()
    filed: Sequence[FiledMail] = field(default=())


@dataclass(frozen=True, slots=True)
class FiledMail:
    """One item the mailbox watcher filed without a reply, for a SPOC officer's digest."""

    recipient: str  # the SPOC officer's Entra id
    record_id: str  # the person (or contact) it was filed against
    summary: str  # no personal data beyond what the SPOC already sees in the register
    filed_on: date
    reopened: bool = False  # marked "this has a new issue" since: escalated, no longer filed
