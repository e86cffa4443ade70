"""The filed-mail digest: what the mailbox watcher filed without a reply, once a working day.

Repeat correspondence is read and filed rather than answered, but a SPOC
officer must still see it, so each working day they get one digest of
what was filed since the previous working day's digest (a Monday digest
covers Friday to Sunday). The items come from the watcher's records
through `FiledMailSource`; until that exists, nothing is sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Protocol

from register.calendar import calendar_for
from register.notices import Notice, NoticeAction, NoticeKind
from register.policy import Preset
from register.schedule.model import Due, FiledMail
from register.schedule.wording import day

DIGEST_RECORD = "filed-mail"


class FiledMailSource(Protocol):
    def filed_between(self, first: date, last: date) -> Sequence[FiledMail]:
        """Items filed on days first..last inclusive."""


def digest_window(on: date, preset: Preset) -> tuple[date, date] | None:
    """The days a digest sent on `on` covers; None when `on` is not a working day."""
    calendar = calendar_for(preset.nation)
    if not calendar.is_working_day(on):
        return None
    return calendar.previous_working_day(on), on - timedelta(days=1)


def digests(on: date, preset: Preset, items: Sequence[FiledMail]) -> list[Due]:
    """One digest notice per SPOC officer for the items in the window before `on`."""
    window = digest_window(on, preset)
    if window is None:
        return []
    first, last = window
    covered = [item for item in items if first <= item.filed_on <= last]
    by_officer: dict[str, list[FiledMail]] = {}
    for item in sorted(covered, key=lambda i: (i.filed_on, i.record_id)):
        by_officer.setdefault(item.recipient, []).append(item)
    title_from = day(first)
    return [
        Due(
            Notice(
                NoticeKind.FILED_DIGEST,
                officer,
                f"Mail filed since {title_from}: {len(filed)}",
                tuple(item.summary for item in filed),
                "digest",
                DIGEST_RECORD,
                actions=(NoticeAction.MARK_NEW_ISSUE, NoticeAction.ACKNOWLEDGE),
            ),
            on,
        )
        for officer, filed in by_officer.items()
    ]
