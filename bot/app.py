"""Builds the Teams bot's aiohttp application from explicit values.

The composition root (app.py at the repository root) reads Settings and calls
`build_bot_app`; nothing here reads the environment or builds anything at
import time.
"""

from __future__ import annotations

from collections.abc import Iterable

from aiohttp import web
from botbuilder.integration.aiohttp import CloudAdapter

from bot.auth import CHANNEL_OPENID_METADATA_URL, Gate, build_authentication
from bot.clients import ReusedClients
from bot.commands import Conversation
from bot.handler import ForewarnBot
from bot.references import ConversationReferences, Notifier
from bot.server import MessagesEndpoint, Ready, build_server
from register.ports import RegisterStore

# Where build_bot_app leaves the Notifier (only when references are given),
# so the scheduler and mailbox watcher can message staff proactively.
NOTIFIER = web.AppKey("notifier", Notifier)


def build_bot_app(
    *,
    app_id: str,
    app_password: str,
    tenant_id: str,
    allowed_tenants: Iterable[str],
    max_body_bytes: int,
    store: RegisterStore,
    conversation: Conversation,
    support_contact: str,
    ready: Ready,
    references: ConversationReferences | None = None,
    openid_metadata_url: str = CHANNEL_OPENID_METADATA_URL,
) -> web.Application:
    """The bot's web application: POST /api/messages, GET /healthz, GET /readyz.

    An empty `app_id` turns Bot Framework authentication off; Settings.check
    only allows that on loopback. `openid_metadata_url` is where signing keys
    are published; only tests change it.
    """
    # Connector clients are reused across turns (bot/clients.py says why).
    authentication = ReusedClients(
        build_authentication(
            app_id=app_id,
            app_password=app_password,
            tenant_id=tenant_id,
            openid_metadata_url=openid_metadata_url,
        )
    )
    adapter = CloudAdapter(authentication)
    bot = ForewarnBot(
        store=store,
        conversation=conversation,
        support_contact=support_contact,
        references=references,
    )
    adapter.on_turn_error = bot.on_error
    messages = MessagesEndpoint(
        adapter=adapter,
        bot=bot,
        gate=Gate(authentication, app_id),
        allowed_tenants=allowed_tenants,
        max_body_bytes=max_body_bytes,
    )
    app = build_server(messages=messages, ready=ready, max_body_bytes=max_body_bytes)
    if references is not None:
        app[NOTIFIER] = Notifier(adapter, app_id, references)
    return app
