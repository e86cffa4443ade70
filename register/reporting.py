"""Figures about the register: the dashboard and the annual report, with no personal data.

Rhondda Cynon Taf reports every year to its Standards Committee; every
council needs to see at a glance how many restrictions are in force, in
which services and at which stage, whether reviews are held on time and
how appeals end. These functions count; `scheduler.reports` writes the
CSV files and the chart. Rows name restrictions by reference and officers
by job title only, so a report can go to a committee as it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from register.errors import InvalidInput
from register.policy import Preset
from register.restrictions import Status
from register.reviews import Appeal, Review
from register.schedule.model import Case
from register.schedule.reviews import review_date
from register.schedule.wording import reference


@dataclass(frozen=True, slots=True)
class Figure:
    """One count on the dashboard: section ("stage", "service", ...), item, count."""

    section: str
    item: str
    count: int


def stage_label(preset: Preset, stage: str) -> str:
    try:
        return preset.step(stage).label
    except InvalidInput:
        return stage


def _section(name: str, counts: Counter[str]) -> list[Figure]:
    return [Figure(name, item, count) for item, count in sorted(counts.items())]


def review_on_time(review: Review) -> bool:
    return review.held_on is not None and review.held_on <= review.due_on


def _review_figures(today: date, preset: Preset, cases: Sequence[Case]) -> list[Figure]:
    held = [r for case in cases for r in case.reviews if r.done]
    overdue = sum(1 for c in cases if (d := review_date(c, preset)) is not None and d < today)
    return [
        Figure("reviews", "held on time", sum(review_on_time(r) for r in held)),
        Figure("reviews", "held late", sum(not review_on_time(r) for r in held)),
        Figure("reviews", "overdue now", overdue),
    ]


def _appeal_figures(appeals: Sequence[Appeal]) -> list[Figure]:
    outcomes = Counter(a.outcome.label if a.outcome else "not yet decided" for a in appeals)
    return [
        Figure("appeals", "received", len(appeals)),
        Figure("appeals", "received in time", sum(a.in_time for a in appeals)),
        *_section("appeal outcome", outcomes),
    ]


def dashboard(today: date, preset: Preset, cases: Iterable[Case]) -> list[Figure]:
    """Counts by stage, restriction type and service (in force), status, reviews and appeals."""
    cases = list(cases)
    live = [c.restriction for c in cases if c.restriction.in_force]
    return [
        *_section("stage", Counter(stage_label(preset, r.stage) for r in live)),
        *_section("restriction type", Counter(r.kind.label for r in live)),
        *_section("service", Counter(r.scope_label for r in live)),
        *_section("status", Counter(c.restriction.status.value for c in cases)),
        *_review_figures(today, preset, cases),
        *_appeal_figures([a for c in cases for a in c.appeals]),
    ]


# ---- The annual report ------------------------------------------------------------

ANNUAL_COLUMNS = (
    "reference",
    "decided_on",
    "service",
    "stage",
    "restriction",
    "decided_by",
    "approved_by",
    "status",
    "reviews_due_in_year",
    "reviews_held_on_time",
    "appeal_received",
    "appeal_in_time",
    "appeal_outcome",
)


def _in_year(day: date | None, year: int) -> bool:
    return day is not None and day.year == year


def _appeal_columns(appeals: Sequence[Appeal]) -> dict[str, str]:
    if not appeals:
        return {"appeal_received": "", "appeal_in_time": "", "appeal_outcome": ""}
    last = appeals[-1]
    return {
        "appeal_received": last.received_on.isoformat(),
        "appeal_in_time": "yes" if last.in_time else "no",
        "appeal_outcome": last.outcome.label if last.outcome else "not yet decided",
    }


def annual_row(case: Case, preset: Preset, year: int) -> dict[str, str]:
    """One restriction decided in `year`, as the Standards Committee reads it."""
    r = case.restriction
    due = [v for v in case.reviews if _in_year(v.due_on, year)]
    return {
        "reference": reference(r.id),
        "decided_on": r.start.isoformat(),
        "service": r.scope_label,
        "stage": stage_label(preset, r.stage),
        "restriction": r.kind.label,
        "decided_by": r.decided_by.job_title,
        "approved_by": r.approved_by.job_title if r.approved_by else "",
        "status": r.status.value.replace("_", " "),
        "reviews_due_in_year": str(len(due)),
        "reviews_held_on_time": str(sum(review_on_time(v) for v in due)),
        **_appeal_columns([a for a in case.appeals if _in_year(a.received_on, year)]),
    }


def annual_report(preset: Preset, cases: Iterable[Case], year: int) -> list[dict[str, str]]:
    """Every restriction decided in `year`, oldest first (refused proposals left out)."""
    decided = [
        c
        for c in cases
        if _in_year(c.restriction.start, year) and c.restriction.status is not Status.REFUSED
    ]
    decided.sort(key=lambda c: (c.restriction.start, c.restriction.id))
    return [annual_row(case, preset, year) for case in decided]
