"""The outbox's SMTP transport: the council's relay (an on-premises connector, or Exchange's).

mailbox/relay.py claims each queued message and settles it; this module only
talks SMTP. The file's bytes go out unchanged, except that line ends become
CRLF as SMTP requires. A 5xx to the recipients or the data refuses the
message for good; a 4xx refuses it for now; a connection, TLS or login
failure, or a relay that refuses our sender, is the relay's failure, and the
message stays queued. Only the standard library is used (smtplib, ssl, email).
"""

from __future__ import annotations

import contextlib
import logging
import re
import smtplib
import ssl
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from mailbox.backends import MailboxUnavailable
from mailbox.relay import Outcome, envelope
from register.errors import ConfigurationError

log = logging.getLogger(__name__)

_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
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


class SmtpTransport:
    """Implements relay.Transport over smtplib; one SMTP session per pass over the queue."""

    def __init__(self, settings: RelaySettings) -> None:
        self.settings = settings

    @property
    def name(self) -> str:
        s = self.settings
        return f"SMTP relay {s.host}:{s.port} ({s.security})"

    @property
    def timeout(self) -> float:
        return self.settings.timeout

    def connect(self) -> _SmtpConnection:
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
        return _SmtpConnection(smtp, self.name)

    def _tls(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.settings.ca_bundle or None)


class _SmtpConnection:
    def __init__(self, smtp: smtplib.SMTP, name: str) -> None:
        self._smtp = smtp
        self._name = name

    def send(self, name: str, raw: bytes) -> tuple[Outcome, str]:
        """Send one message; MailboxUnavailable when the relay, not the message, failed."""
        try:
            sender, recipients = envelope(raw)
        except ValueError as error:
            return Outcome.REFUSED, f"it is not a message the relay can take ({error})"
        smtp, wire = self._smtp, _wire_form(raw)
        options = [] if wire.isascii() or not smtp.has_extn("8bitmime") else ["BODY=8BITMIME"]
        try:
            refused = smtp.sendmail(sender, recipients, wire, mail_options=options)
        except smtplib.SMTPRecipientsRefused as error:
            permanent = all(code >= 500 for code, _ in error.recipients.values())
            return Outcome.REFUSED if permanent else Outcome.DEFERRED, _refusals(error.recipients)
        except smtplib.SMTPDataError as error:
            return Outcome.REFUSED if error.smtp_code >= 500 else Outcome.DEFERRED, _why(error)
        except smtplib.SMTPSenderRefused as error:
            if error.smtp_code == _SIZE_EXCEEDED:
                return Outcome.REFUSED, _why(error)
            raise MailboxUnavailable(_why(error)) from error  # the relay refuses our sender
        except (smtplib.SMTPException, OSError) as error:
            raise MailboxUnavailable(_why(error)) from error
        if refused:
            # Some recipients took it; sending again would duplicate it for them.
            log.error(
                "The %s sent %s but refused some of its recipients: %s",
                self._name,
                name,
                _refusals(refused),
            )
        return Outcome.SENT, ""

    def close(self) -> None:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            self._smtp.quit()
        self._smtp.close()


def _wire_form(raw: bytes) -> bytes:
    """The message with CRLF line ends: SMTP forbids bare LF, and .eml files often use it."""
    return re.sub(rb"\r?\n", b"\r\n", raw)


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
