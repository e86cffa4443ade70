"""Appeals: received within the policy's window, heard by someone not involved, decided.

Whether a customer may appeal is the preset's (`lifecycle.appeal_right`):
Rhondda Cynon Taf allows it at Stage 1 only, within 15 working days; West
Oxfordshire at Step 3, within one month; the managed contact register
council and Welwyn Hatfield give no right of appeal. Where there is none the
answer is a `Refusal` that points the customer to the Ombudsman, not an
error: the member of staff needs words to reply with.

A late appeal is recorded and accepted for hearing, flagged late in the
result, the audit trail and the owner's notice. No policy says a late appeal
must be turned away, and a council that refuses one unheard invites a
complaint to the Ombudsman; the hearing officer weighs the lateness when
deciding. While an appeal runs the entry is marked "appeal in progress"
(status UNDER_APPEAL) where the preset says so, and the restrictions stay in
force: every preset that allows appeals keeps them, and UNDER_APPEAL is an
in-force status. The scheduler marks and unmarks entries the same way, so
the two never disagree.

The hearing officer must not have made or approved the original decision.
Only West Oxfordshire says so in terms, but it is what fairness asks of any
appeal, so it applies under every preset.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from register.access import Refusal, may_decide, may_see_full_record
from register.audit import AuditAction, AuditEntry
from register.decision_ports import DecisionSession, DecisionStore
from register.decision_records import LetterRecord
from register.decisions import officer
from register.ids import utcnow
from register.lifecycle import appeal_deadline, appeal_right
from register.policy import AppealClock, Preset
from register.restrictions import Officer, Restriction, Status
from register.reviewing import outcome_letter
from register.reviews import Appeal, AppealOutcome
from register.staff import StaffMember

SHORTEST_PREFIX = 6


@dataclass(frozen=True, slots=True)
class AppealReceived:
    """An appeal recorded: `late` when it came after the window; the entry as it now stands."""

    appeal: Appeal
    restriction: Restriction

    @property
    def late(self) -> bool:
        return not self.appeal.in_time


@dataclass(frozen=True, slots=True)
class AppealDecided:
    """An appeal decided, the restriction after it, and the outcome letter (None for a property)."""

    appeal: Appeal
    restriction: Restriction
    letter: LetterRecord | None


def _audit(actor: str, restriction_id: str, reason: str, detail: str) -> AuditEntry:
    return AuditEntry(actor, AuditAction.UPDATE, "restriction", restriction_id, reason, detail)


def _staff_refusal(staff: StaffMember, restriction: Restriction, doing: str) -> Refusal | None:
    if not may_decide(staff):
        return Refusal(f"Only a manager can {doing}. Pass the appeal to your service manager.")
    if not may_see_full_record(staff, restriction):
        return Refusal(
            f"This restriction belongs to {restriction.scope_label}; "
            f"a manager in that service must {doing}."
        )
    return None


# ---- Receiving ------------------------------------------------------------------------


def _no_right(preset: Preset, restriction: Restriction, h_and_s: bool) -> Refusal | None:
    """The refusal, with the Ombudsman route, where the policy gives no right of appeal."""
    right = appeal_right(preset, restriction.stage, health_and_safety_exclusion=h_and_s)
    if right.allowed:
        return None
    names = [
        o.name[0].lower() + o.name[1:] if o.name.startswith("The ") else o.name
        for o in preset.ombudsman
    ]
    return Refusal(
        f"There is no right of appeal under this policy. {right.reason} "
        f"The customer may go to {' or '.join(names)} once the council's complaints "
        "process is complete."
    )


def _open_appeal(session: DecisionSession, restriction_id: str) -> Appeal | None:
    return next((a for a in session.appeals_for(restriction_id) if a.outcome is None), None)


def _deadline(preset: Preset, restriction: Restriction, h_and_s: bool) -> date | None:
    """The window's last day, counted as the scheduler counts it.

    Counted from the restriction's start (the decision) or the day the
    customer was told, as the preset says; when the customer has not yet
    been recorded as told, the clock has not started and there is no deadline.
    """
    clock = preset.appeal.counts_from
    start = restriction.start if clock is AppealClock.DECISION else restriction.customer_told_on
    if start is None:
        return None
    return appeal_deadline(start, preset, restriction.stage, health_and_safety_exclusion=h_and_s)


def _receivable(
    session: DecisionSession,
    preset: Preset,
    restriction: Restriction,
    received_on: date,
    h_and_s: bool,
) -> Refusal | None:
    if restriction.person_id is None:
        return Refusal("A property entry has no customer to appeal it.")
    if not restriction.in_force:
        return Refusal(
            f"This restriction is {restriction.status.value.replace('_', ' ')}; "
            "only a restriction in force can be appealed."
        )
    if received_on < restriction.start:
        return Refusal("An appeal cannot be received before the decision it is against.")
    already = _open_appeal(session, restriction.id)
    if already is not None:
        return Refusal(
            f"An appeal received on {already.received_on} is still to be decided; "
            "add these grounds to it rather than opening another."
        )
    return _no_right(preset, restriction, h_and_s)


def receive_appeal(
    store: DecisionStore,
    preset: Preset,
    restriction_id: str,
    received_on: date,
    grounds: str,
    by: StaffMember,
    *,
    health_and_safety_exclusion: bool = False,
) -> AppealReceived | Refusal:
    """Record an appeal with its deadline, mark the entry "appeal in progress", and audit it.

    Pass `health_and_safety_exclusion` for an exclusion from council
    buildings made for health and safety (Rhondda Cynon Taf: no appeal).
    """
    if not grounds.strip():
        return Refusal("Record the customer's grounds of appeal (a summary is enough).")
    with store.transaction() as session:
        restriction = session.restriction(restriction_id)
        if restriction is None:
            return Refusal("That restriction is not in the register.")
        refusal = _staff_refusal(by, restriction, "record an appeal") or _receivable(
            session, preset, restriction, received_on, health_and_safety_exclusion
        )
        if refusal:
            return refusal
        deadline = _deadline(preset, restriction, health_and_safety_exclusion)
        appeal = Appeal(restriction.id, received_on, deadline, grounds.strip())
        after = restriction
        if preset.appeal.entry_marked_appeal_in_progress and restriction.status is Status.ACTIVE:
            after = replace(restriction.moved_to(Status.UNDER_APPEAL), updated_at=utcnow())
            session.update(after)
        session.add(appeal)
        timing = "no time limit" if deadline is None else f"deadline {deadline}"
        if not appeal.in_time:
            timing += "; received late, accepted for hearing"
        detail = f"appeal {appeal.id}; {timing}; status {after.status.value}"
        session.audit(_audit(by.id, restriction.id, "appeal received", detail))
    return AppealReceived(appeal, after)


# ---- Finding an appeal ------------------------------------------------------------------


def find_appeal(session: DecisionSession, ref: str) -> tuple[Appeal, Restriction] | Refusal:
    """The appeal with this id, or the only one whose id starts with `ref`, and its restriction.

    The register's session looks appeals up by restriction, so this walks
    the restrictions, those marked under appeal first (where an open appeal
    almost always is). A session method to fetch an appeal by id would make
    this one query.
    """
    ref = ref.strip().lower()
    if len(ref) < SHORTEST_PREFIX:
        return Refusal(f"Give at least {SHORTEST_PREFIX} characters of the appeal's id.")
    restrictions = sorted(
        session.all_restrictions(), key=lambda r: r.status is not Status.UNDER_APPEAL
    )
    found: list[tuple[Appeal, Restriction]] = []
    for restriction in restrictions:
        for appeal in session.appeals_for(restriction.id):
            if appeal.id == ref:
                return appeal, restriction
            if appeal.id.startswith(ref):
                found.append((appeal, restriction))
    if len(found) == 1:
        return found[0]
    if found:
        return Refusal(f"{len(found)} appeals start with {ref!r}; give more of the id.")
    return Refusal("That appeal is not in the register.")


# ---- Deciding --------------------------------------------------------------------------


def _same_officer(staff: StaffMember, named: Officer | None) -> bool:
    return named is not None and " ".join(named.name.casefold().split()) == " ".join(
        staff.name.casefold().split()
    )


def _hearing_refusal(
    heard_by: StaffMember, appeal: Appeal, restriction: Restriction, decided_on: date
) -> Refusal | None:
    if appeal.outcome is not None:
        return Refusal(f"That appeal was already decided ({appeal.outcome.label}).")
    refusal = _staff_refusal(heard_by, restriction, "decide an appeal")
    if refusal:
        return refusal
    if _same_officer(heard_by, restriction.decided_by) or _same_officer(
        heard_by, restriction.approved_by
    ):
        return Refusal(
            f"{heard_by.name} made or approved the original decision, so cannot hear the "
            "appeal. It must be heard by an officer who was not involved."
        )
    if decided_on < appeal.received_on:
        return Refusal("An appeal cannot be decided before it was received.")
    return None


def _after_appeal(restriction: Restriction, outcome: AppealOutcome) -> Restriction:
    """Upheld lifts the restriction; otherwise an entry marked in progress is unmarked.

    A restriction a review lifted while the appeal ran is left as it is.
    """
    if not restriction.in_force:
        return restriction
    if outcome is AppealOutcome.UPHELD:
        lifted = restriction.moved_to(Status.LIFTED)
        return replace(lifted, next_review=None, updated_at=utcnow())
    if restriction.status is Status.UNDER_APPEAL:
        return replace(restriction.moved_to(Status.ACTIVE), updated_at=utcnow())
    return restriction


def decide_appeal(
    store: DecisionStore,
    preset: Preset,
    appeal_id: str,
    heard_by: StaffMember,
    outcome: AppealOutcome,
    decided_on: date,
) -> AppealDecided | Refusal:
    """Record the hearing officer's decision, apply it, open the outcome letter and audit it.

    `appeal_id` may be the full id or a unique first part of it (at least
    six characters), as staff quote it from a notice.
    """
    with store.transaction() as session:
        found = find_appeal(session, appeal_id)
        if isinstance(found, Refusal):
            return found
        appeal, restriction = found
        refusal = _hearing_refusal(heard_by, appeal, restriction, decided_on)
        if refusal:
            return refusal
        decided = replace(
            appeal, heard_by=officer(heard_by), outcome=outcome, decided_on=decided_on
        )
        after = _after_appeal(restriction, outcome)
        session.update(decided)
        if after is not restriction:
            session.update(after)
        letter = outcome_letter(session, preset, after, decided, heard_by, decided_on)
        detail = (
            f"appeal {appeal.id} {outcome.label}; status {after.status.value}; "
            f"appeal outcome letter {letter.id if letter else 'not needed'}"
        )
        session.audit(_audit(heard_by.id, restriction.id, "appeal decided", detail))
    return AppealDecided(decided, after, letter)
