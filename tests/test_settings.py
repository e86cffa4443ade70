"""Settings: embedded defaults for a trial, and a refusal to start production unsafely."""

from __future__ import annotations

from pathlib import Path

import pytest

from register.errors import ConfigurationError
from settings import Settings

PRODUCTION = {
    "FOREWARN_MODE": "production",
    "MICROSOFT_APP_ID": "8f3c1e2a-6b7d-4e5f-9a0b-1c2d3e4f5a6b",
    "MICROSOFT_APP_PASSWORD": "a-real-looking-client-secret-value",
    "MICROSOFT_APP_TENANT_ID": "0e1d2c3b-4a59-4687-9786-a5b4c3d2e1f0",
    "FOREWARN_ALLOWED_TENANTS": "0e1d2c3b-4a59-4687-9786-a5b4c3d2e1f0",
}


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test sees only the variables it sets, and no .env from the developer's folder."""
    for name in [*PRODUCTION, "DATABASE_URL", "FOREWARN_BOT_HOST", "FOREWARN_IMAP_PASSWORD"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_development_runs_on_embedded_defaults() -> None:
    settings = Settings()
    settings.check()
    assert settings.effective_database_url == "sqlite:///data/forewarn.db"
    assert settings.effective_mail_folder == Path("data/mail")
    assert settings.bot_host == "127.0.0.1"
    assert not settings.bot_requires_auth


def test_production_with_real_values_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in PRODUCTION.items():
        monkeypatch.setenv(name, value)
    Settings().check()


@pytest.mark.parametrize(
    ("variable", "value", "named"),
    [
        ("MICROSOFT_APP_PASSWORD", "", "MICROSOFT_APP_PASSWORD"),
        ("MICROSOFT_APP_PASSWORD", "changeme", "MICROSOFT_APP_PASSWORD"),
        ("MICROSOFT_APP_PASSWORD", "<your secret here>", "MICROSOFT_APP_PASSWORD"),
        ("MICROSOFT_APP_ID", "TODO", "MICROSOFT_APP_ID"),
        ("MICROSOFT_APP_TENANT_ID", "", "MICROSOFT_APP_TENANT_ID"),
        ("FOREWARN_ALLOWED_TENANTS", "", "FOREWARN_ALLOWED_TENANTS"),
    ],
)
def test_production_refuses_a_missing_or_placeholder_secret(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, named: str
) -> None:
    for name, good in PRODUCTION.items():
        monkeypatch.setenv(name, good)
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigurationError, match=named):
        Settings().check()


def test_every_problem_is_named_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOREWARN_MODE", "production")
    with pytest.raises(ConfigurationError) as refused:
        Settings().check()
    message = str(refused.value)
    for name in ("MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID"):
        assert name in message


def test_an_unauthenticated_bot_never_listens_beyond_loopback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FOREWARN_BOT_HOST", "0.0.0.0")
    with pytest.raises(ConfigurationError, match="unauthenticated"):
        Settings().check()


def test_a_dotenv_file_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("FOREWARN_PRESET=rhondda-cynon-taf\nDATABASE_URL=sqlite:///x.db\n")
    settings = Settings()
    assert settings.preset == "rhondda-cynon-taf"
    assert settings.effective_database_url == "sqlite:///x.db"
