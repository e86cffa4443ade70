"""Forewarn's settings: one typed object, read from the environment and `.env`.

Only `app.py` builds it; every other module is handed the values it needs.
Development mode runs on embedded defaults (SQLite under ./data, a folder
mailbox, the bot on loopback without authentication). Production mode
refuses to start while a secret is missing or still a placeholder, or while
the bot would listen beyond loopback without authentication.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import unquote, urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from register.errors import ConfigurationError
from register.schedule.audit_retention import DEFAULT_MONTHS, MINIMUM_MONTHS

PLACEHOLDERS = frozenset({"", "changeme", "change-me", "secret", "password", "xxx", "todo", "none"})
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def _is_placeholder(value: str) -> bool:
    text = value.strip().lower()
    return text in PLACEHOLDERS or (text.startswith("<") and text.endswith(">"))


class Settings(BaseSettings):
    """Every setting Forewarn reads. The README's configuration table mirrors this class."""

    model_config = SettingsConfigDict(
        env_prefix="FOREWARN_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    mode: Literal["development", "production"] = "development"
    data_dir: Path = Path("data")
    database_url: str = Field(default="", validation_alias="DATABASE_URL")
    preset: str = "managed-contact-register-council"
    timezone: str = "Europe/London"
    support_contact: str = "the register administrator"

    # The Teams bot (Azure Bot registration, single-tenant).
    bot_host: str = "127.0.0.1"
    bot_port: int = 3978
    app_id: str = Field(default="", validation_alias="MICROSOFT_APP_ID")
    app_password: SecretStr = Field(
        default=SecretStr(""), validation_alias="MICROSOFT_APP_PASSWORD"
    )
    app_tenant_id: str = Field(default="", validation_alias="MICROSOFT_APP_TENANT_ID")
    allowed_tenants: Annotated[list[str], NoDecode] = []
    max_body_bytes: int = 256 * 1024

    # The mailbox watcher.
    mailbox_backend: Literal["folder", "imap", "ews", "graph"] = "folder"
    mailbox_folder: Path | None = None
    imap_host: str = "127.0.0.1"
    imap_port: int = 993
    imap_user: str = ""
    imap_password: SecretStr = SecretStr("")
    imap_ssl: bool = True
    # EWS (Exchange on-premises). ntlm and basic log in as a service account;
    # app is an Entra ID app with full_access_as_app; delegated uses a token a
    # person obtained interactively (refreshed with the client secret, if given).
    ews_endpoint: str = ""  # e.g. https://mail.council.gov.uk/EWS/Exchange.asmx
    ews_mailbox: str = ""  # primary SMTP address; empty means FOREWARN_MAILBOX_ADDRESS
    ews_auth: Literal["ntlm", "basic", "app", "delegated"] = "ntlm"
    ews_username: str = ""
    ews_password: SecretStr = SecretStr("")
    ews_tenant_id: str = ""
    ews_client_id: str = ""
    ews_client_secret: SecretStr = SecretStr("")
    ews_access_token: SecretStr = SecretStr("")
    ews_refresh_token: SecretStr = SecretStr("")
    # Microsoft Graph (Exchange Online): an Entra ID app with Mail.ReadWrite
    # (application), limited to the SPOC mailbox by an application access policy.
    graph_mailbox: str = ""  # user principal name; empty means FOREWARN_MAILBOX_ADDRESS
    graph_tenant_id: str = ""
    graph_client_id: str = ""
    graph_client_secret: SecretStr = SecretStr("")
    graph_folders_under: Literal["msgfolderroot", "inbox"] = "msgfolderroot"
    graph_ca_bundle: str = ""  # for a proxy that re-signs TLS; empty means the system's
    poll_seconds: int = 60
    mailbox_address: str = "spoc@council.example.gov.uk"
    mailbox_handoff: Literal["move", "forward"] = "move"
    alert_recipient: str = ""  # Entra ID object id told of quarantined mail and outages
    # The learned second opinion on abuse (mailbox/triage/second_opinion.py): a local
    # model that may ask the manager to read an email the rules did not flag.
    triage_second_opinion: bool = True

    # The scheduler and notices.
    sweep_at: str = "07:00"
    notice_sender: str = "forewarn@council.example.gov.uk"
    fallback_mailbox: str = ""  # where notices go when no one can be reached in Teams
    # Audit entries older than this are pruned by the daily sweep (deletion records stay).
    audit_retention_months: int = DEFAULT_MONTHS

    # How the outbox (notices, forwards to the SPOC) is sent: the council's SMTP
    # relay, or Graph's sendMail as FOREWARN_NOTICE_SENDER with the FOREWARN_GRAPH_*
    # app (Mail.Send, application), for Exchange Online with SMTP AUTH switched off.
    outbox_transport: Literal["smtp", "graph"] = "smtp"
    smtp_host: str = ""  # empty (with smtp): mail stays queued in the outbox, unsent
    smtp_port: int = 587
    smtp_security: Literal["starttls", "tls", "none"] = "starttls"  # none: loopback only
    smtp_username: str = ""  # empty: the relay accepts the server by its IP address
    smtp_password: SecretStr = SecretStr("")
    smtp_ca_bundle: str = ""  # for a relay certificate the council's own CA signed

    # With -v, also log whole EWS requests and responses (mail contents: personal
    # data). Credentials are redacted either way (logging_setup.py).
    log_wire: bool = False

    @field_validator("allowed_tenants", mode="before")
    @classmethod
    def _split_tenants(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("audit_retention_months")
    @classmethod
    def _audit_retention_bounds(cls, value: int) -> int:
        """0 is refused rather than read as "keep forever" or "prune at once": either
        reading is a decision a council must write down, not a default to fall into."""
        if value == 0:
            raise ValueError(
                "FOREWARN_AUDIT_RETENTION_MONTHS=0 is refused: audit entries hold personal "
                "data, so they cannot be kept forever, and pruning them at once would leave "
                f"no trail; give a number of months, at least {MINIMUM_MONTHS}"
            )
        if value < MINIMUM_MONTHS:
            raise ValueError(
                f"FOREWARN_AUDIT_RETENTION_MONTHS={value} is too short: the audit trail must "
                f"cover at least {MINIMUM_MONTHS} months (a complaint, an annual report)"
            )
        return value

    def secret_values(self) -> list[str]:
        """Every configured secret's value, for the log redactor: each SecretStr setting,
        and the password in DATABASE_URL (percent-encoded there, so both spellings)."""
        values = [v.get_secret_value() for _, v in self if isinstance(v, SecretStr)]
        try:
            password = urlsplit(self.database_url).password
        except ValueError:  # a malformed URL; the database layer will say so
            password = None
        if password:
            values += [password, unquote(password)]
        return [value for value in values if value]

    @property
    def effective_database_url(self) -> str:
        """The database to use: DATABASE_URL, or a SQLite file in the data directory."""
        return self.database_url or f"sqlite:///{(self.data_dir / 'forewarn.db').as_posix()}"

    @property
    def effective_mail_folder(self) -> Path:
        return self.mailbox_folder or self.data_dir / "mail"

    @property
    def effective_ews_mailbox(self) -> str:
        return self.ews_mailbox or self.mailbox_address

    @property
    def effective_graph_mailbox(self) -> str:
        return self.graph_mailbox or self.mailbox_address

    @property
    def sends_outbox(self) -> bool:
        """Whether the outbox is sent at all: Graph, or an SMTP relay that has a host."""
        return self.outbox_transport == "graph" or bool(self.smtp_host)

    @property
    def bot_requires_auth(self) -> bool:
        return bool(self.app_id)

    def check(self) -> None:
        """Refuse unsafe combinations; raise ConfigurationError naming every problem."""
        problems = self._production_problems() if self.mode == "production" else []
        if not self.bot_requires_auth and self.bot_host not in LOOPBACK:
            problems.append(
                f"FOREWARN_BOT_HOST={self.bot_host} without MICROSOFT_APP_ID would accept "
                "unauthenticated messages from the network; set an app id or use 127.0.0.1"
            )
        if self.mailbox_backend == "ews" and self.ews_endpoint:
            endpoint = urlsplit(self.ews_endpoint)
            if endpoint.scheme != "https" and endpoint.hostname not in LOOPBACK:
                problems.append(
                    f"FOREWARN_EWS_ENDPOINT={self.ews_endpoint} is not https: the mailbox "
                    "credentials would cross the network in clear"
                )
        if self.smtp_host and self.smtp_security == "none" and self.smtp_host not in LOOPBACK:
            problems.append(
                f"FOREWARN_SMTP_SECURITY=none to FOREWARN_SMTP_HOST={self.smtp_host}: notices "
                "(and any password) would cross the network in clear; use starttls or tls"
            )
        if problems:
            raise ConfigurationError("Forewarn will not start:\n  - " + "\n  - ".join(problems))

    def _production_problems(self) -> list[str]:
        problems = []
        if _is_placeholder(self.app_id):
            problems.append("MICROSOFT_APP_ID is missing or a placeholder")
        if _is_placeholder(self.app_password.get_secret_value()):
            problems.append("MICROSOFT_APP_PASSWORD is missing or a placeholder")
        if _is_placeholder(self.app_tenant_id):
            problems.append("MICROSOFT_APP_TENANT_ID is missing (the bot is single-tenant)")
        if not self.allowed_tenants:
            problems.append("FOREWARN_ALLOWED_TENANTS is empty")
        if self.mailbox_backend == "imap" and _is_placeholder(
            self.imap_password.get_secret_value()
        ):
            problems.append("FOREWARN_IMAP_PASSWORD is missing or a placeholder")
        if self.mailbox_backend == "ews":
            problems += self._ews_problems()
        if self.mailbox_backend == "graph":
            problems += self._graph_problems("FOREWARN_MAILBOX_BACKEND=graph")
        if self.outbox_transport == "graph" and self.mailbox_backend != "graph":
            problems += self._graph_problems("FOREWARN_OUTBOX_TRANSPORT=graph")
        if (
            self.smtp_host
            and self.smtp_username
            and _is_placeholder(self.smtp_password.get_secret_value())
        ):
            problems.append(
                "FOREWARN_SMTP_PASSWORD is missing or a placeholder (FOREWARN_SMTP_USERNAME is "
                "set; leave both empty if the relay accepts this server by its IP address)"
            )
        if self.database_url and "changeme" in self.database_url.lower():
            problems.append("DATABASE_URL still holds a placeholder password")
        return problems

    def _ews_problems(self) -> list[str]:
        """The EWS settings the chosen FOREWARN_EWS_AUTH needs, when missing or placeholders."""
        needed: dict[str, str | SecretStr] = {"FOREWARN_EWS_ENDPOINT": self.ews_endpoint}
        if self.ews_auth in ("ntlm", "basic"):
            needed |= {
                "FOREWARN_EWS_USERNAME": self.ews_username,
                "FOREWARN_EWS_PASSWORD": self.ews_password,
            }
        elif self.ews_auth == "app":
            needed |= {
                "FOREWARN_EWS_TENANT_ID": self.ews_tenant_id,
                "FOREWARN_EWS_CLIENT_ID": self.ews_client_id,
                "FOREWARN_EWS_CLIENT_SECRET": self.ews_client_secret,
            }
        else:
            needed |= {
                "FOREWARN_EWS_CLIENT_ID": self.ews_client_id,
                "FOREWARN_EWS_ACCESS_TOKEN": self.ews_access_token,
            }
        return _placeholders(needed, f"FOREWARN_EWS_AUTH={self.ews_auth}")

    def _graph_problems(self, because: str) -> list[str]:
        """The Entra ID app Graph is signed in as (to read the mailbox or to send the
        outbox), when missing or placeholders."""
        needed: dict[str, str | SecretStr] = {
            "FOREWARN_GRAPH_TENANT_ID": self.graph_tenant_id,
            "FOREWARN_GRAPH_CLIENT_ID": self.graph_client_id,
            "FOREWARN_GRAPH_CLIENT_SECRET": self.graph_client_secret,
        }
        return _placeholders(needed, because)


def _placeholders(needed: dict[str, str | SecretStr], because: str) -> list[str]:
    """One problem per setting in `needed` that is missing or a placeholder, saying which
    choice (`because`) makes it needed."""
    problems = []
    for name, value in needed.items():
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if _is_placeholder(text):
            problems.append(f"{name} is missing or a placeholder ({because})")
    return problems
