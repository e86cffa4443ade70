"""The EWS backend: Exchange on-premises, and Exchange Online while Microsoft still allows it.

Exchange Online has blocked EWS by default since 1 October 2026 (only
allow-listed apps) and switches it off on 1 April 2027; Microsoft Graph is the
way there. On-premises Exchange keeps EWS, which is why this backend exists.

Message keys are "ews1.<item id>.<change key>", both url-safe base64, so a
key survives logs, URLs and the store unchanged. Exchange gives an item a
new id when it moves to another folder, so a key names one message in one
folder, like an IMAP UID. The change key is kept for the record but not sent:
an officer marking the message read changes it, and the watcher must still
find the same message. A message that has gone is a value (None, False).

exchangelib runs fail-fast; the retries are ours, as in the IMAP backend, so
that throttling honours Exchange's BackOffMilliseconds hint and the sleep
can be replaced in tests. Everything is requested with explicit folder ids
(distinguished "inbox" and "msgfolderroot", or a FindFolder by name), never
through exchangelib's folder cache, which would fetch the whole hierarchy.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from exchangelib import Account, FolderCollection, Q
from exchangelib.errors import ErrorFolderExists, ErrorItemNotFound
from exchangelib.folders import SHALLOW, Folder, Inbox, MsgFolderRoot, Root
from exchangelib.properties import DistinguishedFolderId, Mailbox
from exchangelib.protocol import Protocol as EwsProtocol
from exchangelib.services import CreateFolder

from mailbox.backends import MailboxError, MailboxRefused, MailboxUnavailable, MessageKey
from mailbox.backends.ews_account import build_account, describe
from mailbox.backends.ews_errors import Transient, classify, token_failure, token_message
from mailbox.backends.ews_settings import EwsSettings
from mailbox.backends.sync_state import MemorySyncStates, SyncStateStore

log = logging.getLogger(__name__)
T = TypeVar("T")
_KEY_PREFIX = "ews1"


class _Session:
    """One exchangelib Account and the folder objects built on it (no network to build)."""

    def __init__(self, settings: EwsSettings) -> None:
        self.account: Account = build_account(settings)
        self.root = Root(account=self.account, _distinguished_id=self._id("root"))
        self.inbox = Inbox(root=self.root, _distinguished_id=self._id("inbox"))
        top = MsgFolderRoot(root=self.root, _distinguished_id=self._id("msgfolderroot"))
        self.parent = self.inbox if settings.folders_under == "inbox" else top
        self.folders: dict[str, Folder] = {}

    def _id(self, name: str) -> DistinguishedFolderId:
        return DistinguishedFolderId(
            id=name, mailbox=Mailbox(email_address=self.account.primary_smtp_address)
        )


class EwsBackend:
    """Implements `MailBackend` over exchangelib; `new_keys` adds a cheap poll (SyncFolderItems)."""

    def __init__(
        self,
        settings: EwsSettings,
        *,
        sync_states: SyncStateStore | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self._sync_states = sync_states or MemorySyncStates()
        self._sleep = sleep
        self._session: _Session | None = None
        self._where = describe(settings)

    # -- the port -------------------------------------------------------------

    def ensure_folder(self, folder: str) -> None:
        self._run(f"creating folder {folder!r}", lambda s: self._ensure(s, folder))

    def list_keys(self, folder: str) -> list[MessageKey]:
        def op(s: _Session) -> list[MessageKey]:
            query = self._find(s, folder).all().order_by("datetime_received")
            query.page_size = self.settings.page_size
            return [_key(i, ck) for i, ck in query.values_list("id", "changekey")]

        return self._run(f"listing {folder!r}", op)

    def fetch(self, folder: str, key: MessageKey) -> bytes | None:
        item_id = _split_key(key)

        def op(s: _Session) -> bytes | None:
            [item] = s.account.fetch(
                ids=[(item_id, None)], folder=s.inbox, only_fields=["mime_content"]
            )
            if isinstance(item, ErrorItemNotFound):
                return None
            if isinstance(item, Exception):
                raise item
            return bytes(item.mime_content)

        return self._run(f"fetching a message from {folder!r}", op)

    def move(self, folder: str, key: MessageKey, destination: str) -> bool:
        item_id = _split_key(key)

        def op(s: _Session) -> bool:
            target = self._ensure(s, destination)
            [moved] = s.account.bulk_move(ids=[(item_id, None)], to_folder=target)
            if isinstance(moved, ErrorItemNotFound):
                return False  # gone: moved by another watcher or deleted by an officer
            if isinstance(moved, Exception):
                raise moved
            return True

        return self._run(f"moving a message from {folder!r} to {destination!r}", op)

    def close(self) -> None:
        """Close the HTTP sessions and drop exchangelib's cached protocol for this login."""
        session, self._session = self._session, None
        if session is None:
            return
        protocol = session.account.protocol
        with contextlib.suppress(KeyError):
            del EwsProtocol[protocol.config]
        protocol.close()

    # -- beyond the port ------------------------------------------------------

    def new_keys(self, folder: str) -> list[MessageKey]:
        """Keys of messages that arrived since the last call, oldest first (SyncFolderItems).

        The first call for a folder reports everything in it. The new sync
        state is saved only after the whole change list has been read, and the
        messages stay in the folder until moved, so a crash at worst reports
        them again; `list_keys` remains the authority on what is there.
        """

        def op(s: _Session) -> list[MessageKey]:
            target = self._find(s, folder)
            state = self._sync_states.get(self.settings.mailbox, folder)
            created = [
                item
                for change, item in target.sync_items(
                    sync_state=state, only_fields=["datetime_received"]
                )
                if change == "create"
            ]
            if target.item_sync_state:
                self._sync_states.set(self.settings.mailbox, folder, target.item_sync_state)
            created.sort(key=lambda item: item.datetime_received)
            return [_key(item.id, item.changekey) for item in created]

        return self._run(f"syncing {folder!r}", op)

    # -- folders --------------------------------------------------------------

    def _find(self, s: _Session, name: str) -> Folder:
        folder = self._lookup(s, name)
        if folder is None:
            raise MailboxRefused(
                f"mailbox {self.settings.mailbox} has no folder {name!r} "
                f"under {self.settings.folders_under}; the watcher creates it at start-up"
            )
        return folder

    def _lookup(self, s: _Session, name: str) -> Folder | None:
        if name.upper() == "INBOX":
            return s.inbox
        if name not in s.folders:
            children = FolderCollection(account=s.account, folders=[s.parent]).find_folders(
                q=Q(name=name), depth=SHALLOW, additional_fields=set()
            )
            for child in children:
                if isinstance(child, Exception):
                    raise child
                if (child.name or "").casefold() == name.casefold():
                    s.folders[name] = child
                    break
        return s.folders.get(name)

    def _ensure(self, s: _Session, name: str) -> Folder:
        found = self._lookup(s, name)
        if found is not None:
            return found
        new = Folder(root=s.root, name=name, folder_class="IPF.Note")
        [created] = CreateFolder(account=s.account).call(parent_folder=s.parent, folders=[new])
        if isinstance(created, ErrorFolderExists):
            return self._find(s, name)  # another watcher created it a moment ago
        if isinstance(created, Exception):
            raise created
        log.info("Created EWS folder %r in %s", name, self.settings.mailbox)
        s.folders[name] = created
        return created

    # -- retries and errors ---------------------------------------------------

    def _run(self, doing: str, operation: Callable[[_Session], T]) -> T:
        last: Transient | None = None
        for attempt in range(self.settings.attempts):
            try:
                return operation(self._connect())
            except MailboxError:
                raise
            except Exception as error:
                if self._session is not None:
                    self._session.folders.clear()  # a folder renamed or deleted by an officer
                last = self._transient_or_raise(error, doing)
            delay = max(last.back_off or 0.0, self.settings.backoff * 2**attempt)
            if attempt + 1 == self.settings.attempts:
                break
            if delay > self.settings.max_backoff:
                raise MailboxUnavailable(
                    f"Exchange at {self._where.host} asked us to wait {delay:.0f}s while "
                    f"{doing} ({last.reason}); the watcher will try again on its next poll"
                )
            log.warning("EWS %s failed (%s); retrying in %.1fs", doing, last.reason, delay)
            self._sleep(delay)
        raise MailboxUnavailable(
            f"Exchange at {self._where.host} could not be reached after "
            f"{self.settings.attempts} attempts while {doing}: {last.reason if last else ''}"
        )

    def _transient_or_raise(self, error: Exception, doing: str) -> Transient:
        if token_failure(error):
            message = token_message(error, self._where)
            log.critical(message, exc_info=error)
            self.close()
            raise MailboxUnavailable(message) from error
        outcome = classify(error, self._where)
        if isinstance(outcome, Transient):
            return outcome
        if outcome is None:
            raise error
        log.error("EWS %s refused: %s", doing, outcome, exc_info=error)
        raise outcome from error

    def _connect(self) -> _Session:
        if self._session is None:
            self._session = _Session(self.settings)
        return self._session


def _key(item_id: str, changekey: str | None) -> MessageKey:
    return ".".join((_KEY_PREFIX, _b64(item_id), _b64(changekey or "")))


def _split_key(key: MessageKey) -> str:
    """The item id in a key; a key from another backend is refused, not guessed at."""
    prefix, _, rest = key.partition(".")
    encoded_id, _, _ = rest.partition(".")
    try:
        if prefix != _KEY_PREFIX or not encoded_id:
            raise ValueError(key)
        padded = encoded_id + "=" * (-len(encoded_id) % 4)
        return base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
    except (ValueError, binascii.Error, UnicodeError):
        raise MailboxRefused(f"{key!r} is not an EWS message key") from None


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")
