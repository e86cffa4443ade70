"""Audit retention: the audit trail is kept for a set number of months, then pruned.

Audit entries hold personal data: a look-up records the address or name
staff typed and who looked. Keeping them forever would outlast the case
records the retention rule deletes, so the daily sweep deletes entries
older than the council's audit retention period (six years by default,
the usual limitation period for a claim; never less than a year, so the
trail still answers a complaint about the last annual report).

Two kinds of entry are kept whatever their age: entries recording a
deletion (a case's tombstone, and the summary each pruning leaves), since
they carry no personal data and are the proof of what was removed and
when. Both are `AuditAction.DELETE`, the only action that records a
deletion.
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from register.audit import AuditAction, AuditEntry

DEFAULT_MONTHS = 72
MINIMUM_MONTHS = 12

# Never pruned, whatever their age (see the module docstring).
KEPT_ACTIONS = frozenset({AuditAction.DELETE})

# The subject of the entry each pruning leaves: the audit trail itself.
SUBJECT_TYPE = "audit"


def audit_cutoff(today: date, months: int) -> date:
    """The first day whose entries are kept: `months` calendar months before `today`."""
    if months < MINIMUM_MONTHS:
        raise ValueError(f"audit retention must be at least {MINIMUM_MONTHS} months")
    cutoff: date = today - relativedelta(months=months)
    return cutoff


def pruning_record(actor: str, pruned: int, before: date) -> AuditEntry:
    """The entry a pruning leaves: how many entries went and up to which date, naming no one."""
    return AuditEntry(
        actor,
        AuditAction.DELETE,
        SUBJECT_TYPE,
        before.isoformat(),
        f"audit retention: {pruned} entries dated before {before.isoformat()} deleted",
        "kept: deletion records (tombstones and earlier prunings)",
    )
