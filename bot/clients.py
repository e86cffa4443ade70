"""Bot Framework clients kept from turn to turn instead of rebuilt for every message.

botbuilder 4.17.1's CloudAdapter asks its authentication for a new
ConnectorClient and a new UserTokenClient on every turn. Each is an msrest
client whose configuration alone costs about 3 ms of CPU (its retry policy
builds a status-code list with a quadratic comprehension), with a requests
Session of its own, so every reply also opened a fresh TCP (in production,
TLS) connection, and fresh credentials that fetched a fresh token. On a
busy bot that was most of a turn. botbuilder's older BotFrameworkAdapter
caches its connector clients, keyed by service URL, app id and scope, for
the same reason; `ReusedClients` does that for CloudAdapter by wrapping the
authentication it is given, and changes nothing else.

Sharing a client between concurrent turns is what that adapter did too:
msrest's async sender runs each request through one requests Session in a
worker thread (urllib3's connection pool is thread-safe), and the
credentials refresh their token under their own lock. The cache is small
and evicts the least recently used client, because with authentication off
(loopback development) any caller can name a service URL.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

from botbuilder.schema import Activity
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)
from botframework.connector.skills import BotFrameworkClient

MOST_CLIENTS = 32  # Teams uses a handful of service URLs per region

C = TypeVar("C")


class _Recent(Generic[C]):
    """A bounded least-recently-used map of clients, built on first use."""

    def __init__(self, size: int = MOST_CLIENTS) -> None:
        self._size = size
        self._clients: OrderedDict[Hashable, C] = OrderedDict()

    async def get(self, key: Hashable, build: Callable[[], Awaitable[C]]) -> C:
        client = self._clients.get(key)
        if client is None:
            # Two turns may both miss and both build; the later one is kept,
            # and the other client simply serves its own turn.
            client = self._clients[key] = await build()
        self._clients.move_to_end(key)
        while len(self._clients) > self._size:
            self._clients.popitem(last=False)
        return client


def _app_id(claims_identity: ClaimsIdentity | None) -> str | None:
    """The bot's app id in the claims, read as botbuilder reads it (audience, then appid)."""
    if claims_identity is None:
        return None
    audience = claims_identity.get_claim_value(AuthenticationConstants.AUDIENCE_CLAIM)
    return audience or claims_identity.get_claim_value(AuthenticationConstants.APP_ID_CLAIM)


class _ReusedConnectors(ConnectorFactory):
    """A connector factory that hands out the cached client for (app id, service URL, audience)."""

    def __init__(self, inner: ConnectorFactory, app_id: str | None, cache: _Recent) -> None:
        self._inner, self._app_id, self._cache = inner, app_id, cache

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        key = (self._app_id, service_url, audience)
        client: ConnectorClient = await self._cache.get(
            key, lambda: self._inner.create(service_url, audience)
        )
        return client


class ReusedClients(BotFrameworkAuthentication):
    """The wrapped authentication, with its connector and user-token clients reused."""

    def __init__(self, inner: BotFrameworkAuthentication) -> None:
        self._inner = inner
        self._connectors: _Recent[ConnectorClient] = _Recent()
        self._token_clients: _Recent[UserTokenClient] = _Recent()

    def _reusing(self, result: AuthenticateRequestResult) -> AuthenticateRequestResult:
        if result.connector_factory is not None:
            app_id = _app_id(result.claims_identity)
            result.connector_factory = _ReusedConnectors(
                result.connector_factory, app_id, self._connectors
            )
        return result

    async def authenticate_request(
        self, activity: Activity, auth_header: str | None
    ) -> AuthenticateRequestResult:
        return self._reusing(await self._inner.authenticate_request(activity, auth_header))

    async def authenticate_streaming_request(
        self, auth_header: str, channel_id_header: str
    ) -> AuthenticateRequestResult:
        result = await self._inner.authenticate_streaming_request(auth_header, channel_id_header)
        return self._reusing(result)

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        inner = self._inner.create_connector_factory(claims_identity)
        return _ReusedConnectors(inner, _app_id(claims_identity), self._connectors)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        client: UserTokenClient = await self._token_clients.get(
            _app_id(claims_identity),
            lambda: self._inner.create_user_token_client(claims_identity),
        )
        return client

    def create_bot_framework_client(self) -> BotFrameworkClient:
        return self._inner.create_bot_framework_client()

    def get_originating_audience(self) -> str:
        return self._inner.get_originating_audience()

    async def authenticate_channel_request(self, auth_header: str) -> ClaimsIdentity:
        return await self._inner.authenticate_channel_request(auth_header)
