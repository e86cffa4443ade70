"""Finding the readable body of an email and noting its attachments.

The MIME tree is walked iteratively with a depth limit, because a message
nested a thousand levels deep would otherwise exhaust Python's recursion and
a hostile sender controls the depth. In a multipart/alternative only the
plain-text version is read (the HTML one only when no plain text exists);
every other leaf that is not readable body text is an attachment, noted by
name, type and estimated size but never decoded.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from email.message import Message

from mailbox.headers import readable, scrub
from mailbox.htmltext import html_to_text
from mailbox.message import Attachment

MAX_DEPTH = 200
MAX_PARTS = 2000


@dataclass
class Body:
    """What the walk found: text pieces, attachments, part types and problems."""

    texts: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    mime_types: list[str] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)
    chars: int = 0
    cut: bool = False


def read_body(message: Message, max_chars: int) -> Body:
    """Walk the MIME tree once, collecting at most about `max_chars` of body text."""
    body = Body()
    stack: list[tuple[Message, int]] = [(message, 0)]
    seen = 0
    while stack:
        part, depth = stack.pop()
        seen += 1
        if seen > MAX_PARTS:
            body.defects.append(f"more than {MAX_PARTS} MIME parts; the rest were not read")
            break
        content_type = _content_type(part)
        body.mime_types.append(content_type)
        if content_type.startswith("message/"):
            # A forwarded email or a delivery report: noted, not read as the body.
            body.attachments.append(_attachment(part, content_type))
        elif part.is_multipart():
            if depth >= MAX_DEPTH:
                body.defects.append(f"MIME nesting deeper than {MAX_DEPTH}; inner parts not read")
                continue
            children = _children(part, content_type)
            stack.extend((child, depth + 1) for child in reversed(children))
        elif _is_body_text(part, content_type):
            _add_text(body, part, content_type, max_chars)
        elif content_type.startswith("multipart/"):
            # The boundary is missing or wrong, so the parser could not split
            # the parts: a reader would still see the text, so triage should.
            body.defects.append(f"{content_type} without usable boundary; read as plain text")
            _add_text(body, part, "text/plain", max_chars)
        else:
            body.attachments.append(_attachment(part, content_type))
        # Read last: decoding a broken base64 payload adds its defect to the part.
        body.defects.extend(type(d).__name__ for d in part.defects)
    return body


def _content_type(part: Message) -> str:
    try:
        return readable(part.get_content_type())[:200]
    except Exception:  # a mangled Content-Type: treat as the RFC default
        return "text/plain"


def _children(part: Message, content_type: str) -> list[Message]:
    payload = part.get_payload()
    children = [child for child in payload if isinstance(child, Message)]
    if content_type != "multipart/alternative" or not children:
        return children
    for wanted in ("text/plain", "text/html"):
        for child in children:
            if _content_type(child) == wanted and not _is_attachment(child):
                return [child]
    # No text version (e.g. only calendar data): the first alternative is as good as any.
    return children[:1]


def _is_attachment(part: Message) -> bool:
    try:
        disposition = (part.get_content_disposition() or "").lower()
        return disposition == "attachment" or bool(part.get_filename())
    except Exception:
        return True


def _is_body_text(part: Message, content_type: str) -> bool:
    return content_type in ("text/plain", "text/html") and not _is_attachment(part)


def _add_text(body: Body, part: Message, content_type: str, max_chars: int) -> None:
    if body.chars >= max_chars:
        body.defects.append("further body text not read: the length cap was reached")
        return
    raw = part.get_payload(decode=True)
    data = raw if isinstance(raw, bytes) else b""
    # Decode no more than the cap could need (UTF-8 is at most 4 bytes a
    # character; HTML is mostly markup but parses slowly) so that a 20 MB
    # body costs about the same as a 2 MB one.
    limit = (max_chars - body.chars) * (2 if content_type == "text/html" else 4) + 4
    if len(data) > limit:
        data = data[:limit]
        body.cut = True
    text = _decode(data, part.get_content_charset() or "us-ascii", body.defects)
    if content_type == "text/html":
        text = html_to_text(text)
    text, had_control = scrub_body(text)
    if had_control:
        body.defects.append("control characters removed from the body")
    body.texts.append(text)
    body.chars += len(text)


def scrub_body(text: str) -> tuple[str, bool]:
    """Normalise line ends and drop NUL and other controls that no reader shows."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = "".join(ch for ch in text if ch >= " " or ch in "\n\t")
    return cleaned, len(cleaned) != len(text)


def _decode(data: bytes, charset: str, defects: list[str]) -> str:
    """Bytes to text in the declared charset; an unknown or wrong one never stops the read.

    Undeclared 8-bit text and text that is not valid in its declared charset
    are common (Outlook declaring ISO-8859-1 for Windows-1252, scripts
    sending UTF-8 as "us-ascii"), so UTF-8 and then Windows-1252 are tried
    before any character is replaced.
    """
    charset = readable(charset).strip().lower()[:80]
    try:
        codecs.lookup(charset)
    except LookupError:
        defects.append(f"unknown charset {charset!r}; read as UTF-8 or Windows-1252")
        return _guess(data)
    try:
        return data.decode(charset)
    except (UnicodeDecodeError, ValueError):
        defects.append(f"text not valid {charset}; read as UTF-8 or Windows-1252")
        return _guess(data)


def _guess(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _attachment(part: Message, content_type: str) -> Attachment:
    try:
        filename = readable(part.get_filename() or "")
    except Exception:
        filename = ""
    clean_name, _ = scrub(filename[:255])
    return Attachment(filename=clean_name, content_type=content_type, size=_size(part))


def _size(part: Message) -> int:
    """The decoded size estimated from the encoded text, without decoding anything.

    Iterative, because a forwarded message may nest others to any depth.
    """
    total = 0
    stack = [part]
    for _ in range(MAX_PARTS):
        if not stack:
            break
        current = stack.pop()
        payload = current.get_payload()
        if isinstance(payload, list):
            stack.extend(child for child in payload if isinstance(child, Message))
            continue
        encoded = str(payload)
        encoding = str(current.get("content-transfer-encoding", "")).strip().lower()
        if encoding == "base64":
            padding = sum(encoded.count(ch) for ch in "\r\n \t=")
            total += (len(encoded) - padding) * 3 // 4
        else:
            total += len(encoded)
    return total
