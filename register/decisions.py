"""Deciding restrictions: propose, approve or refuse, and the letters that follow.

A manager proposes a restriction at a step of the council's ladder; it
waits, PROPOSED, for the approver the preset names for that step. The
ladder is enforced here: a step may be skipped only where the preset
allows it, on the grounds it names, and only with a reason recorded (and,
where the policy says so, given to the customer in the letter). An
approval makes the restriction ACTIVE, sets its review date and opens the
decision letter; whether that letter went out, or why not, is recorded
later. The proposer is told how their proposal was decided (the notice
comes back with the decision; see `register.decision_notices`). Expected
"no"s come back as `Refusal` values. Every change is audited in the same
unit of work.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from register.access import Refusal, may_decide
from register.audit import AuditAction, AuditEntry
from register.decision_notices import approved_notice, refused_notice
from register.decision_ports import DecisionSession, DecisionStore
from register.decision_records import LetterKind, LetterRecord, ProposalRefusal, StepSkip
from register.lifecycle import review_due, skip_allowed
from register.notices import Notice, NoticeAction, NoticeKind
from register.policy import Preset
from register.restrictions import Officer, Restriction, RestrictionType, Status
from register.staff import StaffMember


@dataclass(frozen=True, slots=True)
class Draft:
    """What a manager proposes: one arrangement, at one step, for a person or a property."""

    kind: RestrictionType
    stage: str
    reasons: str
    start: date
    person_id: str | None = None
    property_id: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    service: str | None = None
    provisional_end: date | None = None
    equality_considerations: str = ""


@dataclass(frozen=True, slots=True)
class Proposal:
    """A saved proposal: who must approve it (job titles), and whom to tell now."""

    restriction: Restriction
    approvers: tuple[str, ...]
    notices: tuple[Notice, ...]
    skipped: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Approval:
    """An approved restriction, the record of the decision letter it needs, and whom to tell."""

    restriction: Restriction
    letter: LetterRecord
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True, slots=True)
class RefusedProposal:
    """A refused proposal and whom to tell (the proposer, with the reasons)."""

    restriction: Restriction
    notices: tuple[Notice, ...] = ()


def _audit(
    actor: str, action: AuditAction, subject: str, reason: str, detail: str = ""
) -> AuditEntry:
    return AuditEntry(actor, action, "restriction", subject, reason, detail)


def officer(staff: StaffMember) -> Officer:
    """How the register names a member of staff on a decision."""
    return Officer(staff.name, staff.job_title)


# ---- Who may approve -----------------------------------------------------------


def _words(text: str) -> list[str]:
    return [word for word in text.casefold().replace("(", " ").replace(")", " ").split() if word]


def holds_role(job_title: str, role: str) -> bool:
    """Does a job title fit a role the preset names ("Head of Service" ~ "Head of Housing")?

    Councils' job titles vary, so each word of the role must begin some
    word of the title ("service" fits "services"). A role such as "service
    manager or above" cannot be checked against a title and is accepted
    from any manager; the approval is audited under the approver's name.
    """
    role = role.split("(")[0]
    if " or above" in role.casefold():
        return True
    title = _words(job_title)
    return all(any(word.startswith(part) for word in title) for part in _words(role))


def _may_approve(staff: StaffMember, titles: Iterable[str]) -> bool:
    return may_decide(staff) and any(holds_role(staff.job_title, title) for title in titles)


def _approver_for(
    session: DecisionSession, proposer: StaffMember, titles: tuple[str, ...]
) -> str | None:
    """The first manager up the proposer's line holding an approving role, else their own."""
    seen: set[str] = set()
    manager_id = proposer.manager_aad_id
    while manager_id and manager_id not in seen:
        seen.add(manager_id)
        manager = session.staff_member(manager_id)
        if manager is None:
            break
        if _may_approve(manager, titles):
            return manager.id
        manager_id = manager.manager_aad_id
    return proposer.manager_aad_id


# ---- The ladder ------------------------------------------------------------------


