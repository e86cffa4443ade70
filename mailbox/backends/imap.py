"""The IMAP backend: any IMAP4rev1 server (Dovecot, Exchange, Gmail), by UID.

Message keys are "UIDVALIDITY:UID". A UID means nothing once the server
changes the folder's UIDVALIDITY (after a rebuild, say): the old UID could
name a different message, so such a key is treated as gone and the watcher
lists the folder again, rather than filing the wrong email.

Moves use `UID MOVE` (RFC 6851), which is atomic on the server. Without
MOVE, the message is copied first and only then flagged \\Deleted and
expunged (by UID where UIDPLUS allows), so an interruption leaves a copy,
never a loss. A dropped connection is retried with exponential backoff;
after the last attempt a `MailboxUnavailable` names the server and the error.
"""

from __future__ import annotations

import contextlib
import imaplib
import logging
import ssl
import time
from collections.abc import Callable
from typing import TypeVar

from mailbox.backends import MailboxRefused, MailboxUnavailable, MessageKey
from mailbox.backends.imap_names import quoted
from register.errors import ConfigurationError

log = logging.getLogger(__name__)
T = TypeVar("T")

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
# A dropped or refused connection; IMAP4.abort also covers "* BYE" from a
# server that is shutting down. Plain IMAP4.error (NO/BAD) is not retried.
_CONNECTION_ERRORS = (OSError, EOFError, imaplib.IMAP4.abort)


