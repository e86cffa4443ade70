"""The sweeps as pure functions: who is told, and when, without a database or a clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from register.calendar import calendar_for
from register.notices import NoticeAction
from register.policy import load_preset
from register.restrictions import Officer, Restriction, RestrictionType, Status
from register.reviews import Review, ReviewOutcome
from register.schedule import Case, PersonCase, SweepInput, plan_sweep
from register.schedule.appeals import appeals
from register.schedule.digest import digest_window, digests
from register.schedule.model import FiledMail
from register.schedule.outcomes import outcome_reminder_day
from register.schedule.recipients import Directory
from register.schedule.retention import retention
from register.schedule.reviews import review_date
from register.staff import Role, StaffMember

HEAD = StaffMember("head", "Hana Head", "Head of Housing", Role.MANAGER, service="Housing")
OWNER = StaffMember("owner", "Olive Owner", "Housing Officer", Role.FRONTLINE, "Housing",
                    manager_aad_id="head")  # fmt: skip
ADMIN = StaffMember("admin", "Ada Admin", "Register Administrator", Role.ADMIN)
STAFF = Directory.of([HEAD, OWNER, ADMIN])
MCRC = load_preset("managed-contact-register-council")


def _restriction(**more: object) -> Restriction:
    values: dict[str, object] = {
        "kind": RestrictionType.WARNING,
        "person_id": "p1",
        "stage": "stage-1",
        "reasons": "Abusive calls.",
        "decided_by": Officer("Someone Gone", "Head of Service"),
        "start": date(2026, 1, 5),
        "service": "Housing",
        "status": Status.ACTIVE,
    }
    values.update(more)
    return Restriction(**values)  # type: ignore[arg-type]


def test_the_owner_is_the_proposer_then_the_decider_then_the_service_managers() -> None:
    r = _restriction()
    assert STAFF.owners(Case(r, proposed_by="owner")) == ("owner",)
    by_name = replace(r, decided_by=Officer("Olive Owner", "Housing Officer"))
    assert STAFF.owners(Case(by_name)) == ("owner",)
    assert STAFF.owners(Case(r)) == ("head",)
    assert STAFF.owners(Case(replace(r, service=None))) == ("admin",)  # council-wide


def test_overdue_goes_to_the_owners_manager_never_back_to_the_owner() -> None:
    r = _restriction()
    assert STAFF.owners_managers(Case(r, proposed_by="owner")) == ("head",)
    # The head of service owns it and has no line manager: the administrators.
    assert STAFF.owners_managers(Case(r, proposed_by="head")) == ("admin",)


def test_a_review_held_for_its_date_moves_the_next_one_on_from_when_it_was_held() -> None:
    r = _restriction(next_review=date(2026, 7, 5))
    held = Review(r.id, date(2026, 7, 5), date(2026, 7, 1), Officer("O", "T"), ReviewOutcome.VARY)
    assert review_date(Case(r), MCRC) == date(2026, 7, 5)
    assert review_date(Case(r, reviews=(held,)), MCRC) == date(2027, 1, 1)
    assert review_date(Case(replace(r, status=Status.LIFTED)), MCRC) is None


def test_a_notice_already_sent_is_left_out_and_each_key_planned_once() -> None:
    r = _restriction(next_review=date(2026, 7, 5))  # Sun: reminders Fri 19 Jun, Fri 3 Jul
    data = SweepInput(cases=[Case(r, proposed_by="owner")], staff=[HEAD, OWNER, ADMIN])
    plan = plan_sweep(date(2026, 6, 19), MCRC, data, set())
    assert [(d.due_on, d.notice.recipient) for d in plan.dues] == [(date(2026, 6, 19), "owner")]
    assert plan_sweep(date(2026, 6, 22), MCRC, data, {plan.dues[0].key}).empty


def test_an_old_closed_appeal_window_is_history_not_news() -> None:
    rct = load_preset("rhondda-cynon-taf")
    case = Case(_restriction(start=date(2025, 12, 19)), proposed_by="owner")
    dues, _ = appeals(date(2026, 1, 15), rct, [case], STAFF)
    assert [d.due_on for d in dues] == [date(2026, 1, 15)]
    assert appeals(date(2026, 3, 1), rct, [case], STAFF) == ([], [])


def test_the_outcome_reminder_is_never_before_the_first_working_day_after_the_review() -> None:
    calendar = calendar_for(MCRC.nation)
    # Deadline Mon 13 Apr: two working days before is Thu 9 Apr.
    assert outcome_reminder_day(date(2026, 3, 31), date(2026, 4, 13), calendar) == date(2026, 4, 9)
    # A one-day deadline cannot be reminded two days before: the next working day instead.
    assert outcome_reminder_day(date(2026, 4, 2), date(2026, 4, 7), calendar) == date(2026, 4, 7)


def test_retention_keeps_open_lapsed_and_at_risk_cases() -> None:
    idle = date(2025, 1, 1)
    people = [
        PersonCase("closed", frozenset({Status.CLOSED}), False, idle),
        PersonCase("lapsed", frozenset({Status.LAPSED}), False, idle),
        PersonCase("at-risk", frozenset({Status.CLOSED}), True, idle),
        PersonCase("recent", frozenset({Status.LIFTED}), False, date(2025, 6, 2)),
    ]
    assert [d.person_id for d in retention(date(2026, 6, 1), MCRC, people)] == ["closed"]
    assert retention(date(2030, 1, 1), load_preset("welwyn-hatfield-bc"), people) == []


def test_the_monday_digest_covers_friday_to_sunday() -> None:
    assert digest_window(date(2026, 3, 9), MCRC) == (date(2026, 3, 6), date(2026, 3, 8))
    assert digest_window(date(2026, 3, 8), MCRC) is None  # Sunday: no digest
    items = [
        FiledMail("spoc-1", "p1", "Repeat of closed complaint", date(2026, 3, 6)),
        FiledMail("spoc-1", "p2", "Same request again", date(2026, 3, 7)),
        FiledMail("spoc-2", "p3", "Thursday's, already in Friday's digest", date(2026, 3, 5)),
    ]
    [digest] = digests(date(2026, 3, 9), MCRC, items)
    assert (digest.notice.recipient, digest.notice.lines) == (
        "spoc-1",
        ("Repeat of closed complaint", "Same request again"),
    )


def test_an_email_reopened_since_it_was_filed_is_counted_as_reopened_not_listed() -> None:
    """A digest made after a press, for days that include the email (re-sent after a failed
    delivery, say): no second button for it, and the counts still add up to what was filed."""
    items = [
        FiledMail("spoc-1", "claim-a", "Same request again", date(2026, 3, 6)),
        FiledMail("spoc-1", "claim-b", "Chaser about the bins", date(2026, 3, 6), reopened=True),
        FiledMail("spoc-2", "claim-c", "Reopened by a manager", date(2026, 3, 7), reopened=True),
    ]
    [digest] = digests(date(2026, 3, 9), MCRC, items)  # spoc-2 has nothing filed left: none
    notice = digest.notice
    assert (notice.recipient, notice.title) == ("spoc-1", "Mail filed since Friday 6 March 2026: 1")
    assert [(i.id, i.text) for i in notice.items] == [("claim-a", "Same request again")]
    assert notice.lines == (
        "Also filed, then reopened as a new issue (now with escalated mail): 1",
        "Same request again",
    )


def test_each_filed_email_is_an_item_of_the_digest_with_its_own_id() -> None:
    items = [
        FiledMail("spoc-1", "claim-b", "Filed first on Friday", date(2026, 3, 6)),
        FiledMail("spoc-1", "claim-a", "Filed later on Friday", date(2026, 3, 6)),
    ]
    [digest] = digests(date(2026, 3, 9), MCRC, items)
    notice = digest.notice
    assert [(i.id, i.text) for i in notice.items] == [
        ("claim-b", "Filed first on Friday"),
        ("claim-a", "Filed later on Friday"),
    ]
    assert notice.actions == (NoticeAction.MARK_NEW_ISSUE,)
    assert digest.key == ("filed_digest", "2026-03-06..2026-03-08", date(2026, 3, 9), "spoc-1")
