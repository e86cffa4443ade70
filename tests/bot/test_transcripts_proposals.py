"""Proposing, approving and refusing restrictions in Teams, as transcripts over the real store.

Tom Hale (Housing Services Manager) proposes; Wendy Marsh (Head of Customer
Services, Tom's manager) approves or refuses, from the card the notifier
delivers. Runs on SQLite and PostgreSQL, under the default preset (a
two-stage ladder) and West Oxfordshire's (violence skips the warnings).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from cards.notice import notice_card
from register.notices import NoticeKind
from register.policy import load_preset
from register.restrictions import Restriction, RestrictionType, Status
from register.staff import Role, StaffMember
from store.repository import SqlRegisterStore
from tests.bot.transcript import Seen, Transcript, run
from tests.samples import SampleRegister

WENDY = StaffMember(
    "5f0c1e2a-0000-4000-8000-00000000aa09",
    "Wendy Marsh",
    "Head of Customer Services",
    Role.MANAGER,
    service="Customer Services",
)
EQUALITY = "No known disability; letters in large print offered."


@pytest.fixture
def register(store: SqlRegisterStore, sample_register: SampleRegister) -> SampleRegister:
    """The sample register with an approver: Wendy, whom Tom reports to."""
    with store.transaction() as session:
        session.add(WENDY)
        session.update(replace(sample_register.manager, manager_aad_id=WENDY.aad_object_id))
    return sample_register


def _propose_button(sample: SampleRegister) -> dict[str, Any]:
    return {"action": "propose_restriction", "record": "incident", "id": sample.incident.id}


def _filled(form: Seen, **inputs: str) -> dict[str, Any]:
    """What Teams sends when the form is filled in with `inputs` and Propose is pressed.

    Teams sends every input's value, the prefilled ones included, with the button's data.
    """
    prefilled = {
        element["id"]: element.get("value", "")
        for element in form.cards[0]["body"]
        if str(element.get("type", "")).startswith("Input.")
    }
    return {**prefilled, **form.button("Propose"), "equality": EQUALITY, **inputs}


def _reasons_on(card: dict[str, Any]) -> str:
    return next(
        element.get("value", "") for element in card["body"] if element.get("id") == "reasons"
    )


def _shown(node: Any) -> str:
    """The words a card shows (texts, titles, labels); choice values are sent, never shown."""
    if isinstance(node, list):
        return "\n".join(_shown(item) for item in node)
    if not isinstance(node, dict):
        return ""
    own = [str(node[key]) for key in ("text", "title", "label") if isinstance(node.get(key), str)]
    return "\n".join([*own, *(_shown(v) for v in node.values() if isinstance(v, dict | list))])


def _restrictions(store: SqlRegisterStore, person_id: str) -> list[Restriction]:
    with store.transaction() as session:
        return list(session.restrictions_for_person(person_id))


def test_a_manager_proposes_from_an_incident_card_and_the_approver_approves(
    store: SqlRegisterStore, register: SampleRegister
) -> None:
    chat = Transcript(store)
    tom, gary = register.manager, register.gary

    async def scenario() -> None:
        form = await chat.press(tom, _propose_button(register))
        assert "Propose a restriction" in form.card_text and "Gary Rowe" in form.card_text
        assert _reasons_on(form.cards[0]) == register.incident.description
        shown = _shown(form.cards[0])
        assert "Single point of contact" in shown and "Banned from council premises" not in shown
        assert "spoc" not in shown and "stage-1" not in shown
        half = await chat.press(tom, _filled(form, kind="spoc", stage="stage-1"))
        assert half.text == "Nothing has been proposed."
        assert "Single point of contact needs one of: Named officer" in half.card_text
        done = await chat.press(
            tom, _filled(form, kind="spoc", stage="stage-1", param_officer="Tom Hale")
        )
        assert done.text == (
            "Proposed: Single point of contact for Gary Rowe, at Stage 1: warning and monitoring "
            "period. It needs approval by the Head of Service or Director. I've sent it to "
            "Wendy Marsh to decide."
        )
        (notice,) = chat.notifier.notices
        assert (notice.kind, notice.recipient) == (NoticeKind.APPROVAL_NEEDED, WENDY.id)
        card = notice_card(notice)
        approval = Seen([], [card])
        assert "Customer: Gary Rowe" in approval.card_text
        assert "Named officer (single point of contact): Tom Hale" in approval.card_text
        assert EQUALITY in approval.card_text
        refused = await chat.press(tom, {**approval.button("Approve"), "reasons": ""})
        assert refused.text == "Only the Head of Service or Director may approve this restriction."
        approved = await chat.press(
            WENDY, {**approval.button("Approve"), "reasons": "Calls continued after warnings."}
        )
        assert approved.text.startswith(
            "Approved. Single point of contact for Gary Rowe is now in force. "
            "Its first review is due by"
        )
        assert "The decision letter is ready to make (letter " in approved.text
        again = await chat.press(WENDY, approval.button("Approve"))
        assert again.text == "That restriction is already active."

    run(scenario())
    (proposed,) = [r for r in _restrictions(store, gary.id) if r.stage == "stage-1"]
    assert proposed.status is Status.ACTIVE and proposed.next_review is not None
    assert proposed.approved_by is not None and proposed.approved_by.name == "Wendy Marsh"
    assert proposed.params == {"officer": "Tom Hale"}
    assert proposed.service == "Housing" and proposed.equality_considerations == EQUALITY
    with store.transaction() as session:
        (letter,) = session.letters_for(proposed.id)
        trail = [e.reason for e in session.audit_for("restriction", proposed.id)]
    assert letter.sent_on is None and not letter.settled
    assert trail == [
        "restriction proposed",
        "approver told of a proposal",
        "restriction approved",
        "approver's reasons",
        "proposer told of the decision",
    ]


def test_the_ladder_is_enforced_in_plain_words(
    store: SqlRegisterStore, register: SampleRegister
) -> None:
    chat = Transcript(store)
    tom = register.manager

    async def scenario() -> None:
        form = await chat.press(tom, _propose_button(register))
        wrong_type = await chat.press(
            tom, _filled(form, kind="face_to_face_with_witness", stage="stage-1")
        )
        assert wrong_type.text.startswith("Stage 1: warning and monitoring period allows warning")
        assert wrong_type.text.endswith("not face to face with witness. Nothing has been proposed.")
        too_far = await chat.press(
            tom, _filled(form, kind="spoc", stage="stage-2", param_officer="Tom Hale")
        )
        assert "may be skipped only for extreme contact" in too_far.text
        assert "Propose the earlier step first. Nothing has been proposed." in too_far.text
        assert "Traceback" not in wrong_type.text + too_far.text

    run(scenario())
    assert chat.notifier.notices == []
    assert [r.stage for r in _restrictions(store, register.gary.id)] == ["stage 2", "stage 2"]


def test_violence_skips_the_warnings_under_west_oxfordshire_only_with_a_reason(
    store: SqlRegisterStore, register: SampleRegister
) -> None:
    chat = Transcript(store, preset=load_preset("west-oxfordshire-dc"))
    tom = register.manager
    ban = {"kind": "premises_ban", "stage": "step-3", "param_premises": "Elmfield offices"}

    async def scenario() -> None:
        form = await chat.press(tom, _propose_button(register))
        assert "Only when going straight to a later step" in form.card_text
        no_reason = await chat.press(tom, _filled(form, **ban, skip_grounds="violence"))
        assert "Give the reason for going straight to Step 3" in no_reason.text
        assert no_reason.text.endswith("Nothing has been proposed.")
        done = await chat.press(
            tom,
            _filled(
                form,
                **ban,
                skip_grounds="violence",
                skip_reason="Pushed an officer at reception; police attended.",
            ),
        )
        assert "Your reason for skipping the earlier steps is recorded." in done.text
        (notice,) = chat.notifier.notices
        assert notice.urgent
        card = Seen([], [notice_card(notice)])
        assert (
            "Steps skipped: Step 1: verbal warning and Step 2: informal written warning. "
            "Why: Pushed an officer at reception; police attended."
        ) in card.card_text
        approved = await chat.press(WENDY, card.button("Approve"))
        assert approved.text.startswith("Approved. Banned from council premises for Gary Rowe")

    run(scenario())
    (ban_made,) = [r for r in _restrictions(store, register.gary.id) if r.stage == "step-3"]
    assert ban_made.kind is RestrictionType.PREMISES_BAN and ban_made.status is Status.ACTIVE
    assert ban_made.next_review is not None
    with store.transaction() as session:
        skip = session.skip_for(ban_made.id)
    assert skip is not None and skip.skipped_steps == ("step-1", "step-2")
    assert skip.grounds == ("violence",)


def test_refusing_needs_reasons_and_keeps_them(
    store: SqlRegisterStore, register: SampleRegister
) -> None:
    chat = Transcript(store)
    tom = register.manager

    async def scenario() -> None:
        form = await chat.press(tom, _propose_button(register))
        await chat.press(tom, _filled(form, kind="warning", stage="stage-1"))
        card = Seen([], [notice_card(chat.notifier.notices[0])])
        empty = await chat.press(WENDY, {**card.button("Refuse"), "reasons": "  "})
        assert empty.text == (
            "Give the reasons for refusing, so the proposer can act on them. Nothing was changed."
        )
        refused = await chat.press(
            WENDY, {**card.button("Refuse"), "reasons": "Talk to him first; one incident only."}
        )
        assert refused.text == (
            "Refused. Warning for Gary Rowe will not apply. Your reasons are recorded with the "
            "proposal."
        )

    run(scenario())
    (warning,) = [r for r in _restrictions(store, register.gary.id) if r.stage == "stage-1"]
    assert warning.status is Status.REFUSED
    with store.transaction() as session:
        refusal = session.proposal_refusal_for(warning.id)
    assert refusal is not None and refusal.reasons == "Talk to him first; one incident only."
    assert refusal.refused_by.name == "Wendy Marsh"


def test_propose_typed_by_a_manager_opens_the_form_and_frontline_staff_are_refused(
    store: SqlRegisterStore, register: SampleRegister
) -> None:
    chat = Transcript(store)
    tom, priya = register.manager, register.frontline

    async def scenario() -> None:
        refused = await chat.say(priya, "propose")
        assert refused.text == "Only managers can propose a restriction. Ask your service manager."
        assert refused.cards == []
        pressed = await chat.press(priya, _propose_button(register))
        assert pressed.cards == [] and "Only managers" in pressed.text
        form = await chat.say(tom, "propose a restriction for Gary Rowe")
        assert "Propose a restriction" in form.card_text
        nobody = await chat.press(
            tom, _filled(form, person="Zebedee Nobody", kind="warning", stage="stage-1")
        )
        assert "Reasons: this is needed." in nobody.card_text
        nobody = await chat.press(
            tom,
            _filled(form, person="Zebedee Nobody", kind="warning", stage="stage-1", reasons="x"),
        )
        assert nobody.text.startswith("I couldn't find one clear match for “Zebedee Nobody”")
        done = await chat.press(
            tom,
            _filled(
                form,
                person="Gary Rowe",
                kind="warning",
                stage="stage-1",
                reasons="Repeated abusive emails.",
            ),
        )
        assert done.text.startswith("Proposed: Warning for Gary Rowe")

    run(scenario())
    assert len(chat.notifier.notices) == 1
