"""The watcher end to end on the folder mailbox and on real Dovecot, on both databases.

Each test reads as what a SPOC officer or an operator would see: which
folder an email ended in, what the contact log says, who was told.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from mailbox.backends import MailboxUnavailable
from mailbox.backends.folder import FolderBackend
from mailbox.backends.imap import ImapBackend
from mailbox.digest import FiledMailFromStore, mark_new_issue
from mailbox.facts import case_context
from mailbox.handoff import OutboxForward
from mailbox.replay import replay
from mailbox.watcher import build_watcher
from register.notices import NoticeKind
from store.repository import SqlRegisterStore
from tests.mailbox.conftest import ImapAccount
from tests.mailbox.mail import raw_email
from tests.mailbox.spoc_cases import GENERAL_MAILBOX, SPOC_MAILBOX
from tests.mailbox.watching import Desk, desk, folder_counts

FOLDERS = ("INBOX", "Filed", "Escalated", "Automatic", "Quarantine")
SECOND = "Tue, 04 Feb 2025 10:00:00 +0000"


def test_a_new_matter_is_escalated_and_its_repeat_filed_each_logged_once(
    spoc: Desk, mail: FolderBackend
) -> None:
    mail.deliver(raw_email())
    spoc.run_once()
    mail.deliver(raw_email(message_id="<m2@example.org>", date=SECOND))
    spoc.run_once()
    spoc.run_once()
    assert folder_counts(mail, *FOLDERS) == {
        "INBOX": 0,
        "Filed": 1,
        "Escalated": 1,
        "Automatic": 0,
        "Quarantine": 0,
    }
    assert [c.summary for c in spoc.contacts()] == [
        "Email 'Bin collection': escalated (new issue).",
        "Email 'Bin collection': filed as a repeat, no reply.",
    ]
    [escalation] = spoc.notifier.sent
    assert escalation.kind is NoticeKind.MAIL_ESCALATION
    assert escalation.recipient == "aad-officer"
    assert "New: Bin collection" in escalation.lines
    filed = spoc.claims()[1]
    assert filed["state"] == "moved"
    assert filed["decision"]["rules"][0]["rule"] == "triage_files"
    assert filed["decision"]["reason"].startswith("Filed")


def test_the_sender_is_matched_on_any_of_their_addresses_without_case(
    spoc: Desk, mail: FolderBackend
) -> None:
    mail.deliver(raw_email(sender="JANE.ALT@EXAMPLE.NET"))
    spoc.run_once()
    assert len(spoc.contacts()) == 1


def test_mail_from_anyone_else_is_left_exactly_as_it_was_and_not_fetched_again(
    spoc: Desk, mail: FolderBackend, tmp_path: Path
) -> None:
    raw = raw_email(sender="Someone <someone@example.org>")
    key = mail.deliver(raw)
    spoc.run_once()
    assert mail.list_keys("INBOX") == [key]
    assert (tmp_path / "mail" / "INBOX" / key).read_bytes() == raw
    assert spoc.claims()[0]["state"] == "left"
    assert "no one in the register uses the address" in spoc.claims()[0]["decision"]["reason"]
    summary = spoc.run_once()
    assert (summary.left, summary.handled) == (1, 0)
    assert spoc.contacts() == [] and spoc.notifier.sent == []


def test_an_auto_reply_is_recorded_but_neither_escalated_nor_counted(
    spoc: Desk, mail: FolderBackend
) -> None:
    mail.deliver(raw_email(subject="Out of office", extra="Auto-Submitted: auto-replied"))
    spoc.run_once()
    assert folder_counts(mail, "INBOX", "Automatic") == {"INBOX": 0, "Automatic": 1}
    assert spoc.contacts() == [] and spoc.notifier.sent == []
    assert spoc.claims()[0]["decision"]["rules"][0]["rule"] == "automatic"


def test_abusive_mail_is_reported_to_the_manager_even_when_filed(
    spoc: Desk, mail: FolderBackend
) -> None:
    mail.deliver(raw_email(body="You are a bunch of useless crooks. My bin was not collected."))
    spoc.run_once()
    kinds = {(n.kind, n.recipient) for n in spoc.notifier.sent}
    assert (NoticeKind.ABUSIVE_MAIL, "aad-manager") in kinds
    assert spoc.claims()[0]["decision"]["abusive"] is True


# Knows an officer's family and routine: no flag rule holds these words, the learned
# second opinion does (tests/mailbox/test_second_opinion.py).
VEILED = ("Pass this to Debbie in parking. Saw her Sunday at the garden centre with her two "
          "little lads, half eleven. Lovely boys. She should think about them when she is "
          "handing out fines to families. Maybe I will say hello next time.")


@pytest.mark.parametrize("learned", [True, False])
def test_the_learned_second_opinion_asks_the_manager_unless_switched_off(
    store: SqlRegisterStore, mail: FolderBackend, learned: bool
) -> None:
    watching = desk(store, mail, second_opinion=learned)
    try:
        mail.deliver(raw_email(body=VEILED))
        watching.run_once()
    finally:
        watching.watcher.lock.release()
    asked = [n for n in watching.notifier.sent if n.kind is NoticeKind.ABUSIVE_MAIL]
    if learned:
        assert [n.title for n in asked] == [
            "Email from Jane Customer may be abusive: please read and judge"
        ]
    else:
        assert asked == []
    assert watching.claims()[0]["decision"]["abusive"] is learned


def test_an_unreadable_email_is_quarantined_with_an_alert_and_can_be_replayed(
    spoc: Desk, mail: FolderBackend
) -> None:
    mail.deliver(b"Subject: no sender at all\r\n\r\nhello\r\n")
    spoc.run_once()
    assert folder_counts(mail, "INBOX", "Quarantine") == {"INBOX": 0, "Quarantine": 1}
    [alert] = spoc.notifier.sent
    assert alert.kind is NoticeKind.ALERT and alert.recipient == "aad-operator"
    assert "could not be read" in alert.lines[0]
    replayed = replay(spoc.store, mail, SPOC_MAILBOX)
    assert len(replayed.claims) == 1
    assert folder_counts(mail, "INBOX", "Quarantine") == {"INBOX": 1, "Quarantine": 0}
    spoc.run_once()  # still unreadable: back to quarantine, nothing lost
    assert folder_counts(mail, "INBOX", "Quarantine") == {"INBOX": 0, "Quarantine": 1}


class BrokenRegister:
    """A store whose sessions fail to look people up until `mended` (a fault at the port)."""

    def __init__(self, store: Any) -> None:
        self.store, self.mended = store, False

    def transaction(self) -> Any:
        outer = self

        class Session:
            def __init__(self, inner: Any) -> None:
                self.inner = inner

            def __getattr__(self, name: str) -> Any:
                if name == "people_by_email" and not outer.mended:
                    raise RuntimeError("the register is broken")
                return getattr(self.inner, name)

        class Block:
            def __enter__(self) -> Session:
                self.context = outer.store.transaction()
                return Session(self.context.__enter__())

            def __exit__(self, *exc: Any) -> Any:
                return self.context.__exit__(*exc)

        return Block()

    def watcher_lock(self, mailbox: str) -> Any:
        return self.store.watcher_lock(mailbox)


def test_a_message_failing_three_times_is_quarantined_then_replayed_once_mended(
    spoc: Desk, mail: FolderBackend
) -> None:
    spoc.watcher.lock.release()
    broken = BrokenRegister(spoc.store)
    watcher = build_watcher(spoc.watcher.settings, broken, spoc.notifier, mail)
    mail.deliver(raw_email())
    for _ in range(3):
        assert asyncio.run(watcher.run_once()).failed == 1
    assert spoc.claims()[0]["last_error"] == "RuntimeError: the register is broken"
    asyncio.run(watcher.run_once())
    assert folder_counts(mail, "INBOX", "Quarantine") == {"INBOX": 0, "Quarantine": 1}
    assert "after 3 failed attempts" in spoc.notifier.sent[-1].lines[0]
    broken.mended = True
    replay(spoc.store, mail, SPOC_MAILBOX)
    asyncio.run(watcher.run_once())
    watcher.lock.release()
    assert folder_counts(mail, "INBOX", "Escalated") == {"INBOX": 0, "Escalated": 1}
    assert len(spoc.contacts()) == 1


def test_a_decision_saved_before_a_crash_is_finished_not_made_again(
    spoc: Desk, mail: FolderBackend
) -> None:
    key = mail.deliver(raw_email())
    steps = spoc.watcher.steps
    step = steps.claim(key)
    assert step is not None
    steps.decide(step)  # the process dies here, before telling anyone or moving the email
    spoc.run_once()
    assert folder_counts(mail, "INBOX", "Escalated") == {"INBOX": 0, "Escalated": 1}
    assert len(spoc.contacts()) == 1 and len(spoc.notifier.sent) == 1
    assert spoc.claims()[0]["attempts"] == 2 and spoc.claims()[0]["state"] == "moved"


def test_a_move_made_just_before_a_crash_is_recorded_on_restart(
    spoc: Desk, mail: FolderBackend
) -> None:
    key = mail.deliver(raw_email())
    steps = spoc.watcher.steps
    step = steps.claim(key)
    assert step is not None
    step = steps.decide(step)
    steps.notified(step)
    mail.move("INBOX", key, step.claim.destination)  # and the process dies here
    assert spoc.run_once().recovered == 1
    assert spoc.claims()[0]["state"] == "moved"
    assert len(spoc.contacts()) == 1


def test_only_one_watcher_works_on_a_mailbox_at_a_time(spoc: Desk, mail: FolderBackend) -> None:
    mail.deliver(raw_email())
    assert spoc.watcher.lock.acquire()
    second = build_watcher(spoc.watcher.settings, spoc.store, spoc.notifier, mail)
    assert asyncio.run(second.run_once()).locked_out
    assert folder_counts(mail, "INBOX") == {"INBOX": 1}
    spoc.watcher.lock.release()
    assert asyncio.run(second.run_once()).handled == 1
    second.lock.release()


@pytest.mark.parametrize("handoff", ["move", "forward"])
def test_mail_to_the_wrong_mailbox_is_sent_to_the_spoc_and_logged_once(
    store: SqlRegisterStore, mail: FolderBackend, tmp_path: Path, handoff: str
) -> None:
    general = desk(store, mail, GENERAL_MAILBOX, handoff=handoff)
    general.watcher.handoff = OutboxForward(tmp_path / "out", "forewarn@council.example")
    mail.deliver(raw_email())
    general.run_once()
    general.watcher.lock.release()
    where = "SPOC" if handoff == "move" else "Processed"
    assert folder_counts(mail, "INBOX", where) == {"INBOX": 0, where: 1}
    assert len(FolderBackend(tmp_path / "out").list_keys("outbox")) == (handoff == "forward")
    [contact] = general.contacts()
    assert contact.summary == "Email 'Bin collection': sent on to the SPOC mailbox."
    assert general.notifier.sent == []


def test_an_outage_alerts_the_operator_once_and_backs_off(spoc: Desk, mail: FolderBackend) -> None:
    class Down(FolderBackend):
        def list_keys(self, folder: str) -> list[str]:
            raise MailboxUnavailable("IMAP server 10.0.0.1:993 could not be reached")

    spoc.watcher.lock.release()
    watcher = build_watcher(spoc.watcher.settings, spoc.store, spoc.notifier, Down(mail.root))

    async def briefly() -> None:
        stop = asyncio.Event()
        asyncio.get_running_loop().call_later(2.5, stop.set)
        await watcher.run(stop)

    asyncio.run(briefly())
    alerts = [n for n in spoc.notifier.sent if n.kind is NoticeKind.ALERT]
    assert len(alerts) == 1
    assert "could not be reached" in alerts[0].lines[0]


def test_filed_mail_reaches_the_digest_and_can_be_marked_as_a_new_issue(
    spoc: Desk, mail: FolderBackend
) -> None:
    mail.deliver(raw_email())
    mail.deliver(raw_email(message_id="<m2@example.org>", date=SECOND))
    spoc.run_once()
    filed_claim = next(c for c in spoc.claims() if c["action"] == "file")
    day = filed_claim["decided_at"].date()
    [item] = FiledMailFromStore(spoc.store).filed_between(day, day)
    assert item.recipient == "aad-officer" and item.record_id == filed_claim["id"]
    notice = mark_new_issue(spoc.store, item.record_id, "aad-officer", "asks about a new bin")
    assert getattr(notice, "kind", None) is NoticeKind.MAIL_ESCALATION
    with spoc.store.transaction() as session:
        [feedback] = session.feedback_for(item.record_id)
    assert feedback["kind"] == "new_issue"


@pytest.mark.dovecot
def test_the_watcher_files_and_escalates_on_real_dovecot(
    store: SqlRegisterStore, imap_account: ImapAccount
) -> None:
    server = imap_account.server
    backend = ImapBackend(
        server.host, server.port, imap_account.user, imap_account.password, use_ssl=False
    )
    imap = desk(store, backend)
    imap_account.append(raw_email())
    imap_account.append(raw_email(message_id="<m2@example.org>", date=SECOND))
    imap_account.append(raw_email(sender="stranger@example.org", message_id="<m3@x>"))
    imap.run_once()
    imap.watcher.lock.release()
    assert folder_counts(backend, "INBOX", "Filed", "Escalated") == {
        "INBOX": 1,
        "Filed": 1,
        "Escalated": 1,
    }
    assert len(imap.contacts()) == 2
    backend.close()


def test_known_issues_are_imported_and_read_by_triage(spoc: Desk) -> None:
    row = {
        "person_id": spoc.case.person.id,
        "summary": "Missed bin collections",
        "status": "closed",
        "outcome": "Crew briefed; collections checked weekly.",
    }
    assert spoc.store.import_known_issues([row]).added == 1
    with spoc.store.transaction() as session:
        context = case_context(session, spoc.case.person)
    assert [i.summary for i in context.known_issues] == ["Missed bin collections"]
    assert context.history == ()
