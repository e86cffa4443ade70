"""Who proposed a restriction: the actor of the first CREATE entry about it in the audit trail.

The register keeps no proposer column; the audit trail already says who
created each restriction, so the scheduler (review reminders go to the
proposer) and decisions (the proposer is told the outcome) both read it
from there, through this one query. The trail is pruned after the
retention period, so a very old restriction may have no proposer left;
callers get None (or no key) and must cope.
"""

from __future__ import annotations

import sqlalchemy as sa

from register.audit import AuditAction
from store import tables as t

AUDIT = t.table(t.AuditEntryRow)


def proposers(connection: sa.Connection, restriction_id: str | None = None) -> dict[str, str]:
    """Proposer (Entra ID object id) by restriction id; all restrictions, or just one."""
    where = sa.and_(
        AUDIT.c.subject_type == "restriction", AUDIT.c.action == AuditAction.CREATE.value
    )
    if restriction_id is not None:
        where = sa.and_(where, AUDIT.c.subject_id == restriction_id)
    # Newest first, so the dict keeps the oldest (the first) CREATE entry per restriction.
    query = sa.select(AUDIT.c.subject_id, AUDIT.c.actor).where(where).order_by(AUDIT.c.at.desc())
    return {subject: actor for subject, actor in connection.execute(query)}
