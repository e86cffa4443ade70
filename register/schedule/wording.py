"""How the sweeps' notices describe a restriction: reference, type and service, no names.

Notices travel through Teams and fallback mailboxes, so they carry the
record's short reference and what it is, never the customer's name; the
card's "open record" action shows the rest to those allowed to see it.
"""

from __future__ import annotations

from datetime import date

from register.notices import Notice, NoticeAction, NoticeKind
from register.restrictions import Restriction


def reference(record_id: str) -> str:
    """The short reference staff quote (the first eight characters of the id)."""
    return record_id[:8].upper()


def day(value: date) -> str:
    """'Monday 8 June 2026': the form letters and cards use."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def describe(restriction: Restriction) -> str:
    return (
        f"{restriction.kind.label} ({reference(restriction.id)}), "
        f"{restriction.scope_label}, {restriction.stage}"
    )


def restriction_notice(
    kind: NoticeKind,
    recipient: str,
    title: str,
    restriction: Restriction,
    *lines: str,
    urgent: bool = False,
) -> Notice:
    """A notice about one restriction, with the action to open it."""
    return Notice(
        kind=kind,
        recipient=recipient,
        title=title,
        lines=(describe(restriction), *lines),
        record_type="restriction",
        record_id=restriction.id,
        urgent=urgent,
        actions=(NoticeAction.OPEN_RECORD, NoticeAction.ACKNOWLEDGE),
    )
