"""The command line as an operator uses it: real processes, a real SQLite file.

These run `python app.py ...` from the repository root, as the README says,
with the data directory in a temporary folder.
"""

from __future__ import annotations

import csv
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from register.csv_columns import HEADER
from register.demo import DEMO_ADMIN, DEMO_FRONTLINE

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "register-example.csv"


def app(data: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "FOREWARN_DATA_DIR": str(data), **env}
    environment.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "app.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_file_with_two_bad_lines_is_refused_whole_and_both_are_named(tmp_path: Path) -> None:
    with EXAMPLE.open(encoding="utf-8-sig", newline="") as source:
        rows = list(csv.DictReader(source))
    rows[5]["start_date"] = "31/02/2024"  # line 7 (the header is line 1)
    rows[10]["type"] = "spock"  # line 12
    bad = tmp_path / "register.csv"
    with bad.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=HEADER)
        writer.writeheader()
        writer.writerows(rows)

    refused = app(tmp_path / "data", "import", str(bad))
    assert refused.returncode == 1
    assert "line 7: start_date: '31/02/2024' is not a real date" in refused.stdout
    assert "line 12: type: unknown restriction type 'spock'" in refused.stdout
    assert "Traceback" not in refused.stdout + refused.stderr

    exported = app(tmp_path / "data", "export", str(tmp_path / "out.csv"), "--actor", DEMO_ADMIN)
    assert exported.returncode == 1  # nobody is on the staff list yet: refused, nothing exported
    accepted = app(tmp_path / "data", "import", str(EXAMPLE))
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "20 rows" in accepted.stdout


def test_demo_data_answers_a_pre_visit_check_in_the_first_minute(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert app(data, "demo").returncode == 0
    answer = app(data, "check", "--actor", DEMO_FRONTLINE, "12", "mill", "ln", "ox11ay")
    assert answer.returncode == 0, answer.stderr
    assert "12 Mill Lane" in answer.stdout
    assert "secured before entry" in answer.stdout
    assert "not a guarantee of safety" in answer.stdout


def test_production_without_secrets_refuses_to_start_and_says_why(tmp_path: Path) -> None:
    refused = app(tmp_path / "data", "migrate", FOREWARN_MODE="production")
    assert refused.returncode == 2
    assert "MICROSOFT_APP_PASSWORD is missing" in refused.stderr
    assert "Traceback" not in refused.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=2) as response:
        return int(response.status)


def test_serve_starts_every_component_answers_health_and_stops_on_sigterm(
    tmp_path: Path,
) -> None:
    port = _free_port()
    environment = {
        **os.environ,
        "FOREWARN_DATA_DIR": str(tmp_path / "data"),
        "FOREWARN_BOT_PORT": str(port),
        "FOREWARN_POLL_SECONDS": "1",
    }
    environment.pop("DATABASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "app.py", "serve", "--demo"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert _get(f"http://127.0.0.1:{port}/readyz") == 200
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
        assert _get(f"http://127.0.0.1:{port}/healthz") == 200
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=30)
    assert server.returncode == 0, output
    assert "Forewarn is running (bot, mailbox, scheduler)" in output
    assert "Forewarn stopped." in output
