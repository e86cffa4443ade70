"""The repository for unfinished conversations (table `conversation_state`).

A turn of the bot loads the person's row, works out the answer, and writes
the row back (or deletes it when the flow has finished). The write is an
upsert, so two messages from one person arriving together cannot fail on
the primary key; the later one simply wins, as it would in a chat.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite

from store import tables as t
from store.tables_conversation import ConversationStateRow

STATE = t.table(ConversationStateRow)


class ConversationStates:
    """Reads and writes one person's conversation state inside a unit of work."""

    def __init__(self, connection: sa.Connection) -> None:
        self._connection = connection

    def load(self, aad_id: str) -> tuple[str, dict[str, Any]] | None:
        """(flow, state) for this person, or None when nothing is in progress."""
        row = self._connection.execute(
            sa.select(STATE.c.flow, STATE.c.state).where(STATE.c.aad_id == aad_id)
        ).first()
        return (row.flow, dict(row.state)) if row is not None else None

    def save(self, aad_id: str, flow: str, state: dict[str, Any], at: datetime) -> None:
        values = {"aad_id": aad_id, "flow": flow, "state": state, "updated_at": at}
        dialect = sqlite if self._connection.dialect.name == "sqlite" else postgresql
        statement = dialect.insert(STATE).values(values)
        statement = statement.on_conflict_do_update(
            index_elements=[STATE.c.aad_id],
            set_={"flow": flow, "state": state, "updated_at": statement.excluded.updated_at},
        )
        self._connection.execute(statement)

    def clear(self, aad_id: str) -> None:
        self._connection.execute(sa.delete(STATE).where(STATE.c.aad_id == aad_id))
