"""Sending the outbox through a transport (SMTP or Microsoft Graph), without ever losing a message.

Notices that reach nobody in Teams (mailbox/outbox.py) and forwards to the
SPOC mailbox (mailbox/handoff.py) are first written into
`<mail folder>/outbox/new/`. That folder is the durable queue: writing into
it needs only the disk, so the notifier's call stays fast and never depends
on the mail service being up. This dispatcher empties it, one message at a
time, through one `Transport`: the council's SMTP relay (mailbox/smtp_send.py)
or Graph's sendMail (mailbox/graph_send.py), as FOREWARN_OUTBOX_TRANSPORT says.

1. claim it by renaming `outbox/new/NAME` to `outbox/cur/NAME,claimed=EPOCH.PPID.N`
   (when, by which process, and its Nth claim). A rename succeeds for exactly one process,
   so two Forewarn processes sharing the data folder (`serve --only bot`
   beside `serve --only scheduler`, both making notices) never both send it;
2. hand the file's bytes to the transport;
3. move it into `outbox-sent/`; or, when the transport refuses the message
   for good (an SMTP 5xx, a Graph 400), into `outbox-failed/` with an ERROR
   log, for an operator to deal with. Nothing is ever deleted.

A failure that may pass (the service unreachable, a TLS, login or token
problem, throttling, an SMTP 4xx) puts the message back into `outbox/new/`,
and it is tried again after a delay that doubles with each failure, up to a
cap, and is never shorter than a wait the service asked for (Graph's
Retry-After). From the third failure in a row each one is logged at ERROR,
naming the transport and the reason, so a service that stays down is seen.
A claim older than `claim_timeout` belongs to a process that died while
sending: it is put back into the queue.

Delivery is at least once, not exactly once. A process that dies after the
transport accepted a message but before moving it to `outbox-sent/` leaves
its claim behind; the claim is put back into the queue later and the message
is sent again. A duplicate notice is better than a lost one.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from email.utils import getaddresses, parseaddr
from enum import Enum
from pathlib import Path
from typing import Protocol

from mailbox.backends import MailboxUnavailable, MessageKey
from mailbox.backends.folder import FolderBackend
from mailbox.outbox import OUTBOX
from register.errors import ConfigurationError

log = logging.getLogger(__name__)

SENT = "outbox-sent"
FAILED = "outbox-failed"
_CLAIMED = re.compile(r"cur/(?P<name>.+),claimed=(?P<at>\d+)\.P(?P<pid>\d+)(?:\.\d+)?")
_claims = itertools.count()  # tells apart claims by threads of one process in one second


class Outcome(Enum):
    """What a transport did with one message."""

    SENT = "sent"
    REFUSED = "refused for good"  # by the service (SMTP 5xx, Graph 400), or unsendable
    DEFERRED = "refused for now"  # this message, not the service: try it again later


class AskedToWait(MailboxUnavailable):
    """The service is up but throttling us: wait at least `retry_after` seconds."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Connection(Protocol):
    """One open session with the mail service, for one pass over the queue."""

    def send(self, name: str, raw: bytes) -> tuple[Outcome, str]:
        """Send one message (`name` is its file, for logs); the reason if it was not sent.
        Raises MailboxUnavailable (or AskedToWait) when the service, not the message, failed."""

    def close(self) -> None: ...


class Transport(Protocol):
    """A way out for the outbox: the SMTP relay or Graph's sendMail."""

    @property
    def name(self) -> str:
        """How logs name it, after "the": "SMTP relay smtp.council.gov.uk:587 (starttls)"."""

    @property
    def timeout(self) -> float:
        """The longest one send may take; claims must outlive it."""

    def connect(self) -> Connection:
        """An open session; raises MailboxUnavailable when the service cannot be used."""


@dataclass(frozen=True, slots=True)
class Pacing:
    """How often the queue is polled, how far failures back off, when they get loud."""

    poll_seconds: float = 5.0
    max_backoff: float = 300.0
    loud_after: int = 3
    claim_timeout: float = 600.0

    def __post_init__(self) -> None:
        if self.poll_seconds <= 0 or self.loud_after < 1 or self.claim_timeout <= 0:
            raise ConfigurationError(
                "the outbox's poll_seconds and claim_timeout must be positive and "
                "loud_after at least 1"
            )


