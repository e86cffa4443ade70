"""The bot's HTTP surface: POST /api/messages, GET /healthz, GET /readyz.

Every refusal is a short JSON body with a 4xx status that says what was
wrong; anything unexpected is a 500 with a generic message, while the
traceback goes to the log only. Teams retries on 5xx, so a 5xx means "our
fault", never "your input".
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from aiohttp import web
from botbuilder.core import serializer_helper
from botbuilder.integration.aiohttp import CloudAdapter

from bot.auth import Gate, check_tenant
from bot.handler import ForewarnBot
from bot.inbound import Refused, activity_from, parse_json, read_body

log = logging.getLogger(__name__)

READY_TIMEOUT_SECONDS = 5.0

# Is the store reachable? Either a plain function (run in a worker thread,
# since a database ping blocks) or a coroutine function.
Ready = Callable[[], bool] | Callable[[], Awaitable[bool]]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def errors_as_json(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except Refused as refused:
        return web.json_response({"error": refused.message}, status=refused.status)
    except web.HTTPException:
        raise
    except Exception:
        log.exception("unexpected error on %s %s", request.method, request.path)
        return web.json_response({"error": "Internal server error."}, status=500)


class MessagesEndpoint:
    """POST /api/messages, in the order that keeps each check cheap and honest.

    Size, then JSON, then the activity's shape, then the token, then the
    tenant; only then does botbuilder run the turn.
    """

    def __init__(
        self,
        *,
        adapter: CloudAdapter,
        bot: ForewarnBot,
        gate: Gate,
        allowed_tenants: Iterable[str],
        max_body_bytes: int,
    ) -> None:
        self._adapter = adapter
        self._bot = bot
        self._gate = gate
        self._allowed_tenants = tuple(allowed_tenants)
        self._max_body_bytes = max_body_bytes

    async def handle(self, request: web.Request) -> web.StreamResponse:
        data = parse_json(await read_body(request, self._max_body_bytes))
        activity = activity_from(data)
        authenticated = await self._gate.authenticate(
            activity, request.headers.get("Authorization")
        )
        check_tenant(data, self._allowed_tenants)
        invoke_response = await self._adapter.process_activity(
            authenticated, activity, self._bot.on_turn
        )
        if invoke_response is None:
            return web.Response(status=200)
        body: Any = serializer_helper(invoke_response.body)
        return web.json_response(body, status=invoke_response.status)


async def healthz(_request: web.Request) -> web.Response:
    """The process is alive and serving HTTP (nothing else is checked)."""
    return web.json_response({"status": "alive"})


def readyz(ready: Ready) -> Handler:
    """200 while the store answers, 503 (with the reason in the log) while it does not."""

    async def handler(_request: web.Request) -> web.Response:
        try:
            ok = await asyncio.wait_for(_ask(ready), READY_TIMEOUT_SECONDS)
        except Exception:
            log.warning("readiness check failed", exc_info=True)
            ok = False
        if ok:
            return web.json_response({"status": "ready"})
        return web.json_response({"status": "not ready"}, status=503)

    return handler


async def _ask(ready: Ready) -> bool:
    if inspect.iscoroutinefunction(ready):
        return bool(await ready())
    return bool(await asyncio.to_thread(ready))


def build_server(
    *, messages: MessagesEndpoint, ready: Ready, max_body_bytes: int
) -> web.Application:
    # client_max_size guards any route that reads a body through aiohttp;
    # /api/messages counts its own bytes (see inbound.read_body).
    app = web.Application(client_max_size=max_body_bytes, middlewares=[errors_as_json])
    app.router.add_post("/api/messages", messages.handle)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz(ready))
    return app
