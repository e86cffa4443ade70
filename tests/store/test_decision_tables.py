"""Letters, skipped steps and refused proposals on both databases: kept, guarded, removed."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import date

import pytest
import sqlalchemy as sa

from register.decision_records import LetterKind, LetterRecord, ProposalRefusal, StepSkip
from register.errors import InvalidInput
from register.restrictions import Officer
from store import tables as t
from store import tables_decisions as d
from store.mapping.decisions import letter_values
from store.repository import SqlRegisterStore
from tests.samples import SampleRegister

LETTER = t.table(d.LetterRow)
APPROVER = Officer("Wendy Marsh", "Head of Customer Services")


def _papers(restriction_id: str) -> tuple[LetterRecord, StepSkip, ProposalRefusal]:
    letter = LetterRecord(restriction_id, LetterKind.DECISION, date(2025, 5, 12))
    skip = StepSkip(
        restriction_id,
        ("stage-1",),
        ("violence", "threats"),
        "Threatened staff at the counter.",
        APPROVER,
        date(2025, 5, 12),
    )
    refusal = ProposalRefusal(restriction_id, APPROVER, date(2025, 5, 13), "Talk to her first.")
    return letter, skip, refusal


def _saved(store: SqlRegisterStore, restriction_id: str) -> tuple[object, ...]:
    with store.transaction() as session:
        return (
            tuple(session.letters_for(restriction_id)),
            session.skip_for(restriction_id),
            session.proposal_refusal_for(restriction_id),
        )


def test_papers_come_back_as_they_were_saved(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    spoc, review = sample_register.spoc, sample_register.review
    decision, skip, refusal = _papers(spoc.id)
    outcome = LetterRecord(
        spoc.id,
        LetterKind.REVIEW_OUTCOME,
        date(2025, 9, 10),
        about_id=review.id,
        send_by=date(2025, 9, 19),
        sent_on=date(2025, 9, 22),
    )
    with store.transaction() as session:
        session.add_letter(outcome)  # written first, read back second: oldest first
        session.add_letter(decision)
        session.add_skip(skip)
        session.add_proposal_refusal(refusal)
    assert _saved(store, spoc.id) == ((decision, outcome), skip, refusal)
    with store.transaction() as session:
        saved = session.letter(outcome.id)
        assert session.letter("no-such-letter") is None
    assert saved == outcome and saved.late
    assert _saved(store, sample_register.pairs.id) == ((), None, None)


def test_a_letter_update_replaces_the_saved_one(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    letter, _, _ = _papers(sample_register.spoc.id)
    with store.transaction() as session:
        session.add_letter(letter)
    kept = replace(letter, not_sent_reason="Customer moved away; no forwarding address.")
    with store.transaction() as session:
        session.update_letter(kept)
    with store.transaction() as session:
        assert session.letter(letter.id) == kept


def test_updating_a_letter_that_is_not_saved_is_refused(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    letter, _, _ = _papers(sample_register.spoc.id)
    with (
        pytest.raises(InvalidInput, match="Nothing was saved"),
        store.transaction() as session,
        contextlib.suppress(InvalidInput),
    ):
        session.update_letter(letter)
    with store.transaction() as session:
        assert session.letter(letter.id) is None


def test_the_database_refuses_a_letter_both_sent_and_not_sent(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    """The core refuses such a record; the CHECK constraint stops any other way in."""
    letter, _, _ = _papers(sample_register.spoc.id)
    both = {**letter_values(letter), "sent_on": date(2025, 5, 14), "not_sent_reason": "Died."}
    with pytest.raises(sa.exc.IntegrityError), store.engine.begin() as connection:
        connection.execute(sa.insert(LETTER), both)
    with store.transaction() as session:
        session.add_letter(replace(letter, sent_on=date(2025, 5, 14)))
    not_sent = sa.update(LETTER).where(LETTER.c.id == letter.id).values(not_sent_reason="Died.")
    with pytest.raises(sa.exc.IntegrityError), store.engine.begin() as connection:
        connection.execute(not_sent)
    with store.transaction() as session:
        assert session.letter(letter.id) == replace(letter, sent_on=date(2025, 5, 14))


def test_a_restriction_has_one_skip_record_at_most(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    _, skip, _ = _papers(sample_register.spoc.id)
    with store.transaction() as session:
        session.add_skip(skip)
    with pytest.raises(InvalidInput, match="already saved"), store.transaction() as session:
        session.add_skip(replace(skip, id="another", reason="Said it again."))
    with store.transaction() as session:
        assert session.skip_for(sample_register.spoc.id) == skip


def test_an_exception_leaves_no_papers(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    letter, skip, refusal = _papers(sample_register.spoc.id)
    with pytest.raises(RuntimeError), store.transaction() as session:
        session.add_letter(letter)
        session.add_skip(skip)
        session.add_proposal_refusal(refusal)
        raise RuntimeError("the use case changed its mind")
    assert _saved(store, sample_register.spoc.id) == ((), None, None)


def test_a_failed_step_takes_the_papers_before_it_with_it(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    letter, skip, _ = _papers(sample_register.spoc.id)
    orphan = replace(letter, id="orphan", restriction_id="not-in-the-register")
    with pytest.raises(InvalidInput, match="Nothing was saved"), store.transaction() as session:
        session.add_letter(letter)
        session.add_skip(skip)
        with contextlib.suppress(InvalidInput):
            session.add_letter(orphan)
    assert _saved(store, sample_register.spoc.id) == ((), None, None)


def test_deleting_a_restriction_deletes_its_papers(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    """Retention removes a restriction in one statement; the foreign keys cascade."""
    proposed = sample_register.single_channel
    letter, skip, refusal = _papers(proposed.id)
    with store.transaction() as session:
        session.add_letter(letter)
        session.add_skip(skip)
        session.add_proposal_refusal(refusal)
    restriction = t.table(t.RestrictionRow)
    with store.engine.begin() as connection:
        connection.execute(sa.delete(restriction).where(restriction.c.id == proposed.id))
    assert _saved(store, proposed.id) == ((), None, None)
    with store.transaction() as session:
        assert session.letter(letter.id) is None
