"""The command line as an operator uses it: real processes, a real SQLite file.

These run `python app.py ...` from the repository root, as the README says,
with the data directory in a temporary folder.
"""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import app as forewarn
from mailbox.backends.ews import EwsBackend
from mailbox.backends.ews_settings import (
    AppOnlyOAuth,
    DelegatedOAuth,
    EwsAuth,
    EwsSettings,
    OnPremisesLogin,
)
from mailbox.backends.graph import GraphBackend
from mailbox.backends.graph_settings import GraphSettings
from register.csv_columns import HEADER
from register.demo import DEMO_ADMIN, DEMO_FRONTLINE
from register.errors import ConfigurationError
from settings import Settings
from store.db import sqlite_url
from store.mail_repo import SqlMailStore
from store.repository import SqlRegisterStore
from store.sync_state_repo import SqlSyncStateStore
from tests.mailbox.ews_replay import no_sockets
from tests.net import free_port as _free_port

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


# ---- choosing the mailbox backend (in-process: nothing here may reach a server) ----

__all__ = ["no_sockets"]  # the fixture is used by name below

ENDPOINT = "https://mail.council.example.gov.uk/EWS/Exchange.asmx"
MAILBOX = "spoc@council.example.gov.uk"
TENANT = "0e1d2c3b-4a59-4687-9786-a5b4c3d2e1f0"
CLIENT = "3f2b8c1e-6a4d-4e7b-9c1a-0d5e8f7a6b2c"


def ews_settings(auth: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "mailbox_backend": "ews",
        "mailbox_address": MAILBOX,
        "ews_endpoint": ENDPOINT,
        "ews_auth": auth,
        "ews_username": "COUNCIL\\svc-forewarn",
        "ews_password": "correct horse",
        "ews_tenant_id": TENANT,
        "ews_client_id": CLIENT,
        "ews_client_secret": "app secret",
        "ews_access_token": "eyJdelegated",
        "ews_refresh_token": "refresh-me",
    }
    return Settings(_env_file=None, **{**values, **overrides})


@pytest.mark.parametrize(
    ("auth", "expected"),
    [
        ("ntlm", OnPremisesLogin("COUNCIL\\svc-forewarn", "correct horse", "ntlm")),
        ("basic", OnPremisesLogin("COUNCIL\\svc-forewarn", "correct horse", "basic")),
        ("app", AppOnlyOAuth(TENANT, CLIENT, "app secret")),
        (
            "delegated",
            DelegatedOAuth(
                client_id=CLIENT,
                access_token="eyJdelegated",
                tenant_id=TENANT,
                client_secret="app secret",
                refresh_token="refresh-me",
            ),
        ),
    ],
)
@pytest.mark.usefixtures("no_sockets")
def test_serve_builds_the_ews_backend_from_the_settings_without_connecting(
    store: SqlRegisterStore, auth: str, expected: EwsAuth
) -> None:
    backend = forewarn.build_mail_backend(ews_settings(auth), store)
    try:
        assert isinstance(backend, EwsBackend)
        assert backend.settings == EwsSettings(
            mailbox=MAILBOX, auth=expected, service_endpoint=ENDPOINT
        )
    finally:
        backend.close()


@pytest.mark.usefixtures("no_sockets")
def test_the_ews_backend_keeps_its_sync_states_in_the_register_database(
    store: SqlRegisterStore,
) -> None:
    shared = "spoc.shared@council.example.gov.uk"
    backend = forewarn.build_mail_backend(ews_settings("ntlm", ews_mailbox=shared), store)
    assert isinstance(backend, EwsBackend)
    assert backend.settings.mailbox == shared
    SqlSyncStateStore(store.engine).set(shared, "INBOX", "H4sIAAAAsaved")
    # Private, but the only place the backend says where its states live.
    assert backend._sync_states.get(shared, "INBOX") == "H4sIAAAAsaved"


def test_ews_settings_that_cannot_work_are_refused_before_the_first_poll(
    store: SqlRegisterStore,
) -> None:
    with pytest.raises(ConfigurationError, match="needs a service endpoint"):
        forewarn.build_mail_backend(ews_settings("ntlm", ews_endpoint=""), store)


@pytest.mark.usefixtures("no_sockets")
def test_serve_builds_the_graph_backend_from_the_settings_without_connecting(
    store: SqlRegisterStore,
) -> None:
    settings = Settings(
        _env_file=None,
        mailbox_backend="graph",
        mailbox_address=MAILBOX,
        graph_tenant_id=TENANT,
        graph_client_id=CLIENT,
        graph_client_secret="app secret",
        graph_folders_under="inbox",
    )
    backend = forewarn.build_mail_backend(settings, store)
    try:
        assert isinstance(backend, GraphBackend)
        assert backend.settings == GraphSettings(
            mailbox=MAILBOX,
            tenant_id=TENANT,
            client_id=CLIENT,
            client_secret="app secret",
            folders_under="inbox",
        )
        assert "app secret" not in repr(backend.settings)
    finally:
        backend.close()


def test_graph_settings_that_cannot_work_are_refused_before_the_first_poll(
    store: SqlRegisterStore,
) -> None:
    settings = Settings(_env_file=None, mailbox_backend="graph", graph_client_id=CLIENT)
    with pytest.raises(ConfigurationError, match="tenant_id"):
        forewarn.build_mail_backend(settings, store)


def test_known_issues_are_imported_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert app(data, "demo").returncode == 0
    issues = tmp_path / "issues.csv"
    issues.write_text(
        "email,summary,status,outcome\n"
        "nobody@example.invalid,Bins not collected,open,\n"
        "also-nobody@example.invalid,Hedge,sometimes,\n",
        encoding="utf-8",
    )
    refused = app(data, "known-issues", str(issues))
    assert refused.returncode == 1
    assert "line 2" in refused.stdout and "nobody@example.invalid" in refused.stdout
    assert "line 3" in refused.stdout and "sometimes" in refused.stdout
    assert "Traceback" not in refused.stdout + refused.stderr

    issues.write_text(
        "email,summary,status,outcome\n"
        "Gary.Rowe@example.net,Bins not collected,closed,Crew briefed\n",
        encoding="utf-8",
    )
    accepted = app(data, "known-issues", str(issues))
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "1 known issues added" in accepted.stdout
    again = app(data, "known-issues", str(issues))
    assert "0 known issues added, 0 updated, 1 already as the file says" in again.stdout


def test_a_reopened_email_the_watcher_gave_up_moving_is_retried_from_the_command_line(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    store = SqlMailStore.open(sqlite_url(data))
    with store.transaction() as session:
        given_up = session.new_claim(Settings().mailbox_address, "INBOX", "k", "<m@x>", "0" * 64)
        session.update_claim(
            given_up.id, state="moved", destination="Filed", return_state="failed",
            returned_to="Escalated", return_attempts=3, return_error="RuntimeError: unreadable",
        )  # fmt: skip

    retried = app(data, "mail-return-retry")

    assert retried.returncode == 0, retried.stderr
    assert "1 reopened email(s) will be moved back at the watcher's next check" in retried.stdout
    with store.transaction() as session:
        again = session.claim(given_up.id)
    store.close()
    assert again is not None
    assert (again.return_state, again.return_attempts) == ("returning", 0)
