"""A reminder's buttons in Teams: Open record shows the restriction or risk, Acknowledge is audited.

Hana Head manages Housing. The scheduler reminds her that the review of
Gary Rowe's call limits is due (record "restriction"); she opens it and
sees the restriction in full, its appeal and its letters. Olive, a
frontline officer, is refused and the refusal is audited. Ada, a register
administrator, opens a premise risk from its review reminder (record
"premise_risk"). A record removed under retention, and a press that does
not make sense, are answered plainly. Last, every button on every notice
the scheduler and the decisions produce is pressed, so a record type no
handler knows cannot come back. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from cards.notice import notice_card
from register import decision_notices, decisions
from register.decision_records import LetterKind, LetterRecord
from register.notices import Notice, NoticeKind
from register.policy import load_preset
from register.restrictions import Officer, Restriction, RestrictionType, Status
from register.reviews import Appeal
from register.risks import PremiseRisk
from register.schedule.digest import digests
from register.schedule.model import Case, FiledMail
from register.schedule.recipients import Directory
from register.schedule.reviews import reviews_due, risk_reviews
from register.schedule.wording import restriction_notice
from register.staff import Role, StaffMember
from register.subjects import Person, Property
from register.vocabulary import HazardType, Precaution, Severity
from store.repository import SqlRegisterStore
from tests.bot.transcript import DEFAULT_PRESET, Seen, Transcript, run

TODAY = date(2026, 3, 4)  # the transcripts' fixed clock
HEAD = StaffMember("aad-head", "Hana Head", "Head of Housing", Role.MANAGER, service="Housing")
PLANNING = StaffMember("aad-plan", "Pat Plan", "Planning Manager", Role.MANAGER, service="Planning")
OLIVE = StaffMember("aad-olive", "Olive Owner", "Housing Officer", Role.FRONTLINE, "Housing")
ADMIN = StaffMember("aad-admin", "Ada Admin", "Register Administrator", Role.ADMIN)
STAFF = (HEAD, PLANNING, OLIVE, ADMIN)
UNUSABLE = "That button could not be used."
OLD_BUTTON = "Sorry, that button is from a card I can't use any more."
REFUSED = (
    "Frontline staff see the precautions and contact arrangements only. "
    "Ask your service manager if you need the full record."
)


@dataclass(frozen=True)
class Records:
    restriction: Restriction
    risk: PremiseRisk


@pytest.fixture
def records(store: SqlRegisterStore) -> Records:
    gary = Person("Gary Rowe")
    mill = Property("12 Mill Lane", "OX1 1AY")
    restriction = Restriction(
        RestrictionType.CALL_LIMITS,
        gary.id,
        "stage-1",
        "Daily calls of over an hour to the housing team.",
        Officer(HEAD.name, HEAD.job_title),
        date(2025, 9, 10),
        service="Housing",
        params={"days": "Tuesdays", "max_minutes": "15"},
        approved_by=Officer("Wendy Marsh", "Head of Customer Services"),
        next_review=date(2026, 3, 10),
        status=Status.ACTIVE,
    )
    risk = PremiseRisk(
        HazardType.DANGEROUS_ANIMAL,
        Severity.HIGH,
        (Precaution.VISIT_IN_PAIRS,),
        "Hana Head, 01632 960123",
        date(2025, 3, 10),
        property_id=mill.id,
        next_review=date(2026, 3, 10),
    )
    appeal = Appeal(restriction.id, date(2025, 9, 20), date(2025, 10, 1), "Unfair.")
    letter = LetterRecord(
        restriction.id, LetterKind.DECISION, date(2025, 9, 10), sent_on=date(2025, 9, 11)
    )
    with store.transaction() as session:
        session.add_many([*STAFF, gary, mill, restriction, risk, appeal])
        session.add_letter(letter)
    return Records(restriction, risk)


def _review_due(records: Records) -> Notice:
    """The reminder the scheduler sends the restriction's owner (Hana, who decided it)."""
    preset = load_preset(DEFAULT_PRESET)
    case = Case(records.restriction)
    (due,) = reviews_due(TODAY, preset, [case], Directory.of(STAFF))
    assert (due.notice.kind, due.notice.recipient) == (NoticeKind.REVIEW_DUE, HEAD.id)
    return due.notice


