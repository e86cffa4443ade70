"""Raw email bytes to a `ParsedMessage`, or a `ParseFailure` to quarantine. Never raises.

The mailbox watcher must never lose a message (STYLE.md, after GNU Mailman):
whatever arrives, parsing returns a value. Broken MIME, unknown charsets and
bad encodings give a best-effort `ParsedMessage` with `defects` listed;
only a message with no usable sender (nothing to route on), an empty one,
or one that defeats the parser becomes a `ParseFailure`. The raw bytes are
never changed here: the watcher keeps them as delivered.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import UTC, datetime
from email.parser import BytesParser
from email.policy import default as default_policy
from email.utils import parsedate_to_datetime

from mailbox import headers as h
from mailbox.body import read_body
from mailbox.message import ParsedMessage, ParseFailure, ParseResult

log = logging.getLogger(__name__)

DEFAULT_MAX_BODY_CHARS = 2_000_000
SYNTHETIC_DOMAIN = "forewarn.invalid"


def parse_message(raw: bytes, *, max_body_chars: int = DEFAULT_MAX_BODY_CHARS) -> ParseResult:
    """Parse one email. Body text beyond `max_body_chars` is cut for triage, with a defect."""
    digest = hashlib.sha256(raw).hexdigest()
    if not raw.strip():
        return ParseFailure("the message is empty", digest, len(raw))
    try:
        return _parse(raw, digest, max_body_chars)
    except Exception as error:
        log.warning("parser failed on message sha256=%s", digest, exc_info=True)
        return ParseFailure(f"the parser failed: {type(error).__name__}", digest, len(raw))


def _parse(raw: bytes, digest: str, max_body_chars: int) -> ParseResult:
    message = BytesParser(policy=default_policy).parsebytes(raw)
    fields = h.raw_fields(message)
    defects: list[str] = []

    senders = h.addresses("From", h.first_raw(fields, "From") or "", defects)
    if not senders:
        found = tuple(dict.fromkeys([*defects, *(type(d).__name__ for d in message.defects)]))
        return ParseFailure("no sender address could be read", digest, len(raw), found)
    if len(senders) > 1:
        defects.append("From: several addresses; the first is used")
    from_address, from_name = senders[0]

    body = read_body(message, max_body_chars)
    defects.extend(body.defects)
    text = "\n\n".join(part for part in body.texts if part)
    truncated = body.cut or len(text) > max_body_chars
    if truncated:
        text = text[:max_body_chars]
        defects.append(f"body cut to at most {max_body_chars} characters for triage")

    subject = h.decoded("Subject", h.first_raw(fields, "Subject") or "", defects)
    date = _date(h.first_raw(fields, "Date"), defects)
    message_id, synthesised = _message_id(fields, text, defects)
    references = h.message_ids(h.first_raw(fields, "References"))
    in_reply_to = next(iter(h.message_ids(h.first_raw(fields, "In-Reply-To"))), None)

    return ParsedMessage(
        message_id=message_id,
        message_id_synthesised=synthesised,
        from_address=from_address,
        from_name=from_name,
        to=_recipients(fields, "To", defects),
        cc=_recipients(fields, "Cc", defects),
        subject=subject,
        date=date,
        in_reply_to=in_reply_to,
        references=references,
        body_text=text,
        body_truncated=truncated,
        attachments=tuple(body.attachments),
        defects=tuple(dict.fromkeys(defects)),
        content_sha256=digest,
        size=len(raw),
        content_type=body.mime_types[0] if body.mime_types else "text/plain",
        mime_types=tuple(dict.fromkeys(body.mime_types)),
        headers=h.kept_headers(fields),
        received_count=h.count(fields, "Received"),
    )


def _recipients(fields: list[tuple[str, str]], name: str, defects: list[str]) -> tuple[str, ...]:
    raw = ", ".join(value for key, value in fields if key.lower() == name.lower())
    if not raw:
        return ()
    return tuple(dict.fromkeys(address for address, _ in h.addresses(name, raw, defects)))


def _date(raw: str | None, defects: list[str]) -> datetime | None:
    """The Date header as aware UTC; a missing or unreadable one is None, not a guess."""
    if raw is None:
        defects.append("Date: missing")
        return None
    try:
        parsed = parsedate_to_datetime(raw[:200].strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append("Date: unreadable")
        return None
    if parsed.tzinfo is None:
        # RFC 5322 "-0000": the sender did not know its zone; UTC is the convention.
        defects.append("Date: no time zone; read as UTC")
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _message_id(fields: list[tuple[str, str]], body: str, defects: list[str]) -> tuple[str, bool]:
    """The sender's Message-ID, or a stable one made from the content when it is missing.

    The synthesised id hashes the sender, date, subject and recipient headers
    and the body text, not the whole raw message: the same email delivered
    twice with different Received lines gets the same id (and is filed once),
    while two different emails never share one.
    """
    found = h.message_ids(h.first_raw(fields, "Message-ID"))
    if found:
        return found[0], False
    defects.append("Message-ID: missing or malformed; one was made from the content")
    stable = hashlib.sha256()
    for name in ("From", "Date", "Subject", "To"):
        stable.update((h.first_raw(fields, name) or "").encode("utf-8", "replace") + b"\0")
    stable.update(body.encode("utf-8", "replace"))
    return f"<{stable.hexdigest()[:40]}@{SYNTHETIC_DOMAIN}>", True
