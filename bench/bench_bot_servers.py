"""The two bots bench_bot.py compares, each run in its own process by `--serve`.

Kept apart from the driver so the driver's process never imports the bots'
code and the two processes share nothing but the loopback network.
"""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from aiohttp import web
from botbuilder.core import ActivityHandler, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity

from bot.app import build_bot_app
from bot.auth import CHANNEL_OPENID_METADATA_URL, build_authentication
from bot.commands import Conversation
from bot.conversations import build_conversation
from register.demo import load_demo
from register.ids import utcnow
from register.notices import Delivery, Notice
from register.policy import load_preset
from store.conversation_session import SqlConversationStore
from store.db import sqlite_url
from store.notify_repo import NotifyRepository
from store.repository import SqlRegisterStore

CONVERSATION_NOTE = "Forewarn answers through bot.conversations.build_conversation"


class NoNotices:
    """A look-up sends no notices; anything else would be a bench bug worth seeing."""

    async def notify(self, notice: Notice) -> Delivery:
        raise AssertionError(f"a look-up sent a notice: {notice}")


class EchoBot(ActivityHandler):
    """The Bot Framework samples' echo bot."""

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(MessageFactory.text(f"Echo: {turn_context.activity.text}"))


def echo_app() -> web.Application:
    authentication = build_authentication(
        app_id="", app_password="", tenant_id="", openid_metadata_url=CHANNEL_OPENID_METADATA_URL
    )
    adapter = CloudAdapter(authentication)
    bot = EchoBot()

    async def messages(request: web.Request) -> web.Response:
        # botbuilder 4.17.1's CloudAdapter.process fails without a token even with
        # no app id, so (as bot/auth.py's Gate does) authentication runs first with
        # no header, then the activity is processed: the least any bot can do.
        activity = Activity().deserialize(await request.json())
        authenticated = await authentication.authenticate_request(activity, None)
        await adapter.process_activity(authenticated, activity, bot.on_turn)
        return web.Response(status=200)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    return app


def forewarn_conversation(store: SqlRegisterStore) -> Conversation:
    return build_conversation(
        SqlConversationStore(store),
        NoNotices(),
        clock=utcnow,
        timezone=ZoneInfo("Europe/London"),
        preset=load_preset("managed-contact-register-council"),
    )


def forewarn_app(data: Path, *, references: bool = True) -> web.Application:
    store = SqlRegisterStore.open(sqlite_url(data))
    load_demo(store, date.today())
    return build_bot_app(
        app_id="",
        app_password="",
        tenant_id="",
        allowed_tenants=(),
        max_body_bytes=256 * 1024,
        store=store,
        conversation=forewarn_conversation(store),
        support_contact="the bench",
        ready=lambda: True,
        references=NotifyRepository(store.engine) if references else None,
    )


async def serve(bot: str, data: Path, *, references: bool = True) -> None:
    """Listen on a free loopback port, say which on stdout, and serve until terminated."""
    app = echo_app() if bot == "echo" else forewarn_app(data, references=references)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    print(f"listening {runner.addresses[0][1]}", flush=True)
    await asyncio.Event().wait()
