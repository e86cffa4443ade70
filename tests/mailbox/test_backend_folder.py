"""The folder mailbox: Maildir-like directories of .eml files, moved atomically."""

from __future__ import annotations

from pathlib import Path

import pytest

from mailbox.backends import FolderNames, FolderRole, MailboxRefused
from mailbox.backends.folder import FolderBackend
from register.errors import ConfigurationError
from tests.mailbox.mail import raw_email


def _where(root: Path, raw: bytes) -> list[str]:
    """Every folder holding a file with exactly these bytes."""
    return sorted(
        path.parent.parent.name
        for path in root.rglob("*")
        if path.is_file() and path.read_bytes() == raw
    )


def test_delivered_mail_is_listed_oldest_first_and_fetched_as_is(tmp_path: Path) -> None:
    backend = FolderBackend(tmp_path)
    first, second = raw_email(message_id="<1@x>"), raw_email(message_id="<2@x>")
    backend.deliver(first)
    backend.deliver(second)

    keys = backend.list_keys("INBOX")

    assert [backend.fetch("INBOX", key) for key in keys] == [first, second]
    assert all(key.startswith("new/") and key.endswith(".eml") for key in keys)


def test_move_leaves_the_message_in_exactly_one_folder(tmp_path: Path) -> None:
    backend = FolderBackend(tmp_path)
    raw = raw_email()
    key = backend.deliver(raw)

    assert backend.move("INBOX", key, "Filed") is True

    assert backend.list_keys("INBOX") == []
    assert _where(tmp_path, raw) == ["Filed"]
    assert [backend.fetch("Filed", k) for k in backend.list_keys("Filed")] == [raw]


def test_move_never_overwrites_a_file_of_the_same_name(tmp_path: Path) -> None:
    backend = FolderBackend(tmp_path)
    first, second = raw_email(message_id="<1@x>"), raw_email(message_id="<2@x>")
    key = backend.deliver(first)
    backend.move("INBOX", key, "Filed")
    # The same file name arrives again (an operator copies it back by hand).
    backend.ensure_folder("INBOX")
    (tmp_path / "INBOX" / key).write_bytes(second)

    assert backend.move("INBOX", key, "Filed") is True

    filed = {backend.fetch("Filed", k) for k in backend.list_keys("Filed")}
    assert filed == {first, second}


def test_a_message_already_moved_is_gone_not_an_error(tmp_path: Path) -> None:
    backend = FolderBackend(tmp_path)
    key = backend.deliver(raw_email())
    backend.move("INBOX", key, "Filed")

    assert backend.move("INBOX", key, "Escalated") is False
    assert backend.fetch("INBOX", key) is None


def test_files_dropped_into_new_by_an_operator_are_listed_but_not_half_written_ones(
    tmp_path: Path,
) -> None:
    backend = FolderBackend(tmp_path)
    backend.ensure_folder("INBOX")
    (tmp_path / "INBOX" / "new" / "dropped.eml").write_bytes(raw_email())
    (tmp_path / "INBOX" / "tmp" / "writing.eml").write_bytes(b"From: half")
    (tmp_path / "INBOX" / "new" / ".hidden").write_bytes(b"editor swap file")

    assert backend.list_keys("INBOX") == ["new/dropped.eml"]


def test_an_empty_or_missing_folder_lists_nothing(tmp_path: Path) -> None:
    assert FolderBackend(tmp_path / "nowhere").list_keys("INBOX") == []


def test_ensure_folder_is_idempotent_and_makes_the_maildir_parts(tmp_path: Path) -> None:
    backend = FolderBackend(tmp_path)
    for name in FolderNames().all():
        backend.ensure_folder(name)
        backend.ensure_folder(name)
    assert sorted(p.name for p in (tmp_path / "Quarantine").iterdir()) == ["cur", "new", "tmp"]


@pytest.mark.parametrize("name", ["../escape", ".hidden", "a/b", "", "x\x00y", "C:\\evil"])
def test_folder_names_that_could_escape_the_root_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ConfigurationError, match="not allowed"):
        FolderBackend(tmp_path).ensure_folder(name)


@pytest.mark.parametrize("key", ["../../etc/passwd", "new/../../x", "tmp/a.eml", "new/..", "x"])
def test_keys_that_are_not_message_files_are_refused(tmp_path: Path, key: str) -> None:
    with pytest.raises(MailboxRefused, match="not a message key"):
        FolderBackend(tmp_path).fetch("INBOX", key)


def test_folder_names_are_configurable_by_role() -> None:
    names = FolderNames(filed="Forewarn Filed", quarantine="Forewarn Quarantine")
    assert names[FolderRole.FILED] == "Forewarn Filed"
    assert names[FolderRole.INBOX] == "INBOX"
    assert len(set(names.all())) == len(FolderRole)
