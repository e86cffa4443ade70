"""What the EWS backend needs to reach one mailbox, as plain typed values.

The lead maps `settings.py` onto these in `app.py`; nothing here reads the
environment. Secrets are kept out of `repr()` so that a settings object
printed into a log or a traceback never leaks a password or client secret.
Checks that can be made without the network are made here, at start-up,
so a council finds a typo in its configuration before the first poll.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from register.errors import ConfigurationError

EXCHANGE_ONLINE_ENDPOINT = "https://outlook.office365.com/EWS/Exchange.asmx"
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True, slots=True)
class OnPremisesLogin:
    """A service account on the council's own Exchange server (NTLM, or basic over HTTPS).

    `username` is "DOMAIN\\\\user" or "user@council.gov.uk". Exchange Online
    turned basic authentication off in 2022; use one of the OAuth modes there.
    """

    username: str
    password: str = field(repr=False)
    scheme: Literal["ntlm", "basic"] = "ntlm"


@dataclass(frozen=True, slots=True)
class AppOnlyOAuth:
    """An Entra ID app with the `full_access_as_app` EWS permission (client credentials).

    The app has no mailbox of its own, so the backend impersonates the
    watched mailbox; an application access policy should limit the app to it.
    """

    tenant_id: str
    client_id: str
    client_secret: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class DelegatedOAuth:
    """A token a person obtained interactively (authorization code flow, `EWS.AccessAsUser.All`).

    With `refresh_token` and `client_secret` the backend refreshes the access
    token itself; with the access token alone it works until the token
    expires (`expires_at`, seconds since the epoch), then the mailbox is refused.
    """

    client_id: str
    access_token: str = field(repr=False)
    tenant_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    expires_at: float | None = None


EwsAuth = OnPremisesLogin | AppOnlyOAuth | DelegatedOAuth


@dataclass(frozen=True, slots=True)
class EwsSettings:
    """One watched mailbox over EWS.

    `service_endpoint` is the full EWS URL. Autodiscover is off unless asked
    for, because it probes several hosts by DNS and HTTP and a misconfigured
    council domain can send credentials somewhere unexpected.
    `folders_under` decides where Filed, Escalated, ... live: beside the
    inbox (as IMAP shows them) or inside it. `exchange_build` skips the
    version-guessing round trip: (15, 1) speaks the Exchange2016 schema,
    which Exchange 2016, 2019, Subscription Edition and Exchange Online accept.
    """

    mailbox: str
    auth: EwsAuth
    service_endpoint: str | None = None
    autodiscover: bool = False
    folders_under: Literal["msgfolderroot", "inbox"] = "msgfolderroot"
    exchange_build: tuple[int, int] = (15, 1)
    page_size: int = 100
    timeout: float = 120.0
    attempts: int = 5
    backoff: float = 2.0
    max_backoff: float = 300.0

    def __post_init__(self) -> None:
        if "@" not in self.mailbox:
            raise ConfigurationError(
                f"EWS mailbox {self.mailbox!r} must be the mailbox's primary SMTP address"
            )
        if not self.autodiscover and not self.service_endpoint:
            raise ConfigurationError(
                "EWS needs a service endpoint such as "
                "https://mail.example.gov.uk/EWS/Exchange.asmx "
                f"(Exchange Online: {EXCHANGE_ONLINE_ENDPOINT}), or autodiscover switched on"
            )
        if self.service_endpoint:
            parts = urlsplit(self.service_endpoint)
            if parts.scheme != "https" and parts.hostname not in _LOOPBACK:
                raise ConfigurationError(
                    f"EWS endpoint {self.service_endpoint!r} is not https: the mailbox "
                    "credentials would cross the network in clear"
                )
        if self.page_size < 1 or self.attempts < 1:
            raise ConfigurationError("EWS page_size and attempts must be at least 1")

    @property
    def is_exchange_online(self) -> bool:
        """True for Microsoft's cloud, where EWS is being retired (see ews.py)."""
        host = urlsplit(self.service_endpoint or "").hostname or ""
        return host.endswith((".office365.com", ".outlook.com", ".office.com"))