@dataclass(slots=True)
class Dispatched:
    """What one pass over the outbox did; `problem` says why the transport took nothing."""

    sent: int = 0
    failed: int = 0
    deferred: int = 0
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class OutboxCounts:
    """Messages waiting, claimed by a process sending them, sent, and refused for good."""

    queued: int
    sending: int
    sent: int
    failed: int


def outbox_counts(mail_root: Path) -> OutboxCounts:
    folders = FolderBackend(mail_root)
    keys = folders.list_keys(OUTBOX)
    return OutboxCounts(
        queued=sum(key.startswith("new/") for key in keys),
        sending=sum(key.startswith("cur/") for key in keys),
        sent=len(folders.list_keys(SENT)),
        failed=len(folders.list_keys(FAILED)),
    )


def envelope(raw: bytes) -> tuple[str, list[str]]:
    """The sender (From) and recipients (To and Cc) read from the headers; ValueError if none."""
    headers = BytesHeaderParser(policy=default_policy).parsebytes(raw)
    sender = parseaddr(str(headers.get("From", "")))[1]
    if not sender:
        raise ValueError("the message has no From address")
    values = [str(value) for name in ("To", "Cc") for value in headers.get_all(name, [])]
    recipients = list(dict.fromkeys(addr for _, addr in getaddresses(values) if "@" in addr))
    if not recipients:
        raise ValueError("the message has no To or Cc address")
    return sender, recipients


@dataclass(slots=True)
class _Retry:
    failures: int = 0
    not_before: float = 0.0


