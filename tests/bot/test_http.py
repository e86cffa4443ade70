"""The bot's HTTP surface as Teams, a load balancer and an attacker see it.

Refusals happen before the register is opened (UntouchedStore fails the
test otherwise) and always say what was wrong in a small JSON body.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import pytest
from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer

from bot.server import errors_as_json
from register.ports import RegisterStore
from tests.bot.teams import ALICE, TENANT, UntouchedStore, add_staff, open_chat, run


def test_an_empty_app_id_needs_no_token_and_the_message_is_answered(
    store: RegisterStore,
) -> None:
    add_staff(store, ALICE)

    async def scenario() -> None:
        async with open_chat(store) as chat:
            answer = await chat.say("hello")
            assert answer.status == 200
            assert answer.texts == ["Alice Ward said: hello"]
            (reply,) = answer.sent
            assert (
                reply["_path"] == f"/v3/conversations/{chat.conversation_id}/activities/incoming-0"
            )
            assert reply["replyToId"] == "incoming-0"

    run(scenario())


def test_health_says_alive_and_readiness_follows_the_store() -> None:
    async def not_ready() -> bool:
        return False

    def broken() -> bool:
        raise ConnectionError("database down")

    async def scenario() -> None:
        for ready, status in ((lambda: True, 200), (not_ready, 503), (broken, 503)):
            async with open_chat(UntouchedStore(), ready=ready) as chat:
                async with chat.http.get(f"{chat.bot_base}/healthz") as response:
                    assert (response.status, await response.json()) == (200, {"status": "alive"})
                async with chat.http.get(f"{chat.bot_base}/readyz") as response:
                    assert response.status == status

    run(scenario())


def test_head_on_the_messages_endpoint_is_not_allowed() -> None:
    # The Agents Playground probes with HEAD before it starts.
    async def scenario() -> None:
        async with (
            open_chat(UntouchedStore()) as chat,
            chat.http.head(f"{chat.bot_base}/api/messages") as response,
        ):
            assert response.status == 405

    run(scenario())


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("{not json", "The request body is not valid JSON."),
        (b"\xff\xfe", "The request body is not valid JSON."),
        ("[1, 2]", "The request body must be a JSON object (a Bot Framework activity)."),
        ('{"text": "hi"}', "Not a valid activity: 'type' is missing; 'serviceUrl' must be"),
    ],
)
def test_a_body_that_is_not_an_activity_gets_400_saying_why(body: str | bytes, says: str) -> None:
    async def scenario() -> None:
        async with open_chat(UntouchedStore()) as chat:
            answer = await chat.post(body)
            assert answer.status == 400
            assert answer.body["error"].startswith(says)
            assert answer.sent == []

    run(scenario())


def test_an_activity_botbuilder_cannot_read_gets_400() -> None:
    async def scenario() -> None:
        async with open_chat(UntouchedStore()) as chat:
            for bad in (
                chat.activity(timestamp="yesterday"),
                chat.activity(text=42),
                chat.activity(serviceUrl="file:///etc/passwd"),
                chat.activity(deliveryMode="expectReplies", text="hi"),
            ):
                answer = await chat.post(bad)
                assert answer.status == 400, bad
                assert answer.body["error"]
            assert chat.channel.sent == []

    run(scenario())


def test_a_body_over_the_limit_gets_413_with_or_without_content_length() -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(8):
            yield b" " * 1024

    async def scenario() -> None:
        async with open_chat(UntouchedStore(), max_body_bytes=4096) as chat:
            padded = chat.activity(text="x" * 5000)
            answer = await chat.post(padded)
            assert (answer.status, answer.body) == (
                413,
                {"error": "The request body is larger than 4096 bytes."},
            )
            # An async generator body has no Content-Length: aiohttp sends it with
            # Transfer-Encoding: chunked, and the bot counts bytes as they come.
            async with chat.http.post(
                f"{chat.bot_base}/api/messages",
                data=chunks(),
                headers={"Content-Type": "application/json"},
            ) as response:
                assert response.status == 413

    run(scenario())


def test_a_tenant_not_on_the_allow_list_gets_403_and_no_reply(store: RegisterStore) -> None:
    add_staff(store, ALICE)

    async def scenario() -> None:
        async with open_chat(store, allowed_tenants=[TENANT.upper()]) as chat:
            assert (await chat.say("hello")).texts == ["Alice Ward said: hello"]
            other = {"tenant": {"id": "99999999-0000-0000-0000-000000000000"}}
            for activity in (
                chat.activity(text="hi", channelData=other),
                chat.activity(text="hi", conversation={"id": "a:1", "tenantId": "other"}),
                chat.activity(text="hi", channelData={}, conversation={"id": "a:1"}),
            ):
                answer = await chat.post(activity)
                assert (answer.status, answer.body) == (
                    403,
                    {"error": "This tenant may not use this bot."},
                )
                assert answer.sent == []

    run(scenario())


def test_an_unexpected_error_is_500_with_a_generic_message_and_the_traceback_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def broken(_request: web.Request) -> web.Response:
        raise KeyError("secret detail")

    async def scenario() -> None:
        app = web.Application(middlewares=[errors_as_json])
        app.router.add_get("/broken", broken)
        async with (
            TestServer(app, host="127.0.0.1") as server,
            ClientSession() as http,
            http.get(server.make_url("/broken")) as response,
        ):
            assert response.status == 500
            assert await response.json() == {"error": "Internal server error."}

    with caplog.at_level(logging.ERROR, logger="bot.server"):
        run(scenario())
    assert "secret detail" in caplog.text
    assert "Traceback" in caplog.text


def test_readiness_that_hangs_is_not_ready(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.server.READY_TIMEOUT_SECONDS", 0.05)

    async def hangs() -> bool:
        await asyncio.sleep(5)
        return True

    async def scenario() -> None:
        async with (
            open_chat(UntouchedStore(), ready=hangs) as chat,
            chat.http.get(f"{chat.bot_base}/readyz") as response,
        ):
            assert response.status == 503

    run(scenario())
