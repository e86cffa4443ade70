"""What the Microsoft Graph backend needs to reach one mailbox, as plain typed values.

The lead maps `settings.py` onto these in `app.py`; nothing here reads the
environment. The client secret is kept out of `repr()` so a settings object
printed into a log never leaks it. Both base URLs are settings rather than
constants so that tests can point them at a local server, and so that a
council on a national cloud (GCC High, say) can use its own endpoints.
Checks that need no network are made here, at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from register.errors import ConfigurationError

GRAPH_BASE = "https://graph.microsoft.com/v1.0"
AUTHORITY_HOST = "https://login.microsoftonline.com"
GRAPH_SCOPE = "https://graph.microsoft.com/.default"


@dataclass(frozen=True, slots=True)
class GraphSettings:
    """One watched mailbox over Microsoft Graph, read by an app with client credentials.

    The Entra ID app needs the Mail.ReadWrite application permission (admin
    consented); an application access policy or RBAC for Applications should
    limit it to this mailbox, since the permission alone opens every mailbox
    in the tenant. `mailbox` is the user principal name (or primary SMTP
    address) of the shared mailbox. `folders_under` decides where Filed,
    Escalated, ... live: beside the inbox or inside it, as in the EWS backend.
    `ca_bundle` is for councils whose proxy re-signs TLS (and for tests).
    """

    mailbox: str
    tenant_id: str
    client_id: str
    client_secret: str = field(repr=False)
    graph_base: str = GRAPH_BASE
    authority_host: str = AUTHORITY_HOST
    scope: str = GRAPH_SCOPE
    folders_under: Literal["msgfolderroot", "inbox"] = "msgfolderroot"
    page_size: int = 100
    timeout: float = 60.0
    attempts: int = 5
    backoff: float = 2.0
    max_backoff: float = 300.0
    ca_bundle: str | None = None

    def __post_init__(self) -> None:
        if "@" not in self.mailbox:
            raise ConfigurationError(
                f"Graph mailbox {self.mailbox!r} must be the mailbox's user principal name"
            )
        for name in ("tenant_id", "client_id", "client_secret"):
            if not getattr(self, name).strip():
                raise ConfigurationError(f"Graph needs the app registration's {name}")
        for name in ("graph_base", "authority_host"):
            parts = urlsplit(getattr(self, name))
            if parts.scheme != "https" or not parts.hostname:
                raise ConfigurationError(
                    f"Graph {name} {getattr(self, name)!r} must be an https URL: tokens and "
                    "mail would otherwise cross the network in clear"
                )
        if not 1 <= self.page_size <= 1000 or self.attempts < 1:
            raise ConfigurationError("Graph page_size must be 1 to 1000 and attempts at least 1")

    @property
    def authority(self) -> str:
        """The tenant's sign-in authority, as msal wants it."""
        return f"{self.authority_host.rstrip('/')}/{self.tenant_id}"

    @property
    def host(self) -> str:
        """The Graph host, for messages and for checking where paging links point."""
        return urlsplit(self.graph_base).netloc
