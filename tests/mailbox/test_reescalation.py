"""An email reopened from the digest goes back to the Escalated folder, on folders and Dovecot.

The SPOC officer presses "this has a new issue" in Teams; the bot only
records it, and the watcher holding the mailbox's lock moves the email
back on its next pass. Each test reads as what the officer would see in
Outlook (which folder the email is in), on the customer's case (the audit
trail) and in Teams, or what the operator would be told.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Mapping
from typing import Any

import pytest

from cards.mail import decided_mail_card
from mailbox import claims
from mailbox.backends import MailBackend, MailboxUnavailable
from mailbox.backends.folder import FolderBackend
from mailbox.backends.imap import ImapBackend
from mailbox.digest import mark_new_issue
from mailbox.reopening import retry_failed_returns
from mailbox.watcher import build_watcher
from register.access import Refusal
from register.notices import NoticeKind
from store.repository import SqlRegisterStore
from tests.mailbox.conftest import ImapAccount
from tests.mailbox.mail import raw_email
from tests.mailbox.spoc_cases import SPOC_MAILBOX
from tests.mailbox.watching import Desk, desk, folder_counts

REPEAT = raw_email(message_id="<m2@example.org>", date="Tue, 04 Feb 2025 10:00:00 +0000")


def filed_and_escalated(spoc: Desk, backend: MailBackend, deliver: Any) -> Mapping[str, Any]:
    """A new matter (escalated) and its repeat (filed); returns the filed email's claim."""
    deliver(raw_email())
    deliver(REPEAT)
    spoc.run_once()
    assert folder_counts(backend, "INBOX", "Filed", "Escalated") == {
        "INBOX": 0,
        "Filed": 1,
        "Escalated": 1,
    }
    return next(c for c in spoc.claims() if c["action"] == "file")


def reopen(spoc: Desk, claim_id: str, by: str = "aad-officer") -> None:
    notice = mark_new_issue(spoc.store, claim_id, by, "asks about a new bin")
    assert getattr(notice, "kind", None) is NoticeKind.MAIL_ESCALATION


def claim(spoc: Desk, claim_id: str) -> Mapping[str, Any]:
    return next(c for c in spoc.claims() if c["id"] == claim_id)


def case_log(spoc: Desk) -> list[str]:
    with spoc.store.transaction() as session:
        return [e.reason for e in session.audit_for("person", spoc.case.person.id)]


def test_a_reopened_email_goes_back_to_escalated_at_the_next_pass_its_decision_kept(
    spoc: Desk, mail: FolderBackend
) -> None:
    filed = filed_and_escalated(spoc, mail, mail.deliver)
    reopen(spoc, filed["id"])
    # The press only asks: the bot never touches the mailbox.
    assert folder_counts(mail, "Filed", "Escalated") == {"Filed": 1, "Escalated": 1}
    asked = claim(spoc, filed["id"])
    assert (asked["return_state"], asked["reopened_by"]) == ("requested", "aad-officer")

    summary = spoc.run_once()

    assert (summary.returned, summary.missing) == (1, 0)
    assert folder_counts(mail, "INBOX", "Filed", "Escalated") == {
        "INBOX": 0,
        "Filed": 0,
        "Escalated": 2,
    }
    returned = claim(spoc, filed["id"])
    assert returned["return_state"] == "returned" and returned["returned_to"] == "Escalated"
    assert returned["reopened_at"] is not None and returned["returned_at"] is not None
    # What was decided, and why, is kept for measuring triage by.
    kept = ("state", "action", "decision", "destination", "decided_at")
    assert {k: returned[k] for k in kept} == {k: filed[k] for k in kept}
    day = filed["decided_at"]
    filed_on = f"{day:%A} {day.day} {day:%B %Y}"
    pressed, moved = case_log(spoc)
    assert pressed.startswith("Email 'Bin collection' (<m2@example.org>) filed as a repeat on ")
    assert f"filed as a repeat on {filed_on}, reopened as a new issue by Tom Hale on " in pressed
    assert moved == f"{pressed}: moved back from Filed to Escalated"
    assert spoc.run_once().returned == 0  # done once, not again
    assert len(case_log(spoc)) == 2


