"""Notices reach someone: the person in Teams, else their manager, else the service mailbox.

Staff talk to the real bot application first (that is how Teams gives Forewarn
a conversation to message them in later); the local connector service from
tests/bot/teams.py then answers 403 for the conversations of people who
blocked the app, as Teams does. Assertions are on what the people see and
on what an operator can read back from the delivery records.
"""

from __future__ import annotations

import email
import email.policy
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import ClientSession, web
from aiohttp.test_utils import TestServer

from bot.app import build_bot_app
from bot.notifier import TeamsNotifier, proactive_adapter
from mailbox.outbox import OutboxMail
from register.demo import DEMO_FRONTLINE, DEMO_MANAGER, demo_staff
from register.notices import Notice, NoticeAction, NoticeKind
from store.notify_repo import NotifyRepository
from store.repository import SqlRegisterStore
from tests.bot.teams import SUPPORT, Channel, Chat, add_staff, echo, run

BLOCKED = {
    "error": {
        "code": "ConversationBlockedByUser",
        "message": "User blocked the conversation with the bot.",
    }
}
HOUSING_MAILBOX = "housing-team@council.example.gov.uk"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Teams(Channel):
    """The connector service, refusing conversations the way Teams does for some people."""

    refusing: dict[str, int] = field(default_factory=dict)  # conversation id -> HTTP status
    refused: list[str] = field(default_factory=list)

    def app(self) -> web.Application:
        app = super().app()

        @web.middleware
        async def refuse(request: web.Request, handler: Handler) -> web.StreamResponse:
            conversation = request.match_info.get("conversation", "")
            status = self.refusing.get(conversation)
            if status is None:
                return await handler(request)
            self.refused.append(conversation)
            body = BLOCKED if status == 403 else {"error": {"code": "ServiceError"}}
            return web.json_response(body, status=status)

        app.middlewares.append(refuse)
        return app

    def cards_to(self, conversation: str) -> list[dict[str, Any]]:
        return [
            a["attachments"][0]["content"]
            for a in self.sent
            if a["conversation"]["id"] == conversation and a.get("attachments")
        ]


@dataclass
class Office:
    """The bot, Teams, the delivery records and the outbox, for one test."""

    chat: Chat
    teams: Teams
    repository: NotifyRepository
    notifier: TeamsNotifier
    outbox: Path

    async def hello(self, aad_id: str) -> None:
        """The person says hello in their own personal chat, so Forewarn can reach them later."""
        conversation = {"conversationType": "personal", "id": chat_of(aad_id)}
        answer = await self.chat.post(
            self.chat.activity(text="hello", user=aad_id, conversation=conversation)
        )
        assert answer.status == 200

    def mails(self) -> list[Any]:
        """The fallback emails written to the outbox, parsed as a mail client would."""
        files = sorted((self.outbox / "new").glob("*.eml")) if self.outbox.exists() else []
        return [
            email.message_from_bytes(f.read_bytes(), policy=email.policy.default) for f in files
        ]


def chat_of(aad_id: str) -> str:
    return f"a:1personal-{aad_id}"


def incident_notice(recipient: str = DEMO_FRONTLINE) -> Notice:
    return Notice(
        NoticeKind.INCIDENT,
        recipient,
        "Incident on your patch",
        ("Martin Dale threatened a colleague at Flat 3, Heron Court.",),
        "incident",
        "incident-0001",
        urgent=True,
        actions=(NoticeAction.ACKNOWLEDGE, NoticeAction.OPEN_RECORD),
    )


@asynccontextmanager
async def office(
    store: SqlRegisterStore, tmp_path: Path, *, mailboxes: dict[str, str] | None = None
) -> AsyncIterator[Office]:
    add_staff(store, *demo_staff())
    repository = NotifyRepository(store.engine)
    teams = Teams()
    async with TestServer(teams.app(), host="127.0.0.1") as teams_server:
        bot_app = build_bot_app(
            app_id="",
            app_password="",
            tenant_id="",
            allowed_tenants=(),
            max_body_bytes=256 * 1024,
            store=store,
            conversation=echo,
            support_contact=SUPPORT,
            ready=lambda: True,
            references=repository,
        )
        notifier = TeamsNotifier(
            adapter=proactive_adapter(app_id="", app_password="", tenant_id=""),
            app_id="",
            store=store,
            references=repository,
            deliveries=repository,
            mail=OutboxMail(tmp_path / "mail", "Forewarn <forewarn@council.example.gov.uk>"),
            mailboxes=mailboxes if mailboxes is not None else {"Housing": HOUSING_MAILBOX},
        )
        async with TestServer(bot_app, host="127.0.0.1") as bot_server, ClientSession() as http:
            chat = Chat(
                http=http,
                bot_app=bot_app,
                bot_base=str(bot_server.make_url("")).rstrip("/"),
                service_url=str(teams_server.make_url("/")),
                channel=teams,
            )
            yield Office(chat, teams, repository, notifier, tmp_path / "mail" / "outbox")