class ImapBackend:
    """Implements `MailBackend` over imaplib; one connection, reopened when it drops."""

    def __init__(
        self,
        host: str,
        port: int,
        user: str,
        password: str,
        *,
        use_ssl: bool = True,
        ssl_context: ssl.SSLContext | None = None,
        timeout: float = 30.0,
        attempts: int = 5,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        prefer_move: bool = True,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not use_ssl and host not in LOOPBACK:
            raise ConfigurationError(
                f"IMAP without SSL would send the mailbox password to {host} in clear; "
                "plain IMAP is only allowed on loopback (tests)"
            )
        self.host, self.port, self.user = host, port, user
        self._password = password
        self._use_ssl, self._ssl_context, self._timeout = use_ssl, ssl_context, timeout
        self._attempts, self._backoff, self._max_backoff = max(1, attempts), backoff, max_backoff
        self._prefer_move = prefer_move
        self._sleep = sleep
        self._conn: imaplib.IMAP4 | None = None
        self._capabilities: frozenset[str] = frozenset()
        self._selected: tuple[str, int] | None = None

    # -- the port -------------------------------------------------------------

    def ensure_folder(self, folder: str) -> None:
        self._run(f"creating folder {folder!r}", lambda conn: self._ensure(conn, folder))

    def list_keys(self, folder: str) -> list[MessageKey]:
        def op(conn: imaplib.IMAP4) -> list[MessageKey]:
            validity = self._select(conn, folder, fresh=True)
            uids = self._search(conn, "UNDELETED")
            return [f"{validity}:{uid}" for uid in sorted(uids)]

        return self._run(f"listing {folder!r}", op)

    def fetch(self, folder: str, key: MessageKey) -> bytes | None:
        validity, uid = _split_key(key)

        def op(conn: imaplib.IMAP4) -> bytes | None:
            if self._select(conn, folder) != validity:
                return None
            typ, data = conn.uid("FETCH", str(uid), "(BODY.PEEK[])")
            _check(typ, data, f"fetching {key} from {folder!r}")
            for item in data:
                if isinstance(item, tuple) and len(item) == 2:
                    return bytes(item[1])
            return None

        return self._run(f"fetching {key} from {folder!r}", op)

    def move(self, folder: str, key: MessageKey, destination: str) -> bool:
        validity, uid = _split_key(key)

        def op(conn: imaplib.IMAP4) -> bool:
            self._ensure(conn, destination)
            if self._select(conn, folder) != validity or not self._search(conn, f"UID {uid}"):
                return False  # gone, e.g. moved by us just before a dropped connection
            if self._prefer_move and "MOVE" in self._capabilities:
                typ, data = conn.uid("MOVE", str(uid), quoted(destination))
                _check(typ, data, f"moving {key} to {destination!r}")
            else:
                self._copy_then_expunge(conn, uid, destination)
            return True

        return self._run(f"moving {key} from {folder!r} to {destination!r}", op)

    def close(self) -> None:
        conn, self._conn, self._selected = self._conn, None, None
        if conn is not None:
            with contextlib.suppress(*_CONNECTION_ERRORS, imaplib.IMAP4.error):
                conn.logout()

    # -- steps ----------------------------------------------------------------

    def _copy_then_expunge(self, conn: imaplib.IMAP4, uid: int, destination: str) -> None:
        """Copy, then delete: a crash in between leaves a duplicate, never a loss."""
        typ, data = conn.uid("COPY", str(uid), quoted(destination))
        _check(typ, data, f"copying UID {uid} to {destination!r}")
        typ, data = conn.uid("STORE", str(uid), "+FLAGS.SILENT", "(\\Deleted)")
        _check(typ, data, f"flagging UID {uid} deleted")
        if "UIDPLUS" in self._capabilities:
            typ, data = conn.uid("EXPUNGE", str(uid))
        else:
            # Plain EXPUNGE also removes anything else flagged \Deleted in the
            # folder; those were already deleted by whoever flagged them.
            typ, data = conn.expunge()
        _check(typ, data, f"expunging UID {uid}")

    def _ensure(self, conn: imaplib.IMAP4, folder: str) -> None:
        name = quoted(folder)
        typ, data = conn.list('""', name)
        if typ == "OK" and any(item for item in data if item):
            return
        typ, data = conn.create(name)
        if typ != "OK" and b"ALREADYEXISTS" not in b" ".join(_bytes(d) for d in data):
            raise MailboxRefused(f"IMAP server refused to create folder {folder!r}: {data!r}")
        conn.subscribe(name)

    def _select(self, conn: imaplib.IMAP4, folder: str, *, fresh: bool = False) -> int:
        """Open a folder read-write and return its UIDVALIDITY (cached until it changes)."""
        if not fresh and self._selected and self._selected[0] == folder:
            return self._selected[1]
        typ, data = conn.select(quoted(folder))
        if typ != "OK":
            self._selected = None
            raise MailboxRefused(f"IMAP server would not open folder {folder!r}: {data!r}")
        _, values = conn.response("UIDVALIDITY")
        validity = int(_bytes(values[0])) if values and values[0] else 0
        self._selected = (folder, validity)
        return validity

    def _search(self, conn: imaplib.IMAP4, criteria: str) -> list[int]:
        typ, data = conn.uid("SEARCH", criteria)
        _check(typ, data, f"searching {criteria}")
        return [int(uid) for item in data if item for uid in _bytes(item).split()]

    # -- connection and retries ----------------------------------------------

    def _run(self, doing: str, operation: Callable[[imaplib.IMAP4], T]) -> T:
        last: BaseException | None = None
        for attempt in range(self._attempts):
            try:
                return operation(self._connection())
            except _CONNECTION_ERRORS as error:
                last = error
                self._drop()
                if attempt + 1 < self._attempts:
                    delay = min(self._max_backoff, self._backoff * 2**attempt)
                    log.warning("IMAP %s failed (%s); retrying in %.1fs", doing, error, delay)
                    self._sleep(delay)
            except imaplib.IMAP4.error as error:
                raise MailboxRefused(
                    f"IMAP server {self.host}:{self.port}: {doing}: {error}"
                ) from error
        raise MailboxUnavailable(
            f"IMAP server {self.host}:{self.port} could not be reached after "
            f"{self._attempts} attempts while {doing}: {last}"
        ) from last

    def _connection(self) -> imaplib.IMAP4:
        if self._conn is not None:
            return self._conn
        conn: imaplib.IMAP4
        if self._use_ssl:
            context = self._ssl_context or ssl.create_default_context()
            conn = imaplib.IMAP4_SSL(
                self.host, self.port, ssl_context=context, timeout=self._timeout
            )
        else:
            conn = imaplib.IMAP4(self.host, self.port, timeout=self._timeout)
        try:
            conn.login(self.user, self._password)
        except imaplib.IMAP4.abort:
            raise
        except imaplib.IMAP4.error as error:
            _quietly_logout(conn)
            raise MailboxRefused(
                f"IMAP server {self.host}:{self.port} refused the login for {self.user!r}: {error}"
            ) from error
        typ, data = conn.capability()
        caps = _bytes(data[0]).upper().split() if typ == "OK" and data and data[0] else []
        self._capabilities = frozenset(cap.decode("ascii", "replace") for cap in caps)
        self._conn = conn
        return conn

    def _drop(self) -> None:
        conn, self._conn, self._selected = self._conn, None, None
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.shutdown()


def _split_key(key: MessageKey) -> tuple[int, int]:
    try:
        validity, uid = key.split(":")
        return int(validity), int(uid)
    except ValueError:
        raise MailboxRefused(f"{key!r} is not an IMAP message key (UIDVALIDITY:UID)") from None


def _check(typ: str, data: list[object], doing: str) -> None:
    if typ != "OK":
        raise imaplib.IMAP4.error(f"{doing}: {typ} {data!r}")


def _bytes(item: object) -> bytes:
    if isinstance(item, bytes):
        return item
    if isinstance(item, tuple):
        return _bytes(item[0])
    return str(item).encode()


def _quietly_logout(conn: imaplib.IMAP4) -> None:
    with contextlib.suppress(*_CONNECTION_ERRORS, imaplib.IMAP4.error):
        conn.logout()
