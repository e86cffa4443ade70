"""Proposing, approving and refusing restrictions on the real databases, ladder and all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from docx import Document

from letters import render_docx
from register.access import Refusal
from register.correspondence import letter_content, record_letter_not_sent, record_letter_sent
from register.decisions import (
    Approval,
    Draft,
    Proposal,
    approve,
    holds_role,
    propose_restriction,
    refuse,
)
from register.notices import NoticeKind
from register.policy import load_preset
from register.restrictions import RestrictionType, Status
from register.staff import Role, StaffMember
from register.subjects import Person, Property
from store.repository import SqlRegisterStore

ON = date(2025, 3, 3)


def _staff(key: str, name: str, title: str, role: Role, manager: str | None = None) -> StaffMember:
    return StaffMember(
        f"00000000-0000-4000-8000-0000000000{key}", name, title, role, manager_aad_id=manager
    )


DIRECTOR = _staff("01", "Helen Ashdown", "Director of Governance", Role.MANAGER)
HEAD = _staff("02", "Daniel Frost", "Head of Housing Services", Role.MANAGER, DIRECTOR.id)
OFFICER = _staff("03", "Priya Nandra", "Housing Officer", Role.FRONTLINE, HEAD.id)


@dataclass
class World:
    store: SqlRegisterStore
    person: Person


@pytest.fixture
def world(store: SqlRegisterStore) -> World:
    home = Property("9 Birch Row, Little Burford", "ZZ1 2AB")
    person = Person("Mr Owen Tate", property_id=home.id)
    store.bulk_add([home, person, DIRECTOR, HEAD, OFFICER])
    return World(store, person)


def _draft(world: World, stage: str, kind: RestrictionType, **params: str) -> Draft:
    return Draft(
        kind,
        stage,
        "Shouted at reception staff on three visits.",
        ON,
        world.person.id,
        params=params,
    )


def _propose(
    world: World,
    preset_name: str,
    draft: Draft,
    skip_reason: str | None = None,
    grounds: tuple[str, ...] = (),
) -> Proposal | Refusal:
    return propose_restriction(
        world.store, load_preset(preset_name), HEAD, draft, skip_reason, grounds
    )


def _saved_status(world: World, restriction_id: str) -> Status | None:
    with world.store.transaction() as session:
        found = session.restriction(restriction_id)
    return found.status if found else None


# ---- The ladder ---------------------------------------------------------------------


def test_a_frontline_officer_cannot_propose(world: World) -> None:
    draft = _draft(world, "step-1", RestrictionType.WARNING)
    result = propose_restriction(world.store, load_preset("west-oxfordshire-dc"), OFFICER, draft)
    assert isinstance(result, Refusal)
    assert "manager" in result.reason


def test_west_oxfordshire_skips_the_warnings_for_violence_with_a_reason(world: World) -> None:
    draft = _draft(world, "step-3", RestrictionType.PREMISES_BAN, premises="the Elmfield offices")
    result = _propose(
        world, "west-oxfordshire-dc", draft, skip_reason="Punched a window.", grounds=("violence",)
    )
    assert isinstance(result, Proposal)
    assert result.skipped == ("step-1", "step-2")
    assert result.restriction.status is Status.PROPOSED
    with world.store.transaction() as session:
        skip = session.skip_for(result.restriction.id)
    assert skip is not None and skip.reason == "Punched a window."
    assert _saved_status(world, result.restriction.id) is Status.PROPOSED


def test_west_oxfordshire_skip_without_a_reason_is_refused(world: World) -> None:
    draft = _draft(world, "step-3", RestrictionType.PREMISES_BAN, premises="the Elmfield offices")
    result = _propose(world, "west-oxfordshire-dc", draft, grounds=("violence",))
    assert isinstance(result, Refusal)
    assert "Give the reason" in result.reason


@pytest.mark.parametrize("grounds", [("extreme_contact",), ()])
def test_west_oxfordshire_refuses_a_skip_for_excessive_contact(
    world: World, grounds: tuple[str, ...]
) -> None:
    draft = _draft(world, "step-3", RestrictionType.SPOC, officer="Ruth Kellaway")
    result = _propose(
        world, "west-oxfordshire-dc", draft, skip_reason="Emails every hour.", grounds=grounds
    )
    assert isinstance(result, Refusal)
    assert (
        "Step 1: verbal warning may be skipped only for violence or serious threats"
        in result.reason
    )
    with world.store.transaction() as session:
        assert session.restrictions_for_person(world.person.id) == []  # nor a skip, then


def test_a_type_the_step_does_not_allow_is_refused(world: World) -> None:
    draft = _draft(world, "stage-1", RestrictionType.PREMISES_BAN, premises="the Pavilions")
    result = _propose(world, "rhondda-cynon-taf", draft)
    assert isinstance(result, Refusal)
    assert "allows warning, not banned" in result.reason.replace("premises ban", "banned")


def test_rct_stage_2_needs_stage_1_first_or_exceptional_circumstances(world: World) -> None:
    draft = _draft(world, "stage-2", RestrictionType.SPOC, officer="Ruth Kellaway")
    assert isinstance(_propose(world, "rhondda-cynon-taf", draft), Refusal)
    allowed = _propose(
        world,
        "rhondda-cynon-taf",
        draft,
        skip_reason="Threats to burn the depot.",
        grounds=("exceptional_circumstances",),
    )
    assert isinstance(allowed, Proposal)
    assert allowed.skipped == ("stage-1",)


def test_after_an_approved_stage_1_stage_2_skips_nothing(world: World) -> None:
    preset = load_preset("managed-contact-register-council")
    first = _propose(
        world,
        preset.source.removesuffix(".toml"),
        _draft(world, "stage-1", RestrictionType.WARNING),
    )
    assert isinstance(first, Proposal)
    assert isinstance(approve(world.store, preset, first.restriction.id, HEAD, ON), Approval)
    second = _propose(
        world,
        "managed-contact-register-council",
        _draft(world, "stage-2", RestrictionType.NO_CALLS),
    )
    assert isinstance(second, Proposal)
    assert second.skipped == ()
    assert second.approvers == ("Director of Governance",)


def test_the_proposer_is_kept_on_the_restriction_through_its_approval(world: World) -> None:
    """Reminders go to the proposer for as long as it runs, after the audit trail is pruned."""
    preset = load_preset("managed-contact-register-council")
    proposal = _propose(
        world, "managed-contact-register-council", _draft(world, "stage-1", RestrictionType.WARNING)
    )
    assert isinstance(proposal, Proposal)
    assert proposal.restriction.proposed_by == HEAD.id
    assert isinstance(approve(world.store, preset, proposal.restriction.id, DIRECTOR, ON), Approval)
    with world.store.transaction() as session:
        saved = session.restriction(proposal.restriction.id)
    assert saved is not None
    assert (saved.status, saved.proposed_by) == (Status.ACTIVE, HEAD.id)


def test_oxfordshire_stage_2_asks_the_approver_to_confirm_the_stage_1_check(world: World) -> None:
    result = _propose(
        world,
        "oxfordshire-cc",
        _draft(world, "stage-2", RestrictionType.SPOC, officer="Ruth Kellaway"),
    )
    assert isinstance(result, Proposal)
    [notice] = result.notices
    assert notice.kind is NoticeKind.APPROVAL_NEEDED
    assert any(
        line.startswith("Check first (Stage 1: before action is taken)") for line in notice.lines
    )


def test_the_approval_notice_goes_up_the_line_to_the_named_approver(world: World) -> None:
    result = _propose(
        world,
        "managed-contact-register-council",
        _draft(world, "stage-2", RestrictionType.NO_CALLS),
        skip_reason="Forty calls in one day, swearing at staff.",
        grounds=("extreme_contact",),
    )
    assert isinstance(result, Proposal)
    [notice] = result.notices
    assert notice.recipient == DIRECTOR.id
    assert notice.urgent
    assert "Needs approval by: Director of Governance." in notice.lines


def test_job_titles_fit_the_roles_a_preset_names() -> None:
    assert holds_role("Head of Housing Services", "Head of Service")
    assert holds_role("Director of Governance", "Director")
    assert not holds_role("Housing Officer", "Head of Service")
    assert holds_role("Team Leader", "service manager or above")


# ---- Approval and refusal -------------------------------------------------------------

# preset, step, kind, params, approver's job title, review months
APPROVALS = [
    (
        "oxfordshire-cc",
        "stage-2",
        RestrictionType.SPOC,
        {"officer": "Ruth Kellaway"},
        "Monitoring Officer",
        3,
    ),
    (
        "managed-contact-register-council",
        "stage-1",
        RestrictionType.WARNING,
        {},
        "Head of Service",
        6,
    ),
    ("rhondda-cynon-taf", "stage-1", RestrictionType.WARNING, {}, "Service Director", 12),
    ("west-oxfordshire-dc", "step-1", RestrictionType.WARNING, {}, "Business Manager", 6),
    ("welwyn-hatfield-bc", "step-1", RestrictionType.WARNING, {}, "Service Manager", 12),
]


@pytest.mark.parametrize(("name", "step", "kind", "params", "title", "months"), APPROVALS)
def test_approval_sets_the_next_review_the_preset_gives(
    world: World,
    name: str,
    step: str,
    kind: RestrictionType,
    params: dict[str, str],
    title: str,
    months: int,
) -> None:
    preset = load_preset(name)
    proposal = _propose(world, name, _draft(world, step, kind, **params))
    assert isinstance(proposal, Proposal)
    approver = _staff("09", "Carys Pritchard", title, Role.MANAGER)
    result = approve(world.store, preset, proposal.restriction.id, approver, ON)
    assert isinstance(result, Approval)
    assert result.restriction.status is Status.ACTIVE
    assert result.restriction.next_review == date(
        2025 + (3 + months - 1) // 12, (3 + months - 1) % 12 + 1, 3
    )
    assert result.restriction.approved_by is not None
    assert result.restriction.approved_by.name == "Carys Pritchard"
    with world.store.transaction() as session:
        saved = session.restriction(proposal.restriction.id)
        trail = [
            entry.reason for entry in session.audit_for("restriction", proposal.restriction.id)
        ]
    assert saved is not None and saved.next_review == result.restriction.next_review
    assert trail == ["restriction proposed", "restriction approved"]


def test_only_the_named_approver_may_approve(world: World) -> None:
    preset = load_preset("managed-contact-register-council")
    proposal = _propose(
        world, "managed-contact-register-council", _draft(world, "stage-1", RestrictionType.WARNING)
    )
    assert isinstance(proposal, Proposal)
    clerk = _staff("08", "Amy Reed", "Customer Services Team Leader", Role.MANAGER)
    result = approve(world.store, preset, proposal.restriction.id, clerk, ON)
    assert isinstance(result, Refusal)
    assert result.reason == "Only the Head of Service or Director may approve this restriction."
    assert _saved_status(world, proposal.restriction.id) is Status.PROPOSED


def test_refusal_is_recorded_with_its_reasons(world: World) -> None:
    proposal = _propose(
        world, "welwyn-hatfield-bc", _draft(world, "step-1", RestrictionType.WARNING)
    )
    assert isinstance(proposal, Proposal)
    rid = proposal.restriction.id
    assert isinstance(refuse(world.store, rid, DIRECTOR, "   ", ON), Refusal)
    refused = refuse(world.store, rid, DIRECTOR, "Speak to the customer first.", ON)
    assert not isinstance(refused, Refusal)
    assert _saved_status(world, rid) is Status.REFUSED
    with world.store.transaction() as session:
        kept = session.proposal_refusal_for(rid)
    assert kept is not None and kept.reasons == "Speak to the customer first."
    assert isinstance(
        approve(world.store, load_preset("welwyn-hatfield-bc"), rid, DIRECTOR, ON), Refusal
    )


# ---- The decision letter ---------------------------------------------------------------


def _approved(world: World) -> Approval:
    preset = load_preset("rhondda-cynon-taf")
    proposal = _propose(
        world, "rhondda-cynon-taf", _draft(world, "stage-1", RestrictionType.WARNING)
    )
    assert isinstance(proposal, Proposal)
    approver = _staff("07", "Carys Pritchard", "Service Director", Role.MANAGER)
    result = approve(world.store, preset, proposal.restriction.id, approver, ON)
    assert isinstance(result, Approval)
    return result


def test_sending_the_letter_records_when_the_customer_was_told(world: World) -> None:
    approval = _approved(world)
    sent = record_letter_sent(world.store, approval.letter.id, date(2025, 3, 4), HEAD)
    assert not isinstance(sent, Refusal)
    assert sent.sent_on == date(2025, 3, 4)
    with world.store.transaction() as session:
        restriction = session.restriction(approval.restriction.id)
    assert restriction is not None and restriction.customer_told_on == date(2025, 3, 4)
    again = record_letter_sent(world.store, approval.letter.id, date(2025, 3, 5), HEAD)
    assert isinstance(again, Refusal)


def test_not_sending_the_letter_needs_a_reason(world: World) -> None:
    approval = _approved(world)
    refused = record_letter_not_sent(world.store, approval.letter.id, "  ", HEAD)
    assert isinstance(refused, Refusal)
    assert refused.reason == "Give the reason the letter is not being sent."
    kept = record_letter_not_sent(
        world.store, approval.letter.id, "Customer died on 2 March.", HEAD
    )
    assert not isinstance(kept, Refusal)
    with world.store.transaction() as session:
        saved = session.letter(approval.letter.id)
    assert saved is not None and saved.not_sent_reason == "Customer died on 2 March."


def test_the_approved_decision_renders_as_a_letter_from_the_register(world: World) -> None:
    from io import BytesIO

    approval = _approved(world)
    letter = letter_content(world.store, load_preset("rhondda-cynon-taf"), approval.letter.id)
    assert not isinstance(letter, Refusal)
    text = "\n".join(p.text for p in Document(BytesIO(render_docx(letter))).paragraphs)
    assert "Dear Mr Owen Tate" in text
    assert "by 24 March 2025" in text
    assert "Shouted at reception staff on three visits." in text
