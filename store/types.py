"""Column types shared by the tables."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """An instant stored in UTC and always read back timezone-aware.

    PostgreSQL keeps `timestamptz` and hands back the session's zone; SQLite
    keeps text without any zone. Converting to UTC on the way in and stamping
    UTC on the way out makes both behave the same, so a time read from either
    compares equal to the one written. A naive time is refused: guessing its
    zone is how an incident logged at 23:30 ends up on the wrong day.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a time stored in the register must carry a timezone")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
