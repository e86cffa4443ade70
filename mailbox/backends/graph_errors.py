"""Turning Microsoft Graph's HTTP answers into the port's outcomes, in words an operator can act on.

Graph reports every error as an HTTP status with a JSON body
{"error": {"code": ..., "message": ...}}. The watcher needs four answers:
the message has gone (`GONE`, an expected outcome), a delta link has
expired and the folder must be synchronised afresh (`RESYNC`), retry
(`Transient`, with Graph's Retry-After when it gave one), or stop and tell
an officer what to fix (`MailboxRefused`). A 404 means "gone" only when Graph says the item
was not found: a 404 for an unknown mailbox must not make the watcher think
every message had vanished. Everything here is a pure function of the
response, so it is tested without a server.
"""

from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass
from typing import Final

import requests

from mailbox.backends import MailboxRefused

# The codes with which Graph says an item (message or folder) no longer exists.
_NOT_FOUND: Final = frozenset({"ErrorItemNotFound", "ItemNotFound", "ResourceNotFound"})
_TRANSIENT_STATUS: Final = frozenset({408, 429, 500, 502, 503, 504})
# A delta link Graph no longer knows: 410 Gone, or a 40x with one of these codes
# (learn.microsoft.com/graph/delta-query-overview, "Synchronization reset" and
# "Token duration"; Exchange spells it "SyncStateNotFound", the docs "syncStateNotFound";
# Graph's error codes list "resyncRequired": the delta token is no longer valid).
_RESYNC: Final = frozenset({"syncstatenotfound", "resyncrequired"})
GONE: Final = "gone"
RESYNC: Final = "resync"


@dataclass(frozen=True, slots=True)
class Transient:
    """Worth retrying; `retry_after` is Graph's own hint in seconds, if it gave one."""

    reason: str
    retry_after: float | None = None


def error_code(response: requests.Response) -> tuple[str, str]:
    """Graph's error code and message, or the HTTP status when the body is not Graph's JSON."""
    try:
        error = response.json()["error"]
        return str(error.get("code", "")), " ".join(str(error.get("message", "")).split())
    except (ValueError, KeyError, TypeError, AttributeError):
        return f"HTTP {response.status_code}", response.reason or ""


def classify(
    response: requests.Response, mailbox: str, who: str, permission: str = "Mail.ReadWrite"
) -> str | Transient | MailboxRefused:
    """What to do about a Graph response that was not a success.

    `permission` is the application permission the request needs (Mail.ReadWrite
    to read and file mail, Mail.Send to send it), named in the refusals.
    """
    status = response.status_code
    code, message = error_code(response)
    said = f"{code}: {message}" if message else code
    if status in _TRANSIENT_STATUS:
        return Transient(f"HTTP {status} {said}", retry_after(response))
    if status == 404 and code in _NOT_FOUND:
        return GONE
    if status == 410 or code.casefold() in _RESYNC:
        return RESYNC
    if status == 401:
        return MailboxRefused(
            f"Microsoft Graph rejected the token of {who} for mailbox {mailbox} (HTTP 401, "
            f"{said}). Check that the app registration has {permission} as an application "
            "permission with admin consent granted, and that the tenant id is the council's."
        )
    if status == 403:
        return MailboxRefused(
            f"Microsoft Graph refused {who} access to mailbox {mailbox} (HTTP 403, {said}). "
            f"Either the app registration lacks the {permission} application permission (or "
            "admin consent for it), or an application access policy or RBAC for Applications "
            "scope excludes this mailbox: ask the Exchange Online administrator to include it."
        )
    if status == 404 and code in {"ErrorInvalidUser", "MailboxNotEnabledForRESTAPI"}:
        return MailboxRefused(
            f"Microsoft Graph has no usable mailbox {mailbox} ({said}). Use the mailbox's user "
            "principal name; an on-premises mailbox (hybrid) cannot be read through Graph, use "
            "the EWS backend for it."
        )
    return MailboxRefused(
        f"Microsoft Graph refused the request for {mailbox}: HTTP {status} {said}"
    )


def retry_after(response: requests.Response) -> float | None:
    """Seconds from a Retry-After header, given as seconds or as an HTTP date."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
