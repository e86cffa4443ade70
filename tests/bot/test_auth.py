"""With an app id configured, only a genuine Bot Framework token gets a turn.

The channel in tests/bot/teams.py publishes signing keys the way
login.botframework.com does, so botbuilder's own verification runs against
real RS256 JWTs. Every way a token can be wrong is a 401 (botbuilder 4.17.1
alone answers 500 to several of them), never a reply to the person.
"""

from __future__ import annotations

import logging
import socket
import time
from typing import Any

import pytest

from tests.bot.teams import APP_ID, TENANT, Chat, Keys, UntouchedStore, open_chat, run

TRUSTED = Keys("trusted-key")
UNKNOWN = Keys("unknown-key")
UNAUTHORIZED = {"error": "Unauthorized."}


def claims(chat: Chat, **overrides: Any) -> dict[str, Any]:
    """What the Bot Framework puts in a token it sends to this bot."""
    now = int(time.time())
    return {
        "iss": "https://api.botframework.com",
        "aud": APP_ID,
        "serviceurl": chat.service_url,
        "nbf": now - 60,
        "exp": now + 3600,
        **overrides,
    }


def typing(chat: Chat) -> dict[str, Any]:
    # A typing activity needs no reply, so a genuine token can be shown to get
    # through without the bot having to fetch an outbound token from Entra ID.
    return chat.activity("typing")


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer abc", "Bearer", "Basic dXNlcjpwYXNz", "Bearer a.b.c", "Bearer x y"],
)
def test_a_missing_or_malformed_token_is_401(authorization: str | None) -> None:
    async def scenario() -> None:
        async with open_chat(UntouchedStore(), app_id=APP_ID, keys=[TRUSTED]) as chat:
            headers = {} if authorization is None else {"Authorization": authorization}
            answer = await chat.post(chat.activity(text="hello"), headers=headers)
            assert (answer.status, answer.body, answer.sent) == (401, UNAUTHORIZED, [])

    run(scenario())


def test_a_genuine_token_gets_through() -> None:
    async def scenario() -> None:
        async with open_chat(UntouchedStore(), app_id=APP_ID, keys=[TRUSTED]) as chat:
            answer = await chat.post(typing(chat), token=TRUSTED.token(**claims(chat)))
            assert answer.status == 200

    run(scenario())


def test_tokens_that_are_wrong_in_any_way_are_401(caplog: pytest.LogCaptureFixture) -> None:
    async def scenario() -> None:
        async with open_chat(UntouchedStore(), app_id=APP_ID, keys=[TRUSTED]) as chat:
            wrong = {
                "signed by a key nobody published": UNKNOWN.token(**claims(chat)),
                "claims a published key id, signed by another": UNKNOWN.token(
                    kid=TRUSTED.kid, **claims(chat)
                ),
                "for another bot": TRUSTED.token(**claims(chat, aud="another-app-id")),
                "from another issuer": TRUSTED.token(
                    **claims(chat, iss="https://sts.windows.net/attacker/")
                ),
                "expired": TRUSTED.token(**claims(chat, exp=int(time.time()) - 3600)),
                "for another serviceUrl": TRUSTED.token(
                    **claims(chat, serviceurl="https://evil.example/")
                ),
                "HS256 with the app id as secret": _hs256(claims(chat)),
            }
            for case, token in wrong.items():
                answer = await chat.post(typing(chat), token=token)
                assert (answer.status, answer.body) == (401, UNAUTHORIZED), case
            assert chat.channel.sent == []

    with caplog.at_level(logging.WARNING, logger="bot.auth"):
        run(scenario())
    assert "refused" in caplog.text


def test_authentication_comes_before_the_tenant_check() -> None:
    async def scenario() -> None:
        async with open_chat(
            UntouchedStore(), app_id=APP_ID, keys=[TRUSTED], allowed_tenants=[TENANT]
        ) as chat:
            elsewhere = typing(chat) | {"channelData": {"tenant": {"id": "other-tenant"}}}
            assert (await chat.post(elsewhere)).status == 401
            answer = await chat.post(elsewhere, token=TRUSTED.token(**claims(chat)))
            assert answer.status == 403

    run(scenario())


def test_unreachable_signing_keys_are_503_not_a_crash(caplog: pytest.LogCaptureFixture) -> None:
    async def scenario() -> None:
        nowhere = f"http://127.0.0.1:{_closed_port()}/openid"
        async with open_chat(UntouchedStore(), app_id=APP_ID, openid_url=nowhere) as chat:
            answer = await chat.post(typing(chat), token=TRUSTED.token(**claims(chat)))
            assert answer.status == 503
            assert answer.body == {"error": "Cannot verify the sender right now; try again later."}

    run(scenario())
    assert "could not fetch the Bot Framework signing keys" in caplog.text


def _hs256(payload: dict[str, Any]) -> str:
    import jwt

    return jwt.encode(payload, APP_ID, algorithm="HS256", headers={"kid": TRUSTED.kid})


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
