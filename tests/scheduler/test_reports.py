"""`app.py report`: the dashboard and Rhondda Cynon Taf's Standards Committee report."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date
from pathlib import Path

from register.policy import load_preset
from register.restrictions import RestrictionType, Status
from register.reviews import Appeal, AppealOutcome, Review, ReviewOutcome
from register.subjects import Person
from scheduler.reports import write_reports
from store.repository import SqlRegisterStore
from tests.scheduler.harness import AS_OWNER, seed, warning


def test_reports_count_the_register_without_naming_anyone(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    person = Person("Gwen Secretname", emails=("gwen@example.org",))
    one = warning(person, "stage-1", date(2026, 2, 2), next_review=date(2027, 2, 2))
    two = replace(
        warning(person, "stage-2", date(2026, 5, 5)),
        kind=RestrictionType.SPOC, params={"officer": "A N Officer"}, service="Planning",
    )  # fmt: skip
    old = warning(person, "stage-1", date(2025, 1, 6), status=Status.CLOSED)
    seed(
        store, person, one, two, old,
        Review(old.id, date(2025, 6, 1), date(2025, 5, 30), AS_OWNER, ReviewOutcome.LIFT),
        Appeal(one.id, date(2026, 2, 10), date(2026, 2, 23), outcome=AppealOutcome.NOT_UPHELD,
               decided_on=date(2026, 3, 1)),
    )  # fmt: skip
    preset = load_preset("rhondda-cynon-taf")

    paths = write_reports(store, preset, 2026, tmp_path, today=date(2026, 12, 31))

    assert [p.name for p in paths] == [
        "dashboard-2026.csv",
        "dashboard-2026.svg",
        "annual-report-2026.csv",
    ]
    with paths[0].open(encoding="utf-8") as f:
        figures = {(r["section"], r["item"]): int(r["count"]) for r in csv.DictReader(f)}
    assert figures[("stage", "Stage 1: warning letter")] == 1
    assert figures[("stage", "Stage 2: restricted contact")] == 1
    assert figures[("service", "Housing")] == 1 and figures[("service", "Planning")] == 1
    assert figures[("reviews", "held on time")] == 1
    assert figures[("reviews", "overdue now")] == 0  # stage 2's review is due 5 May 2027
    assert figures[("appeals", "received in time")] == 1
    assert figures[("appeal outcome", "not upheld")] == 1
    with paths[2].open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [(r["stage"], r["appeal_outcome"], r["service"]) for r in rows] == [
        ("Stage 1: warning letter", "not upheld", "Housing"),
        ("Stage 2: restricted contact", "", "Planning"),
    ]
    chart = ET.parse(paths[1]).getroot()
    assert chart.tag == "{http://www.w3.org/2000/svg}svg"
    words = [t.text for t in chart.iter("{http://www.w3.org/2000/svg}text")]
    assert "Stage 1: warning letter" in words
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert "Secretname" not in text and "gwen@" not in text
    with store.transaction() as session:
        [entry] = session.audit_for("register", "2026")
    assert entry.reason == "annual report and dashboard for 2026 (to the Standards Committee)"
