"""Reading the outbox's folders as an operator would: the files' bytes, oldest first."""

from __future__ import annotations

from pathlib import Path

from mailbox.backends.folder import FolderBackend


def newest(root: Path, folder: str) -> bytes:
    """The last message delivered into `folder` (outbox, outbox-sent, outbox-failed)."""
    backend = FolderBackend(root)
    raw = backend.fetch(folder, backend.list_keys(folder)[-1])
    assert raw is not None
    return raw


def contents(root: Path, folder: str) -> list[bytes]:
    backend = FolderBackend(root)
    return [backend.fetch(folder, key) or b"" for key in backend.list_keys(folder)]
