"""The Microsoft Graph backend: Exchange Online mailboxes, now that EWS is going.

Exchange Online has blocked EWS by default since 1 October 2026 and ends it
on 1 April 2027; Graph's mail API is the way in. The app signs in with
client credentials (graph_auth.py) and reads one shared mailbox by its user
principal name. Plain `requests`, synchronously, like the other backends:
the watcher polls one mailbox and gains nothing from an async client.

The inbox is read with Graph's delta query (graph_delta.py says how and
from which documentation): after a first full round, a poll asks only what
changed, and the link to continue from is kept in the store.

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
from mailbox.backends.graph_delta import FolderView, page_link
from mailbox.backends.graph_errors import RESYNC, Transient, classify, error_code
from mailbox.backends.graph_settings import GraphSettings
from mailbox.backends.sync_state import MemorySyncStates, SyncStateStore

log = logging.getLogger(__name__)
T = TypeVar("T")
_KEY_PREFIX = "graph1."


class _Retry(Exception):
    """Raised inside an operation to make `_run` try it again."""

    def __init__(self, transient: Transient) -> None:
        super().__init__(transient.reason)
        self.transient = transient


class _Resync(_Retry):
    """Graph no longer knows a delta link; outside a delta round it is retried like any failure."""


class GraphBackend:
    """Implements `MailBackend` over Microsoft Graph v1.0 mail (users/{mailbox}/...)."""

    def __init__(
        self,
        settings: GraphSettings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        token: AppToken | None = None,
        sync_states: SyncStateStore | None = None,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self._token = token or AppToken(settings)
        self._sync_states = sync_states or MemorySyncStates()
        self._session: GraphSession | None = None
        self._folders: dict[str, str] = {}
        self._views: dict[str, FolderView] = {}  # kept across close(): it is not a connection
        self._who = f"app {settings.client_id}"
        user = quote(settings.mailbox, safe="@")
        self._user = f"{settings.graph_base.rstrip('/')}/users/{user}"

    # -- the port -------------------------------------------------------------

    def ensure_folder(self, folder: str) -> None:
        self._run(f"creating folder {folder!r}", lambda: self._ensure(folder))

    def list_keys(self, folder: str) -> list[MessageKey]:
        """What is in the folder now, oldest delivery first, brought up to date by delta."""
        return self._run(f"listing {folder!r}", lambda: self._sync(folder))

    def fetch(self, folder: str, key: MessageKey) -> bytes | None:
        url = f"{self._message_url(key)}/$value"

        def op() -> bytes | None:
            response = self._call("GET", url)
            return None if response is None else response.content

        raw = self._run(f"fetching a message from {folder!r}", op)
        if raw is None:
            self._forget(folder, key)
        return raw

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

        moved = self._run(f"moving a message from {folder!r} to {destination!r}", op)
        self._forget(folder, key)  # moved now, or gone already: no longer in `folder`
        return moved

    def close(self) -> None:
        """Close the HTTP connections; msal keeps the token, so reopening costs no sign-in."""
        session, self._session = self._session, None
        self._folders.clear()
        self._token.close()
        if session is not None:
            session.close()

    # -- delta ----------------------------------------------------------------

    def _sync(self, folder: str) -> list[MessageKey]:
        """One delta round: every page until a deltaLink, each saved once merged."""
        view = self._views.get(folder)
        if view is None:
            view = self._views[folder] = self._start(folder)
        restarted = False
        while True:
            url, params = view.link, None
            if url is None:  # a full round: parameters go in the first request only
                url = f"{self._user}/mailFolders/{self._find(folder)}/messages/delta"
                params = {"$select": "receivedDateTime"}  # the id always comes back
            prefer = {"Prefer": f"odata.maxpagesize={self.settings.page_size}"}
            try:
                response = self._call("GET", url, params=params, headers=prefer)
            except _Resync as error:
                if view.link is None or restarted:
                    raise
                log.warning(
                    "Graph no longer knows the delta link of %r in %s (%s); synchronising "
                    "the folder afresh",
                    folder,
                    self.settings.mailbox,
                    error.transient.reason,
                )
                view.restart()
                restarted = True
                continue
            if response is None:  # the folder was deleted and made again: a new id
                view.restart()
                raise _Retry(Transient(f"folder {folder!r} was not found; syncing it afresh"))
            page = response.json()
            try:
                link, last = page_link(page)
            except ValueError as error:
                raise MailboxRefused(f"Microsoft Graph answered {url!r} with {error}") from error
            view.link = self._on_graph(link)  # checked before anything of the page is used
            view.apply(page.get("value", []))
            self._sync_states.set(self.settings.mailbox, folder, link)
            if last:
                return [_KEY_PREFIX + message_id for message_id in view.ids_oldest_first()]

    def _start(self, folder: str) -> FolderView:
        """This process's first view of a folder: a full round, or a listing and the saved link."""
        saved = self._sync_states.get(self.settings.mailbox, folder)
        if saved is None:
            return FolderView()
        if urlsplit(saved).netloc != self.settings.host:
            log.warning(
                "The saved delta link of %r is not for %s; starting afresh",
                folder,
                self.settings.host,
            )
            return FolderView()
        url = f"{self._user}/mailFolders/{self._find(folder)}/messages"
        params = {
            "$select": "id,receivedDateTime",
            "$orderby": "receivedDateTime asc",
            "$top": str(self.settings.page_size),
        }
        return FolderView.listed(self._pages(url, params), saved)

    def _forget(self, folder: str, key: MessageKey) -> None:
        view = self._views.get(folder)
        if view is not None:
            view.forget(key[len(_KEY_PREFIX) :])

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
            if next_url:
                self._on_graph(next_url)

    def _on_graph(self, link: str) -> str:
        """A paging or delta link, once it is known to lead back to Graph itself."""
        if urlsplit(link).netloc != self.settings.host:
            raise MailboxRefused(
                f"Microsoft Graph sent a paging link to another host ({link!r}); "
                "the watcher will not send the mailbox token there"
            )
        return link

    def _call(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, str] | None = None,
        json: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        exists_ok: bool = False,
    ) -> requests.Response | None:
        """One request with a current bearer token; None when the item has gone, or raises."""
        response = self._http().request(
            method,
            url,
            params=params,
            json=json,
            headers={**(headers or {}), "Authorization": f"Bearer {self._token.token()}"},
            allow_redirects=False,
        )
        if 200 <= response.status_code < 300 or (exists_ok and response.status_code == 409):
            return response
        outcome = classify(response, self.settings.mailbox, self._who)
        if isinstance(outcome, Transient):
            raise _Retry(outcome)
        if outcome == RESYNC:
            code, message = error_code(response)
            raise _Resync(Transient(f"HTTP {response.status_code} {code}: {message}"))
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
