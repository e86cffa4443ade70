"""A year of daily sweeps for each of the five presets, bank holidays included.

Each test sets up a few restrictions, moves a frozen clock through 2026 a
day at a time (sweeping every day, weekends too, as the daily job does),
and checks that exactly the expected notices arrived, each once, on the
working day worked out by hand in the comments. 2026 bank holidays in
England and Wales: Thu 1 Jan, Fri 3 Apr (Good Friday), Mon 6 Apr (Easter
Monday), Mon 4 May, Mon 25 May, Mon 31 Aug, Fri 25 Dec, Mon 28 Dec
(Boxing Day, substitute for Saturday 26 Dec).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

from register.policy import WhenReviewMissed, load_preset
from register.restrictions import Officer, RestrictionType, Status
from register.reviews import Appeal, AppealOutcome, Review, ReviewOutcome
from register.risks import PremiseRisk
from register.subjects import Person, Property
from register.vocabulary import HazardType, Precaution, Severity
from store.repository import SqlRegisterStore
from tests.scheduler.harness import (
    ADMIN,
    AS_OWNER,
    HEAD,
    OWNER,
    Clock,
    RecordingNotifier,
    Sent,
    run_days,
    seed,
    status_of,
    sweeper_for,
    warning,
)

JAN_1, DEC_31 = date(2026, 1, 1), date(2026, 12, 31)


def run_year(
    store: SqlRegisterStore, preset_name: str, events: dict | None = None, after=None
) -> list[Sent]:
    clock = Clock(JAN_1)
    notifier = RecordingNotifier(clock)
    sweeper = sweeper_for(store, load_preset(preset_name), notifier)
    run_days(store, sweeper, clock, JAN_1, DEC_31, events, after)
    return notifier.sent


def assert_each_once(sent: list[Sent], expected: list[Sent]) -> None:
    twice = [item for item, n in Counter(sent).items() if n > 1]
    assert twice == []
    assert sorted(sent) == sorted(expected)


def test_managed_contact_register_council(store: SqlRegisterStore) -> None:
    """Six-monthly reviews, outcome told within 7 working days, missed reviews flagged."""
    person = Person("Alan Able")
    a = warning(person, "stage-1", date(2025, 12, 8))  # review due Mon 8 Jun 2026
    b = replace(
        warning(person, "stage-2", date(2025, 10, 1)),
        kind=RestrictionType.NO_CALLS,
        next_review=date(2026, 4, 1),
    )
    seed(store, person, a, b, proposed=[a, b])

    def review_held(session):  # Tue 31 Mar: B reviewed a day early; customer not yet told
        session.add(
            Review(b.id, date(2026, 4, 1), date(2026, 3, 31), AS_OWNER, ReviewOutcome.CONTINUE)
        )
        session.update(replace(b, next_review=date(2026, 9, 30)))

    sent = run_year(store, "managed-contact-register-council", {date(2026, 3, 31): review_held})

    assert_each_once(
        sent,
        [
            # A, due Mon 8 Jun. 14 days before is Mon 25 May, the Spring bank
            # holiday, so the owner hears on Fri 22 May; 2 days before is Sat
            # 6 Jun, so Fri 5 Jun. No review is held: the owner's manager is
            # told on Tue 9 Jun, the first working day after.
            (date(2026, 5, 22), "review_due", a.id, OWNER.id),
            (date(2026, 6, 5), "review_due", a.id, OWNER.id),
            (date(2026, 6, 9), "review_overdue", a.id, HEAD.id),
            # B, due Wed 1 Apr: reminders Wed 18 Mar and Mon 30 Mar.
            (date(2026, 3, 18), "review_due", b.id, OWNER.id),
            (date(2026, 3, 30), "review_due", b.id, OWNER.id),
            # Held Tue 31 Mar. 7 working days: 1, 2, (3 Good Friday), (6 Easter
            # Monday), 7, 8, 9, 10, 13 Apr, so the deadline is Mon 13 Apr; the
            # owner is reminded two working days before (Thu 9 Apr) and, with
            # the customer still not told, the manager on Tue 14 Apr.
            (date(2026, 4, 9), "outcome_notice_due", b.id, OWNER.id),
            (date(2026, 4, 14), "outcome_notice_due", b.id, HEAD.id),
            # B's next review, Wed 30 Sep: reminders Wed 16 Sep and Mon 28 Sep;
            # not held, so the manager on Thu 1 Oct.
            (date(2026, 9, 16), "review_due", b.id, OWNER.id),
            (date(2026, 9, 28), "review_due", b.id, OWNER.id),
            (date(2026, 10, 1), "review_overdue", b.id, HEAD.id),
        ],
    )
    # "flag": the restriction stays in force, overdue on the register.
    assert status_of(store, a.id) is Status.ACTIVE


def test_rhondda_cynon_taf(store: SqlRegisterStore) -> None:
    """Stage 1 appeals within 15 working days; the entry is marked while an appeal runs."""
    person = Person("Bea Bold")
    a = warning(person, "stage-1", date(2025, 12, 19))  # Fri 19 Dec 2025
    b = warning(person, "stage-1", date(2026, 3, 2))  # Mon 2 Mar 2026
    c = replace(
        warning(person, "stage-2", date(2026, 2, 10)),
        kind=RestrictionType.SPOC,
        params={"officer": OWNER.name},
    )
    seed(store, person, a, b, c, proposed=[a, b, c])
    appeal = Appeal(b.id, date(2026, 3, 10), date(2026, 3, 23), "I was not abusive.")
    statuses: dict[date, Status | None] = {}
    events = {
        date(2026, 3, 10): lambda s: s.add(appeal),
        date(2026, 4, 1): lambda s: s.update(
            replace(appeal, outcome=AppealOutcome.NOT_UPHELD, decided_on=date(2026, 4, 1))
        ),
    }
    watched = {date(2026, 3, 9), date(2026, 3, 10), date(2026, 3, 31), date(2026, 4, 1)}

    def after(day: date) -> None:
        if day in watched:
            statuses[day] = status_of(store, b.id)

    sent = run_year(store, "rhondda-cynon-taf", events, after)

    assert_each_once(
        sent,
        [
            # A: 15 working days from Fri 19 Dec 2025 skip Christmas, Boxing
            # Day and New Year's Day: 22, 23, 24, 29, 30, 31 Dec, 2, 5-9, 12,
            # 13, 14 Jan. The last day to appeal is Wed 14 Jan; none came, so
            # the owner hears on Thu 15 Jan.
            (date(2026, 1, 15), "appeal_deadline", a.id, OWNER.id),
            # A's review, within 12 months: Sat 19 Dec 2026. 14 days before is
            # Sat 5 Dec -> Fri 4 Dec; 2 days before is Thu 17 Dec. Not held:
            # the manager is told Mon 21 Dec.
            (date(2026, 12, 4), "review_due", a.id, OWNER.id),
            (date(2026, 12, 17), "review_due", a.id, OWNER.id),
            (date(2026, 12, 21), "review_overdue", a.id, HEAD.id),
            # B: an appeal arrived on Tue 10 Mar (the owner is told that day),
            # so no "time to appeal ended" notice follows.
            (date(2026, 3, 10), "appeal_deadline", b.id, OWNER.id),
            # C is at Stage 2: no appeal, and its review falls in 2027.
        ],
    )
    assert statuses == {
        date(2026, 3, 9): Status.ACTIVE,
        date(2026, 3, 10): Status.UNDER_APPEAL,
        date(2026, 3, 31): Status.UNDER_APPEAL,
        date(2026, 4, 1): Status.ACTIVE,  # appeal not upheld: back in force, unmarked
    }


def test_west_oxfordshire(store: SqlRegisterStore) -> None:
    """One month to appeal, entry under appeal meanwhile; premise risks reviewed every 6 months."""
    person = Person("Cal Cross")
    home = Property("1 Test Row, Little Burford", "ZZ1 1AA")
    # A: decided by the owner but imported (no audit entry): found by name and title.
    a = warning(person, "step-3", date(2026, 1, 30))  # Fri 30 Jan
    b = warning(person, "step-3", date(2026, 5, 1))
    risk = PremiseRisk(
        HazardType.DANGEROUS_ANIMAL,
        Severity.HIGH,
        (Precaution.VISIT_IN_PAIRS,),
        "Ada Admin",
        date(2025, 11, 25),
        property_id=home.id,
    )
    seed(store, home, person, a, b, risk, proposed=[b])
    appeal = Appeal(b.id, date(2026, 5, 20), date(2026, 6, 1))
    events = {
        date(2026, 5, 20): lambda s: s.add(appeal),
        date(2026, 6, 15): lambda s: s.update(
            replace(appeal, outcome=AppealOutcome.UPHELD, decided_on=date(2026, 6, 15))
        ),
        # A's review is held on Mon 27 Jul, before it is due; the next is in 2027.
        date(2026, 7, 27): lambda s: (
            s.add(Review(a.id, date(2026, 7, 30), date(2026, 7, 27), AS_OWNER, ReviewOutcome.VARY)),
            s.update(replace(a, next_review=date(2027, 1, 27))),
        ),
    }
    marked: dict[date, Status | None] = {}

    def after(day: date) -> None:
        if day in {date(2026, 5, 19), date(2026, 5, 20), date(2026, 6, 14), date(2026, 6, 15)}:
            marked[day] = status_of(store, b.id)

    sent = run_year(store, "west-oxfordshire-dc", events, after)

    assert_each_once(
        sent,
        [
            # A: one month from Fri 30 Jan is Sat 28 Feb (February is short);
            # the owner hears on Mon 2 Mar that no appeal came.
            (date(2026, 3, 2), "appeal_deadline", a.id, OWNER.id),
            # A's review is due Thu 30 Jul: reminded Thu 16 Jul. It was held on
            # Mon 27 Jul, so the two-day reminder (Tue 28 Jul) is not sent and
            # nothing is overdue.
            (date(2026, 7, 16), "review_due", a.id, OWNER.id),
            # B: appeal received Wed 20 May.
            (date(2026, 5, 20), "appeal_deadline", b.id, OWNER.id),
            # The dog at 1 Test Row, recorded 25 Nov 2025, is due for review on
            # Mon 25 May 2026, the Spring bank holiday: reminders Mon 11 May and
            # (Sat 23 May ->) Fri 22 May; not reviewed, so overdue on Tue 26 May.
            (date(2026, 5, 11), "review_due", risk.id, ADMIN.id),
            (date(2026, 5, 22), "review_due", risk.id, ADMIN.id),
            (date(2026, 5, 26), "review_overdue", risk.id, ADMIN.id),
        ],
    )
    assert marked == {
        date(2026, 5, 19): Status.ACTIVE,
        date(2026, 5, 20): Status.UNDER_APPEAL,  # "appeal in progress"; restrictions stay
        date(2026, 6, 14): Status.UNDER_APPEAL,
        date(2026, 6, 15): Status.LIFTED,  # appeal upheld
    }


def test_oxfordshire(store: SqlRegisterStore) -> None:
    """Three-monthly reviews; an appeal has no time limit, so no window ever closes."""
    person = Person("Dee Dunn")
    a = warning(person, "stage-2", date(2026, 2, 2))  # review due Sat 2 May
    seed(store, person, a, proposed=[a])

    sent = run_year(store, "oxfordshire-cc")

    assert_each_once(
        sent,
        [
            # Due Sat 2 May: 14 days before is Sat 18 Apr -> Fri 17 Apr; 2 days
            # before is Thu 30 Apr. Overdue: Mon 4 May is a bank holiday, so the
            # manager hears on Tue 5 May.
            (date(2026, 4, 17), "review_due", a.id, OWNER.id),
            (date(2026, 4, 30), "review_due", a.id, OWNER.id),
            (date(2026, 5, 5), "review_overdue", a.id, HEAD.id),
        ],
    )


def test_welwyn_hatfield(store: SqlRegisterStore) -> None:
    """Yearly review; an owner nobody can identify falls to the service's manager."""
    person = Person("Eve East")
    stranger = Officer("Former Employee", "Service Manager")
    a = replace(
        warning(person, "step-2", date(2025, 4, 6)),
        kind=RestrictionType.THIRD_PARTY_ONLY,
        decided_by=stranger,
    )
    b = replace(
        warning(person, "step-2", date(2026, 3, 1)),
        kind=RestrictionType.THIRD_PARTY_ONLY,
        provisional_end=date(2026, 8, 31),
    )
    seed(store, person, a, b, proposed=[b])

    sent = run_year(store, "welwyn-hatfield-bc")

    assert_each_once(
        sent,
        [
            # A: due Mon 6 Apr 2026 (Easter Monday). 14 days before: Mon 23 Mar.
            # 2 days before: Sat 4 Apr -> Fri 3 Apr is Good Friday -> Thu 2 Apr.
            # Nobody on the staff list decided it, so Housing's manager owns it,
            # and is also told when it is overdue, on Tue 7 Apr.
            (date(2026, 3, 23), "review_due", a.id, HEAD.id),
            (date(2026, 4, 2), "review_due", a.id, HEAD.id),
            (date(2026, 4, 7), "review_overdue", a.id, HEAD.id),
            # B: provisional end Mon 31 Aug (bank holiday), so Fri 28 Aug.
            (date(2026, 8, 28), "end_date_reached", b.id, OWNER.id),
        ],
    )
    assert status_of(store, b.id) is Status.ACTIVE  # ending it is the owner's decision


