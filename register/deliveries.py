"""Delivery records: every attempt to tell someone something, kept for the record.

When a manager says "nobody told me about that incident", an operator must
be able to show who was tried, by which route, and what happened. The
notifier records one `DeliveryAttempt` per try through the `DeliveryRecords`
port; the store keeps them (store/notify_repo.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True, slots=True)
class DeliveryAttempt:
    """One try at reaching someone with a notice.

    `recipient` is who the notice was for; `target` is whom (an Entra object
    id) or which mailbox (an address) this attempt tried. `route` is one of
    the routes in register.notices.Delivery.
    """

    notice_kind: str
    recipient: str
    target: str
    record_type: str
    record_id: str
    route: str
    delivered: bool
    detail: str = ""
    at: datetime | None = None  # filled in when recorded
    id: str = ""  # filled in when recorded


class DeliveryRecords(Protocol):
    def record(self, attempt: DeliveryAttempt) -> DeliveryAttempt:
        """Keep the attempt; returns it with its id and time."""
        ...

    def deliveries(self, record_type: str, record_id: str) -> list[DeliveryAttempt]:
        """Every attempt about one record, oldest first."""
        ...
