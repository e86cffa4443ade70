"""Building exchangelib's Account for the EWS backend from `EwsSettings`, without the network.

Kept apart from ews.py because choosing credentials, auth type and access
type is configuration, not mail handling: app-only OAuth impersonates the
mailbox (the app has none of its own), a service account or a signed-in
person opens it as a delegate. The version and auth type are given, so
exchangelib neither guesses the server version nor probes the auth type;
the retry policy is fail-fast because ews.py does the retrying.
"""

from __future__ import annotations

from exchangelib import (
    BASIC,
    DELEGATE,
    IMPERSONATION,
    NTLM,
    OAUTH2,
    UTC,
    Account,
    Build,
    Configuration,
    Credentials,
    FailFast,
    Identity,
    OAuth2AuthorizationCodeCredentials,
    OAuth2Credentials,
    Version,
)

from mailbox.backends.ews_errors import Where
from mailbox.backends.ews_settings import AppOnlyOAuth, DelegatedOAuth, EwsSettings


def describe(settings: EwsSettings) -> Where:
    """Who is asking whom, for error messages and logs (never a secret)."""
    return Where(
        host=_host(settings),
        mailbox=settings.mailbox,
        who=_who(settings),
        exchange_online=settings.is_exchange_online,
    )


def build_account(settings: EwsSettings) -> Account:
    """Build the exchangelib Account; with an explicit endpoint this sends nothing."""
    auth = settings.auth
    if isinstance(auth, AppOnlyOAuth):
        credentials: Credentials | OAuth2Credentials = OAuth2Credentials(
            client_id=auth.client_id,
            client_secret=auth.client_secret,
            tenant_id=auth.tenant_id,
            identity=Identity(primary_smtp_address=settings.mailbox),
        )
        auth_type, access_type = OAUTH2, IMPERSONATION
    elif isinstance(auth, DelegatedOAuth):
        token: dict[str, object] = {"access_token": auth.access_token, "token_type": "Bearer"}
        if auth.refresh_token:
            token["refresh_token"] = auth.refresh_token
        if auth.expires_at:
            token["expires_at"] = auth.expires_at
        credentials = OAuth2AuthorizationCodeCredentials(
            client_id=auth.client_id,
            client_secret=auth.client_secret,
            tenant_id=auth.tenant_id,
            access_token=token,
        )
        auth_type, access_type = OAUTH2, DELEGATE
    else:
        credentials = Credentials(auth.username, auth.password)
        auth_type, access_type = (NTLM if auth.scheme == "ntlm" else BASIC), DELEGATE
    config = Configuration(
        credentials=credentials,
        service_endpoint=None if settings.autodiscover else settings.service_endpoint,
        auth_type=auth_type,
        version=Version(build=Build(*settings.exchange_build)),
        retry_policy=FailFast(),
    )
    return Account(
        primary_smtp_address=settings.mailbox,
        config=config,
        autodiscover=settings.autodiscover,
        access_type=access_type,
        default_timezone=UTC,
        locale="en_GB",
    )


def _host(settings: EwsSettings) -> str:
    if settings.service_endpoint:
        return settings.service_endpoint.split("/")[2]
    return f"autodiscover for {settings.mailbox}"


def _who(settings: EwsSettings) -> str:
    auth = settings.auth
    if isinstance(auth, AppOnlyOAuth):
        return f"app {auth.client_id}"
    if isinstance(auth, DelegatedOAuth):
        return f"the signed-in user of app {auth.client_id}"
    return f"account {auth.username}"
