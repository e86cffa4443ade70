"""The outbox's Microsoft Graph transport: sendMail, for Exchange Online without SMTP AUTH.

Many councils on Exchange Online have SMTP AUTH switched off and no relay
connector for a server like Forewarn's. Graph's sendMail takes the same
.eml bytes the SMTP relay would: POST /users/{sender}/sendMail with the MIME
message base64-encoded as the body and `Content-Type: text/plain`, answered
202 Accepted (learn.microsoft.com/graph/api/user-sendmail, "Example 4: Send
a new message using MIME format"; malformed MIME is a 400). Exchange saves a
copy in the sender's Sent Items.

mailbox/relay.py claims and settles each message; this module only decides
what Graph's answer means:

- 202: sent;
- 400, 413, 415, 422: this message is at fault (bad MIME, too big, bad
  recipients), refused for good, to `outbox-failed/`;
- 401, 403, 404 (no such mailbox): the app's permission, its application access
  policy or the sender's mailbox is wrong. That is true of every queued
  message, so none is refused: they stay queued and the failure is logged,
  loudly from the third time, naming Mail.Send, as the SMTP relay does when
  it refuses our sender;
- 429 and 5xx: throttled or down; the messages stay queued and the next try
  waits at least Graph's Retry-After;
- a sign-in failure (an expired secret): nothing can be sent; logged at CRITICAL.

The app sends as one mailbox only, FOREWARN_NOTICE_SENDER, which every queued
message has as its From. A message with another From (dropped in by hand) is
refused rather than sent as someone else. Graph's sendMail has no idempotency
key, so delivery is at least once, as with SMTP (see mailbox/relay.py).
"""

from __future__ import annotations

import base64
import logging
from urllib.parse import quote

import requests

from mailbox.backends import MailboxUnavailable
from mailbox.backends.graph_auth import AppToken, GraphSession, SignInFailed
from mailbox.backends.graph_errors import Transient, classify, error_code
from mailbox.backends.graph_settings import GraphSettings
from mailbox.relay import AskedToWait, Outcome, envelope

log = logging.getLogger(__name__)

PERMISSION = "Mail.Send"
_MESSAGE_FAULTS = frozenset({400, 413, 415, 422})


class GraphSendMail:
    """Implements relay.Transport: each message through Graph's sendMail as `settings.mailbox`."""

    def __init__(self, settings: GraphSettings, *, token: AppToken | None = None) -> None:
        self.settings = settings
        self._token = token or AppToken(settings)
        sender = quote(settings.mailbox, safe="@")
        self._url = f"{settings.graph_base.rstrip('/')}/users/{sender}/sendMail"

    @property
    def name(self) -> str:
        return f"Graph sendMail route (as {self.settings.mailbox} at {self.settings.host})"

    @property
    def timeout(self) -> float:
        return self.settings.timeout

    def connect(self) -> _GraphConnection:
        """Sign in first, so that a sign-in failure leaves every message queued and untouched."""
        try:
            self._token.token()
        except SignInFailed as error:
            self.close()
            raise MailboxUnavailable(self._sign_in_failed(error)) from error
        except requests.RequestException as error:
            self.close()
            raise MailboxUnavailable(f"signing in: {type(error).__name__}: {error}") from error
        return _GraphConnection(self)

    def post(self, session: GraphSession, name: str, raw: bytes) -> tuple[Outcome, str]:
        """One sendMail call; MailboxUnavailable when Graph or the app, not the message, failed."""
        try:
            sender, _ = envelope(raw)  # the recipients are Graph's to read from the MIME
        except ValueError as error:
            return Outcome.REFUSED, f"it is not a message Graph can send ({error})"
        if sender.casefold() != self.settings.mailbox.casefold():
            return Outcome.REFUSED, (
                f"its From address {sender} is not {self.settings.mailbox}, the only mailbox "
                "Forewarn sends as through Graph"
            )
        try:
            response = session.post(
                self._url,
                data=base64.b64encode(raw),
                headers={
                    "Authorization": f"Bearer {self._token.token()}",
                    "Content-Type": "text/plain",
                },
                allow_redirects=False,
            )
        except SignInFailed as error:
            raise MailboxUnavailable(self._sign_in_failed(error)) from error
        except requests.RequestException as error:
            raise MailboxUnavailable(f"{type(error).__name__}: {error}") from error
        if 200 <= response.status_code < 300:
            return Outcome.SENT, ""
        return self._refused(response, name)

    def close(self) -> None:
        """Close the connections to Entra ID; msal keeps the token for the next pass."""
        self._token.close()

    def _refused(self, response: requests.Response, name: str) -> tuple[Outcome, str]:
        status = response.status_code
        code, message = error_code(response)
        log.info(
            "Graph sendMail answered %s for %s (request-id %s)",
            status,
            name,
            response.headers.get("request-id", "?"),
        )
        if status in _MESSAGE_FAULTS:
            return Outcome.REFUSED, f"Microsoft Graph answered HTTP {status} {code}: {message}"
        outcome = classify(response, self.settings.mailbox, self._who, PERMISSION)
        if isinstance(outcome, Transient):
            if outcome.retry_after is not None:
                raise AskedToWait(outcome.reason, outcome.retry_after)
            raise MailboxUnavailable(outcome.reason)
        if status == 401:
            self._token.forget()
        if isinstance(outcome, str):  # a 404 "not found" with no item in the request
            raise MailboxUnavailable(f"HTTP {status} {code}: {message}")
        raise MailboxUnavailable(str(outcome))

    @property
    def _who(self) -> str:
        return f"app {self.settings.client_id}"

    def _sign_in_failed(self, error: SignInFailed) -> str:
        message = (
            f"GRAPH SIGN-IN FAILED for sending as {self.settings.mailbox}: Microsoft Entra ID "
            f"would not issue a token for {self._who} in tenant {self.settings.tenant_id} "
            f"({error}). Nothing in the outbox will be sent until it is fixed: check the tenant "
            f"id, client id and client secret (secrets expire), and that the app has the "
            f"{PERMISSION} application permission."
        )
        log.critical(message)
        return message


class _GraphConnection:
    """One pass over the queue: an HTTP session to Graph, closed at the end of the pass."""

    def __init__(self, transport: GraphSendMail) -> None:
        self._transport = transport
        self._session = GraphSession(transport.settings)

    def send(self, name: str, raw: bytes) -> tuple[Outcome, str]:
        return self._transport.post(self._session, name, raw)

    def close(self) -> None:
        self._session.close()
        self._transport.close()
