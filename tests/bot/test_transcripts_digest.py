"""The filed-mail digest in Teams: a button on each filed email, and what pressing it does.

Jane Customer writes to the SPOC mailbox; the real watcher (folder
backend) escalates her first email and files her repeats. The next
working day's sweep sends Tom Hale, her SPOC officer, a digest; its card
has a "This has a new issue" button on each filed email. Pressing one
re-escalates that email to Tom and keeps the verdict as feedback, once.
Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cards.notice import notice_card
from mailbox.backends.folder import FolderBackend
from mailbox.digest import FiledMailFromStore, mark_new_issue
from register.access import Refusal
from register.calendar import calendar_for
from register.notices import Notice, NoticeKind
from register.policy import load_preset
from register.staff import Role, StaffMember
from scheduler.sweeper import Sweeper
from store.repository import SqlRegisterStore
from store.schedule_repo import SqlScheduleStore
from tests.bot.transcript import DEFAULT_PRESET, FakeNotifier, Transcript, run
from tests.mailbox.mail import raw_email
from tests.mailbox.spoc_cases import MANAGER, OFFICER
from tests.mailbox.watching import Desk, desk

RITA = StaffMember("aad-rita", "Rita Other", "Housing Officer", Role.FRONTLINE)
REPEATS = (
    ("<m2@example.org>", "Tue, 04 Feb 2025 10:00:00 +0000"),
    ("<m3@example.org>", "Wed, 05 Feb 2025 10:00:00 +0000"),
)
NEW_ISSUE = "This has a new issue"


@pytest.fixture
def spoc(store: SqlRegisterStore, tmp_path: Path) -> Iterator[Desk]:
    """Jane's first email escalated and her two repeats filed, by the real watcher."""
    mail = FolderBackend(tmp_path / "mail")
    made = desk(store, mail)
    made.store.bulk_add([RITA])
    mail.deliver(raw_email())
    for message_id, sent in REPEATS:
        mail.deliver(raw_email(message_id=message_id, date=sent))
    made.run_once()
    yield made
    made.watcher.lock.release()


def _filed(spoc: Desk) -> list[dict[str, Any]]:
    return [dict(claim) for claim in spoc.claims() if claim["action"] == "file"]


def _digest(spoc: Desk) -> Notice:
    """The digest the next working day's sweep sends, as the notifier received it."""
    preset = load_preset(DEFAULT_PRESET)
    filed_on = _filed(spoc)[0]["decided_at"].date()
    day = calendar_for(preset.nation).next_working_day(filed_on)
    notifier = FakeNotifier()
    engine = spoc.store.engine
    sweeper = Sweeper(
        SqlScheduleStore(engine),
        engine,
        preset,
        notifier,
        clock=lambda: day,
        instance="test",
        filed_mail=FiledMailFromStore(spoc.store),
    )
    run(sweeper.run())
    [digest] = [n for n in notifier.notices if n.kind is NoticeKind.FILED_DIGEST]
    return digest


def _buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    """The data of every "This has a new issue" button on the card, in order."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "Action.Submit" and node.get("title") == NEW_ISSUE:
                found.append(node["data"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found


def _chat(store: SqlRegisterStore, spoc: Desk) -> Transcript:
    """The bot with the digest's button wired as app.py wires it."""
    return Transcript(
        store,
        reescalate=lambda claim_id, staff, note: mark_new_issue(
            spoc.store, claim_id, staff.aad_object_id, note
        ),
    )


def _feedback(spoc: Desk, claim_id: str) -> list[dict[str, Any]]:
    with spoc.store.transaction() as session:
        return list(session.feedback_for(claim_id))


def test_the_digest_card_has_a_button_on_each_filed_email(spoc: Desk) -> None:
    digest = _digest(spoc)
    card = notice_card(digest)
    filed = _filed(spoc)
    assert digest.recipient == OFFICER.aad_object_id
    assert len(filed) == 2
    assert _buttons(card) == [{"action": "mark_new_issue", "id": claim["id"]} for claim in filed]
    shown = [item.text for item in digest.items]
    assert all("[<m2@example.org>]" in s or "[<m3@example.org>]" in s for s in shown)