def _reached(session: DecisionSession, draft: Draft, preset: Preset) -> int:
    """The highest step (index) this customer has been placed at; -1 if none.

    A restriction counts once it was approved, unless it was lifted (an upheld
    appeal or a review that found it was not needed): that step did not stand.
    """
    if draft.person_id is not None:
        held = session.restrictions_for_person(draft.person_id)
    else:
        held = session.restrictions_for_property(draft.property_id or "")
    keys = preset.step_keys
    return max(
        (
            keys.index(r.stage)
            for r in held
            if r.stage in keys and r.approved_by is not None and r.status is not Status.LIFTED
        ),
        default=-1,
    )


def _start_of_climb(session: DecisionSession, draft: Draft, preset: Preset) -> str | None:
    """Where the ladder check starts: the step reached, or past any check-only step.

    A step that allows no restriction (Oxfordshire's Stage 1, "before action is
    taken") is a check the approver confirms, not a rung a restriction can stand
    on, so it can never be "reached" and is not counted as skipped.
    """
    keys = preset.step_keys
    target = keys.index(preset.step(draft.stage).key)
    checks = [i for i in range(target) if not preset.steps[i].allows]
    start = max([_reached(session, draft, preset), *checks])
    return keys[start] if start >= 0 else None


def _checks_before(preset: Preset, stage: str) -> tuple[str, ...]:
    """What the approver must confirm was done at check-only steps before this one."""
    target = preset.step_keys.index(stage)
    return tuple(
        f"Check first ({step.label}): {step.what}"
        for step in preset.steps[:target]
        if not step.allows
    )


# ---- Proposing -------------------------------------------------------------------


def _ladder_refusal(
    session: DecisionSession, preset: Preset, draft: Draft, grounds: tuple[str, ...], reason: str
) -> Refusal | tuple[str, ...]:
    """Why the ladder forbids this proposal, or the steps it skips (possibly none)."""
    step = preset.step(draft.stage)
    wrong_type = step.refusal_of(draft.kind)
    if wrong_type is not None:
        return Refusal(f"{wrong_type}.")
    decision = skip_allowed(preset, _start_of_climb(session, draft, preset), step.key, grounds)
    if not decision.allowed:
        return Refusal(f"{decision.reason} Propose the earlier step first.")
    if decision.skipped and not reason.strip():
        return Refusal(f"{decision.reason} Give the reason for going straight to {step.label}.")
    return decision.skipped


def _restriction(draft: Draft, proposer: StaffMember) -> Restriction:
    return Restriction(
        draft.kind,
        draft.person_id,
        draft.stage,
        draft.reasons,
        officer(proposer),
        draft.start,
        service=draft.service,
        params=dict(draft.params),
        property_id=draft.property_id,
        equality_considerations=draft.equality_considerations,
        provisional_end=draft.provisional_end,
        status=Status.PROPOSED,
        proposed_by=proposer.id,
    )


def _approval_notice(
    preset: Preset, proposal: Restriction, proposer: StaffMember, recipient: str, skip: str
) -> Notice:
    step = preset.step(proposal.stage)
    lines = (
        f"{proposer.name} ({proposer.job_title}) proposes: {proposal.kind.label}.",
        f"Step: {step.label}.",
        f"Needs approval by: {' or '.join(step.approved_by)}.",
        *((f"Steps skipped: {skip}",) if skip else ()),
        *_checks_before(preset, step.key),
    )
    return Notice(
        NoticeKind.APPROVAL_NEEDED,
        recipient,
        "A restriction needs your approval",
        lines,
        "restriction",
        proposal.id,
        urgent=bool(skip),
        actions=(NoticeAction.OPEN_RECORD,),
    )


