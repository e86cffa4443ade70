"""What a policy preset says, as pydantic models that check a file on load.

A preset is one council's unreasonable customer behaviour policy turned
into data: the ladder of stages or steps, who decides and approves each,
when restrictions are reviewed, whether and how a customer may appeal, how
long closed cases are kept. Councils copy a preset and edit it, so every
check here exists to turn a mistake in the file into a plain message that
names the field, before any member of staff relies on it.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, PositiveInt, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from register.calendar import Nation
from register.errors import InvalidInput
from register.restrictions import RestrictionType
from register.vocabulary import Labelled

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
StepKey = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
JobTitles = Annotated[tuple[Text, ...], Field(min_length=1)]


def _problem(message: str) -> PydanticCustomError:
    """A validation error whose message is exactly `message` (no "Value error, " prefix)."""
    return PydanticCustomError("preset", message)


class _Part(BaseModel):
    """Every part of a preset refuses unknown keys, so a misspelt field is caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SkipGround(Labelled):
    """Why a manager may go straight past a step, in the policies' own words."""

    VIOLENCE = "violence"
    SERIOUS_THREATS = "serious_threats"
    EXTREME_CONTACT = "extreme_contact"
    EXCEPTIONAL_CIRCUMSTANCES = "exceptional_circumstances"


class DeadlineUnit(StrEnum):
    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    MONTHS = "months"


class Scope(StrEnum):
    """How far a restriction reaches: the service that imposed it, or the whole council."""

    SERVICE = "service"
    COUNCIL = "council"


class WhenReviewMissed(StrEnum):
    """FLAG keeps the restriction in force and shows it overdue; LAPSE ends it."""

    FLAG = "flag"
    LAPSE = "lapse"


class RetentionAction(StrEnum):
    DELETE = "delete"
    KEEP = "keep"


class RepeatCorrespondence(Labelled):
    """What happens to repeat correspondence on a matter already dealt with."""

    NO_REPLY_UNLESS_NEW_INFORMATION = "no_reply_unless_new_information"
    NOT_ACKNOWLEDGED = "not_acknowledged"
    READ_THEN_FILED = "read_then_filed"
    TREATED_SEPARATELY = "treated_separately"


class AppealClock(StrEnum):
    """The date an appeal deadline runs from: the decision, or the day the customer was told."""

    DECISION = "decision"
    CUSTOMER_TOLD = "customer_told"


class Deadline(_Part):
    amount: PositiveInt
    unit: DeadlineUnit

    @property
    def label(self) -> str:
        unit = self.unit.value.replace("_", " ")
        return f"{self.amount} {unit[:-1] if self.amount == 1 else unit}"


class Step(_Part):
    """One rung of the ladder: what it is, what it allows, who decides and approves it."""

    key: StepKey
    label: Text
    what: Text
    allows: tuple[RestrictionType, ...]
    decided_by: JobTitles
    approved_by: JobTitles
    may_be_skipped: bool = False
    skip_grounds: tuple[SkipGround, ...] = ()
    reasons_given_when_skipped: bool = False
    minimum_monitoring_months: PositiveInt | None = None
    review_interval_months: PositiveInt | None = None

    def refusal_of(self, kind: RestrictionType) -> str | None:
        """Why a restriction of `kind` cannot stand at this step, or None when it can.

        The one check, in one wording, for a proposal made in Forewarn
        (register.decisions) and a restriction imported from CSV
        (register.import_rows): the policy lists what each step allows, and
        a letter or review for anything else would misstate the policy.
        """
        if kind in self.allows:
            return None
        allowed = ", ".join(allowed.label for allowed in self.allows) or "no restriction"
        return f"{self.label} allows {allowed}, not {kind.label}"

    @model_validator(mode="after")
    def _grounds_only_when_skippable(self) -> Self:
        if self.skip_grounds and not self.may_be_skipped:
            raise _problem("skip_grounds are given but may_be_skipped is false")
        if self.may_be_skipped and not self.skip_grounds:
            raise _problem("may_be_skipped is true but no skip_grounds say when")
        return self


class Review(_Part):
    interval_months: PositiveInt
    max_interval_months: PositiveInt | None = None
    reviewed_by: JobTitles
    outcome_notice: Deadline | None = None
    when_missed: WhenReviewMissed
    reminder_days_before: tuple[PositiveInt, ...] = (14, 2)

    @model_validator(mode="after")
    def _max_not_below_usual(self) -> Self:
        if self.max_interval_months is not None and self.max_interval_months < self.interval_months:
            raise _problem("max_interval_months is shorter than interval_months")
        return self