def test_pressing_it_escalates_to_the_spoc_officer_and_keeps_the_feedback_once(
    store: SqlRegisterStore, spoc: Desk
) -> None:
    chat = _chat(store, spoc)
    first, second = _buttons(notice_card(_digest(spoc)))
    seen = run(chat.press(OFFICER, {**second, "note": "asks about a new bin"}))
    assert seen.text == (
        "Thanks - that message has been escalated to you and your feedback is kept."
    )
    [escalation] = chat.notifier.notices
    assert escalation.kind is NoticeKind.MAIL_ESCALATION
    assert escalation.recipient == OFFICER.aad_object_id
    assert escalation.record_id == second["id"]
    assert "Reopened by the SPOC officer: asks about a new bin" in escalation.lines
    [kept] = _feedback(spoc, second["id"])
    assert (kept["kind"], kept["note"], kept["officer"]) == (
        "new_issue",
        "asks about a new bin",
        OFFICER.aad_object_id,
    )

    again = run(chat.press(OFFICER, {**second, "note": ""}))
    assert "already marked as a new issue by Tom Hale" in again.text
    assert len(chat.notifier.notices) == 1
    assert len(_feedback(spoc, second["id"])) == 1
    assert _feedback(spoc, first["id"]) == []  # only the email pressed was marked


def test_a_digest_made_after_a_press_counts_the_email_as_reopened_not_as_filed(
    store: SqlRegisterStore, spoc: Desk
) -> None:
    """As any digest covering that day again would: the reopened email has no button and no
    place in the filed count; its decision and the verdict on it are kept for measuring triage."""
    first, second = _filed(spoc)
    run(_chat(store, spoc).press(MANAGER, {"action": "mark_new_issue", "id": second["id"]}))
    spoc.run_once()  # the watcher moves it back to Escalated

    digest = _digest(spoc)

    card = notice_card(digest)
    assert digest.title.endswith(": 1")
    assert _buttons(card) == [{"action": "mark_new_issue", "id": first["id"]}]
    assert "Also filed, then reopened as a new issue (now with escalated mail): 1" in str(card)
    [kept] = [claim for claim in _filed(spoc) if claim["id"] == second["id"]]
    assert (kept["decision"], kept["return_state"]) == (second["decision"], "returned")
    assert [feedback["kind"] for feedback in _feedback(spoc, second["id"])] == ["new_issue"]


def test_another_officer_is_refused_and_a_manager_may_mark_it(
    store: SqlRegisterStore, spoc: Desk
) -> None:
    chat = _chat(store, spoc)
    button = _buttons(notice_card(_digest(spoc)))[0]
    refused = run(chat.press(RITA, button))
    assert refused.text.startswith("Only the SPOC officer the email was filed for")
    assert chat.notifier.notices == []
    assert _feedback(spoc, button["id"]) == []

    seen = run(chat.press(MANAGER, button))
    assert seen.text == (
        "Thanks - that message has been escalated to Tom Hale and your feedback is kept."
    )
    [escalation] = chat.notifier.notices
    assert escalation.recipient == OFFICER.aad_object_id
    assert "Reopened by Ann Lee." in escalation.lines


def test_without_the_port_the_button_answers_and_changes_nothing(
    store: SqlRegisterStore, spoc: Desk
) -> None:
    chat = Transcript(store)
    button = _buttons(notice_card(_digest(spoc)))[0]
    seen = run(chat.press(OFFICER, button))
    assert "not available" in seen.text
    assert chat.notifier.notices == []
    assert _feedback(spoc, button["id"]) == []


def test_a_press_for_an_email_that_was_not_filed_is_refused(spoc: Desk) -> None:
    escalated = next(c for c in spoc.claims() if c["action"] != "file")
    refused = mark_new_issue(spoc.store, escalated["id"], OFFICER.aad_object_id)
    assert refused == Refusal("That email is not one the watcher filed.")
