"""Tables for reaching staff first: conversation references and notice deliveries.

Teams lets a bot start a message only in a conversation it has seen, so the
latest reference for each member of staff is kept here (plain JSON: the
store needs no botbuilder type), not in a process dict that a restart
empties. `blocked_at` records that Teams refused a message because the
person blocked or removed the app; hearing from them again clears it.

Every attempt to deliver a notice is one `notice_delivery` row, so an
operator can answer "did the manager get told about this incident, and
how?" from the database alone (Mailman's habit: every decision recorded).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field

from store.tables import ID, KEY, TEXT, RegisterTable
from store.types import UTCDateTime

ROUTE = sa.String(20)  # "teams", "next-manager", "fallback-mailbox", "none"
TARGET = sa.String(254)  # an Entra object id or an email address


class ConversationReferenceRow(RegisterTable, table=True):
    __tablename__ = "conversation_reference"

    aad_id: str = Field(sa_type=ID, primary_key=True)
    reference: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    updated_at: datetime = Field(sa_type=UTCDateTime)
    blocked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class NoticeDeliveryRow(RegisterTable, table=True):
    """One attempt to deliver one notice; a notice that fell back has several rows.

    `recipient` is who the notice was for; `target` is who (or which mailbox)
    this attempt tried, which differs when it went to a manager or by mail.
    """

    __tablename__ = "notice_delivery"
    __table_args__ = (sa.Index("ix_notice_delivery_record", "record_type", "record_id"),)

    id: str = Field(sa_type=ID, primary_key=True)
    notice_kind: str = Field(sa_type=KEY)
    recipient: str = Field(sa_type=ID, index=True)
    target: str = Field(sa_type=TARGET)
    record_type: str = Field(sa_type=KEY)
    record_id: str = Field(sa_type=ID)
    route: str = Field(sa_type=ROUTE)
    delivered: bool
    detail: str = Field(default="", sa_type=TEXT)
    at: datetime = Field(sa_type=UTCDateTime, index=True)