class Appeal(_Part):
    allowed: bool
    deadline: Deadline | None = None
    counts_from: AppealClock = AppealClock.DECISION
    send_to: Text | None = None
    address: tuple[Text, ...] = ()
    email: Text | None = None
    heard_by: Text | None = None
    applies_to_steps: tuple[StepKey, ...] = ()
    not_against_health_and_safety_exclusion: bool = False
    entry_marked_appeal_in_progress: bool = False
    restrictions_stay_in_force: bool = True

    @model_validator(mode="after")
    def _complete_when_allowed(self) -> Self:
        details = ("deadline", "send_to", "heard_by", "applies_to_steps")
        if not self.allowed:
            given = [name for name in details if getattr(self, name)]
            if given:
                raise _problem("allowed is false, so remove " + ", ".join(given))
            return self
        missing = [name for name in details[1:] if not getattr(self, name)]
        if missing:
            raise _problem("an allowed appeal needs " + ", ".join(missing))
        return self


class Retention(_Part):
    closed_cases: RetentionAction
    months_after_last_activity: PositiveInt | None = None
    kept_by: Text | None = None

    @model_validator(mode="after")
    def _months_only_for_delete(self) -> Self:
        months = self.months_after_last_activity
        if self.closed_cases is RetentionAction.DELETE and months is None:
            raise _problem("closed_cases = 'delete' needs months_after_last_activity")
        if self.closed_cases is RetentionAction.KEEP and months is not None:
            raise _problem("closed_cases = 'keep' cannot have months_after_last_activity")
        return self


class PropertyEntries(_Part):
    allowed: bool
    owner_notified: bool = False
    kept_while_risk_exists: bool = True
    review_interval_months: PositiveInt | None = None
    risk_assessment_before_visit: bool = True


class TerminatedCalls(_Part):
    warn_first: bool
    file_note: bool
    manager_told_immediately: bool
    manager: Text


class RepeatRule(_Part):
    rule: RepeatCorrespondence
    note: Text


class AnnualReport(_Part):
    to: Text
    by: Text


class Ombudsman(_Part):
    name: Text
    applies_to: Text
    address: tuple[Text, ...]
    phone: Text | None = None
    email: Text | None = None
    website: Text | None = None


class RegisterDetails(_Part):
    """What the council calls its register, and who owns it."""

    name: Text
    owner: Text


class Preset(_Part):
    """One council's policy. `source` is where it was loaded from (set by the loader)."""

    council: Text
    policy_title: Text
    policy_owner: Text
    nation: Nation
    register_details: RegisterDetails
    restriction_scope: Scope
    steps: Annotated[tuple[Step, ...], Field(min_length=1)]
    review: Review
    appeal: Appeal
    retention: Retention
    property_entries: PropertyEntries
    terminated_calls: TerminatedCalls
    repeat_correspondence: RepeatRule
    annual_report: AnnualReport | None = None
    ombudsman: Annotated[tuple[Ombudsman, ...], Field(min_length=1)]
    source: str = Field(default="", exclude=True)

    @model_validator(mode="after")
    def _steps_are_consistent(self) -> Self:
        keys = [step.key for step in self.steps]
        twice = sorted({key for key in keys if keys.count(key) > 1})
        if twice:
            raise _problem(f"steps: the key {', '.join(twice)} is used more than once")
        unknown = [key for key in self.appeal.applies_to_steps if key not in keys]
        if unknown:
            raise _problem(
                f"appeal.applies_to_steps: {', '.join(unknown)} is not a step "
                f"(the steps are {', '.join(keys)})"
            )
        if self.steps[-1].may_be_skipped:
            raise _problem(f"steps: the last step ({keys[-1]}) has no later step to skip to")
        return self

    @property
    def step_keys(self) -> tuple[str, ...]:
        return tuple(step.key for step in self.steps)

    def step(self, key: str) -> Step:
        """The step called `key`; a key the preset does not have is a caller's mistake."""
        for step in self.steps:
            if step.key == key:
                return step
        raise InvalidInput(
            f"{self.council}'s policy has no step {key!r}; its steps are "
            f"{', '.join(self.step_keys)}"
        )