class OutboxRelay:
    """Sends what the outbox holds through one transport; see the module docstring."""

    def __init__(self, mail_root: Path, transport: Transport, pacing: Pacing | None = None) -> None:
        self.transport = transport
        self.pacing = pacing or Pacing()
        if self.pacing.claim_timeout <= transport.timeout:
            raise ConfigurationError(
                f"the outbox's claim_timeout ({self.pacing.claim_timeout:.0f}s) must be longer "
                f"than one send through the {transport.name} may take ({transport.timeout:.0f}s)"
            )
        self._folders = FolderBackend(mail_root)
        self._outbox = mail_root / OUTBOX
        self._failures = 0  # passes in a row in which the transport took nothing
        self._asked_wait = 0.0  # the service's own Retry-After, after the last failure
        self._waiting: dict[str, _Retry] = {}  # messages refused for now

    async def run(self, stop: asyncio.Event) -> None:
        """Poll the outbox until `stop` is set; the sending runs in a worker thread."""
        log.info("Sending the outbox through the %s.", self.transport.name)
        while not stop.is_set():
            try:
                await asyncio.to_thread(self.dispatch_once, lambda: not stop.is_set())
            except Exception:
                # A bug or a disk problem must not end sending for good: log it, try later.
                self._failures += 1
                log.exception("The outbox relay failed; it will try again.")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.next_delay())

    def next_delay(self) -> float:
        """The poll interval, doubled for each failure in a row up to the cap, or longer if
        the service asked for a longer wait."""
        return max(_backoff(self.pacing, self._failures), self._asked_wait)

    def dispatch_once(self, keep_going: Callable[[], bool] = lambda: True) -> Dispatched:
        """One pass: put back dead processes' claims, then send every message that is due."""
        self._folders.ensure_folder(OUTBOX)
        self._put_back_stale_claims()
        due = [key for key in self._folders.list_keys(OUTBOX) if self._due(key)]
        done = Dispatched()
        if not due:
            return done
        try:
            connection = self.transport.connect()
        except MailboxUnavailable as error:
            self._transport_failed(error, done, len(due))
            return done
        try:
            self._send_all(connection, due, done, keep_going)
        finally:
            connection.close()
        return done

    def _send_all(
        self,
        connection: Connection,
        due: Sequence[MessageKey],
        done: Dispatched,
        keep_going: Callable[[], bool],
    ) -> None:
        for position, key in enumerate(due):
            if not keep_going():
                return
            claimed = self._claim(key)
            if claimed is None:
                continue  # another process claimed it first
            raw = self._folders.fetch(OUTBOX, claimed)
            if raw is None:
                continue  # its claim expired and another process took it
            try:
                outcome, reason = connection.send(_queued_name(claimed), raw)
            except MailboxUnavailable as error:
                self._put_back(claimed)
                self._transport_failed(error, done, len(due) - position)
                return
            self._settle(claimed, outcome, reason, done)
        if self._failures:
            log.info("The %s is taking mail again.", self.transport.name)
        self._failures, self._asked_wait = 0, 0.0

    def _settle(self, claimed: MessageKey, outcome: Outcome, reason: str, done: Dispatched) -> None:
        name = _queued_name(claimed)
        if outcome is Outcome.DEFERRED:
            done.deferred += 1
            self._put_back(claimed)
            self._message_deferred(name, reason)
            return
        self._waiting.pop(name, None)
        destination = SENT if outcome is Outcome.SENT else FAILED
        if not self._folders.move(OUTBOX, claimed, destination):
            log.warning(
                "%s was %s, but its claim had expired and it went back into the queue: "
                "it may be sent twice.",
                name,
                outcome.value,
            )
        if outcome is Outcome.SENT:
            done.sent += 1
            return
        done.failed += 1
        log.error(
            "%s cannot be sent through the %s: %s. It will not be tried again; "
            "it is kept in %s for an operator to send another way.",
            name,
            self.transport.name,
            reason,
            self._outbox.with_name(FAILED),
        )

    # --- claims --------------------------------------------------------------

    def _claim(self, key: MessageKey) -> MessageKey | None:
        name, at, pid = key.removeprefix("new/"), int(time.time()), os.getpid()
        claimed = f"cur/{name},claimed={at}.P{pid}.{next(_claims)}"
        return claimed if self._folders.rename(OUTBOX, key, claimed) else None

    def _put_back(self, claimed: MessageKey) -> None:
        if not self._folders.rename(OUTBOX, claimed, f"new/{_queued_name(claimed)}"):
            log.warning("%s had already gone back into the queue.", _queued_name(claimed))

    def _put_back_stale_claims(self) -> None:
        """Claims older than claim_timeout were left by a process that died while sending."""
        now = time.time()
        for key in self._folders.list_keys(OUTBOX):
            if not key.startswith("cur/"):
                continue
            match = _CLAIMED.fullmatch(key)
            claimed_at = int(match["at"]) if match else 0  # dropped into cur/ by hand: queued
            if now - claimed_at < self.pacing.claim_timeout:
                continue
            if self._folders.rename(OUTBOX, key, f"new/{_queued_name(key)}"):
                log.warning(
                    "%s was claimed %.0f s ago by process %s, which never finished sending it; "
                    "it is back in the queue and may be sent twice.",
                    _queued_name(key),
                    now - claimed_at,
                    match["pid"] if match else "(unknown)",
                )

    def _due(self, key: MessageKey) -> bool:
        if not key.startswith("new/"):
            return False
        retry = self._waiting.get(key.removeprefix("new/"))
        return retry is None or time.monotonic() >= retry.not_before

    # --- failures ------------------------------------------------------------

    def _transport_failed(self, error: MailboxUnavailable, done: Dispatched, waiting: int) -> None:
        done.problem = str(error)
        self._failures += 1
        self._asked_wait = error.retry_after if isinstance(error, AskedToWait) else 0.0
        loud = self._failures >= self.pacing.loud_after
        log.log(
            logging.ERROR if loud else logging.WARNING,
            "The %s is not taking mail: %s. %d message(s) stay queued in %s and "
            "will be tried again in %.0f s (%d failure(s) in a row).",
            self.transport.name,
            done.problem,
            waiting,
            self._outbox,
            self.next_delay(),
            self._failures,
        )

    def _message_deferred(self, name: str, reason: str) -> None:
        retry = self._waiting.setdefault(name, _Retry())
        retry.failures += 1
        delay = _backoff(self.pacing, retry.failures)
        retry.not_before = time.monotonic() + delay
        log.log(
            logging.ERROR if retry.failures >= self.pacing.loud_after else logging.WARNING,
            "The %s refused %s for now (%s); it stays queued and will be tried "
            "again in %.0f s (%d failure(s) in a row).",
            self.transport.name,
            name,
            reason,
            delay,
            retry.failures,
        )


def _queued_name(key: MessageKey) -> str:
    """The message's file name in the queue, without its folder or claim."""
    match = _CLAIMED.fullmatch(key)
    return match["name"] if match else key.partition("/")[2]


def _backoff(pacing: Pacing, failures: int) -> float:
    """The poll interval after no failure; doubled for each failure in a row, up to the cap."""
    if not failures:
        return pacing.poll_seconds
    doubled = pacing.poll_seconds * 2.0 ** min(failures, 32)
    return min(doubled, pacing.max_backoff)
