"""Turning exchangelib's errors into the port's errors, in words an operator can act on.

exchangelib raises hundreds of error classes, most of them subclasses of
`TransportError` whether they mean "try again" or "you will never get in".
The watcher needs three answers: retry (`Transient`), stop and tell an
officer what to fix (`MailboxRefused`), or stop and alert loudly because
no mail will be read until someone renews a secret (`token_failure`).
Everything here is a pure function of the error, so it is tested without
a server and kept apart from the backend's control flow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import requests
from exchangelib.errors import (
    CASError,
    ErrorAccessDenied,
    ErrorConnectionFailed,
    ErrorConnectionFailedTransientError,
    ErrorExceededConnectionCount,
    ErrorFolderNotFound,
    ErrorImpersonateUserDenied,
    ErrorImpersonationDenied,
    ErrorImpersonationFailed,
    ErrorInternalServerError,
    ErrorInternalServerTransientError,
    ErrorMailboxMoveInProgress,
    ErrorMailboxStoreUnavailable,
    ErrorNonExistentMailbox,
    ErrorServerBusy,
    ErrorTimeoutExpired,
    ErrorTooManyObjectsOpened,
    EWSError,
    RedirectError,
    ResponseMessageError,
    TransportError,
    UnauthorizedError,
)
from oauthlib.oauth2 import OAuth2Error

from mailbox.backends import MailboxRefused

# Exchange Online has blocked EWS by default since 1 October 2026 (only
# allow-listed apps get through) and ends it on 1 April 2027. The refusal's
# exact wording is Microsoft's to change, so match its gist, and treat an
# HTTP 403 from Exchange Online as the block too: an ordinary permission
# problem there comes back as 200 with ErrorAccessDenied, a bad token as 401.
_EWS_BLOCKED = re.compile(
    r"\bEWS\b.{0,80}\b(disabled|blocked|not (allowed|enabled|permitted)|retired)"
    r"|\b(disabled|blocked)\b.{0,80}\bEWS\b|Exchange Web Services.{0,80}(disabled|blocked)",
    re.IGNORECASE | re.DOTALL,
)
_HTTP_403 = re.compile(r"\bCode: 403\b")

_TRANSIENT = (
    ErrorServerBusy,
    ErrorTimeoutExpired,
    ErrorInternalServerTransientError,
    ErrorInternalServerError,
    ErrorTooManyObjectsOpened,
    ErrorExceededConnectionCount,
    ErrorMailboxStoreUnavailable,
    ErrorMailboxMoveInProgress,
    ErrorConnectionFailed,
    ErrorConnectionFailedTransientError,
    requests.RequestException,
    OSError,
)
_IMPERSONATION = (ErrorImpersonateUserDenied, ErrorImpersonationDenied, ErrorImpersonationFailed)


@dataclass(frozen=True, slots=True)
class Where:
    """Who was asking whom, for the messages: server host, mailbox, login or app id."""

    host: str
    mailbox: str
    who: str
    exchange_online: bool


@dataclass(frozen=True, slots=True)
class Transient:
    """Worth retrying; `back_off` is the server's own hint in seconds, if it gave one."""

    reason: str
    back_off: float | None = None


def token_failure(error: BaseException) -> bool:
    """Entra ID would not issue or refresh a token: no retry will help until a person acts."""
    return isinstance(error, OAuth2Error)


def classify(error: BaseException, where: Where) -> Transient | MailboxRefused | None:
    """What the watcher should do about `error`; None for errors that are not Exchange's (bugs)."""
    if _ews_blocked(error, where):
        return MailboxRefused(_blocked_message(where))
    if isinstance(error, UnauthorizedError):
        return MailboxRefused(
            f"Exchange at {where.host} rejected the login for {where.who} (HTTP 401): check the "
            "password or client secret, that it has not expired, and that the account is not "
            "locked out."
        )
    if isinstance(error, _IMPERSONATION):
        return MailboxRefused(
            f"Exchange at {where.host} would not let {where.who} act as {where.mailbox}. "
            "On-premises, give the service account the ApplicationImpersonation role for this "
            "mailbox; in Exchange Online, grant the app full_access_as_app and include the mailbox "
            "in its application access policy."
        )
    if isinstance(error, ErrorAccessDenied):
        return MailboxRefused(
            f"Exchange at {where.host} refused {where.who} access to mailbox {where.mailbox}: ask "
            "the Exchange administrator to grant the account Full Access to the mailbox "
            f"(detail: {error})."
        )
    if isinstance(error, ErrorNonExistentMailbox):
        return MailboxRefused(
            f"Exchange at {where.host} has no mailbox {where.mailbox}: use the mailbox's primary "
            "SMTP address."
        )
    if isinstance(error, ErrorFolderNotFound):
        return MailboxRefused(f"Exchange at {where.host}: a folder was not found ({error}).")
    if isinstance(error, (RedirectError, CASError)):
        return MailboxRefused(
            f"Exchange at {where.host} redirected or refused the request ({error}): check the "
            "EWS endpoint in the settings."
        )
    if isinstance(error, _TRANSIENT):
        return Transient(str(error) or type(error).__name__, getattr(error, "back_off", None))
    if isinstance(error, ResponseMessageError):
        return MailboxRefused(f"Exchange at {where.host} refused the request: {error}")
    if isinstance(error, TransportError):
        return Transient(str(error) or type(error).__name__)
    if isinstance(error, EWSError):
        return MailboxRefused(f"Exchange at {where.host}: {error}")
    return None


def token_message(error: BaseException, where: Where) -> str:
    return (
        f"EWS SIGN-IN FAILED for mailbox {where.mailbox}: Microsoft Entra ID would not issue an "
        f"OAuth token for {where.who} ({type(error).__name__}: {error}). No mail will be read from "
        "this mailbox until it is fixed: check the tenant id, client id and client secret (secrets "
        "expire), or sign in again for a delegated token."
    )


def _ews_blocked(error: BaseException, where: Where) -> bool:
    text = str(error)
    if _EWS_BLOCKED.search(text):
        return True
    return where.exchange_online and bool(_HTTP_403.search(text))


def _blocked_message(where: Where) -> str:
    return (
        f"Exchange Online refused EWS for {where.who} on mailbox {where.mailbox}: since "
        "1 October 2026 Microsoft blocks EWS for every app that is not allow-listed, and on "
        "1 April 2027 EWS ends for good. Switch this mailbox to the Microsoft Graph backend, or, "
        "until then, ask the tenant administrator to allow-list this app for EWS."
    )
