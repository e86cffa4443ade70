"""A stand-in for Teams and the Bot Framework service, so bot tests read like chats.

`open_chat` starts the real bot application (build_bot_app) on a loopback
port and, beside it, a local "connector service": the serviceUrl every
activity carries points at it, so whatever the bot sends to the person is
captured exactly as Teams would receive it. It also publishes Bot Framework
style signing keys, so authentication is exercised with real JWTs.

Tests are plain pytest functions that call `run(scenario())`; no pytest
plugin is needed.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import uuid
from collections.abc import AsyncIterator, Coroutine, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import jwt
from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer
from cryptography.hazmat.primitives.asymmetric import rsa

from bot.app import build_bot_app
from bot.commands import Command, Conversation, Joined, Reply, Said, Submitted
from register.ports import RegisterStore
from register.staff import Role, StaffMember

T = TypeVar("T")

TENANT = "11111111-2222-3333-4444-555555555555"
BOT_ID = "28:forewarn-bot"
APP_ID = "00000000-aaaa-bbbb-cccc-0000000000f0"
SUPPORT = "the Forewarn team (forewarn@example.gov.uk)"
ALICE = StaffMember(
    aad_object_id="aaaaaaaa-0000-0000-0000-00000000a11c",
    name="Alice Ward",
    job_title="Housing Officer",
    role=Role.FRONTLINE,
    service="Housing",
)
STRANGER_AAD = "bbbbbbbb-0000-0000-0000-0000000000ff"


def run(scenario: Coroutine[Any, Any, T]) -> T:
    """Run one chat scenario to the end on a fresh event loop."""
    return asyncio.run(scenario)


class UntouchedStore:
    """A register that fails the test if opened: refused requests must never reach it."""

    def transaction(self) -> Any:
        raise AssertionError("the register was opened")


def add_staff(store: RegisterStore, *members: StaffMember) -> None:
    with store.transaction() as session:
        for member in members:
            session.add(member)


async def echo(command: Command, user: StaffMember) -> list[Reply]:
    """A tiny behaviour: says back what it understood, so tests can see the connector's work."""
    match command:
        case Said(text):
            return [Reply(f"{user.name} said: {text}")]
        case Submitted(values):
            return [Reply(f"{user.name} submitted: {json.dumps(dict(values), sort_keys=True)}")]
        case Joined():
            return [Reply(f"Welcome to Forewarn, {user.name}.")]
    raise AssertionError(command)


class Keys:
    """An RSA key pair published the way the Bot Framework publishes its signing keys."""

    def __init__(self, kid: str) -> None:
        self.kid = kid
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwk(self) -> dict[str, Any]:
        key: dict[str, Any] = jwt.algorithms.RSAAlgorithm.to_jwk(
            self.private.public_key(), as_dict=True
        )
        return {**key, "kid": self.kid, "use": "sig", "endorsements": ["msteams"]}

    def token(self, *, kid: str | None = None, **claims: Any) -> str:
        return jwt.encode(claims, self.private, algorithm="RS256", headers={"kid": kid or self.kid})


@dataclass
class Channel:
    """The local connector service: records what the bot sends, serves signing keys."""

    keys: list[Keys] = field(default_factory=list)
    sent: list[dict[str, Any]] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=itertools.count)
    # A fresh path per chat: botbuilder caches signing keys per URL for a day.
    key_path: str = field(default_factory=lambda: f"/keys-{uuid.uuid4().hex}")

    @property
    def openid_path(self) -> str:
        return f"{self.key_path}/openid"

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v3/conversations/{conversation}/activities", self._capture)
        app.router.add_post("/v3/conversations/{conversation}/activities/{reply_to}", self._capture)
        app.router.add_get(self.openid_path, self._openid)
        app.router.add_get(f"{self.key_path}/jwks", self._jwks)
        return app

    async def _capture(self, request: web.Request) -> web.Response:
        activity = await request.json()
        activity["_path"] = request.path
        activity["_authorization"] = request.headers.get("Authorization")
        self.sent.append(activity)
        return web.json_response({"id": f"reply-{next(self._ids)}"})

    async def _openid(self, request: web.Request) -> web.Response:
        jwks = str(request.url.with_path(f"{self.key_path}/jwks"))
        return web.json_response({"issuer": "https://api.botframework.com", "jwks_uri": jwks})

    async def _jwks(self, _request: web.Request) -> web.Response:
        return web.json_response({"keys": [key.jwk() for key in self.keys]})


