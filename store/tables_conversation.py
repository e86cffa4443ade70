"""Where an unfinished conversation with the bot waits between messages.

One row per member of staff (keyed by their Entra ID object id): which flow
they are in and the flow's own state as JSON. Keeping it in the register's
database, not in the bot's memory, means a restart of the bot resumes the
conversation, and keying it by person means two staff never share state.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field

from store.tables import ID, KEY, RegisterTable
from store.types import UTCDateTime


class ConversationStateRow(RegisterTable, table=True):
    __tablename__ = "conversation_state"

    aad_id: str = Field(sa_type=ID, primary_key=True)
    flow: str = Field(sa_type=KEY)
    state: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    updated_at: datetime = Field(sa_type=UTCDateTime)
