"""`app.py report`: the register dashboard and the annual report, as CSV files and an SVG chart.

Files written to `out_dir` for a year Y:

- `dashboard-Y.csv`: section, item, count (in force by stage, restriction
  type and service; all by status; reviews held on time, late, overdue;
  appeals received, in time, by outcome);
- `dashboard-Y.svg`: the same figures as a bar chart;
- `annual-report-Y.csv`: one row per restriction decided in Y, for the
  committee the preset names (Rhondda Cynon Taf: the Standards Committee).

None of them names a customer. Writing them is audited as an export.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from register.audit import AuditAction, AuditEntry
from register.policy import Preset
from register.reporting import ANNUAL_COLUMNS, Figure, annual_report, dashboard
from scheduler.chart import bar_chart
from store.repository import SqlRegisterStore
from store.schedule_repo import SqlScheduleStore


def _as_of(year: int, today: date | None) -> date:
    """Figures for a past year are as at its last day; for this year, as at today."""
    today = today or date.today()
    return min(today, date(year, 12, 31))


def _write_dashboard(path: Path, figures: list[Figure]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["section", "item", "count"])
        writer.writerows([f.section, f.item, f.count] for f in figures)


def _write_annual(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=ANNUAL_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def write_reports(
    store: SqlRegisterStore,
    preset: Preset,
    year: int,
    out_dir: Path | str,
    *,
    today: date | None = None,
    actor: str = "system:report",
) -> list[Path]:
    """Write the dashboard (CSV and SVG) and the annual report for `year`; returns the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cases = list(SqlScheduleStore(store.engine).load(with_people=False).cases)
    figures = dashboard(_as_of(year, today), preset, cases)
    paths = [out / f"dashboard-{year}.csv", out / f"dashboard-{year}.svg"]
    paths.append(out / f"annual-report-{year}.csv")
    _write_dashboard(paths[0], figures)
    title = f"{preset.register_details.name}: {preset.council}, {year}"
    paths[1].write_text(bar_chart(title, figures), encoding="utf-8")
    _write_annual(paths[2], annual_report(preset, cases, year))
    reason = f"annual report and dashboard for {year}"
    if preset.annual_report is not None:
        reason += f" (to the {preset.annual_report.to})"
    with store.transaction() as session:
        session.audit(AuditEntry(actor, AuditAction.EXPORT, "register", str(year), reason))
    return paths
