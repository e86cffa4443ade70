"""Is this email from a machine? Auto-replies, bounces and mail loops (RFC 3834, 3464).

The watcher records the verdict but does not escalate such mail and does not
count it as contact from the customer: an out-of-office reply to a council
letter is not the customer getting in touch. A mistake the other way is
worse, though: a real email wrongly called automatic could be a statutory
request or a safeguarding concern that nobody reads. So, after GNU Mailman,
each signal is a small named rule with a description, the verdict lists
every rule that fired, and signals are graded:

- *strong* signals prove it alone: headers that only mail software writes
  (Auto-Submitted, Precedence, X-Autoreply...), a null return path, a
  mailer-daemon sender, a delivery report, our own loop header;
- *weak* signals count only when another signal agrees. An out-of-office
  subject can be typed by a person ("Out of office: again no reply from
  you"). X-Auto-Response-Suppress asks *other* systems not to auto-reply;
  Outlook and Exchange set it on meeting responses and on some ordinary
  mail, so it says nothing certain about how the message itself was written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from mailbox.message import ParsedMessage

Kind = Literal["person", "auto_reply", "bounce", "loop"]

FOREWARN_HEADER_PREFIX = "x-forewarn-"
LOOP_HEADER = "X-Forewarn-Loop"
DEFAULT_MAX_RECEIVED = 50  # Postfix's hopcount_limit; RFC 5321 6.3 advises a generous count

_OUT_OF_OFFICE = re.compile(
    r"^\s*(automatic reply|auto(?:matic)?[- ]?(?:reply|response)|autoreply|"
    r"out of (?:the )?office(?: auto ?reply| reply)?|abwesenheitsnotiz|"
    r"automatische antwort|r[ée]ponse automatique|absence du bureau|"
    r"respuesta autom[áa]tica|risposta automatica|automatisch antwoord|autosvar|"
    r"automaattinen vastaus|odpowied[źz] automatyczna|ausente)\s*(?::|$)",
    re.IGNORECASE,
)
_DAEMONS = frozenset({"mailer-daemon", "postmaster", "mail-daemon", "mailerdaemon"})


@dataclass(frozen=True, slots=True)
class Signal:
    """One rule: a name for the record, what it means, and how much it proves."""

    name: str
    description: str
    kind: Kind
    strong: bool
    test: Callable[[ParsedMessage, int], str | None]


@dataclass(frozen=True, slots=True)
class SignalHit:
    name: str
    description: str
    strong: bool
    evidence: str


@dataclass(frozen=True, slots=True)
class Automation:
    """The verdict: who wrote the message, and every signal that fired (even weak ones)."""

    kind: Kind
    hits: tuple[SignalHit, ...]
    reason: str

    @property
    def automatic(self) -> bool:
        return self.kind != "person"


def _header_rule(
    name: str, *, ignore: tuple[str, ...] = ()
) -> Callable[[ParsedMessage, int], str | None]:
    def test(message: ParsedMessage, _max_received: int) -> str | None:
        for value in message.header(name):
            token = value.split(";")[0].split("(")[0].strip().lower()
            if token not in ignore:
                return f"{name}: {value[:200]}"
        return None

    return test


def _precedence(message: ParsedMessage, _max_received: int) -> str | None:
    for value in message.header("Precedence"):
        if value.strip().lower() in ("bulk", "junk", "list", "auto_reply"):
            return f"Precedence: {value[:200]}"
    return None


def _null_return_path(message: ParsedMessage, _max_received: int) -> str | None:
    for value in message.header("Return-Path"):
        if value.replace(" ", "") in ("<>", ""):
            return f"Return-Path: {value or '(empty)'}"
    return None


def _daemon_sender(message: ParsedMessage, _max_received: int) -> str | None:
    local = message.from_address.split("@")[0]
    return f"From: {message.from_address}" if local in _DAEMONS else None


def _delivery_report(message: ParsedMessage, _max_received: int) -> str | None:
    for mime_type in ("message/delivery-status", "message/disposition-notification"):
        if mime_type in message.mime_types:
            return f"a {mime_type} part"
    for value in message.header("Content-Type"):
        if "multipart/report" in value.lower():
            return f"Content-Type: {value[:200]}"
    return None


def _out_of_office_subject(message: ParsedMessage, _max_received: int) -> str | None:
    return f"Subject: {message.subject[:200]}" if _OUT_OF_OFFICE.match(message.subject) else None


def _our_header(message: ParsedMessage, _max_received: int) -> str | None:
    for name, value in message.headers:
        if name.lower().startswith(FOREWARN_HEADER_PREFIX):
            return f"{name}: {value[:200]}"
    return None


def _too_many_hops(message: ParsedMessage, max_received: int) -> str | None:
    if message.received_count > max_received:
        return f"{message.received_count} Received headers (limit {max_received})"
    return None


# The whole policy, in the order the record lists it. Earlier kinds win.
SIGNALS: tuple[Signal, ...] = (
    Signal(
        "forewarn_loop",
        "carries a header Forewarn writes: our own mail came back",
        "loop",
        True,
        _our_header,
    ),
    Signal(
        "too_many_hops",
        "passed through too many mail servers: a forwarding loop",
        "loop",
        True,
        _too_many_hops,
    ),
    Signal(
        "daemon_sender",
        "sent by a mail server (mailer-daemon or postmaster)",
        "bounce",
        True,
        _daemon_sender,
    ),
    Signal(
        "delivery_report",
        "a delivery or read report (RFC 3464 / 8098)",
        "bounce",
        True,
        _delivery_report,
    ),
    Signal(
        "auto_submitted",
        "Auto-Submitted says software sent it (RFC 3834)",
        "auto_reply",
        True,
        _header_rule("Auto-Submitted", ignore=("no",)),
    ),
    Signal(
        "precedence", "Precedence bulk, junk, list or auto_reply", "auto_reply", True, _precedence
    ),
    Signal(
        "x_autoreply",
        "X-Autoreply header (set by vacation programs)",
        "auto_reply",
        True,
        _header_rule("X-Autoreply", ignore=("no", "false")),
    ),
    Signal(
        "x_autorespond",
        "X-Autorespond header (set by autoresponders)",
        "auto_reply",
        True,
        _header_rule("X-Autorespond", ignore=("no", "false")),
    ),
    Signal(
        "null_return_path",
        "empty return path: replies and bounces are sent that way",
        "auto_reply",
        True,
        _null_return_path,
    ),
    Signal(
        "out_of_office_subject",
        "subject reads like an out-of-office reply (a person can type it too)",
        "auto_reply",
        False,
        _out_of_office_subject,
    ),
    Signal(
        "auto_response_suppress",
        "X-Auto-Response-Suppress (Outlook also sets it on ordinary mail)",
        "auto_reply",
        False,
        _header_rule("X-Auto-Response-Suppress", ignore=("none",)),
    ),
)

_PRECEDENCE: tuple[Kind, ...] = ("loop", "bounce", "auto_reply")


def classify_sender(
    message: ParsedMessage, *, max_received: int = DEFAULT_MAX_RECEIVED
) -> Automation:
    """Run every signal and decide: one strong signal, or two weak ones, make it automatic."""
    hits: list[tuple[Signal, SignalHit]] = []
    for signal in SIGNALS:
        evidence = signal.test(message, max_received)
        if evidence is not None:
            hits.append(
                (signal, SignalHit(signal.name, signal.description, signal.strong, evidence))
            )
    strong = [signal for signal, _ in hits if signal.strong]
    weak = [signal for signal, _ in hits if not signal.strong]
    deciding = strong or (weak if len(weak) >= 2 else [])
    recorded = tuple(hit for _, hit in hits)
    if not deciding:
        reason = "written by a person"
        if weak:
            reason += " (one weak sign of an automatic reply, not confirmed: " + weak[0].name + ")"
        return Automation("person", recorded, reason)
    kind = next(k for k in _PRECEDENCE if any(s.kind == k for s in deciding))
    names = ", ".join(s.name for s in deciding)
    return Automation(kind, recorded, f"{kind.replace('_', ' ')}: {names}")