def _risk_due(records: Records) -> Notice:
    preset = load_preset(DEFAULT_PRESET)
    (due,) = risk_reviews(TODAY, preset, [records.risk], Directory.of(STAFF))
    assert (due.notice.record_type, due.notice.recipient) == ("premise_risk", ADMIN.id)
    return due.notice


def _press(chat: Transcript, who: StaffMember, notice: Notice, button: str) -> Seen:
    return run(chat.press(who, Seen([], [notice_card(notice)]).button(button)))


def _audit(store: SqlRegisterStore, kind: str, record_id: str) -> list[tuple[str, str]]:
    with store.transaction() as session:
        return [(e.actor, e.reason) for e in session.audit_for(kind, record_id)]


def test_the_service_manager_opens_a_review_reminder_and_sees_the_restriction(
    store: SqlRegisterStore, records: Records
) -> None:
    notice = _review_due(records)
    seen = _press(Transcript(store), HEAD, notice, "Open record")
    shown = seen.card_text
    for words in (
        "Calls limited to set days, times or length",
        "Gary Rowe",
        "Stage 1: warning and monitoring period",
        "Active",
        "Wed 10 Sep 2025",
        "Daily calls of over an hour to the housing team.",
        "Tuesdays",
        "Longest call, in minutes (call limits)",
        "Hana Head (Head of Housing)",
        "Wendy Marsh (Head of Customer Services)",
        "Tue 10 Mar 2026",
        "Received Sat 20 Sep 2025, not yet decided",
        "Decision letter: sent Thu 11 Sep 2025",
    ):
        assert words in shown
    assert seen.button("Acknowledge") == {
        "action": "acknowledge",
        "record": "restriction",
        "id": records.restriction.id,
    }
    assert _audit(store, "restriction", records.restriction.id) == [
        (HEAD.aad_object_id, "full record opened")
    ]


def test_acknowledge_is_audited(store: SqlRegisterStore, records: Records) -> None:
    notice = _review_due(records)
    seen = _press(Transcript(store), HEAD, notice, "Acknowledge")
    assert seen.text == "Thanks, I've noted that you have seen it."
    assert _audit(store, "restriction", records.restriction.id) == [
        (HEAD.aad_object_id, "acknowledged")
    ]


def test_a_frontline_officer_and_another_service_manager_are_refused_and_audited(
    store: SqlRegisterStore, records: Records
) -> None:
    notice = _review_due(records)
    chat = Transcript(store)
    refused = _press(chat, OLIVE, notice, "Open record")
    assert refused.cards == []
    assert refused.text == REFUSED
    assert "Daily calls" not in refused.text
    other = _press(chat, PLANNING, notice, "Open record")
    assert other.cards == []
    assert _audit(store, "restriction", records.restriction.id) == [
        (OLIVE.aad_object_id, "refused: full record"),
        (PLANNING.aad_object_id, "refused: full record"),
    ]


def test_an_administrator_opens_a_premise_risk_reminder(
    store: SqlRegisterStore, records: Records
) -> None:
    notice = _risk_due(records)
    chat = Transcript(store)
    seen = _press(chat, ADMIN, notice, "Open record")
    shown = seen.card_text
    for words in (
        "Dangerous animal",
        "12 Mill Lane, OX1 1AY",
        "Mon 10 Mar 2025",
        "Tue 10 Mar 2026",
        "Visit in pairs",
        "High",
    ):
        assert words in shown
    assert _press(chat, ADMIN, notice, "Acknowledge").text.startswith("Thanks, I've noted")
    refused = _press(chat, OLIVE, notice, "Open record")
    assert refused.text == REFUSED
    assert _audit(store, "premise_risk", records.risk.id) == [
        (ADMIN.aad_object_id, "full record opened"),
        (ADMIN.aad_object_id, "acknowledged"),
        (OLIVE.aad_object_id, "refused: full record"),
    ]


