"""What the proposer is told when their proposal is approved or refused, on the real databases."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from register.access import Refusal
from register.decisions import (
    Approval,
    Draft,
    Proposal,
    RefusedProposal,
    approve,
    propose_restriction,
    refuse,
)
from register.ids import new_id
from register.notices import NoticeAction, NoticeKind
from register.policy import load_preset
from register.restrictions import RestrictionType
from register.subjects import Person
from store.repository import SqlRegisterStore
from store.tables import AuditEntryRow, AuditPrunePermitRow, table
from tests.register.test_decisions import DIRECTOR, HEAD, ON

PRESET = load_preset("managed-contact-register-council")
AUDIT, PERMIT = table(AuditEntryRow), table(AuditPrunePermitRow)


@pytest.fixture
def proposed(store: SqlRegisterStore) -> str:
    """A warning for Mr Owen Tate, proposed by Daniel Frost (Head of Housing Services)."""
    person = Person("Mr Owen Tate")
    store.bulk_add([person, DIRECTOR, HEAD])
    draft = Draft(RestrictionType.WARNING, "stage-1", "Shouted at reception.", ON, person.id)
    proposal = propose_restriction(store, PRESET, HEAD, draft)
    assert isinstance(proposal, Proposal)
    return proposal.restriction.id


def test_an_approval_tells_the_proposer_the_review_date_and_the_letter_to_make(
    store: SqlRegisterStore, proposed: str
) -> None:
    result = approve(store, PRESET, proposed, DIRECTOR, ON, "  Three visits in a week.  ")
    assert isinstance(result, Approval)
    (notice,) = result.notices
    assert (notice.kind, notice.recipient) == (NoticeKind.PROPOSAL_DECIDED, HEAD.id)
    assert (notice.record_type, notice.record_id) == ("restriction", proposed)
    assert notice.actions == (NoticeAction.OPEN_RECORD, NoticeAction.ACKNOWLEDGE)
    assert notice.title == "Your proposal was approved"
    assert notice.lines[0].startswith("Approved: Warning for Mr Owen Tate (")
    assert notice.lines[1:] == (
        "Decided by Helen Ashdown (Director of Governance) on Monday 3 March 2025.",
        "Their reasons: Three visits in a week.",
        "First review due by Wednesday 3 September 2025.",
        f"The decision letter is to be made (letter {result.letter.id}); the register "
        "administrator makes it and records the day it is sent.",
    )
    with store.transaction() as session:
        trail = [(e.reason, e.detail) for e in session.audit_for("restriction", proposed)]
    assert trail[-1] == ("approver's reasons", "Three visits in a week.")


def test_an_approval_without_reasons_says_none(store: SqlRegisterStore, proposed: str) -> None:
    result = approve(store, PRESET, proposed, DIRECTOR, ON)
    assert isinstance(result, Approval)
    (notice,) = result.notices
    assert not any(line.startswith("Their reasons") for line in notice.lines)
    with store.transaction() as session:
        reasons = [e.reason for e in session.audit_for("restriction", proposed)]
    assert "approver's reasons" not in reasons


def test_a_refusal_tells_the_proposer_the_reasons(store: SqlRegisterStore, proposed: str) -> None:
    result = refuse(store, proposed, DIRECTOR, " Speak to the customer first. ", ON)
    assert isinstance(result, RefusedProposal)
    (notice,) = result.notices
    assert (notice.kind, notice.recipient) == (NoticeKind.PROPOSAL_DECIDED, HEAD.id)
    assert notice.title == "Your proposal was refused"
    assert notice.lines[0].startswith("Refused: Warning for Mr Owen Tate (")
    assert notice.lines[1:] == (
        "Decided by Helen Ashdown (Director of Governance) on Monday 3 March 2025.",
        "Their reasons: Speak to the customer first.",
        "It will not apply. Act on the reasons before proposing it again.",
    )


def test_a_proposer_deciding_their_own_proposal_is_not_told(
    store: SqlRegisterStore, proposed: str
) -> None:
    # Daniel Frost is a Head of Service, so he may approve his own stage-1 proposal.
    result = approve(store, PRESET, proposed, HEAD, ON, "Urgent.")
    assert isinstance(result, Approval) and result.notices == ()


def test_with_the_proposal_entry_pruned_the_proposer_is_still_told(
    store: SqlRegisterStore, proposed: str
) -> None:
    """Audit retention removed the CREATE entry; the proposer kept on the restriction remains."""
    permit = new_id()
    with store.engine.begin() as connection:
        later = datetime(2999, 1, 1, tzinfo=UTC)
        connection.execute(sa.insert(PERMIT).values(id=permit, prunes_before=later))
        connection.execute(sa.delete(AUDIT).where(AUDIT.c.subject_id == proposed))
        connection.execute(sa.delete(PERMIT).where(PERMIT.c.id == permit))
    refused = refuse(store, proposed, DIRECTOR, "Not needed.", ON)
    assert isinstance(refused, RefusedProposal)
    assert [notice.recipient for notice in refused.notices] == [HEAD.id]


def test_with_no_proposer_known_the_decision_stands_and_nobody_is_told(
    store: SqlRegisterStore, proposed: str
) -> None:
    """An imported proposal has no proposer: the decision is made all the same."""
    with store.transaction() as session:
        found = session.restriction(proposed)
        assert found is not None
        session.update(replace(found, proposed_by=None))
    refused = refuse(store, proposed, DIRECTOR, "Not needed.", ON)
    assert isinstance(refused, RefusedProposal) and refused.notices == ()
    assert isinstance(approve(store, PRESET, proposed, DIRECTOR, ON), Refusal)
