"""Who proposed a restriction: the `proposed_by` column of the restriction itself.

The scheduler (review reminders go to the proposer) and decisions (the
proposer is told the outcome) both ask, through this one query. The answer
used to come from the restriction's first CREATE entry in the audit trail,
but the trail is pruned after the audit retention period while a
restriction can run for longer, so migration 0010 copied it onto the
restriction. Imported restrictions, and old ones whose entry had already
been pruned when 0010 ran, have none: callers get no key and must cope.
"""

from __future__ import annotations

import sqlalchemy as sa

from store import tables as t

RESTRICTION = t.table(t.RestrictionRow)


def proposers(connection: sa.Connection, restriction_id: str | None = None) -> dict[str, str]:
    """Proposer (Entra ID object id) by restriction id; all restrictions, or just one."""
    query = sa.select(RESTRICTION.c.id, RESTRICTION.c.proposed_by).where(
        RESTRICTION.c.proposed_by.is_not(None)
    )
    if restriction_id is not None:
        query = query.where(RESTRICTION.c.id == restriction_id)
    return {subject: actor for subject, actor in connection.execute(query)}
