"""Retention: closed cases with no activity for the preset's period are deleted.

A case is closed when nothing about the person is in force or pending:
no restriction proposed, active, under appeal or lapsed (a lapsed one may
be re-imposed), and no current risk attached to the person. Risks on a
property stay while the risk exists, whoever lived there. Presets that
keep the file (`closed_cases = "keep"`) delete nothing. The reason given
becomes the audit tombstone, so it names dates and the preset only.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import PurePath

from register.lifecycle import retention_due
from register.policy import Preset
from register.restrictions import Status
from register.schedule.model import Deletion, PersonCase

OPEN = frozenset({Status.PROPOSED, Status.ACTIVE, Status.UNDER_APPEAL, Status.LAPSED})


def preset_name(preset: Preset) -> str:
    """The preset's file name without `.toml`, or the council's name when loaded otherwise."""
    return PurePath(preset.source).stem if preset.source else preset.council


def closed(person: PersonCase) -> bool:
    return not (person.statuses & OPEN) and not person.current_risk


def retention(today: date, preset: Preset, people: Iterable[PersonCase]) -> list[Deletion]:
    """The closed cases due for deletion today (on or after their retention date)."""
    deletions = []
    for person in people:
        last = person.last_activity
        if last is None or not closed(person):
            continue
        due = retention_due(last, preset)
        if due is not None and due <= today:
            reason = (
                f"retention: closed case with no activity since {last.isoformat()} "
                f"under {preset_name(preset)}"
            )
            deletions.append(Deletion(person.person_id, last, reason))
    return deletions
