"""The proposer hears how their proposal was decided, as transcripts over the real store.

Tom Hale (Housing Services Manager) proposes; Wendy Marsh (Head of Customer
Services, Tom's manager) approves or refuses from the approval card, and
Tom's card says which, who decided, her reasons and, for an approval, the
first review date and the decision letter still to make. Nobody is told
when Wendy decides her own proposal, or when audit retention has pruned
the entry that says who proposed it; the decision works regardless.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from cards.notice import notice_card
from register.ids import new_id, utcnow
from register.notices import Delivery, Notice, NoticeKind
from register.restrictions import Restriction, Status
from store.repository import SqlRegisterStore
from store.tables import AuditEntryRow, AuditPrunePermitRow, table
from tests.bot.test_transcripts_proposals import WENDY, _filled, _propose_button
from tests.bot.transcript import FakeNotifier, Seen, Transcript, run
from tests.samples import SampleRegister

AUDIT, PERMIT = table(AuditEntryRow), table(AuditPrunePermitRow)


@pytest.fixture
def register(store: SqlRegisterStore, sample_register: SampleRegister) -> SampleRegister:
    """The sample register with an approver: Wendy, whom Tom reports to."""
    with store.transaction() as session:
        session.add(WENDY)
        session.update(replace(sample_register.manager, manager_aad_id=WENDY.aad_object_id))
    return sample_register


def _decided(chat: Transcript) -> list[Notice]:
    return [n for n in chat.notifier.notices if n.kind is NoticeKind.PROPOSAL_DECIDED]


async def _proposed_by_tom(chat: Transcript, register: SampleRegister, **inputs: str) -> Seen:
    """Tom proposes from the incident card; returns the approval card Wendy is sent."""
    tom = register.manager
    form = await chat.press(tom, _propose_button(register))
    await chat.press(tom, _filled(form, stage="stage-1", **inputs))
    (approval,) = chat.notifier.notices
    return Seen([], [notice_card(approval)])


def _proposed(store: SqlRegisterStore, person_id: str) -> Restriction:
    with store.transaction() as session:
        (found,) = [r for r in session.restrictions_for_person(person_id) if r.stage == "stage-1"]
    return found


def test_the_proposer_is_told_of_an_approval_with_the_review_date_and_the_letter(
    store: SqlRegisterStore, register: SampleRegister
) -> None:
    chat = Transcript(store)

    async def scenario() -> None:
        card = await _proposed_by_tom(chat, register, kind="spoc", param_officer="Tom Hale")
        approved = await chat.press(
            WENDY, {**card.button("Approve"), "reasons": "Calls continued after warnings."}
        )
        assert approved.text.startswith("Approved. Single point of contact for Gary Rowe")

    run(scenario())
    active = _proposed(store, register.gary.id)
    assert active.status is Status.ACTIVE and active.next_review is not None
    (notice,) = _decided(chat)
    assert notice.recipient == register.manager.id
    told = Seen([], [notice_card(notice)])
    assert "Your proposal was approved" in told.card_text
    assert "Approved: Single point of contact for Gary Rowe" in told.card_text
    assert "Decided by Wendy Marsh (Head of Customer Services)" in told.card_text
    assert "Their reasons: Calls continued after warnings." in told.card_text
    review = active.next_review
    assert f"First review due by {review:%A} {review.day} {review:%B %Y}." in told.card_text
    assert "The decision letter is to be made (letter " in told.card_text
    assert told.button("Open record") == {
        "action": "open_record",
        "record": "restriction",
        "id": active.id,
    }
    assert told.button("Acknowledge")["id"] == active.id
    with store.transaction() as session:
        (told_entry,) = [
            e
            for e in session.audit_for("restriction", active.id)
            if e.reason == "proposer told of the decision"
        ]
    assert told_entry.detail == f"to {register.manager.id} via teams: delivered"


def test_the_proposer_is_told_of_a_refusal_with_its_reasons(
    store: SqlRegisterStore, register: SampleRegister
) -> None:
    chat = Transcript(store)

    async def scenario() -> None:
        card = await _proposed_by_tom(chat, register, kind="warning")
        refused = await chat.press(
            WENDY, {**card.button("Refuse"), "reasons": "Talk to him first; one incident only."}
        )
        assert refused.text.startswith("Refused. Warning for Gary Rowe will not apply.")

    run(scenario())
    assert _proposed(store, register.gary.id).status is Status.REFUSED
    (notice,) = _decided(chat)
    assert notice.recipient == register.manager.id
    told = Seen([], [notice_card(notice)])
    assert "Your proposal was refused" in told.card_text
    assert "Refused: Warning for Gary Rowe" in told.card_text
    assert "Decided by Wendy Marsh (Head of Customer Services)" in told.card_text
    assert "Their reasons: Talk to him first; one incident only." in told.card_text
    assert "First review" not in told.card_text and "decision letter" not in told.card_text


def test_an_approver_deciding_their_own_proposal_is_not_told(
    store: SqlRegisterStore, register: SampleRegister
) -> None:
    chat = Transcript(store)

    async def scenario() -> None:
        form = await chat.say(WENDY, "propose a restriction for Gary Rowe")
        fields = {"kind": "warning", "stage": "stage-1", "reasons": "Repeated abusive emails."}
        done = await chat.press(WENDY, _filled(form, person="Gary Rowe", **fields))
        assert done.text.startswith("Proposed: Warning for Gary Rowe")
        rid = _proposed(store, register.gary.id).id
        approved = await chat.press(WENDY, {"action": "approve_restriction", "id": rid})
        assert approved.text.startswith("Approved. Warning for Gary Rowe is now in force.")

    run(scenario())
    assert _proposed(store, register.gary.id).status is Status.ACTIVE
    assert _decided(chat) == []


def _prune_proposal_entry(store: SqlRegisterStore, restriction_id: str) -> None:
    """What audit retention does to a very old proposal's entry (under a prune permit)."""
    permit, later = new_id(), utcnow() + timedelta(days=1)
    with store.engine.begin() as connection:
        connection.execute(sa.insert(PERMIT).values(id=permit, prunes_before=later))
        connection.execute(
            sa.delete(AUDIT).where(
                AUDIT.c.subject_id == restriction_id, AUDIT.c.reason == "restriction proposed"
            )
        )
        connection.execute(sa.delete(PERMIT).where(PERMIT.c.id == permit))


