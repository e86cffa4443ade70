"""The filed-mail digest: what the mailbox watcher filed without a reply, once a working day.

Repeat correspondence is read and filed rather than answered, but a SPOC
officer must still see it, so each working day they get one digest of
what was filed since the previous working day's digest (a Monday digest
covers Friday to Sunday). The items come from the watcher's records
through `FiledMailSource`; until that exists, nothing is sent.

Each filed message is an item of the notice carrying its claim id, so the
card can put "this has a new issue" on each message rather than on the
digest as a whole (MARK_NEW_ISSUE is the one action, offered per item;
there is no digest-wide Acknowledge, as there is no record behind it).
The digest itself is named by the days it covers, which with the officer
and the day it is due makes it sent once only.

An email reopened as a new issue since it was filed (by the officer, or
by a manager from a digest the officer could not receive) is not filed
any more: it is with the escalated mail, and its escalation has reached
the officer. So a digest made after that, for days that include it, does
not list it again with a button that could only be refused; it counts it
as reopened on a line of its own, so that the digest still accounts for
everything filed on those days. An officer all of whose filed emails were
reopened gets no digest: nothing filed is left to read.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Protocol

from register.calendar import calendar_for
from register.notices import Notice, NoticeAction, NoticeItem, NoticeKind
from register.policy import Preset
from register.schedule.model import Due, FiledMail
from register.schedule.wording import day

DIGEST_RECORD_TYPE = "filed_mail_digest"


class FiledMailSource(Protocol):
    def filed_between(self, first: date, last: date) -> Sequence[FiledMail]:
        """Items filed on days first..last inclusive."""


def digest_window(on: date, preset: Preset) -> tuple[date, date] | None:
    """The days a digest sent on `on` covers; None when `on` is not a working day."""
    calendar = calendar_for(preset.nation)
    if not calendar.is_working_day(on):
        return None
    return calendar.previous_working_day(on), on - timedelta(days=1)


def digest_id(first: date, last: date) -> str:
    """The digest's record id: the days it covers, e.g. '2026-03-06..2026-03-08'."""
    return f"{first.isoformat()}..{last.isoformat()}"


def digests(on: date, preset: Preset, items: Sequence[FiledMail]) -> list[Due]:
    """One digest notice per SPOC officer for the items in the window before `on`."""
    window = digest_window(on, preset)
    if window is None:
        return []
    first, last = window
    covered = [item for item in items if first <= item.filed_on <= last]
    by_officer: dict[str, list[FiledMail]] = {}
    # By day, and within a day in the source's order (the order they were filed): record ids
    # are random, so sorting on them would shuffle a day's emails.
    for item in sorted(covered, key=lambda i: i.filed_on):
        by_officer.setdefault(item.recipient, []).append(item)
    return [
        Due(_digest(officer, first, last, theirs), on)
        for officer, theirs in by_officer.items()
        if any(not item.reopened for item in theirs)
    ]


def _digest(officer: str, first: date, last: date, items: Sequence[FiledMail]) -> Notice:
    """Still-filed emails as items with their buttons; those reopened since, counted above them."""
    filed = [item for item in items if not item.reopened]
    reopened = len(items) - len(filed)
    counted = (f"Also filed, then reopened as a new issue (now with escalated mail): {reopened}",)
    return Notice(
        NoticeKind.FILED_DIGEST,
        officer,
        f"Mail filed since {day(first)}: {len(filed)}",
        (*(counted if reopened else ()), *(item.summary for item in filed)),
        DIGEST_RECORD_TYPE,
        digest_id(first, last),
        actions=(NoticeAction.MARK_NEW_ISSUE,),
        items=tuple(NoticeItem(item.record_id, item.summary) for item in filed),
    )
