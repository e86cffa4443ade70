"""The port every mailbox backend implements: folder files, IMAP, EWS, Graph.

The watcher only ever lists, fetches and moves, and it moves a message out
of the inbox only after the store has committed what was decided about it
(STYLE.md: claim, process, commit, then release). A move must therefore
never lose a message: each backend moves atomically (a rename, IMAP MOVE) or
copies before it deletes, so a crash at worst leaves a copy behind, which
the watcher recognises by Message-ID and content hash.

Message keys are backend handles ("cur/1700000000.abc.eml", "7:42" for
UIDVALIDITY 7, UID 42), valid only in the folder they were listed from.
A message that has gone (another watcher moved it, an officer deleted it)
is an expected outcome: `fetch` returns None and `move` returns False.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from register.errors import ForewarnError

MessageKey = str


class MailboxError(ForewarnError):
    """A mailbox could not do what was asked; the message says which server and why."""


class MailboxUnavailable(MailboxError):
    """The mail server could not be reached, even after retrying."""


class MailboxRefused(MailboxError):
    """The mail server answered but refused (bad login, folder not allowed, ...)."""


class FolderRole(StrEnum):
    """What each folder is for; councils name the folders themselves."""

    INBOX = "inbox"
    FILED = "filed"
    ESCALATED = "escalated"
    AUTOMATIC = "automatic"
    PROCESSED = "processed"
    QUARANTINE = "quarantine"


@dataclass(frozen=True, slots=True)
class FolderNames:
    """The folder name for each role. Defaults suit a shared mailbox kept for the SPOC."""

    inbox: str = "INBOX"
    filed: str = "Filed"
    escalated: str = "Escalated"
    automatic: str = "Automatic"
    processed: str = "Processed"
    quarantine: str = "Quarantine"

    def __getitem__(self, role: FolderRole) -> str:
        name: str = getattr(self, role.value)
        return name

    def all(self) -> tuple[str, ...]:
        return tuple(self[role] for role in FolderRole)


class MailBackend(Protocol):
    """A mailbox the watcher reads from and files into."""

    def ensure_folder(self, folder: str) -> None:
        """Create the folder if it does not exist; do nothing if it does."""

    def list_keys(self, folder: str) -> Sequence[MessageKey]:
        """Keys of the messages now in the folder, oldest delivery first."""

    def fetch(self, folder: str, key: MessageKey) -> bytes | None:
        """The raw message exactly as delivered, or None if it is no longer there."""

    def move(self, folder: str, key: MessageKey, destination: str) -> bool:
        """Move a message to another folder; False if it was no longer in `folder`."""

    def close(self) -> None:
        """Release connections; the backend may be used again afterwards."""