def test_a_record_removed_under_retention_is_answered_plainly(
    store: SqlRegisterStore, records: Records
) -> None:
    chat = Transcript(store)
    for kind in ("restriction", "premise_risk"):
        for action in ("open_record", "acknowledge"):
            button = {"action": action, "record": kind, "id": "gone-under-retention"}
            seen = run(chat.press(HEAD, button))
            assert seen.text.startswith("I can't find that record any more."), (kind, action)
            assert seen.cards == []


def test_a_malformed_press_is_answered_clearly(store: SqlRegisterStore, records: Records) -> None:
    chat = Transcript(store)
    no_id = run(chat.press(HEAD, {"action": "open_record", "record": "restriction"}))
    assert no_id.text == UNUSABLE
    assert "Record" in no_id.card_text
    too_long = {"action": "acknowledge", "record": "premise_risk", "id": "x" * 65}
    assert run(chat.press(HEAD, too_long)).text == UNUSABLE
    propose = {"action": "propose_restriction", "record": "restriction", "id": "r"}
    assert run(chat.press(HEAD, propose)).text.startswith(UNUSABLE)
    assert _audit(store, "restriction", records.restriction.id) == []


# ---- every button on every notice the scheduler and decisions send has a handler -------------

SCHEDULER_RESTRICTION_KINDS = (
    NoticeKind.REVIEW_DUE,
    NoticeKind.REVIEW_OVERDUE,
    NoticeKind.APPEAL_DEADLINE,
    NoticeKind.OUTCOME_NOTICE_DUE,
    NoticeKind.END_DATE_REACHED,
)


def _every_scheduler_and_decision_notice(records: Records) -> list[Notice]:
    """One notice of each kind the sweeps and the decisions make, from their own makers."""
    preset = load_preset(DEFAULT_PRESET)
    r = records.restriction
    # Every restriction reminder of the sweeps (reviews, appeals, outcomes, end dates) is
    # made by `restriction_notice`; the premise risk and digest ones have makers of their own.
    made = [
        restriction_notice(kind, HEAD.id, "Title", r, "line")
        for kind in SCHEDULER_RESTRICTION_KINDS
    ]
    made.append(_risk_due(records))
    filed = FiledMail(HEAD.id, "person-1", "Filed: bins again", date(2026, 3, 3))
    made += [due.notice for due in digests(TODAY, preset, [filed])]
    made.append(decisions._approval_notice(preset, r, HEAD, ADMIN.id, ""))
    made.append(decision_notices._notice(HEAD.id, "Your proposal was approved", r, ("line",)))
    return made


def test_every_button_on_every_scheduler_and_decision_notice_is_handled(
    store: SqlRegisterStore, records: Records
) -> None:
    """Press each button for a record that is not there: a handler must say so, not shrug."""
    notices = _every_scheduler_and_decision_notice(records)
    scheduled = set(SCHEDULER_RESTRICTION_KINDS) | {
        NoticeKind.FILED_DIGEST,
        NoticeKind.APPROVAL_NEEDED,
        NoticeKind.PROPOSAL_DECIDED,
    }
    assert scheduled <= {n.kind for n in notices}
    record_types = {n.record_type for n in notices}
    assert {"restriction", "premise_risk"} <= record_types
    chat = Transcript(store)
    pressed = 0
    for notice in notices:
        for label, data in Seen([], [notice_card(notice)]).buttons():
            gone = {**data, "id": "not-there-any-more", "reasons": "Because.", "note": "New."}
            seen = run(chat.press(ADMIN, gone))
            answer = seen.text
            assert answer, (notice.kind, label)
            assert not answer.startswith(UNUSABLE), (notice.kind, label, answer)
            assert not answer.startswith(OLD_BUTTON), (notice.kind, label, answer)
            pressed += 1
    assert pressed >= len(notices)
