"""The Microsoft Graph backend: Exchange Online mailboxes, now that EWS is going.

Exchange Online has blocked EWS by default since 1 October 2026 and ends it
on 1 April 2027; Graph's mail API is the way in. The app signs in with
client credentials (graph_auth.py) and reads one shared mailbox by its user
principal name. Plain `requests`, synchronously, like the other backends:
the watcher polls one mailbox and gains nothing from an async client.

Message keys are "graph1.<Graph message id>". The id is Graph's default
(not immutable) id on purpose: Exchange gives a message a new id when it
moves, so an old key answers 404 and the port's "gone" outcomes (None,
False) fall out exactly as they do for IMAP UIDs. With immutable ids a
message another watcher had already filed would be moved again.

Retries are ours, as in the IMAP and EWS backends: throttling (429, 503)
honours Graph's Retry-After, other failures back off exponentially, and the
sleep can be replaced in tests. Refusals (401, 403, an unknown mailbox) are
not retried and say what to fix; a sign-in failure is logged at CRITICAL.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import requests

from mailbox.backends import MailboxError, MailboxRefused, MailboxUnavailable, MessageKey
from mailbox.backends.graph_auth import AppToken, GraphSession, SignInFailed
from mailbox.backends.graph_errors import Transient, classify
from mailbox.backends.graph_settings import GraphSettings

log = logging.getLogger(__name__)
T = TypeVar("T")
_KEY_PREFIX = "graph1."


class _Retry(Exception):
    """Raised inside an operation to make `_run` try it again."""

    def __init__(self, transient: Transient) -> None:
        super().__init__(transient.reason)
        self.transient = transient


class GraphBackend:
    """Implements `MailBackend` over Microsoft Graph v1.0 mail (users/{mailbox}/...)."""

    def __init__(
        self,
        settings: GraphSettings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        token: AppToken | None = None,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self._token = token or AppToken(settings)
        self._session: GraphSession | None = None
        self._folders: dict[str, str] = {}
        self._who = f"app {settings.client_id}"
        user = quote(settings.mailbox, safe="@")
        self._user = f"{settings.graph_base.rstrip('/')}/users/{user}"

    # -- the port -------------------------------------------------------------

    def ensure_folder(self, folder: str) -> None:
        self._run(f"creating folder {folder!r}", lambda: self._ensure(folder))

    def list_keys(self, folder: str) -> list[MessageKey]:
        def op() -> list[MessageKey]:
            url = f"{self._user}/mailFolders/{self._find(folder)}/messages"
            params = {
                "$select": "id,receivedDateTime",
                "$orderby": "receivedDateTime asc",
                "$top": str(self.settings.page_size),
            }
            return [_KEY_PREFIX + item["id"] for item in self._pages(url, params)]

        return self._run(f"listing {folder!r}", op)

    def fetch(self, folder: str, key: MessageKey) -> bytes | None:
        url = f"{self._message_url(key)}/$value"

        def op() -> bytes | None:
            response = self._call("GET", url)
            return None if response is None else response.content

        return self._run(f"fetching a message from {folder!r}", op)

    def move(self, folder: str, key: MessageKey, destination: str) -> bool:
        url = self._message_url(key)

        def op() -> bool:
            body = {"destinationId": self._ensure(destination)}
            if self._call("POST", f"{url}/move", json=body) is not None:
                return True
            if self._call("GET", url, params={"$select": "id"}) is None:
                return False  # gone: moved by another watcher or deleted by an officer
            # The message is there, so the destination folder is what went missing
            # (an officer deleted it): forget it, and let the retry create it again.
            raise _Retry(Transient(f"folder {destination!r} was not found"))

        return self._run(f"moving a message from {folder!r} to {destination!r}", op)

    def close(self) -> None:
        """Close the HTTP connections; msal keeps the token, so reopening costs no sign-in."""
        session, self._session = self._session, None
        self._folders.clear()
        self._token.close()
        if session is not None:
            session.close()

    # -- folders --------------------------------------------------------------

    def _find(self, name: str) -> str:
        folder_id = self._lookup(name)
        if folder_id is None:
            raise MailboxRefused(
                f"mailbox {self.settings.mailbox} has no folder {name!r} under "
                f"{self.settings.folders_under}; the watcher creates it at start-up"
            )
        return folder_id

    def _lookup(self, name: str) -> str | None:
        """The folder's id: "inbox" is Graph's well-known name; others are found by name."""
        if name.upper() == "INBOX":
            return "inbox"
        if name not in self._folders:
            literal = name.replace("'", "''")  # OData doubles a quote inside a string
            params = {"$filter": f"displayName eq '{literal}'", "$select": "id,displayName"}
            for folder in self._pages(self._parent_url(), params):
                if str(folder.get("displayName", "")).casefold() == name.casefold():
                    self._folders[name] = folder["id"]
                    break
        return self._folders.get(name)

    def _ensure(self, name: str) -> str:
        found = self._lookup(name)
        if found is not None:
            return found
        body = {"displayName": name}
        response = _found(self._call("POST", self._parent_url(), json=body, exists_ok=True))
        if response.status_code == 409:
            return self._find(name)  # another watcher created it a moment ago
        log.info("Created Graph mail folder %r in %s", name, self.settings.mailbox)
        self._folders[name] = response.json()["id"]
        return self._folders[name]

    def _parent_url(self) -> str:
        if self.settings.folders_under == "inbox":
            return f"{self._user}/mailFolders/inbox/childFolders"
        return f"{self._user}/mailFolders"  # the top level, under msgfolderroot

    def _message_url(self, key: MessageKey) -> str:
        """Where the message lives; a key from another backend is refused, not guessed at."""
        message_id = key[len(_KEY_PREFIX) :] if key.startswith(_KEY_PREFIX) else ""
        if not message_id or any(c.isspace() or c in "?#" for c in message_id):
            raise MailboxRefused(f"{key!r} is not a Graph message key")
        return f"{self._user}/messages/{quote(message_id, safe='=')}"

    # -- HTTP -----------------------------------------------------------------

    def _pages(self, url: str, params: dict[str, str]) -> Iterator[dict[str, Any]]:
        """Every item of a collection, following @odata.nextLink (only ever to Graph itself)."""
        next_url: str | None = url
        query: dict[str, str] | None = params
        while next_url:
            page = _found(self._call("GET", next_url, params=query)).json()
            yield from page.get("value", [])
            next_url, query = page.get("@odata.nextLink"), None
            if next_url and urlsplit(next_url).netloc != self.settings.host:
                raise MailboxRefused(
                    f"Microsoft Graph sent a paging link to another host ({next_url!r}); "
                    "the watcher will not send the mailbox token there"
                )

    def _call(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, str] | None = None,
        json: dict[str, str] | None = None,
        exists_ok: bool = False,
    ) -> requests.Response | None:
        """One request with a current bearer token; None when the item has gone, or raises."""
        response = self._http().request(
            method,
            url,
            params=params,
            json=json,
            headers={"Authorization": f"Bearer {self._token.token()}"},
            allow_redirects=False,
        )
        if 200 <= response.status_code < 300 or (exists_ok and response.status_code == 409):
            return response
        outcome = classify(response, self.settings.mailbox, self._who)
        if isinstance(outcome, Transient):
            raise _Retry(outcome)
        if isinstance(outcome, MailboxRefused):
            if response.status_code == 401:
                self._token.forget()
            log.error(
                "Graph %s %s refused (request-id %s): %s",
                method,
                urlsplit(url).path,
                response.headers.get("request-id", "?"),
                outcome,
            )
            raise outcome
        return None  # classify said GONE: the message or folder is no longer there

    def _http(self) -> GraphSession:
        if self._session is None:
            self._session = GraphSession(self.settings)
        return self._session

    # -- retries --------------------------------------------------------------

    def _run(self, doing: str, operation: Callable[[], T]) -> T:
        s = self.settings
        last = Transient("no attempt was made")
        for attempt in range(s.attempts):
            try:
                return operation()
            except MailboxError:
                raise
            except SignInFailed as error:
                raise self._sign_in_failed(error) from error
            except _Retry as error:
                last = error.transient
            except requests.RequestException as error:
                last = Transient(f"{type(error).__name__}: {error}")
            self._folders.clear()  # a folder renamed or deleted by an officer
            if attempt + 1 == s.attempts:
                break
            delay = last.retry_after
            if delay is None:
                delay = min(s.max_backoff, s.backoff * 2**attempt)
            elif delay > s.max_backoff:
                raise MailboxUnavailable(
                    f"Microsoft Graph at {s.host} asked us to wait {delay:.0f}s while {doing} "
                    f"({last.reason}); the watcher will try again on its next poll"
                )
            log.warning("Graph %s failed (%s); retrying in %.1fs", doing, last.reason, delay)
            self._sleep(delay)
        raise MailboxUnavailable(
            f"Microsoft Graph at {s.host} could not be reached after {s.attempts} attempts "
            f"while {doing}: {last.reason}"
        )

    def _sign_in_failed(self, error: SignInFailed) -> MailboxUnavailable:
        message = (
            f"GRAPH SIGN-IN FAILED for mailbox {self.settings.mailbox}: Microsoft Entra ID would "
            f"not issue a token for {self._who} in tenant {self.settings.tenant_id} ({error}). "
            "No mail will be read from this mailbox until it is fixed: check the tenant id, "
            "client id and client secret (secrets expire)."
        )
        log.critical(message)
        return MailboxUnavailable(message)


def _found(response: requests.Response | None) -> requests.Response:
    """The response of a folder request; a folder that has gone is looked up afresh.

    An officer may delete or rename a folder whose id is cached. Retrying
    clears the cache, so the retry finds the folder by name again, creates it
    (a destination), or refuses with the folder's name (a folder to list).
    """
    if response is None:
        raise _Retry(Transient("a folder was not found; looking it up again"))
    return response