@dataclass
class Answer:
    """What the bot's endpoint said, and what it sent to the person during that request."""

    status: int
    body: Any
    sent: list[dict[str, Any]]

    @property
    def texts(self) -> list[str]:
        return [activity.get("text") or "" for activity in self.sent]


@dataclass
class Chat:
    http: ClientSession
    bot_app: web.Application
    bot_base: str
    service_url: str
    channel: Channel
    conversation_id: str = "a:1personal-chat-with-alice"
    _ids: itertools.count[int] = field(default_factory=itertools.count)

    def activity(
        self, kind: str = "message", *, user: str | None = ALICE.aad_object_id, **fields: Any
    ) -> dict[str, Any]:
        """A Teams-shaped activity from `user` (its aadObjectId) in a personal chat."""
        sender: dict[str, Any] = {"id": "29:teams-user-id", "name": "A person"}
        if user is not None:
            sender["aadObjectId"] = user
        activity = {
            "type": kind,
            "id": f"incoming-{next(self._ids)}",
            "timestamp": "2025-11-20T09:30:00.000Z",
            "channelId": "msteams",
            "serviceUrl": self.service_url,
            "from": sender,
            "recipient": {"id": BOT_ID, "name": "Forewarn"},
            "conversation": {
                "conversationType": "personal",
                "tenantId": TENANT,
                "id": self.conversation_id,
            },
            "channelData": {"tenant": {"id": TENANT}},
            "locale": "en-GB",
        }
        return {**activity, **fields}

    async def post(
        self,
        body: Mapping[str, Any] | bytes | str,
        *,
        token: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Answer:
        before = len(self.channel.sent)
        all_headers = {"Content-Type": "application/json", **(headers or {})}
        if token is not None:
            all_headers["Authorization"] = f"Bearer {token}"
        data = body if isinstance(body, bytes | str) else json.dumps(body)
        url = f"{self.bot_base}/api/messages"
        async with self.http.post(url, data=data, headers=all_headers) as response:
            text = await response.text()
            try:
                parsed: Any = json.loads(text) if text else None
            except json.JSONDecodeError:
                parsed = text
            return Answer(response.status, parsed, self.channel.sent[before:])

    async def say(self, text: str, *, user: str | None = ALICE.aad_object_id) -> Answer:
        return await self.post(self.activity(text=text, user=user))

    async def press(self, values: Mapping[str, Any]) -> Answer:
        """What Teams sends when an Action.Submit button is pressed."""
        return await self.post(self.activity(value=dict(values)))


@asynccontextmanager
async def open_chat(
    store: RegisterStore,
    conversation: Conversation = echo,
    *,
    app_id: str = "",
    allowed_tenants: Sequence[str] = (),
    max_body_bytes: int = 256 * 1024,
    ready: Any = lambda: True,
    references: Any = None,
    keys: Sequence[Keys] = (),
    openid_url: str | None = None,
) -> AsyncIterator[Chat]:
    """Start the channel and the bot on loopback ports; yield a Chat to talk through."""
    channel = Channel(keys=list(keys))
    async with TestServer(channel.app(), host="127.0.0.1") as channel_server:
        bot_app = build_bot_app(
            app_id=app_id,
            app_password="test-password" if app_id else "",
            tenant_id=TENANT if app_id else "",
            allowed_tenants=allowed_tenants,
            max_body_bytes=max_body_bytes,
            store=store,
            conversation=conversation,
            support_contact=SUPPORT,
            ready=ready,
            references=references,
            openid_metadata_url=openid_url or str(channel_server.make_url(channel.openid_path)),
        )
        async with TestServer(bot_app, host="127.0.0.1") as bot_server, ClientSession() as http:
            yield Chat(
                http=http,
                bot_app=bot_app,
                bot_base=str(bot_server.make_url("")).rstrip("/"),
                service_url=str(channel_server.make_url("/")),
                channel=channel,
            )
