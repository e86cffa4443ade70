"""IMAP folder names on the wire: modified UTF-7 (RFC 3501 5.1.3) and quoting.

imaplib sends arguments as they are given, so a folder name with a space,
a quote or a non-ASCII letter ("Réclamations") must be encoded and quoted
here, and a name with CR or LF refused: it would end the command early and
let the rest be read as a new command.
"""

from __future__ import annotations

import base64

from register.errors import ConfigurationError


def encode_folder(name: str) -> str:
    """A folder name in modified UTF-7: ASCII as is, '&' as '&-', the rest base64 of UTF-16."""
    if not name or any(ch in name for ch in "\r\n\x00"):
        raise ConfigurationError(f"IMAP folder name {name!r} is empty or has line breaks")
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            data = "".join(pending).encode("utf-16-be")
            out.append(
                "&" + base64.b64encode(data).decode("ascii").rstrip("=").replace("/", ",") + "-"
            )
            pending.clear()

    for ch in name:
        if " " <= ch <= "~":
            flush()
            out.append("&-" if ch == "&" else ch)
        else:
            pending.append(ch)
    flush()
    return "".join(out)


def quoted(name: str) -> str:
    """The encoded folder name as an IMAP quoted string."""
    encoded = encode_folder(name)
    return '"' + encoded.replace("\\", "\\\\").replace('"', '\\"') + '"'
