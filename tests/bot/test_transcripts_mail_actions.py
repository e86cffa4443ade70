"""An escalated email's buttons in Teams: Open record shows why, Acknowledge is audited.

Jane Customer writes to the SPOC mailbox; the real watcher (folder
backend) escalates her email to Tom Hale, her SPOC officer, with the
notice's Acknowledge and Open record buttons (record "mail_claim"). Tom
opens it and sees the subject, sender, the watcher's reason, the rules
that fired and the new sentences; Rita, a frontline officer it was not
for, is refused, and that is audited; Tom's acknowledgement is audited.
Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cards.notice import notice_card
from mailbox.backends.folder import FolderBackend
from mailbox.telling import RECORD_TYPE
from register.notices import Notice, NoticeKind
from register.staff import Role, StaffMember
from store.repository import SqlRegisterStore
from tests.bot.transcript import Seen, Transcript, run
from tests.mailbox.mail import raw_email
from tests.mailbox.spoc_cases import MANAGER, OFFICER
from tests.mailbox.watching import Desk, desk

RITA = StaffMember("aad-rita", "Rita Other", "Housing Officer", Role.FRONTLINE)
BODY = "My bin was not collected again. The boiler has been broken since Monday."


@pytest.fixture
def spoc(store: SqlRegisterStore, tmp_path: Path) -> Iterator[Desk]:
    """Jane's email, escalated to Tom by the real watcher."""
    mail = FolderBackend(tmp_path / "mail")
    made = desk(store, mail)
    made.store.bulk_add([RITA])
    mail.deliver(raw_email(subject="Bin and boiler", body=BODY))
    made.run_once()
    yield made
    made.watcher.lock.release()


def _escalation(spoc: Desk) -> Notice:
    [notice] = [n for n in spoc.notifier.sent if n.kind is NoticeKind.MAIL_ESCALATION]
    assert (notice.recipient, notice.record_type) == (OFFICER.aad_object_id, RECORD_TYPE)
    return notice


def _press(chat: Transcript, who: StaffMember, notice: Notice, button: str) -> Seen:
    card = Seen(texts=[], cards=[notice_card(notice)])
    return run(chat.press(who, card.button(button)))


def _audit(store: SqlRegisterStore, claim_id: str) -> list[tuple[str, str]]:
    with store.transaction() as session:
        return [(e.actor, e.reason) for e in session.audit_for(RECORD_TYPE, claim_id)]


def test_the_officer_opens_the_email_and_sees_why_it_was_escalated(
    store: SqlRegisterStore, spoc: Desk
) -> None:
    notice = _escalation(spoc)
    [claim] = spoc.claims()
    seen = _press(Transcript(store), OFFICER, notice, "Open record")
    shown = seen.card_text
    assert "Email from Jane Customer" in shown
    assert "Bin and boiler" in shown
    assert "jane@example.org" in shown
    assert "Tom Hale" in shown
    assert claim["decision"]["reason"] in shown
    for sentence in claim["decision"]["new_sentences"]:
        assert sentence in shown
    assert claim["decision"]["new_sentences"], "triage found nothing new to show"
    for rule in claim["decision"]["rules"]:
        assert rule["description"] in shown
    assert _audit(store, claim["id"]) == [(OFFICER.aad_object_id, "email record opened")]


def test_a_frontline_officer_it_was_not_for_is_refused_and_that_is_audited(
    store: SqlRegisterStore, spoc: Desk
) -> None:
    notice = _escalation(spoc)
    chat = Transcript(store)
    refused = _press(chat, RITA, notice, "Open record")
    assert refused.cards == []
    assert refused.text == (
        "Only the SPOC officer the email was for, a manager or a register administrator "
        "can open it."
    )
    assert BODY not in refused.text
    assert _audit(store, notice.record_id) == [(RITA.aad_object_id, "refused: email record")]
    manager = _press(chat, MANAGER, notice, "Open record")
    assert "Email from Jane Customer" in manager.card_text


def test_acknowledge_is_audited(store: SqlRegisterStore, spoc: Desk) -> None:
    notice = _escalation(spoc)
    seen = _press(Transcript(store), OFFICER, notice, "Acknowledge")
    assert seen.text == "Thanks, I've noted that you have seen it."
    assert _audit(store, notice.record_id) == [(OFFICER.aad_object_id, "SPOC officer acknowledged")]


def test_a_press_for_an_email_that_is_not_there_is_answered_plainly(
    store: SqlRegisterStore, spoc: Desk
) -> None:
    button = {"action": "open_record", "record": RECORD_TYPE, "id": "no-such-claim"}
    seen = run(Transcript(store).press(OFFICER, button))
    assert seen.text.startswith("I can't find that email any more.")