def test_with_the_proposal_entry_pruned_the_proposer_is_still_told(
    store: SqlRegisterStore, register: SampleRegister
) -> None:
    """Audit retention prunes the CREATE entry; the proposer is kept on the restriction."""
    chat = Transcript(store)

    async def scenario() -> None:
        card = await _proposed_by_tom(chat, register, kind="warning")
        _prune_proposal_entry(store, _proposed(store, register.gary.id).id)
        approved = await chat.press(WENDY, card.button("Approve"))
        assert approved.text.startswith("Approved. Warning for Gary Rowe is now in force.")

    run(scenario())
    assert _proposed(store, register.gary.id).status is Status.ACTIVE
    assert [notice.recipient for notice in _decided(chat)] == [register.manager.id]


@dataclass
class BrokenForDecisions(FakeNotifier):
    """Delivers approval requests; raises on the proposer's notice, as a Teams outage would."""

    async def notify(self, notice: Notice) -> Delivery:
        if notice.kind is NoticeKind.PROPOSAL_DECIDED:
            raise ConnectionError("Teams is down")
        return await super().notify(notice)


def test_a_failed_delivery_to_the_proposer_neither_undoes_nor_hides_the_decision(
    store: SqlRegisterStore, register: SampleRegister, caplog: pytest.LogCaptureFixture
) -> None:
    chat = Transcript(store, notifier=BrokenForDecisions())

    async def scenario() -> Any:
        card = await _proposed_by_tom(chat, register, kind="warning")
        return await chat.press(WENDY, {**card.button("Refuse"), "reasons": "Too soon."})

    refused = run(scenario())
    assert refused.text.startswith("Refused. Warning for Gary Rowe will not apply.")
    refusal = _proposed(store, register.gary.id)
    assert refusal.status is Status.REFUSED
    assert "could not deliver a proposal_decided notice" in caplog.text
    with store.transaction() as session:
        trail = session.audit_for("restriction", refusal.id)
    (told,) = [e for e in trail if e.reason == "proposer told of the decision"]
    assert told.detail.endswith("via none: not delivered")
