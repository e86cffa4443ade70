"""Who may talk to the bot: a valid Bot Framework token, from an allowed tenant.

botbuilder 4.17.1 verifies tokens, but answers 500 to a malformed one,
fetches signing keys with a blocking HTTP call inside the event loop, and
would accept emulator and skill tokens Forewarn has no use for. So a cheap
screen runs first (a Bearer JWT, RS256 with a key id, issued by the Bot
Framework for this app id, not expired), then botbuilder checks the
signature and the serviceUrl claim in a worker thread, and every way a token
can fail becomes 401. Only Teams sends to Forewarn, so the tenant allow-list
is checked after authentication (an unauthenticated caller learns nothing
about it).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Mapping
from typing import Any

import jwt
from botbuilder.schema import Activity, CallerIdConstants
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConfiguration,
    AuthenticationConstants,
    BotFrameworkAuthentication,
    BotFrameworkAuthenticationFactory,
    PasswordServiceClientCredentialFactory,
)

from bot.inbound import Refused

log = logging.getLogger(__name__)

CHANNEL_ISSUER = AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER
CHANNEL_OPENID_METADATA_URL = AuthenticationConstants.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL
CLOCK_SKEW_SECONDS = 5 * 60
VERIFY_TIMEOUT_SECONDS = 15.0


def build_authentication(
    *, app_id: str, app_password: str, tenant_id: str, openid_metadata_url: str
) -> BotFrameworkAuthentication:
    """Public-cloud Bot Framework authentication from explicit values, no config object.

    The parameterised form takes the signing-key URL as a value, so tests can
    serve their own keys; everything else is the public cloud's constants.
    An empty app id turns authentication off (development on loopback only).
    """
    return BotFrameworkAuthenticationFactory.create(
        validate_authority=True,
        to_channel_from_bot_login_url=AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL_PREFIX,
        to_channel_from_bot_oauth_scope=AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
        to_bot_from_channel_token_issuer=CHANNEL_ISSUER,
        oauth_url=AuthenticationConstants.OAUTH_URL,
        to_bot_from_channel_open_id_metadata_url=openid_metadata_url,
        to_bot_from_emulator_open_id_metadata_url=(
            AuthenticationConstants.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL
        ),
        caller_id=CallerIdConstants.public_azure_channel,
        credential_factory=PasswordServiceClientCredentialFactory(
            app_id or None, app_password or None, tenant_id or None
        ),
        auth_configuration=AuthenticationConfiguration(),
    )


def screen_bearer(header: str | None, *, app_id: str, now: float | None = None) -> str | None:
    """Why this Authorization header cannot be a Bot Framework token for us, or None.

    Nothing here trusts the token (the signature is not checked yet); it only
    turns away what could never pass, without a network round trip.
    """
    if not header:
        return "no Authorization header"
    scheme, _, token = header.partition(" ")
    if scheme != "Bearer" or not token or " " in token:
        return "not a Bearer token"
    try:
        head = jwt.get_unverified_header(token)
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return "not a well-formed JWT"
    if head.get("alg") != "RS256" or not head.get("kid"):
        return "not signed with a Bot Framework key (RS256 with a key id)"
    if claims.get("iss") != CHANNEL_ISSUER:
        return f"issuer {claims.get('iss')!r} is not the Bot Framework"
    if claims.get("aud") != app_id:
        return "audience is not this bot's app id"
    expires = claims.get("exp")
    now = time.time() if now is None else now
    if not isinstance(expires, int | float) or expires < now - CLOCK_SKEW_SECONDS:
        return "expired or without an expiry"
    return None


class Gate:
    """Authenticates each inbound activity; raises Refused(401 or 503) when it cannot."""

    def __init__(self, authentication: BotFrameworkAuthentication, app_id: str) -> None:
        self._authentication = authentication
        self._app_id = app_id

    async def authenticate(
        self, activity: Activity, header: str | None
    ) -> AuthenticateRequestResult:
        if not self._app_id:
            return await self._authentication.authenticate_request(activity, None)
        reason = screen_bearer(header, app_id=self._app_id)
        if reason is not None:
            log.warning("refused a request: %s", reason)
            raise Refused(401, "Unauthorized.")
        try:
            return await asyncio.wait_for(
                asyncio.to_thread(self._verify, activity, header), VERIFY_TIMEOUT_SECONDS
            )
        except PermissionError as error:
            log.warning("refused a token: %s", error)
        except (OSError, TimeoutError):
            # requests' errors are OSErrors: the signing keys could not be fetched.
            log.error("could not fetch the Bot Framework signing keys", exc_info=True)
            raise Refused(503, "Cannot verify the sender right now; try again later.") from None
        except Exception as error:
            # jwt errors, an unknown key id (an IndexError inside botbuilder), ...:
            # the caller's fault, so one line; the traceback only when debugging.
            log.warning("refused a token: %s %s", type(error).__name__, error)
            log.debug("token verification failed", exc_info=True)
        raise Refused(401, "Unauthorized.")

    def _verify(self, activity: Activity, header: str | None) -> AuthenticateRequestResult:
        # botbuilder fetches keys with blocking `requests`; its own event loop
        # in this worker thread keeps the server's loop free meanwhile.
        return asyncio.run(self._authentication.authenticate_request(activity, header))


def tenants_of(data: Mapping[str, Any]) -> set[str]:
    """Every tenant id the raw activity names (Teams puts it in two places)."""
    found: set[object] = set()
    conversation = data.get("conversation")
    if isinstance(conversation, Mapping):
        found.update(conversation.get(key) for key in ("tenantId", "tenantID"))
    channel_data = data.get("channelData")
    if isinstance(channel_data, Mapping) and isinstance(channel_data.get("tenant"), Mapping):
        found.add(channel_data["tenant"].get("id"))
    return {value.strip().lower() for value in found if isinstance(value, str) and value.strip()}


def check_tenant(data: Mapping[str, Any], allowed: Iterable[str]) -> None:
    """403 unless the activity names at least one tenant and every one it names is allowed."""
    allowed_set = {tenant.strip().lower() for tenant in allowed if tenant.strip()}
    if not allowed_set:
        return
    named = tenants_of(data)
    if not named or not named <= allowed_set:
        log.warning("refused an activity from tenant(s) %s", sorted(named) or "(none)")
        raise Refused(403, "This tenant may not use this bot.")
