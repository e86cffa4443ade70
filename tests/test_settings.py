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


# ---- the EWS mailbox backend -----------------------------------------------

EWS = {
    "FOREWARN_MAILBOX_BACKEND": "ews",
    "FOREWARN_EWS_ENDPOINT": "https://mail.council.example.gov.uk/EWS/Exchange.asmx",
    "FOREWARN_EWS_USERNAME": "COUNCIL\\svc-forewarn",
    "FOREWARN_EWS_PASSWORD": "a-real-looking-service-password",
    "FOREWARN_EWS_TENANT_ID": "0e1d2c3b-4a59-4687-9786-a5b4c3d2e1f0",
    "FOREWARN_EWS_CLIENT_ID": "3f2b8c1e-6a4d-4e7b-9c1a-0d5e8f7a6b2c",
    "FOREWARN_EWS_CLIENT_SECRET": "a-real-looking-app-secret",
    "FOREWARN_EWS_ACCESS_TOKEN": "eyJ0eXAiOiJKV1QiLCJhbGciOi",
}
EWS_NAMES = ["FOREWARN_EWS_AUTH", "FOREWARN_EWS_MAILBOX", "FOREWARN_EWS_REFRESH_TOKEN", *EWS]


@pytest.fixture
def ews_production(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production with every EWS variable set to a real-looking value."""
    for name in EWS_NAMES:
        monkeypatch.delenv(name, raising=False)
    for name, value in {**PRODUCTION, **EWS}.items():
        monkeypatch.setenv(name, value)


@pytest.mark.parametrize("auth", ["ntlm", "basic", "app", "delegated"])
def test_production_over_ews_with_real_values_starts(
    monkeypatch: pytest.MonkeyPatch, ews_production: None, auth: str
) -> None:
    monkeypatch.setenv("FOREWARN_EWS_AUTH", auth)
    Settings().check()


@pytest.mark.parametrize(
    ("auth", "variable", "value"),
    [
        ("ntlm", "FOREWARN_EWS_PASSWORD", ""),
        ("ntlm", "FOREWARN_EWS_PASSWORD", "changeme"),
        ("basic", "FOREWARN_EWS_USERNAME", ""),
        ("app", "FOREWARN_EWS_CLIENT_SECRET", "<client secret>"),
        ("app", "FOREWARN_EWS_CLIENT_ID", "TODO"),
        ("app", "FOREWARN_EWS_TENANT_ID", ""),
        ("delegated", "FOREWARN_EWS_ACCESS_TOKEN", ""),
        ("delegated", "FOREWARN_EWS_CLIENT_ID", ""),
        ("ntlm", "FOREWARN_EWS_ENDPOINT", ""),
    ],
)
def test_production_over_ews_names_a_missing_or_placeholder_secret(
    monkeypatch: pytest.MonkeyPatch, ews_production: None, auth: str, variable: str, value: str
) -> None:
    monkeypatch.setenv("FOREWARN_EWS_AUTH", auth)
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigurationError, match=f"{variable} is missing or a placeholder"):
        Settings().check()


def test_production_over_ews_names_only_what_the_chosen_auth_needs(
    monkeypatch: pytest.MonkeyPatch, ews_production: None
) -> None:
    """An on-premises login needs no app registration, so its absence is not a problem."""
    for name in ("FOREWARN_EWS_TENANT_ID", "FOREWARN_EWS_CLIENT_ID", "FOREWARN_EWS_CLIENT_SECRET"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("FOREWARN_EWS_PASSWORD", "")
    with pytest.raises(ConfigurationError) as refused:
        Settings().check()
    message = str(refused.value)
    assert "FOREWARN_EWS_PASSWORD" in message
    assert "FOREWARN_EWS_CLIENT" not in message


def test_the_ews_secrets_matter_only_when_ews_is_the_backend(
    monkeypatch: pytest.MonkeyPatch, ews_production: None
) -> None:
    monkeypatch.setenv("FOREWARN_MAILBOX_BACKEND", "folder")
    monkeypatch.setenv("FOREWARN_EWS_PASSWORD", "")
    Settings().check()


def test_an_ews_endpoint_without_https_is_refused_in_any_mode(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in EWS_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FOREWARN_MAILBOX_BACKEND", "ews")
    monkeypatch.setenv(
        "FOREWARN_EWS_ENDPOINT", "http://mail.council.example.gov.uk/EWS/Exchange.asmx"
    )
    with pytest.raises(ConfigurationError, match=r"FOREWARN_EWS_ENDPOINT=\S+ is not https"):
        Settings().check()


def test_the_ews_mailbox_defaults_to_the_watched_address(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in EWS_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FOREWARN_MAILBOX_ADDRESS", "spoc@council.example.gov.uk")
    assert Settings().effective_ews_mailbox == "spoc@council.example.gov.uk"
    monkeypatch.setenv("FOREWARN_EWS_MAILBOX", "spoc.shared@council.example.gov.uk")
    assert Settings().effective_ews_mailbox == "spoc.shared@council.example.gov.uk"


# ---- the Microsoft Graph mailbox backend -------------------------------------

GRAPH = {
    "FOREWARN_MAILBOX_BACKEND": "graph",
    "FOREWARN_GRAPH_TENANT_ID": "0e1d2c3b-4a59-4687-9786-a5b4c3d2e1f0",
    "FOREWARN_GRAPH_CLIENT_ID": "3f2b8c1e-6a4d-4e7b-9c1a-0d5e8f7a6b2c",
    "FOREWARN_GRAPH_CLIENT_SECRET": "a-real-looking-app-secret",
}


@pytest.fixture
def graph_production(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production over Graph with every Graph variable set to a real-looking value."""
    for name in [*GRAPH, "FOREWARN_GRAPH_MAILBOX"]:
        monkeypatch.delenv(name, raising=False)
    for name, value in {**PRODUCTION, **GRAPH}.items():
        monkeypatch.setenv(name, value)


def test_production_over_graph_with_real_values_starts(graph_production: None) -> None:
    Settings().check()


@pytest.mark.parametrize("variable", [name for name in GRAPH if name.startswith("FOREWARN_GRAPH")])
@pytest.mark.parametrize("value", ["", "changeme", "<client secret>"])
def test_production_over_graph_names_a_missing_or_placeholder_value(
    monkeypatch: pytest.MonkeyPatch, graph_production: None, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigurationError, match=f"{variable} is missing or a placeholder"):
        Settings().check()


def test_the_graph_mailbox_defaults_to_the_watched_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("FOREWARN_GRAPH_MAILBOX", raising=False)
    monkeypatch.setenv("FOREWARN_MAILBOX_ADDRESS", "spoc@council.example.gov.uk")
    assert Settings().effective_graph_mailbox == "spoc@council.example.gov.uk"
    monkeypatch.setenv("FOREWARN_GRAPH_MAILBOX", "spoc.shared@council.example.gov.uk")
    assert Settings().effective_graph_mailbox == "spoc.shared@council.example.gov.uk"


# ---- the SMTP relay that sends the outbox ----------------------------------

SMTP_NAMES = [
    "FOREWARN_SMTP_HOST",
    "FOREWARN_SMTP_PORT",
    "FOREWARN_SMTP_SECURITY",
    "FOREWARN_SMTP_USERNAME",
    "FOREWARN_SMTP_PASSWORD",
    "FOREWARN_SMTP_CA_BUNDLE",
]


@pytest.fixture
def smtp_production(monkeypatch: pytest.MonkeyPatch) -> None:
    """Production with a relay that accepts this server by its IP address (no login)."""
    for name in SMTP_NAMES:
        monkeypatch.delenv(name, raising=False)
    for name, value in PRODUCTION.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("FOREWARN_SMTP_HOST", "smtp-relay.council.example.gov.uk")


def test_without_an_smtp_host_nothing_is_sent_and_starttls_is_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in SMTP_NAMES:
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    settings.check()
    assert settings.smtp_host == ""
    assert (settings.smtp_port, settings.smtp_security) == (587, "starttls")


def test_production_with_a_relay_that_trusts_the_servers_ip_address_starts(
    smtp_production: None,
) -> None:
    Settings().check()


def test_production_with_a_relay_login_starts(
    monkeypatch: pytest.MonkeyPatch, smtp_production: None
) -> None:
    monkeypatch.setenv("FOREWARN_SMTP_USERNAME", "svc-forewarn@council.example.gov.uk")
    monkeypatch.setenv("FOREWARN_SMTP_PASSWORD", "a-real-looking-relay-password")
    settings = Settings()
    settings.check()
    assert "a-real-looking-relay-password" not in repr(settings)


@pytest.mark.parametrize("password", [None, "", "changeme", "<relay password>"])
def test_production_refuses_a_relay_username_without_a_real_password(
    monkeypatch: pytest.MonkeyPatch, smtp_production: None, password: str | None
) -> None:
    monkeypatch.setenv("FOREWARN_SMTP_USERNAME", "svc-forewarn@council.example.gov.uk")
    if password is not None:
        monkeypatch.setenv("FOREWARN_SMTP_PASSWORD", password)
    with pytest.raises(ConfigurationError, match="FOREWARN_SMTP_PASSWORD is missing"):
        Settings().check()


def test_a_relay_username_without_a_password_is_allowed_in_development(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in SMTP_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FOREWARN_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("FOREWARN_SMTP_USERNAME", "test")
    Settings().check()


@pytest.mark.parametrize("mode", ["development", "production"])
def test_smtp_without_tls_is_refused_beyond_loopback_in_any_mode(
    monkeypatch: pytest.MonkeyPatch, smtp_production: None, mode: str
) -> None:
    monkeypatch.setenv("FOREWARN_MODE", mode)
    monkeypatch.setenv("FOREWARN_SMTP_SECURITY", "none")
    with pytest.raises(ConfigurationError, match=r"FOREWARN_SMTP_SECURITY=none .* in clear"):
        Settings().check()


def test_smtp_without_tls_to_a_relay_on_loopback_is_allowed(
    monkeypatch: pytest.MonkeyPatch, smtp_production: None
) -> None:
    monkeypatch.setenv("FOREWARN_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("FOREWARN_SMTP_SECURITY", "none")
    Settings().check()


def test_an_unknown_smtp_security_is_refused(
    monkeypatch: pytest.MonkeyPatch, smtp_production: None
) -> None:
    monkeypatch.setenv("FOREWARN_SMTP_SECURITY", "ssl")
    with pytest.raises(ValueError, match="smtp_security"):
        Settings()


def test_audit_retention_defaults_to_six_years(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOREWARN_AUDIT_RETENTION_MONTHS", raising=False)
    assert Settings().audit_retention_months == 72


@pytest.mark.parametrize("months", ["12", "84"])
def test_audit_retention_of_a_year_or_more_is_accepted(
    monkeypatch: pytest.MonkeyPatch, months: str
) -> None:
    monkeypatch.setenv("FOREWARN_AUDIT_RETENTION_MONTHS", months)
    assert Settings().audit_retention_months == int(months)


@pytest.mark.parametrize(
    ("months", "why"),
    [
        ("0", r"=0 is refused: .* cannot be kept forever, .* would leave no trail"),
        ("11", r"=11 is too short: .* at least 12 months"),
        ("-6", r"=-6 is too short"),
    ],
)
def test_audit_retention_below_a_year_is_refused(
    monkeypatch: pytest.MonkeyPatch, months: str, why: str
) -> None:
    monkeypatch.setenv("FOREWARN_AUDIT_RETENTION_MONTHS", months)
    with pytest.raises(ValueError, match=f"FOREWARN_AUDIT_RETENTION_MONTHS{why}"):
        Settings()