def test_a_preset_that_lapses_missed_reviews(store: SqlRegisterStore) -> None:
    """A council's copy with when_missed = "lapse": the restriction ends the day after."""
    preset = load_preset("oxfordshire-cc")
    preset = preset.model_copy(
        update={"review": preset.review.model_copy(update={"when_missed": WhenReviewMissed.LAPSE})}
    )
    person = Person("Dee Dunn")
    a = warning(person, "stage-2", date(2026, 2, 2))  # review due Sat 2 May
    seed(store, person, a, proposed=[a])
    clock = Clock(date(2026, 4, 30))
    notifier = RecordingNotifier(clock)
    sweeper = sweeper_for(store, preset, notifier)
    seen = {}
    run_days(
        store,
        sweeper,
        clock,
        clock.day,
        date(2026, 5, 6),
        after=lambda day: seen.update({day: status_of(store, a.id)}),
    )
    assert seen[date(2026, 5, 2)] is Status.ACTIVE  # the last day for the review
    assert seen[date(2026, 5, 3)] is Status.LAPSED
    overdue = [n for n in notifier.notices if n.kind.value == "review_overdue"]
    assert [(n.recipient, n.lines[1]) for n in overdue] == [
        (HEAD.id, "Under the policy the restriction has lapsed; re-impose it only after a review.")
    ]
    with store.transaction() as session:
        trail = session.audit_for("restriction", a.id)
    assert [(e.actor, e.detail) for e in trail][-1] == (
        "system:scheduler",
        "status active -> lapsed",
    )
