"""The parsed form of one email, and the value returned when an email cannot be parsed.

The watcher never works on raw bytes beyond parsing them once: everything it
routes on is here, already decoded, sanitised and capped, so that a hostile
or broken message cannot make a later step crash. The raw bytes stay where
they were delivered; `content_sha256` ties this value back to them.

`ParseFailure` is a value, not an exception (STYLE.md: expected outcomes are
values): the watcher quarantines the raw message and records the reason, so
nothing is lost and an operator can replay it after a fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from mailbox.triage.model import Incoming


@dataclass(frozen=True, slots=True)
class Attachment:
    """An attachment as noted, never opened: council staff open it in their mail client.

    `size` is the decoded size in bytes, estimated from the encoded length so
    that the content is never decoded (a zip bomb or a 20 MB image costs
    nothing here).
    """

    filename: str
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class ParsedMessage:
    """One email as triage and routing see it.

    Header values are decoded and stripped of control characters (so a CR/LF
    smuggled into an encoded word cannot forge a header downstream). `headers`
    keeps the first few hundred header fields, each capped, for the
    auto-reply rules and for the record of why a message was routed.
    """

    message_id: str
    message_id_synthesised: bool
    from_address: str
    from_name: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    subject: str
    date: datetime | None
    in_reply_to: str | None
    references: tuple[str, ...]
    body_text: str
    body_truncated: bool
    attachments: tuple[Attachment, ...]
    defects: tuple[str, ...]
    content_sha256: str
    size: int
    content_type: str
    mime_types: tuple[str, ...]
    headers: tuple[tuple[str, str], ...]
    received_count: int

    def header(self, name: str) -> tuple[str, ...]:
        """Every value of a header field, case-insensitively, in message order."""
        wanted = name.lower()
        return tuple(value for key, value in self.headers if key.lower() == wanted)

    def as_incoming(self, received_at: datetime) -> Incoming:
        """The value triage reads. A missing Date falls back to when we received it."""
        sender = f"{self.from_name} <{self.from_address}>" if self.from_name else self.from_address
        return Incoming(
            message_id=self.message_id,
            date=self.date or received_at,
            sender=sender,
            subject=self.subject,
            body=self.body_text,
        )


@dataclass(frozen=True, slots=True)
class ParseFailure:
    """An email that could not be parsed well enough to route; the watcher quarantines it."""

    reason: str
    content_sha256: str
    size: int
    defects: tuple[str, ...] = ()


ParseResult = ParsedMessage | ParseFailure
