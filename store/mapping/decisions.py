"""Letters, skipped steps and refused proposals: rows to records and back."""

from __future__ import annotations

from typing import Any

from register.decision_records import LetterKind, LetterRecord, ProposalRefusal, StepSkip
from register.restrictions import Officer

Values = dict[str, Any]


def letter_values(record: LetterRecord) -> Values:
    return {
        "id": record.id,
        "restriction_id": record.restriction_id,
        "kind": record.kind.value,
        "generated_on": record.generated_on,
        "about_id": record.about_id,
        "send_by": record.send_by,
        "sent_on": record.sent_on,
        "not_sent_reason": record.not_sent_reason,
    }


def letter_from(row: Any) -> LetterRecord:
    return LetterRecord(
        restriction_id=row.restriction_id,
        kind=LetterKind(row.kind),
        generated_on=row.generated_on,
        about_id=row.about_id,
        send_by=row.send_by,
        sent_on=row.sent_on,
        not_sent_reason=row.not_sent_reason,
        id=row.id,
    )


def step_skip_values(record: StepSkip) -> Values:
    return {
        "id": record.id,
        "restriction_id": record.restriction_id,
        "skipped_steps": list(record.skipped_steps),
        "grounds": list(record.grounds),
        "reason": record.reason,
        "recorded_by_name": record.recorded_by.name,
        "recorded_by_title": record.recorded_by.job_title,
        "recorded_on": record.recorded_on,
    }


def step_skip_from(row: Any) -> StepSkip:
    return StepSkip(
        restriction_id=row.restriction_id,
        skipped_steps=tuple(row.skipped_steps),
        grounds=tuple(row.grounds),
        reason=row.reason,
        recorded_by=Officer(row.recorded_by_name, row.recorded_by_title),
        recorded_on=row.recorded_on,
        id=row.id,
    )


def proposal_refusal_values(record: ProposalRefusal) -> Values:
    return {
        "id": record.id,
        "restriction_id": record.restriction_id,
        "refused_by_name": record.refused_by.name,
        "refused_by_title": record.refused_by.job_title,
        "refused_on": record.refused_on,
        "reasons": record.reasons,
    }


def proposal_refusal_from(row: Any) -> ProposalRefusal:
    return ProposalRefusal(
        restriction_id=row.restriction_id,
        refused_by=Officer(row.refused_by_name, row.refused_by_title),
        refused_on=row.refused_on,
        reasons=row.reasons,
        id=row.id,
    )