def routes(office: Office) -> list[tuple[str, str, bool]]:
    """(route, who was tried, delivered) for every recorded attempt about the incident."""
    return [
        (a.route, a.target, a.delivered)
        for a in office.repository.deliveries("incident", "incident-0001")
    ]


def test_a_notice_reaches_its_recipient_as_a_card_with_buttons(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with office(store, tmp_path) as o:
            await o.hello(DEMO_FRONTLINE)
            delivery = await o.notifier.notify(incident_notice())
            assert (delivery.delivered, delivery.route) == (True, "teams")
            (card,) = o.teams.cards_to(chat_of(DEMO_FRONTLINE))
            assert card["body"][0]["items"][0]["text"] == "Incident on your patch"
            assert [a["data"] for a in card["actions"]] == [
                {"action": "acknowledge", "record": "incident", "id": "incident-0001"},
                {"action": "open_record", "record": "incident", "id": "incident-0001"},
            ]
            assert routes(o) == [("teams", DEMO_FRONTLINE, True)]

    run(scenario())


def test_a_person_who_blocked_the_app_is_recorded_and_their_manager_is_told(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with office(store, tmp_path) as o:
            await o.hello(DEMO_FRONTLINE)
            await o.hello(DEMO_MANAGER)
            o.teams.refusing[chat_of(DEMO_FRONTLINE)] = 403

            delivery = await o.notifier.notify(incident_notice())

            assert (delivery.delivered, delivery.route) == (True, "next-manager")
            assert o.repository.blocked_since(DEMO_FRONTLINE) is not None
            assert o.repository.load(DEMO_FRONTLINE) is None
            (card,) = o.teams.cards_to(chat_of(DEMO_MANAGER))
            texts = [block.get("text") for block in card["body"]]
            assert (
                "Sent to you because Sam Fieldworker has blocked or removed the Forewarn app."
                in texts
            )
            assert routes(o) == [
                ("teams", DEMO_FRONTLINE, False),
                ("next-manager", DEMO_MANAGER, True),
            ]
            assert o.mails() == []

            # Forewarn does not knock again on a door Teams has shut...
            await o.notifier.notify(incident_notice())
            assert o.teams.refused == [chat_of(DEMO_FRONTLINE)]
            assert len(o.teams.cards_to(chat_of(DEMO_MANAGER))) == 2

            # ...until the person talks to the bot again.
            del o.teams.refusing[chat_of(DEMO_FRONTLINE)]
            await o.hello(DEMO_FRONTLINE)
            assert o.repository.blocked_since(DEMO_FRONTLINE) is None
            assert (await o.notifier.notify(incident_notice())).route == "teams"

    run(scenario())


def test_when_nobody_can_be_reached_in_teams_the_service_mailbox_gets_an_email(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with office(store, tmp_path) as o:
            await o.hello(DEMO_FRONTLINE)
            o.teams.refusing[chat_of(DEMO_FRONTLINE)] = 403  # and the manager never used the bot

            delivery = await o.notifier.notify(incident_notice())

            assert (delivery.delivered, delivery.route) == (True, "fallback-mailbox")
            (mail,) = o.mails()
            assert mail["To"] == HOUSING_MAILBOX
            assert mail["Subject"] == "URGENT: Forewarn: Incident on your patch"
            body = mail.get_content()
            assert "Martin Dale threatened a colleague at Flat 3, Heron Court." in body
            assert "- Sam Fieldworker has blocked or removed the Forewarn app." in body
            assert "- Priya Demo has not used Forewarn in Teams yet." in body
            assert routes(o) == [
                ("teams", DEMO_FRONTLINE, False),
                ("next-manager", DEMO_MANAGER, False),
                ("fallback-mailbox", HOUSING_MAILBOX, True),
            ]

    run(scenario())


def test_a_teams_outage_falls_back_without_marking_anyone_blocked(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with office(store, tmp_path) as o:
            await o.hello(DEMO_FRONTLINE)
            await o.hello(DEMO_MANAGER)
            o.teams.refusing[chat_of(DEMO_FRONTLINE)] = 503

            delivery = await o.notifier.notify(incident_notice())

            assert delivery.route == "next-manager"
            assert o.repository.blocked_since(DEMO_FRONTLINE) is None
            (first, _) = o.repository.deliveries("incident", "incident-0001")
            assert "could not be reached in Teams (HTTP 503" in first.detail

    run(scenario())


def test_with_no_one_in_teams_and_no_mailbox_the_failure_is_recorded(
    store: SqlRegisterStore, tmp_path: Path
) -> None:
    async def scenario() -> None:
        async with office(store, tmp_path, mailboxes={}) as o:
            # Someone the staff list does not know: no manager, no service, no address.
            delivery = await o.notifier.notify(incident_notice("not-on-the-staff-list"))
            assert (delivery.delivered, delivery.route) == (False, "none")
            assert "not-on-the-staff-list has not used Forewarn in Teams yet" in delivery.detail
            assert routes(o) == [
                ("teams", "not-on-the-staff-list", False),
                ("none", "", False),
            ]
            assert o.mails() == []

    run(scenario())
