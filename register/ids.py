"""Identifiers and clock helpers shared by the register's records."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_id() -> str:
    """A random identifier, made in the core so a record is whole before it is saved."""
    return uuid.uuid4().hex


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC; the store keeps every instant in UTC."""
    return datetime.now(UTC)