def test_the_returned_email_is_not_triaged_again_when_it_reaches_the_inbox(
    spoc: Desk, mail: FolderBackend
) -> None:
    filed = filed_and_escalated(spoc, mail, mail.deliver)
    reopen(spoc, filed["id"])
    spoc.run_once()
    told = list(spoc.notifier.sent)
    # The officer drags it to the inbox in Outlook, and the same email is delivered again.
    key = next(k for k in mail.list_keys("Escalated") if mail.fetch("Escalated", k) == REPEAT)
    mail.move("Escalated", key, "INBOX")
    mail.deliver(REPEAT)

    summary = spoc.run_once()

    # Recognised by its claim (mailbox, Message-ID, content hash): no new claim, no second
    # contact, no new notice; each copy follows the email to where it now is.
    assert summary.handled == 2
    assert len(spoc.claims()) == 2
    assert len(spoc.contacts()) == 2
    assert spoc.notifier.sent == told
    assert folder_counts(mail, "INBOX", "Filed", "Escalated") == {
        "INBOX": 0,
        "Filed": 0,
        "Escalated": 3,
    }
    after = claim(spoc, filed["id"])
    assert (after["action"], after["return_state"]) == ("file", "returned")


def test_a_press_before_the_email_was_filed_is_carried_out_once_it_is(
    spoc: Desk, mail: FolderBackend
) -> None:
    mail.deliver(raw_email())
    spoc.run_once()
    steps = spoc.watcher.steps
    step = steps.claim(mail.deliver(REPEAT))
    assert step is not None
    step = steps.decide(step)  # filed, and the watcher stops before moving it
    assert step.claim.action == "file"
    reopen(spoc, step.claim.id)

    summary = spoc.run_once()

    assert summary.returned == 1
    assert folder_counts(mail, "INBOX", "Filed", "Escalated") == {
        "INBOX": 0,
        "Filed": 0,
        "Escalated": 2,
    }


@pytest.mark.parametrize("crash", ["before the move", "after the move", "mid copy-then-delete"])
def test_a_return_cut_short_by_a_crash_is_finished_never_duplicated(
    spoc: Desk, mail: FolderBackend, crash: str
) -> None:
    filed = filed_and_escalated(spoc, mail, mail.deliver)
    reopen(spoc, filed["id"])
    with spoc.store.transaction() as session:
        claims.record_returning(session, filed["id"], "Escalated")
    [key] = mail.list_keys("Filed")
    if crash == "after the move":
        mail.move("Filed", key, "Escalated")
    elif crash == "mid copy-then-delete":
        mail.deliver(REPEAT, "Escalated")

    assert spoc.run_once().returned == 1

    left_behind = crash == "mid copy-then-delete"
    assert folder_counts(mail, "Filed", "Escalated") == {"Filed": int(left_behind), "Escalated": 2}
    assert claim(spoc, filed["id"])["return_state"] == "returned"
    said = case_log(spoc)[-1]
    if left_behind:
        assert said.endswith("the copy the interrupted move left in Filed is still there")
    else:
        assert said.endswith(": moved back from Filed to Escalated")


def test_a_reopened_email_no_longer_in_the_mailbox_is_reported_to_the_operator_once(
    spoc: Desk, mail: FolderBackend
) -> None:
    filed = filed_and_escalated(spoc, mail, mail.deliver)
    reopen(spoc, filed["id"])
    shutil.move(mail.root / "Filed" / mail.list_keys("Filed")[0], mail.root / "deleted-by-hand")

    summary = spoc.run_once()

    assert (summary.returned, summary.missing) == (0, 1)
    assert claim(spoc, filed["id"])["return_state"] == "missing"
    [alert] = [n for n in spoc.notifier.sent if n.kind is NoticeKind.ALERT]
    assert alert.recipient == "aad-operator" and alert.record_id == filed["id"]
    assert alert.title == "A reopened email in spoc@council.example could not be found"
    assert "in neither Filed nor Escalated, so nothing was moved" in alert.lines[0]
    assert "in neither Filed nor Escalated" in case_log(spoc)[-1]
    assert spoc.run_once().missing == 0
    assert folder_counts(mail, "Filed", "Escalated") == {"Filed": 0, "Escalated": 1}


