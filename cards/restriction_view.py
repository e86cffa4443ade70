"""The cards a reminder's "Open record" shows: one restriction, or one premise risk, in full.

Scheduler reminders and decision notices carry only a reference (they travel
through fallback mailboxes), so the record itself is shown here, to those
`register.access` lets see it. A reminder may be opened on a phone, so the
cards keep to 1.2-era elements and Action.Submit; their one button
acknowledges the record, as the notice's own button does.

The functions are pure: the bot looks up the customer, the stage's name in
the council's preset, the appeals and the letters, and passes them in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from cards.actions import CardAction
from cards.elements import Json, bullets, card, facts, heading, submit, text, title
from cards.restriction_words import param_label, type_title
from cards.validation import Field, FormSchema, Kind
from cards.wording import capitalised, day
from register.decision_records import LetterRecord
from register.restrictions import Officer, Restriction
from register.reviews import Appeal
from register.risks import PremiseRisk

RESTRICTION = "restriction"  # register.schedule.wording.restriction_notice's record type
PREMISE_RISK = "premise_risk"  # register.schedule.reviews' premise risk reminders
RECORDS = frozenset({RESTRICTION, PREMISE_RISK})
NO_APPEAL = "No appeal received"


def record_action_schema(action: CardAction) -> FormSchema:
    """What a reminder's Acknowledge or Open record sends for a restriction or a premise risk."""
    return FormSchema(
        action,
        (
            Field("record", "Record type", Kind.CHOICE, True, RECORDS),
            Field("id", "Record", required=True, max_length=64),
        ),
    )


@dataclass(frozen=True, slots=True)
class RestrictionView:
    """A restriction with what the bot looked up to show it in words."""

    restriction: Restriction
    customer: str  # the person's name, or the property's address
    stage: str  # the preset's name for the step of the ladder
    appeals: Sequence[Appeal] = ()
    letters: Sequence[LetterRecord] = ()
    next_review: date | None = None  # as the scheduler works it out; else the register's own


def _officer(officer: Officer | None) -> str:
    return f"{officer.name} ({officer.job_title})" if officer else ""


def _appeal(appeals: Sequence[Appeal]) -> str:
    """The latest appeal in words: received, and decided or not."""
    if not appeals:
        return NO_APPEAL
    latest = max(appeals, key=lambda a: a.received_on)
    received = f"Received {day(latest.received_on)}"
    if latest.outcome is None or latest.decided_on is None:
        return f"{received}, not yet decided"
    return f"{received}; {latest.outcome.label} on {day(latest.decided_on)}"


def _letter(letter: LetterRecord) -> str:
    what = capitalised(f"{letter.kind.label} letter")
    if letter.sent_on is not None:
        late = " (after the deadline)" if letter.late else ""
        return f"{what}: sent {day(letter.sent_on)}{late}"
    if letter.not_sent_reason:
        return f"{what}: not sent ({letter.not_sent_reason})"
    return f"{what}: made {day(letter.generated_on)}, not yet sent"


def _arrangements(restriction: Restriction) -> list[Json]:
    if not restriction.params:
        return []
    pairs = [(param_label(name), value) for name, value in restriction.params.items()]
    return [heading("Arrangements"), facts(pairs)]


def restriction_card(view: RestrictionView) -> Json:
    """The whole restriction: what, on whom, where on the ladder, why, who decided, what is due."""
    r = view.restriction
    review = view.next_review or r.next_review
    body = [
        title(type_title(r.kind)),
        facts(
            [
                ("Customer", view.customer),
                ("Reference", r.id[:8].upper()),
                ("Service", r.scope_label),
                ("Stage", view.stage),
                ("Status", capitalised(r.status.value.replace("_", " "))),
                ("Start", day(r.start)),
                ("Decided by", _officer(r.decided_by)),
                ("Approved by", _officer(r.approved_by) or "Not yet approved"),
                ("Next review", day(review) if review else "Not set"),
                ("Provisional end", day(r.provisional_end) if r.provisional_end else "None set"),
                ("Customer told", day(r.customer_told_on) if r.customer_told_on else ""),
                ("Appeal", _appeal(view.appeals)),
            ]
        ),
        heading("Reasons"),
        text(r.reasons),
        *_arrangements(r),
    ]
    if r.equality_considerations:
        body += [heading("Equality considerations"), text(r.equality_considerations)]
    body += [heading("Letters"), *bullets(_letter(x) for x in view.letters)]
    if not view.letters:
        body.append(text("No letters recorded yet.", subtle=True))
    return card(body, [_acknowledge(RESTRICTION, r.id)])


def premise_risk_card(risk: PremiseRisk, where: str) -> Json:
    """The premise risk in full: the hazard, where, when recorded and reviewed, the precautions.

    `where` is the property's address, or the person's name for a risk
    attached to a person.
    """
    body = [
        title(capitalised(risk.hazard.label)),
        facts(
            [
                ("Where", where),
                ("Reference", risk.id[:8].upper()),
                ("Severity", capitalised(risk.severity.label)),
                ("Recorded", day(risk.recorded_on)),
                ("Next review", day(risk.next_review) if risk.next_review else "Not set"),
                ("Ended", day(risk.ended_on) if risk.ended_on else ""),
                ("Ask for details", risk.details_contact),
            ]
        ),
        heading("Precautions"),
        *bullets(capitalised(p.label) for p in risk.precautions),
    ]
    if not risk.precautions:
        body.append(text("No precautions recorded.", subtle=True))
    if risk.details:
        body += [heading("Details"), text(risk.details)]
    return card(body, [_acknowledge(PREMISE_RISK, risk.id)])


def _acknowledge(record: str, record_id: str) -> Json:
    data = {"action": CardAction.ACKNOWLEDGE, "record": record, "id": record_id}
    return submit("Acknowledge", data, style="positive")
