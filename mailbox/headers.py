"""Reading header fields safely: decoded, capped, and free of control characters.

The standard library's modern header parser (`email.policy.default`) decodes
RFC 2047 encoded words and parses addresses well, but on hostile input it can
be slow (very long or deeply nested values) and it will happily return a
decoded Subject that contains CR/LF. So every value is capped before it is
parsed, parsed inside a guard, and scrubbed after: nothing that leaves this
module can break a log line, a folder name or a header we write later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from email.message import Message
from email.policy import default as default_policy

# Long enough for any real Subject or recipient list, short enough that the
# parser's worst case stays in milliseconds.
MAX_PARSED_VALUE = 16 * 1024
# What is kept of every header for the auto-reply rules and the routing record.
MAX_KEPT_VALUE = 2 * 1024
MAX_KEPT_HEADERS = 500

_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]+")
_FOLD = re.compile(r"\r\n|\r|\n")
_SPACES = re.compile(r"[ \t]+")
_ANGLE_ID = re.compile(r"<[^<>\s]{1,900}>")


def readable(value: str) -> str:
    """Turn raw 8-bit bytes the parser kept as surrogates back into text.

    RFC 6532 allows UTF-8 in headers; older mailers send Windows-1252 bytes
    raw, which is the guess when the bytes are not valid UTF-8.
    """
    data = value.encode("utf-8", "surrogateescape")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def scrub(value: str) -> tuple[str, bool]:
    """Unfold and remove control characters; say whether any were inside the value.

    A raw header may be folded (CRLF then whitespace), which is legitimate.
    A *decoded* value with CR or LF in it is a header-injection attempt.
    """
    had_control = bool(_CONTROL.search(value))
    cleaned = _SPACES.sub(" ", _CONTROL.sub(" ", value.replace("\t", " "))).strip()
    return cleaned, had_control


def raw_fields(message: Message) -> list[tuple[str, str]]:
    """Every header field as received: names as written, values unparsed but readable."""
    return [(readable(str(name)), readable(str(value))) for name, value in message.raw_items()]


def first_raw(fields: Iterable[tuple[str, str]], name: str) -> str | None:
    """The first value of a header field (case-insensitive), unfolded, or None."""
    wanted = name.lower()
    for key, value in fields:
        if key.lower() == wanted:
            return _FOLD.sub("", value)
    return None


def count(fields: Iterable[tuple[str, str]], name: str) -> int:
    wanted = name.lower()
    return sum(1 for key, _ in fields if key.lower() == wanted)


def kept_headers(fields: list[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """The capped, scrubbed copy of the headers that travels with a ParsedMessage."""
    kept = []
    for name, value in fields[:MAX_KEPT_HEADERS]:
        clean_name, _ = scrub(name[:200])
        clean_value, _ = scrub(_FOLD.sub("", value)[:MAX_KEPT_VALUE])
        kept.append((clean_name, clean_value))
    return tuple(kept)


def decoded(name: str, raw: str, defects: list[str]) -> str:
    """A header's decoded text (encoded words resolved), capped and scrubbed."""
    header = _parse(name, raw, defects)
    text = str(header) if header is not None else raw
    clean, had_control = scrub(text)
    if had_control:
        defects.append(f"{name}: control characters (CR/LF) removed from the decoded value")
    return clean


def addresses(name: str, raw: str, defects: list[str]) -> list[tuple[str, str]]:
    """(address lower-cased, display name) pairs from an address header, best effort."""
    header = _parse(name, raw, defects)
    found: list[tuple[str, str]] = []
    for address in getattr(header, "addresses", ()) if header is not None else ():
        addr_spec, _ = scrub(readable(address.addr_spec))
        display, _ = scrub(readable(address.display_name or ""))
        if "@" in addr_spec:
            found.append((addr_spec.lower(), display))
    if not found:
        # The structured parser gave up (broken quoting, stray brackets):
        # fall back to anything that looks like an address, as a person would.
        for match in re.finditer(r"[^\s<>\"',;:()@]+@[^\s<>\"',;:()@]+\.[^\s<>\"',;:()@]+", raw):
            found.append((match.group(0).lower(), ""))
        if found:
            defects.append(f"{name}: addresses recovered by pattern, not by the parser")
    return found


def message_ids(raw: str | None) -> tuple[str, ...]:
    """The <...> identifiers in a Message-ID, In-Reply-To or References value."""
    if not raw:
        return ()
    return tuple(_ANGLE_ID.findall(raw[:MAX_PARSED_VALUE]))


def _parse(name: str, raw: str, defects: list[str]) -> object | None:
    if len(raw) > MAX_PARSED_VALUE:
        defects.append(f"{name}: value longer than {MAX_PARSED_VALUE} characters, cut")
        raw = raw[:MAX_PARSED_VALUE]
    try:
        header: object = default_policy.header_factory(name, _FOLD.sub("", raw))
    except Exception as error:  # the parser's failure modes are not documented
        defects.append(f"{name}: unparseable ({type(error).__name__})")
        return None
    defects.extend(f"{name}: {type(d).__name__}" for d in getattr(header, "defects", ()))
    return header
