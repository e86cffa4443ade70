"""App-only access tokens for Microsoft Graph, from Entra ID through msal.

This module is msal's only importer, and holds the one HTTP session type
that msal and the backend share. msal caches the token in memory and asks
Entra ID for a new one only when the cached one is near expiry, so
`token()` can be called before every request. Building the
msal application already talks to the network (it reads the tenant's OpenID
configuration), so it is built on first use, never in the constructor, and a
wrong tenant id surfaces as a sign-in failure like a wrong secret.

A sign-in failure is not worth retrying: no mail will be read until a person
renews the secret or fixes the app registration. It is raised as
`SignInFailed`, which the backend logs at CRITICAL. A network failure on the
way to Entra ID is left as the requests exception, which the backend retries.
"""

from __future__ import annotations

from typing import Any

import msal
import requests

from mailbox.backends.graph_settings import GraphSettings


class GraphSession(requests.Session):
    """A requests session with the settings' timeout and, if given, their CA bundle.

    requests lets REQUESTS_CA_BUNDLE in the environment override a session's
    `verify`; a bundle passed with each request wins instead, so a council
    that names its proxy's CA in the settings gets that CA, whatever the
    environment says. Proxies still come from the environment as usual.
    """

    def __init__(self, settings: GraphSettings) -> None:
        super().__init__()
        self._timeout = settings.timeout
        self._ca_bundle = settings.ca_bundle

    def request(  # type: ignore[override]  # the same call, narrower types
        self, method: str, url: str, *args: Any, **kwargs: Any
    ) -> requests.Response:
        kwargs.setdefault("timeout", self._timeout)
        if self._ca_bundle:
            kwargs["verify"] = self._ca_bundle
        response: requests.Response = super().request(method, url, *args, **kwargs)
        return response

    def close(self) -> None:
        """Close every pooled connection now.

        urllib3 2.8 only forgets its pools on close and leaves their sockets
        to the garbage collector; a response kept alive by an exception's
        traceback would then hold a connection to Microsoft open until a
        collection happens to run.
        """
        for adapter in self.adapters.values():
            pools = getattr(getattr(adapter, "poolmanager", None), "pools", None)
            if pools is None:
                continue
            for key in list(pools.keys()):
                pool = pools.get(key)
                if pool is not None:
                    pool.close()
        super().close()


class SignInFailed(Exception):
    """Entra ID would not issue a token; the message is safe to log (no secret)."""


class AppToken:
    """The current bearer token for the app in `settings`, fetched and cached by msal."""

    def __init__(self, settings: GraphSettings) -> None:
        self._settings = settings
        self._app: msal.ConfidentialClientApplication | None = None
        self._session = GraphSession(settings)

    def token(self) -> str:
        try:
            result = self._application().acquire_token_for_client(scopes=[self._settings.scope])
        except ValueError as error:  # msal's word for an unknown tenant or bad authority
            raise SignInFailed(str(error)) from error
        if "access_token" not in result:
            self.forget()
            code = result.get("error", "unknown_error")
            detail = " ".join(str(result.get("error_description", "")).split())
            raise SignInFailed(f"{code}: {detail}")
        return str(result["access_token"])

    def forget(self) -> None:
        """Drop the cached token, e.g. after Graph rejected it, so the next call signs in anew."""
        self._app = None

    def close(self) -> None:
        """Close the connections to Entra ID; the token stays cached and the session reusable."""
        self._session.close()

    def _application(self) -> msal.ConfidentialClientApplication:
        if self._app is None:
            s = self._settings
            self._app = msal.ConfidentialClientApplication(
                s.client_id,
                client_credential=s.client_secret,
                authority=s.authority,
                # The authority is given, not discovered: no call to Microsoft's
                # instance discovery, in production or in tests.
                instance_discovery=False,
                http_client=self._session,
            )
        return self._app
