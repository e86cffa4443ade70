"""One fictional decision letter per shipped preset, for the docs' pictures and the tests.

Every name and address is invented; the "ZZ" postcodes have the shape of
a UK postcode but belong to no real place. Each preset gets the kind of
decision its policy is most often used for, so the pictures show the
parts a council will care about (an appeal deadline, "no right of
appeal", a skipped step, a monitoring period).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from register.decision_records import StepSkip
from register.letters import Letter, decision_letter
from register.lifecycle import review_due
from register.policy import Preset
from register.restrictions import Officer, Restriction, RestrictionType, Status
from register.subjects import Person, Property

DECIDED_ON = date(2025, 3, 3)
HOME = Property("12 Larch Walk, Eastbridge", "ZZ3 7QT")
CUSTOMER = Person("Mr Alan Brooke", emails=("alan.brooke@example.com",), property_id=HOME.id)


@dataclass(frozen=True, slots=True)
class Sample:
    """What one preset's sample decision is: step, arrangements, approver, any skip."""

    stage: str
    arrangements: tuple[tuple[RestrictionType, dict[str, str]], ...]
    reasons: str
    approver: Officer
    service: str | None = None
    skip_reason: str = ""


SAMPLES: dict[str, Sample] = {
    "oxfordshire-cc": Sample(
        "stage-2",
        (
            (RestrictionType.SPOC, {"officer": "Ruth Kellaway", "mailbox": "spoc@council.example"}),
            (RestrictionType.CALL_LIMITS, {"days": "Tuesdays", "max_minutes": "20"}),
        ),
        "Since October you have emailed fourteen members of staff about the same closed "
        "complaint, often several times a day, and asked for immediate replies.",
        Officer("Helen Ashdown", "Director for Customer and Cultural Services"),
    ),
    "managed-contact-register-council": Sample(
        "stage-1",
        (
            (
                RestrictionType.SINGLE_CHANNEL,
                {"channel": "email", "address": "contact@council.example"},
            ),
        ),
        "You have telephoned the Revenues team up to twelve times a day, shouting at staff "
        "and refusing to end calls when asked.",
        Officer("Marcus Webb", "Head of Revenues and Benefits"),
        service="Revenues and Benefits",
    ),
    "rhondda-cynon-taf": Sample(
        "stage-1",
        ((RestrictionType.WARNING, {"kind": "written"}),),
        "You have sent the same complaint about bin collections to the service every day for "
        "six weeks after it was investigated and answered.",
        Officer("Carys Pritchard", "Service Director"),
        service="Waste Services",
    ),
    "west-oxfordshire-dc": Sample(
        "step-3",
        (
            (
                RestrictionType.PREMISES_BAN,
                {"premises": "the council offices at Elmfield", "until": "2025-09-03"},
            ),
        ),
        "On 24 February you threatened a member of staff at the reception desk and pushed "
        "over a display stand.",
        Officer("Daniel Frost", "Head of Service"),
        skip_reason="You threatened a member of staff with violence, so we have not given "
        "verbal or informal written warnings first.",
    ),
    "welwyn-hatfield-bc": Sample(
        "step-2",
        ((RestrictionType.THIRD_PARTY_ONLY, {}), (RestrictionType.HOME_VISITS_IN_PAIRS, {})),
        "After we asked you in January to moderate your language, you continued to make "
        "abusive telephone calls to the housing repairs team.",
        Officer("Nadia Lowe", "Housing Services Manager"),
    ),
}


def sample_restrictions(preset_name: str, preset: Preset) -> list[Restriction]:
    """The sample's arrangements as approved, active restrictions."""
    sample = SAMPLES[preset_name]
    return [
        Restriction(
            kind,
            CUSTOMER.id,
            sample.stage,
            sample.reasons,
            Officer("Tom Ellery", "Customer Feedback Manager"),
            DECIDED_ON,
            service=sample.service,
            params=params,
            approved_by=sample.approver,
            next_review=review_due(DECIDED_ON, preset, sample.stage),
            status=Status.ACTIVE,
        )
        for kind, params in sample.arrangements
    ]


def sample_decision_letter(preset_name: str, preset: Preset) -> Letter:
    """The preset's sample decision letter, dated on the decision day."""
    sample = SAMPLES[preset_name]
    restrictions = sample_restrictions(preset_name, preset)
    skip = None
    if sample.skip_reason:
        keys = preset.step_keys
        skipped = keys[: keys.index(sample.stage)]
        skip = StepSkip(
            restrictions[0].id,
            skipped,
            ("violence",),
            sample.skip_reason,
            sample.approver,
            DECIDED_ON,
        )
    return decision_letter(preset, CUSTOMER, HOME, restrictions, dated=DECIDED_ON, skip=skip)