class MovesFail(FolderBackend):
    """A folder mailbox whose moves fail with `fault` until it is cleared (a fault at the port)."""

    fault: Exception | None = None

    def move(self, folder: str, key: str, destination: str) -> bool:
        if self.fault is not None:
            raise self.fault
        return super().move(folder, key, destination)


def reopened_where_moves_fail(
    spoc: Desk, mail: FolderBackend, fault: Exception
) -> tuple[Mapping[str, Any], MovesFail, Desk]:
    """A filed email reopened, and the desk's watcher now on a mailbox whose moves fail."""
    filed = filed_and_escalated(spoc, mail, mail.deliver)
    reopen(spoc, filed["id"])
    faulty = MovesFail(mail.root)
    faulty.fault = fault
    spoc.watcher.lock.release()
    watcher = build_watcher(spoc.watcher.settings, spoc.store, spoc.notifier, faulty)
    return filed, faulty, Desk(spoc.store, spoc.case, spoc.notifier, watcher)


def alerts(spoc: Desk) -> list[Any]:
    return [n for n in spoc.notifier.sent if n.kind is NoticeKind.ALERT]


def test_a_return_failing_three_times_is_given_up_with_one_alert_and_can_be_retried(
    spoc: Desk, mail: FolderBackend
) -> None:
    unreadable = RuntimeError("the server's answer could not be read")
    filed, faulty, desk = reopened_where_moves_fail(spoc, mail, unreadable)

    tried = [desk.run_once() for _ in range(3)]

    assert [(s.failed, s.return_failed) for s in tried] == [(1, 0), (1, 0), (1, 1)]
    given_up = claim(spoc, filed["id"])
    assert (given_up["return_state"], given_up["return_attempts"]) == ("failed", 3)
    assert given_up["return_error"] == "RuntimeError: the server's answer could not be read"
    assert folder_counts(mail, "Filed", "Escalated") == {"Filed": 1, "Escalated": 1}
    [alert] = alerts(spoc)
    assert (alert.recipient, alert.record_id) == ("aad-operator", filed["id"])
    assert alert.title == "A reopened email in spoc@council.example could not be moved back"
    assert alert.lines[1] == (
        "The last error was: RuntimeError: the server's answer could not be read"
    )
    assert "`mail-return-retry` tries again" in alert.lines[2]
    assert case_log(spoc)[-1].endswith(
        ": moving it back to Escalated failed 3 times, so the watcher stopped trying; "
        "nothing was deleted"
    )
    assert desk.run_once().failed == 0  # no longer tried, nor alerted again
    assert len(alerts(spoc)) == 1

    faulty.fault = None
    assert retry_failed_returns(spoc.store, SPOC_MAILBOX) == [filed["id"]]
    retried = claim(spoc, filed["id"])
    assert (retried["return_state"], retried["return_attempts"]) == ("returning", 0)
    assert retried["return_error"].startswith("retried by an operator; earlier: RuntimeError")
    assert desk.run_once().returned == 1
    assert folder_counts(mail, "Filed", "Escalated") == {"Filed": 0, "Escalated": 2}
    assert claim(spoc, filed["id"])["return_state"] == "returned"
    desk.watcher.lock.release()


def test_an_outage_while_moving_back_counts_against_no_email(
    spoc: Desk, mail: FolderBackend
) -> None:
    unreachable = MailboxUnavailable("IMAP server 10.0.0.1:993 could not be reached")
    filed, faulty, desk = reopened_where_moves_fail(spoc, mail, unreachable)

    for _ in range(5):  # the watcher's loop backs off between these
        with pytest.raises(MailboxUnavailable):
            desk.run_once()

    waiting = claim(spoc, filed["id"])
    assert (waiting["return_state"], waiting["return_attempts"]) == ("returning", 0)
    assert alerts(spoc) == []
    faulty.fault = None
    assert desk.run_once().returned == 1
    assert folder_counts(mail, "Filed", "Escalated") == {"Filed": 0, "Escalated": 2}
    desk.watcher.lock.release()


