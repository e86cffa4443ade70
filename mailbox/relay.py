"""Sending the outbox through the council's SMTP relay, without ever losing a message.

Notices that reach nobody in Teams (mailbox/outbox.py) and forwards to the
SPOC mailbox (mailbox/handoff.py) are first written into
`<mail folder>/outbox/new/`. That folder is the durable queue: writing into
it needs only the disk, so the notifier's call stays fast and never depends
on the relay being up. This dispatcher empties it, one message at a time:

1. claim it by renaming `outbox/new/NAME` to `outbox/cur/NAME,claimed=EPOCH.PPID.N`
   (when, by which process, and its Nth claim). A rename succeeds for exactly one process,
   so two Forewarn processes sharing the data folder (`serve --only bot`
   beside `serve --only scheduler`, both making notices) never both send it;
2. send the file's bytes through the relay unchanged, except that line ends
   become CRLF as SMTP requires;
3. move it into `outbox-sent/`; or, when the relay refuses its recipients
   for good (a 5xx reply), into `outbox-failed/` with an ERROR log, for an
   operator to deal with. Nothing is ever deleted.

A failure that may pass (the relay unreachable, a TLS or login problem, a
4xx reply) puts the message back into `outbox/new/`, and it is tried again
after a delay that doubles with each failure, up to a cap. From the third
failure in a row each one is logged at ERROR, naming the relay and the
reason, so a relay that stays down is seen. A claim older than
`claim_timeout` belongs to a process that died while sending: it is put
back into the queue.

Delivery is at least once, not exactly once. A process that dies after the
relay accepted a message but before moving it to `outbox-sent/` leaves its
claim behind; the claim is put back into the queue later and the message is
sent again. A duplicate notice is better than a lost one.

Only the standard library is used (smtplib, ssl, email).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import os
import re
import smtplib
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from email.utils import getaddresses, parseaddr
from enum import Enum
from pathlib import Path
from typing import Literal

from mailbox.backends import MailboxUnavailable, MessageKey
from mailbox.backends.folder import FolderBackend
from mailbox.outbox import OUTBOX
from register.errors import ConfigurationError

log = logging.getLogger(__name__)

SENT = "outbox-sent"
FAILED = "outbox-failed"
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
_CLAIMED = re.compile(r"cur/(?P<name>.+),claimed=(?P<at>\d+)\.P(?P<pid>\d+)(?:\.\d+)?")
_claims = itertools.count()  # tells apart claims by threads of one process in one second
_SIZE_EXCEEDED = 552  # a 5xx to MAIL FROM that is about this message, not the relay

Security = Literal["starttls", "tls", "none"]


@dataclass(frozen=True, slots=True)
class RelaySettings:
    """The council's SMTP relay, as plain typed values (app.py maps FOREWARN_SMTP_* onto it).

    `security` is `starttls` (submission, port 587), `tls` (implicit TLS,
    port 465) or `none`, which is allowed to a loopback relay only. Relays
    often accept by IP address, so a login is optional. `ca_bundle` is for a
    relay whose certificate the council's own CA signed.
    """

    host: str
    port: int = 587
    security: Security = "starttls"
    username: str = ""
    password: str = field(default="", repr=False)
    ca_bundle: str | None = None
    timeout: float = 30.0
    poll_seconds: float = 5.0
    max_backoff: float = 300.0
    loud_after: int = 3
    claim_timeout: float = 600.0

    def __post_init__(self) -> None:
        if not self.host.strip():
            raise ConfigurationError("the SMTP relay needs a host name")
        if not 0 < self.port < 65536:
            raise ConfigurationError(f"SMTP relay port {self.port} is not a TCP port")
        if self.security == "none" and self.host not in _LOOPBACK:
            raise ConfigurationError(
                f"SMTP relay {self.host} without TLS: notices (and any password) would "
                "cross the network in clear; use starttls or tls"
            )
        if self.ca_bundle and not Path(self.ca_bundle).is_file():
            raise ConfigurationError(f"SMTP CA bundle {self.ca_bundle} is not a file")
        if self.poll_seconds <= 0 or self.loud_after < 1 or self.claim_timeout <= self.timeout:
            raise ConfigurationError(
                "SMTP relay poll_seconds must be positive, loud_after at least 1 and "
                "claim_timeout longer than the timeout"
            )

    @property
    def name(self) -> str:
        """How logs name the relay."""
        return f"{self.host}:{self.port} ({self.security})"


@dataclass(slots=True)
class Dispatched:
    """What one pass over the outbox did; `problem` says why the relay took nothing."""

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


class _Outcome(Enum):
    SENT = "sent"
    REFUSED = "refused for good"  # by the relay (5xx), or unsendable (no recipient)
    DEFERRED = "refused for now"


@dataclass(slots=True)
class _Retry:
    failures: int = 0
    not_before: float = 0.0


class OutboxRelay:
    """Sends what the outbox holds through one SMTP relay; see the module docstring."""

    def __init__(self, mail_root: Path, settings: RelaySettings) -> None:
        self.settings = settings
        self._folders = FolderBackend(mail_root)
        self._outbox = mail_root / OUTBOX
        self._relay_failures = 0
        self._waiting: dict[str, _Retry] = {}  # messages the relay refused for now

    async def run(self, stop: asyncio.Event) -> None:
        """Poll the outbox until `stop` is set; the SMTP calls run in a worker thread."""
        log.info("Sending the outbox through the SMTP relay %s.", self.settings.name)
        while not stop.is_set():
            try:
                await asyncio.to_thread(self.dispatch_once, lambda: not stop.is_set())
            except Exception:
                # A bug or a disk problem must not end sending for good: log it, try later.
                self._relay_failures += 1
                log.exception("The outbox relay failed; it will try again.")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.next_delay())

    def next_delay(self) -> float:
        """The poll interval, doubled for each relay failure in a row, up to the cap."""
        return _backoff(self.settings, self._relay_failures)

    def dispatch_once(self, keep_going: Callable[[], bool] = lambda: True) -> Dispatched:
        """One pass: put back dead processes' claims, then send every message that is due."""
        self._folders.ensure_folder(OUTBOX)
        self._put_back_stale_claims()
        due = [key for key in self._folders.list_keys(OUTBOX) if self._due(key)]
        done = Dispatched()
        if not due:
            return done
        try:
            smtp = self._connect()
        except MailboxUnavailable as error:
            done.problem = str(error)
            self._relay_failed(done.problem, len(due))
            return done
        try:
            self._send_all(smtp, due, done, keep_going)
        finally:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                smtp.quit()
            smtp.close()
        return done

    def _send_all(
        self,
        smtp: smtplib.SMTP,
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
                outcome, reason = self._send(smtp, claimed, raw)
            except MailboxUnavailable as error:
                self._put_back(claimed)
                done.problem = str(error)
                self._relay_failed(done.problem, len(due) - position)
                return
            self._settle(claimed, outcome, reason, done)
        if self._relay_failures:
            log.info("The SMTP relay %s is taking mail again.", self.settings.name)
        self._relay_failures = 0

    def _settle(
        self, claimed: MessageKey, outcome: _Outcome, reason: str, done: Dispatched
    ) -> None:
        name = _queued_name(claimed)
        if outcome is _Outcome.DEFERRED:
            done.deferred += 1
            self._put_back(claimed)
            self._message_deferred(name, reason)
            return
        self._waiting.pop(name, None)
        destination = SENT if outcome is _Outcome.SENT else FAILED
        if not self._folders.move(OUTBOX, claimed, destination):
            log.warning(
                "%s was %s, but its claim had expired and it went back into the queue: "
                "it may be sent twice.",
                name,
                outcome.value,
            )
        if outcome is _Outcome.SENT:
            done.sent += 1
            return
        done.failed += 1
        log.error(
            "%s cannot be sent through the SMTP relay %s: %s. It will not be tried again; "
            "it is kept in %s for an operator to send another way.",
            name,
            self.settings.name,
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
            if now - claimed_at < self.settings.claim_timeout:
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

    def _relay_failed(self, reason: str, waiting: int) -> None:
        self._relay_failures += 1
        loud = self._relay_failures >= self.settings.loud_after
        log.log(
            logging.ERROR if loud else logging.WARNING,
            "The SMTP relay %s is not taking mail: %s. %d message(s) stay queued in %s and "
            "will be tried again in %.0f s (%d failure(s) in a row).",
            self.settings.name,
            reason,
            waiting,
            self._outbox,
            self.next_delay(),
            self._relay_failures,
        )

    def _message_deferred(self, name: str, reason: str) -> None:
        retry = self._waiting.setdefault(name, _Retry())
        retry.failures += 1
        delay = _backoff(self.settings, retry.failures)
        retry.not_before = time.monotonic() + delay
        log.log(
            logging.ERROR if retry.failures >= self.settings.loud_after else logging.WARNING,
            "The SMTP relay %s refused %s for now (%s); it stays queued and will be tried "
            "again in %.0f s (%d failure(s) in a row).",
            self.settings.name,
            name,
            reason,
            delay,
            retry.failures,
        )

    # --- SMTP ----------------------------------------------------------------

    def _connect(self) -> smtplib.SMTP:
        """An SMTP session, secured and logged in as settings say; MailboxUnavailable if not."""
        settings = self.settings
        try:
            smtp: smtplib.SMTP
            if settings.security == "tls":
                smtp = smtplib.SMTP_SSL(
                    settings.host, settings.port, timeout=settings.timeout, context=self._tls()
                )
            else:
                smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
            try:
                smtp.ehlo()
                if settings.security == "starttls":
                    # Never falls back to clear text: no STARTTLS offered is an error.
                    smtp.starttls(context=self._tls())
                    smtp.ehlo()
                if settings.username:
                    smtp.login(settings.username, settings.password)
            except BaseException:
                smtp.close()
                raise
        except (smtplib.SMTPException, OSError) as error:
            raise MailboxUnavailable(_why(error)) from error
        return smtp

    def _tls(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.settings.ca_bundle or None)

    def _send(self, smtp: smtplib.SMTP, claimed: MessageKey, raw: bytes) -> tuple[_Outcome, str]:
        """Send one claimed message; MailboxUnavailable when the relay, not the message, failed."""
        try:
            sender, recipients = _envelope(raw)
        except ValueError as error:
            return _Outcome.REFUSED, f"it is not a message the relay can take ({error})"
        wire = _wire_form(raw)
        options = [] if wire.isascii() or not smtp.has_extn("8bitmime") else ["BODY=8BITMIME"]
        try:
            refused = smtp.sendmail(sender, recipients, wire, mail_options=options)
        except smtplib.SMTPRecipientsRefused as error:
            permanent = all(code >= 500 for code, _ in error.recipients.values())
            return _Outcome.REFUSED if permanent else _Outcome.DEFERRED, _refusals(error.recipients)
        except smtplib.SMTPDataError as error:
            return _Outcome.REFUSED if error.smtp_code >= 500 else _Outcome.DEFERRED, _why(error)
        except smtplib.SMTPSenderRefused as error:
            if error.smtp_code == _SIZE_EXCEEDED:
                return _Outcome.REFUSED, _why(error)
            raise MailboxUnavailable(_why(error)) from error  # the relay refuses our sender
        except (smtplib.SMTPException, OSError) as error:
            raise MailboxUnavailable(_why(error)) from error
        if refused:
            # Some recipients took it; sending again would duplicate it for them.
            log.error(
                "The SMTP relay %s sent %s but refused some recipients: %s",
                self.settings.name,
                _queued_name(claimed),
                _refusals(refused),
            )
        return _Outcome.SENT, ""


def _envelope(raw: bytes) -> tuple[str, list[str]]:
    """The envelope sender (From) and recipients (To and Cc), read from the headers."""
    headers = BytesHeaderParser(policy=default_policy).parsebytes(raw)
    sender = parseaddr(str(headers.get("From", "")))[1]
    if not sender:
        raise ValueError("the message has no From address")
    values = [str(value) for name in ("To", "Cc") for value in headers.get_all(name, [])]
    recipients = list(dict.fromkeys(addr for _, addr in getaddresses(values) if "@" in addr))
    if not recipients:
        raise ValueError("the message has no To or Cc address")
    return sender, recipients


def _wire_form(raw: bytes) -> bytes:
    """The message with CRLF line ends: SMTP forbids bare LF, and .eml files often use it."""
    return re.sub(rb"\r?\n", b"\r\n", raw)


def _queued_name(key: MessageKey) -> str:
    """The message's file name in the queue, without its folder or claim."""
    match = _CLAIMED.fullmatch(key)
    return match["name"] if match else key.partition("/")[2]


def _backoff(settings: RelaySettings, failures: int) -> float:
    """The poll interval after no failure; doubled for each failure in a row, up to the cap."""
    if not failures:
        return settings.poll_seconds
    doubled = settings.poll_seconds * 2.0 ** min(failures, 32)
    return min(doubled, settings.max_backoff)


def _why(error: BaseException) -> str:
    """An SMTP reply as "550 5.1.1 ...", anything else as its type and message."""
    if isinstance(error, smtplib.SMTPResponseException):
        text = error.smtp_error
        reply = text.decode(errors="replace") if isinstance(text, bytes) else str(text)
        return f"{error.smtp_code} {reply}"
    return f"{type(error).__name__}: {error}"


def _refusals(refused: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(
        f"{address}: {code} {reply.decode(errors='replace')}"
        for address, (code, reply) in refused.items()
    )
