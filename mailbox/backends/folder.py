"""A mailbox kept as files: one Maildir-like directory per folder, one .eml file per message.

This is the embedded default (development, demos, councils that drop mail
into a shared folder). Each folder has the Maildir subdirectories: `tmp/`
for files being written, `new/` for delivered mail and `cur/` for mail the
watcher has moved. A file appears in `new/` only by a rename from `tmp/`,
and moves between folders are a single `os.replace`, so at every instant a
message is in exactly one folder and is never half-written. An MTA or an
operator can deliver into `new/` directly.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
import socket
import time
from pathlib import Path

from mailbox.backends import MailboxRefused, MailboxUnavailable, MessageKey
from register.errors import ConfigurationError

_SAFE_FOLDER = re.compile(r"[A-Za-z0-9][A-Za-z0-9 _+\-]{0,99}")
_KEY = re.compile(r"(new|cur)/([^/\\\x00]{1,255})")
_counter = itertools.count()


class FolderBackend:
    """Implements `MailBackend` over a directory tree; see the module docstring."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def ensure_folder(self, folder: str) -> None:
        base = self._folder(folder)
        try:
            for sub in ("tmp", "new", "cur"):
                (base / sub).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise MailboxUnavailable(f"cannot create mail folder {base}: {error}") from error

    def list_keys(self, folder: str) -> list[MessageKey]:
        base = self._folder(folder)
        found: list[tuple[float, str]] = []
        for sub in ("new", "cur"):
            try:
                entries = list(os.scandir(base / sub))
            except FileNotFoundError:
                continue
            except OSError as error:
                raise MailboxUnavailable(f"cannot read mail folder {base}: {error}") from error
            for entry in entries:
                if entry.is_file() and not entry.name.startswith("."):
                    with contextlib.suppress(FileNotFoundError):
                        found.append((entry.stat().st_mtime, f"{sub}/{entry.name}"))
        return [key for _, key in sorted(found)]

    def fetch(self, folder: str, key: MessageKey) -> bytes | None:
        try:
            return self._path(folder, key).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise MailboxUnavailable(f"cannot read {key} in {folder}: {error}") from error

    def move(self, folder: str, key: MessageKey, destination: str) -> bool:
        """Rename into destination/cur, never over an existing file (that would lose it)."""
        source = self._path(folder, key)
        self.ensure_folder(destination)
        target_dir = self._folder(destination) / "cur"
        name = source.name
        target = target_dir / name
        while target.exists():
            name = f"{_unique_name()}.eml"
            target = target_dir / name
        try:
            os.replace(source, target)
        except FileNotFoundError:
            return False
        except OSError as error:
            raise MailboxUnavailable(f"cannot move {key} to {destination}: {error}") from error
        _sync_directory(target_dir)
        _sync_directory(source.parent)
        return True

    def rename(self, folder: str, key: MessageKey, new_key: MessageKey) -> bool:
        """Rename a message within one folder (say from new/ to cur/ under a new name).

        A rename succeeds for exactly one caller, which is how processes that
        share the folder claim a message (mailbox/relay.py): the others get
        False, as they do when the message has gone. Never renames over an
        existing message, since that would lose it.
        """
        source, target = self._path(folder, key), self._path(folder, new_key)
        if target.exists():
            raise MailboxRefused(f"cannot rename {key} in {folder}: {new_key} already exists")
        try:
            os.replace(source, target)
        except FileNotFoundError:
            return False
        except OSError as error:
            raise MailboxUnavailable(f"cannot rename {key} in {folder}: {error}") from error
        _sync_directory(target.parent)
        if source.parent != target.parent:
            _sync_directory(source.parent)
        return True

    def deliver(self, raw: bytes, folder: str = "INBOX") -> MessageKey:
        """Deliver as an MTA would: write to tmp/, sync, then rename into new/."""
        self.ensure_folder(folder)
        base = self._folder(folder)
        name = f"{_unique_name()}.eml"
        temporary = base / "tmp" / name
        try:
            with open(temporary, "xb") as handle:
                handle.write(raw)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, base / "new" / name)
        except OSError as error:
            raise MailboxUnavailable(f"cannot deliver into {base}: {error}") from error
        _sync_directory(base / "new")
        return f"new/{name}"

    def close(self) -> None:
        """Nothing to release: every call opens and closes its own files."""

    def _folder(self, folder: str) -> Path:
        # Folder names come from configuration; refuse anything that could
        # escape the root or hide (dot names, separators, "..").
        if folder != "INBOX" and not _SAFE_FOLDER.fullmatch(folder):
            raise ConfigurationError(
                f"mail folder name {folder!r} is not allowed: use letters, digits, "
                "spaces, '_', '+' and '-', starting with a letter or digit"
            )
        return self.root / folder

    def _path(self, folder: str, key: MessageKey) -> Path:
        match = _KEY.fullmatch(key)
        if not match or match.group(2) in (".", ".."):
            raise MailboxRefused(f"{key!r} is not a message key of the folder mailbox")
        return self._folder(folder) / match.group(1) / match.group(2)


def _unique_name() -> str:
    """A Maildir-style name: time, process, counter and host make it unique."""
    host = re.sub(r"[^A-Za-z0-9-]", "-", socket.gethostname())[:60]
    return f"{time.time_ns()}.P{os.getpid()}Q{next(_counter)}.{host}"


def _sync_directory(path: Path) -> None:
    """Make a rename durable; a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