def test_an_email_already_moved_to_escalated_by_hand_is_recorded_not_moved_twice(
    spoc: Desk, mail: FolderBackend
) -> None:
    filed = filed_and_escalated(spoc, mail, mail.deliver)
    reopen(spoc, filed["id"])
    mail.move("Filed", mail.list_keys("Filed")[0], "Escalated")  # the officer, in Outlook

    assert spoc.run_once().returned == 1

    assert folder_counts(mail, "Filed", "Escalated") == {"Filed": 0, "Escalated": 2}
    assert case_log(spoc)[-1].endswith("it was already in Escalated; nothing was moved")


def test_only_the_watcher_holding_the_mailbox_moves_it_back(
    spoc: Desk, mail: FolderBackend
) -> None:
    filed = filed_and_escalated(spoc, mail, mail.deliver)
    reopen(spoc, filed["id"])
    assert spoc.watcher.lock.acquire()
    # A second watcher on the same mailbox and store: another process, as it were.
    second = build_watcher(spoc.watcher.settings, spoc.store, spoc.notifier, mail)
    assert asyncio.run(second.run_once()).locked_out
    assert folder_counts(mail, "Filed", "Escalated") == {"Filed": 1, "Escalated": 1}
    assert spoc.run_once().returned == 1
    assert folder_counts(mail, "Filed", "Escalated") == {"Filed": 0, "Escalated": 2}


def test_a_second_press_is_refused_and_asks_for_nothing_more(
    spoc: Desk, mail: FolderBackend
) -> None:
    filed = filed_and_escalated(spoc, mail, mail.deliver)
    reopen(spoc, filed["id"])
    spoc.run_once()
    again = mark_new_issue(spoc.store, filed["id"], "aad-manager")
    assert isinstance(again, Refusal)
    assert "already marked as a new issue by Tom Hale" in again.reason
    assert claim(spoc, filed["id"])["return_state"] == "returned"
    assert len(case_log(spoc)) == 2


@pytest.mark.dovecot
@pytest.mark.parametrize("prefer_move", [True, False], ids=["MOVE", "COPY+EXPUNGE"])
def test_a_reopened_email_goes_back_to_escalated_on_real_dovecot(
    store: SqlRegisterStore, imap_account: ImapAccount, prefer_move: bool
) -> None:
    server = imap_account.server
    backend = ImapBackend(
        server.host,
        server.port,
        imap_account.user,
        imap_account.password,
        use_ssl=False,
        prefer_move=prefer_move,
    )
    imap = desk(store, backend)
    try:
        filed = filed_and_escalated(imap, backend, imap_account.append)
        reopen(imap, filed["id"])
        assert imap.run_once().returned == 1
        assert folder_counts(backend, "INBOX", "Filed", "Escalated") == {
            "INBOX": 0,
            "Filed": 0,
            "Escalated": 2,
        }
        escalated = [backend.fetch("Escalated", k) for k in backend.list_keys("Escalated")]
        assert sorted(m or b"" for m in escalated) == sorted([raw_email(), REPEAT])
        # Back in the inbox (moved by hand): recognised, not triaged again, and sent back.
        key = backend.list_keys("Escalated")[-1]
        backend.move("Escalated", key, "INBOX")
        told = list(imap.notifier.sent)
        assert imap.run_once().handled == 1
        assert (len(imap.claims()), len(imap.contacts())) == (2, 2)
        assert imap.notifier.sent == told
        assert folder_counts(backend, "INBOX", "Escalated") == {"INBOX": 0, "Escalated": 2}
        assert claim(imap, filed["id"])["return_state"] == "returned"
    finally:
        imap.watcher.lock.release()
        backend.close()


def test_the_email_record_says_who_reopened_it_beside_what_the_watcher_did(
    spoc: Desk, mail: FolderBackend
) -> None:
    filed = filed_and_escalated(spoc, mail, mail.deliver)
    reopen(spoc, filed["id"])
    with spoc.store.transaction() as session:
        record = session.decided_mail(filed["id"])
    assert (record.action, record.reopened_by) == ("file", "Tom Hale")
    shown = {
        fact["title"]: fact["value"]
        for node in decided_mail_card(record, "Jane Customer", "Tom Hale")["body"]
        if node.get("type") == "FactSet"
        for fact in node["facts"]
    }
    assert shown["What was done"] == "Filed as a repeat, no reply"
    assert shown["Reopened"].startswith("As a new issue by Tom Hale, ")
