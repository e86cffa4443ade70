"""Telling staff things without being asked: a Notice as a Teams card, with fallbacks.

A notice about an incident must reach someone. Teams is tried first, through
the conversation reference saved when the person last used the bot. When
Teams refuses because the person blocked or removed the app (HTTP 403),
the reference is marked blocked and the notice goes up the management line
(StaffMember.manager_aad_id), in Teams, saying whom it was meant for. When
no one in that line can be reached in Teams, it goes by email to the
service mailbox (or the default mailbox, or the person's own address).
Every attempt is recorded, delivered or not, so "why did nobody tell me?"
has an answer in the database.

The routes, in order, are the table below; each attempt records its route.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import ConversationReference

from bot import connector
from bot.auth import CHANNEL_OPENID_METADATA_URL, build_authentication
from bot.commands import Reply
from bot.notice_mail import notice_mail
from bot.references import ConversationReferences
from cards.notice import notice_card
from register.deliveries import DeliveryAttempt, DeliveryRecords
from register.errors import ForewarnError
from register.notices import Delivery, Notice
from register.ports import RegisterStore
from register.staff import StaffMember

log = logging.getLogger(__name__)

# The routes a notice can take, in the order they are tried.
TEAMS = "teams"  # the recipient, in Teams
NEXT_MANAGER = "next-manager"  # their manager (then the manager's manager), in Teams
MAILBOX = "fallback-mailbox"  # the service mailbox, by email
NONE = "none"  # nobody could be reached; the attempts say why

# How Teams says the person is gone (403 bodies); matched case-insensitively.
GONE_WORDS = (
    "conversationblockedbyuser",
    "botnotinconversationroster",
    "bot blocked",
    "blocked the conversation",
    "user removed app",
)
GONE = "has blocked or removed the Forewarn app"
NEVER_SEEN = "has not used Forewarn in Teams yet"


class FallbackMail(Protocol):
    """Sends a plain-text email; mailbox/outbox.py writes it to the outbox folder."""

    def send(self, to: str, subject: str, text: str) -> None: ...


class BlockableReferences(ConversationReferences, Protocol):
    """Conversation references that remember when Teams refused a person."""

    def mark_blocked(self, aad_object_id: str) -> None: ...

    def blocked_since(self, aad_object_id: str) -> datetime | None: ...


@dataclass(frozen=True, slots=True)
class Tried:
    """What one attempt in Teams came to; `why` says, in words, why it failed."""

    delivered: bool
    gone: bool = False
    why: str = ""


def proactive_adapter(*, app_id: str, app_password: str, tenant_id: str) -> CloudAdapter:
    """A CloudAdapter for sending only: the same credentials as the bot, no turn-error handler.

    Sending needs no inbound validation, so a second adapter beside the bot's
    one is enough, and without an on_turn_error a failure reaches the notifier
    instead of an apology being sent into a conversation nobody started.
    """
    authentication = build_authentication(
        app_id=app_id,
        app_password=app_password,
        tenant_id=tenant_id,
        openid_metadata_url=CHANNEL_OPENID_METADATA_URL,
    )
    return CloudAdapter(authentication)


class TeamsNotifier:
    """Implements register.notices.Notifier over Teams, the management line and email."""

    def __init__(
        self,
        *,
        adapter: CloudAdapter,
        app_id: str,
        store: RegisterStore,
        references: BlockableReferences,
        deliveries: DeliveryRecords,
        mail: FallbackMail,
        mailboxes: Mapping[str, str] | None = None,
        default_mailbox: str = "",
        manager_levels: int = 2,
    ) -> None:
        self._adapter = adapter
        self._app_id = app_id
        self._store = store
        self._references = references
        self._deliveries = deliveries
        self._mail = mail
        self._mailboxes = dict(mailboxes or {})
        self._default_mailbox = default_mailbox
        self._manager_levels = manager_levels

    async def notify(self, notice: Notice) -> Delivery:
        """Deliver by the first route that works; see the module docstring."""
        member = await self._staff(notice.recipient)
        who = member.name if member else notice.recipient
        tried = await self._try_teams(notice, notice.recipient, TEAMS, notice)
        if tried.delivered:
            return Delivery(True, TEAMS, f"Sent in Teams to {who}.")
        reasons = [f"{who} {tried.why}"]
        async for manager in self._managers(member):
            forwarded = _forwarded(notice, manager.aad_object_id, reasons[0])
            passed = await self._try_teams(notice, manager.aad_object_id, NEXT_MANAGER, forwarded)
            if passed.delivered:
                return Delivery(True, NEXT_MANAGER, f"{reasons[0]}; sent to {manager.name}.")
            reasons.append(f"{manager.name} {passed.why}")
        return await self._by_mail(notice, member, reasons)

    async def _try_teams(self, notice: Notice, target: str, route: str, shown: Notice) -> Tried:
        reference = await asyncio.to_thread(self._references.load, target)
        if reference is None:
            blocked = await asyncio.to_thread(self._references.blocked_since, target)
            tried = Tried(False, why=GONE if blocked else NEVER_SEEN)
        else:
            tried = await self._send(reference, shown)
            if tried.gone:
                await asyncio.to_thread(self._references.mark_blocked, target)
        await self._record(notice, target, route, tried.delivered, tried.why or "sent in Teams")
        return tried

    async def _send(self, reference: Mapping[str, Any], shown: Notice) -> Tried:
        """One proactive message; every failure is caught, so the next route can be tried."""
        failures: list[Exception] = []

        async def deliver(turn_context: TurnContext) -> None:
            try:
                await connector.send(turn_context, [Reply(shown.title, notice_card(shown))])
            except Exception as error:
                failures.append(error)

        try:
            continuation = ConversationReference().deserialize(dict(reference))
            await self._adapter.continue_conversation(
                continuation, deliver, bot_app_id=self._app_id
            )
        except Exception as error:  # a token that could not be had, a bad service URL, ...
            failures.append(error)
        if not failures:
            return Tried(True)
        failure = failures[0]
        if _is_gone(failure):
            log.info("Teams refused a notice: %s", _words(failure))
            return Tried(False, gone=True, why=GONE)
        log.warning("could not send a notice in Teams", exc_info=failure)
        return Tried(False, why=f"could not be reached in Teams ({_words(failure)})")

    async def _managers(self, member: StaffMember | None) -> AsyncIterator[StaffMember]:
        """Up the management line, a few levels at most, never round a loop."""
        seen = {member.aad_object_id} if member else set()
        current = member
        for _ in range(self._manager_levels):
            boss_id = current.manager_aad_id if current else None
            if not boss_id or boss_id in seen:
                return
            current = await self._staff(boss_id)
            if current is None:
                return
            seen.add(boss_id)
            yield current

    async def _by_mail(
        self, notice: Notice, member: StaffMember | None, reasons: list[str]
    ) -> Delivery:
        address = self._mailbox_for(member)
        why = "; ".join(reasons)
        if not address:
            await self._record(notice, "", NONE, False, f"{why}; no mailbox to fall back to")
            return Delivery(False, NONE, f"No one could be reached: {why}.")
        subject, text = notice_mail(notice, reasons)
        try:
            await asyncio.to_thread(self._mail.send, address, subject, text)
        except Exception as error:
            log.exception("could not write the fallback mail to %s", address)
            await self._record(notice, address, MAILBOX, False, f"{why}; mail failed: {error}")
            return Delivery(False, NONE, f"No one could be reached: {why}; mail failed.")
        await self._record(notice, address, MAILBOX, True, f"{why}; sent by email")
        return Delivery(True, MAILBOX, f"{why}; sent by email to {address}.")

    def _mailbox_for(self, member: StaffMember | None) -> str:
        if member is None:
            return self._default_mailbox
        service = self._mailboxes.get(member.service or "", "")
        return service or self._default_mailbox or member.email

    async def _staff(self, aad_object_id: str) -> StaffMember | None:
        def read() -> StaffMember | None:
            with self._store.transaction() as session:
                return session.staff_member(aad_object_id)

        return await asyncio.to_thread(read)

    async def _record(
        self, notice: Notice, target: str, route: str, delivered: bool, detail: str
    ) -> None:
        attempt = DeliveryAttempt(
            notice.kind.value,
            notice.recipient,
            target,
            notice.record_type,
            notice.record_id,
            route,
            delivered,
            detail,
        )
        try:
            await asyncio.to_thread(self._deliveries.record, attempt)
        except ForewarnError:
            # The notice matters more than its record: keep routing, keep the trace in the log.
            log.exception("could not record a notice delivery: %s", attempt)


def _forwarded(notice: Notice, manager_id: str, reason: str) -> Notice:
    """The notice as the manager sees it: for them, saying whom it was meant for and why."""
    return replace(
        notice, recipient=manager_id, lines=(f"Sent to you because {reason}.", *notice.lines)
    )


def _is_gone(error: Exception) -> bool:
    """True for Teams' 403 (blocked, app removed) or its words for the same."""
    status = _status(error)
    return status == 403 or any(word in _words(error).lower() for word in GONE_WORDS)


def _status(error: Exception) -> int | None:
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None) or getattr(response, "status", None)
    return status if isinstance(status, int) else None


def _words(error: Exception) -> str:
    status = _status(error)
    text = str(error) or type(error).__name__
    return f"HTTP {status}: {text}" if status else text