def propose_restriction(
    store: DecisionStore,
    preset: Preset,
    proposer: StaffMember,
    draft: Draft,
    skip_reason: str | None = None,
    grounds: Iterable[str] = (),
    *,
    on: date | None = None,
) -> Proposal | Refusal:
    """Save a proposed restriction for the approver the preset names, or say why not."""
    if not may_decide(proposer):
        return Refusal("Only a manager can propose a restriction. Ask your service manager.")
    given = tuple(str(ground) for ground in grounds)
    reason = (skip_reason or "").strip()
    with store.transaction() as session:
        skipped = _ladder_refusal(session, preset, draft, given, reason)
        if isinstance(skipped, Refusal):
            return skipped
        proposal = _restriction(draft, proposer)
        session.add(proposal)
        skip_words = ""
        if skipped:
            when = on or draft.start
            session.add_skip(StepSkip(proposal.id, skipped, given, reason, officer(proposer), when))
            skip_words = f"{', '.join(skipped)} on grounds {', '.join(given)}: {reason}"
        approvers = preset.step(draft.stage).approved_by
        detail = f"at {draft.stage}; approvers: {'; '.join(approvers)}"
        if skipped:
            detail += f"; skipped {', '.join(skipped)} ({', '.join(given)})"
        session.audit(
            _audit(proposer.id, AuditAction.CREATE, proposal.id, "restriction proposed", detail)
        )
        recipient = _approver_for(session, proposer, approvers)
    notices = (
        (_approval_notice(preset, proposal, proposer, recipient, skip_words),) if recipient else ()
    )
    return Proposal(proposal, approvers, notices, skipped)


# ---- Approving and refusing ------------------------------------------------------------


def _pending(session: DecisionSession, restriction_id: str) -> Restriction | Refusal:
    found = session.restriction(restriction_id)
    if found is None:
        return Refusal("That restriction is not in the register.")
    if found.status is not Status.PROPOSED:
        return Refusal(f"That restriction is already {found.status.value.replace('_', ' ')}.")
    return found


def approve(
    store: DecisionStore,
    preset: Preset,
    restriction_id: str,
    approver: StaffMember,
    on: date,
    reasons: str = "",
) -> Approval | Refusal:
    """Make a proposed restriction active, set its review date and open its decision letter.

    The approver's reasons are optional; any given are audited beside the
    approval and passed on to the proposer.
    """
    reasons = reasons.strip()
    with store.transaction() as session:
        found = _pending(session, restriction_id)
        if isinstance(found, Refusal):
            return found
        titles = preset.step(found.stage).approved_by
        if not _may_approve(approver, titles):
            return Refusal(f"Only the {' or '.join(titles)} may approve this restriction.")
        active = replace(
            found.moved_to(Status.ACTIVE),
            approved_by=officer(approver),
            next_review=review_due(on, preset, found.stage),
        )
        letter = LetterRecord(active.id, LetterKind.DECISION, on)
        session.update(active)
        session.add_letter(letter)
        detail = f"next review {active.next_review}; decision letter {letter.id}"
        session.audit(
            _audit(approver.id, AuditAction.UPDATE, active.id, "restriction approved", detail)
        )
        if reasons:
            session.audit(
                _audit(approver.id, AuditAction.UPDATE, active.id, "approver's reasons", reasons)
            )
        notices = approved_notice(session, active, letter, approver, reasons, on)
    return Approval(active, letter, notices)


def refuse(
    store: DecisionStore, restriction_id: str, approver: StaffMember, reasons: str, on: date
) -> RefusedProposal | Refusal:
    """Refuse a proposed restriction; the reasons are required, kept and sent to the proposer."""
    if not may_decide(approver):
        return Refusal("Only a manager can refuse a proposed restriction.")
    if not reasons.strip():
        return Refusal("Give the reasons for refusing, so the proposer can act on them.")
    with store.transaction() as session:
        found = _pending(session, restriction_id)
        if isinstance(found, Refusal):
            return found
        refused = found.moved_to(Status.REFUSED)
        session.update(refused)
        session.add_proposal_refusal(
            ProposalRefusal(refused.id, officer(approver), on, reasons.strip())
        )
        session.audit(_audit(approver.id, AuditAction.UPDATE, refused.id, "restriction refused"))
        notices = refused_notice(session, refused, approver, reasons.strip(), on)
    return RefusedProposal(refused, notices)
