"""Letter content: every part each policy requires, in words a customer can read."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from letters.samples import CUSTOMER, HOME, SAMPLES, sample_decision_letter, sample_restrictions
from register.decision_records import LetterKind
from register.letter_wording import arrangement
from register.letters import (
    Letter,
    LetterPart,
    appeal_outcome_letter,
    decision_letter,
    required_parts,
    review_outcome_letter,
)
from register.policy import available_presets, load_preset
from register.restrictions import PARAMS, Officer, Restriction, RestrictionType
from register.reviews import Appeal, AppealOutcome, Review, ReviewOutcome

REVIEWER = Officer("Marcus Webb", "Head of Revenues and Benefits")


def _text(letter: Letter, part: LetterPart) -> str:
    section = letter.section(part)
    assert section is not None, part
    return " ".join(section.paragraphs)


def test_every_shipped_preset_has_a_sample() -> None:
    assert sorted(SAMPLES) == available_presets()


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_the_decision_letter_has_every_part_its_policy_requires(name: str) -> None:
    preset = load_preset(name)
    letter = sample_decision_letter(name, preset)
    sample = SAMPLES[name]
    needed = required_parts(
        preset, LetterKind.DECISION, step=sample.stage, skipped=bool(sample.skip_reason)
    )
    assert needed <= {str(part) for part in letter.parts}
    assert sample.reasons in _text(letter, LetterPart.REASONS)
    assert preset.ombudsman[0].name in _text(letter, LetterPart.OMBUDSMAN)
    assert "new complaint" in _text(letter, LetterPart.STILL_OPEN)


def test_rct_stage_1_gives_the_15_working_day_appeal_deadline() -> None:
    letter = sample_decision_letter("rhondda-cynon-taf", load_preset("rhondda-cynon-taf"))
    # 3 March 2025 plus 15 working days (no bank holiday in between).
    assert "by 24 March 2025" in _text(letter, LetterPart.APPEAL)
    assert "CF40 1NY" in _text(letter, LetterPart.APPEAL)


def test_rct_stage_2_has_no_appeal_at_that_stage() -> None:
    preset = load_preset("rhondda-cynon-taf")
    [warning] = sample_restrictions("rhondda-cynon-taf", preset)
    stage_2 = replace(
        warning, kind=RestrictionType.SPOC, stage="stage-2", params={"officer": "Ruth Kellaway"}
    )
    letter = decision_letter(preset, CUSTOMER, HOME, [stage_2], dated=date(2025, 3, 3))
    assert "no right of appeal against this decision at this stage" in _text(
        letter, LetterPart.APPEAL
    )


@pytest.mark.parametrize("name", ["welwyn-hatfield-bc", "managed-contact-register-council"])
def test_presets_without_appeal_say_so_and_give_the_ombudsman(name: str) -> None:
    letter = sample_decision_letter(name, load_preset(name))
    assert "There is no right of appeal against this decision under our policy" in _text(
        letter, LetterPart.APPEAL
    )
    ombudsman = _text(letter, LetterPart.OMBUDSMAN)
    assert "The Local Government and Social Care Ombudsman" in ombudsman
    assert "PO Box 4771, Coventry, CV4 0EH" in ombudsman
    assert "0300 061 0614" in ombudsman


def test_mcrc_stage_1_states_the_minimum_monitoring_period() -> None:
    letter = sample_decision_letter(
        "managed-contact-register-council", load_preset("managed-contact-register-council")
    )
    assert "at least 6 months, until at least 3 September 2025" in _text(
        letter, LetterPart.MONITORING
    )


def test_a_skipped_step_is_explained_to_the_customer() -> None:
    letter = sample_decision_letter("west-oxfordshire-dc", load_preset("west-oxfordshire-dc"))
    said = _text(letter, LetterPart.SKIPPED_STEPS)
    assert "Step 1 (verbal warning) and Step 2 (informal written warning)" in said
    assert SAMPLES["west-oxfordshire-dc"].skip_reason in said


def _every_kind() -> list[Restriction]:
    filled = {"channel": "email"}
    base = sample_restrictions("welwyn-hatfield-bc", load_preset("welwyn-hatfield-bc"))[0]
    return [
        replace(
            base, kind=kind, params={name: filled.get(name, "x") for name in PARAMS[kind].allowed}
        )
        for kind in RestrictionType
    ]


@pytest.mark.parametrize("restriction", _every_kind(), ids=lambda r: r.kind.value)
def test_every_arrangement_reads_as_plain_words(restriction: Restriction) -> None:
    words = arrangement(restriction)
    assert words.endswith(".")
    assert "_" not in words


def _review(outcome: ReviewOutcome) -> Review:
    return Review(
        "r", date(2025, 9, 1), date(2025, 9, 1), REVIEWER, outcome, "No contact since May."
    )


@pytest.mark.parametrize("outcome", list(ReviewOutcome))
def test_review_outcome_letters(outcome: ReviewOutcome) -> None:
    preset = load_preset("managed-contact-register-council")
    restrictions = sample_restrictions("managed-contact-register-council", preset)
    letter = review_outcome_letter(
        preset, CUSTOMER, HOME, restrictions, _review(outcome), dated=date(2025, 9, 3)
    )
    assert required_parts(preset, LetterKind.REVIEW_OUTCOME, outcome=outcome) == {
        str(p) for p in letter.parts
    }
    said = _text(letter, LetterPart.OUTCOME)
    assert "1 September 2025" in said and "No contact since May." in said
    if outcome is not ReviewOutcome.LIFT:
        assert "within 7 working days of the review" in _text(letter, LetterPart.REVIEW)


@pytest.mark.parametrize("outcome", list(AppealOutcome))
def test_appeal_outcome_letters(outcome: AppealOutcome) -> None:
    preset = load_preset("rhondda-cynon-taf")
    restrictions = sample_restrictions("rhondda-cynon-taf", preset)
    appeal = Appeal(
        "r", date(2025, 3, 10), date(2025, 3, 24), "Unfair", REVIEWER, outcome, date(2025, 3, 20)
    )
    letter = appeal_outcome_letter(
        preset, CUSTOMER, HOME, restrictions, appeal, dated=date(2025, 3, 21), signer=REVIEWER
    )
    assert required_parts(preset, LetterKind.APPEAL_OUTCOME, outcome=outcome) == {
        str(p) for p in letter.parts
    }
    upheld = "has been upheld" in _text(letter, LetterPart.OUTCOME)
    assert upheld is (outcome is AppealOutcome.UPHELD)
