"""Restrictions: the managed contact arrangements a council places on a customer.

A restriction is typed from the options the policies name. Each type says
which parameters it needs (a SPOC needs an officer or a mailbox; a call limit
needs days, times or a duration), so a half-described arrangement is refused
at the door rather than discovered by a member of staff on the phone.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum

from register.errors import InvalidInput, InvalidTransition
from register.ids import new_id
from register.vocabulary import Channel, Labelled


class RestrictionType(Labelled):
    SPOC = "spoc"
    SINGLE_CHANNEL = "single_channel"
    CALL_LIMITS = "call_limits"
    NO_CALLS = "no_calls"
    THIRD_PARTY_ONLY = "third_party_only"
    FACE_TO_FACE_WITH_WITNESS = "face_to_face_with_witness"
    FACE_TO_FACE_AT_PREMISES = "face_to_face_at_premises"
    PREMISES_BAN = "premises_ban"
    HOME_VISITS_REFUSED = "home_visits_refused"
    HOME_VISITS_IN_PAIRS = "home_visits_in_pairs"
    NO_REPLY_ON_TOPIC = "no_reply_on_topic"
    SOCIAL_MEDIA_RESTRICTED = "social_media_restricted"
    WRITTEN_AGREEMENT = "written_agreement"
    TOTAL_REFUSAL_OF_CONTACT = "total_refusal_of_contact"
    WARNING = "warning"


class Status(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    UNDER_APPEAL = "under_appeal"
    LAPSED = "lapsed"
    LIFTED = "lifted"
    REFUSED = "refused"
    CLOSED = "closed"


# Which statuses a restriction may move to from each status. An entry under
# appeal stays in force (West Oxfordshire: "the entry and restrictions remain
# in place until the outcome of the appeal is decided").
TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.PROPOSED: frozenset({Status.ACTIVE, Status.REFUSED}),
    Status.ACTIVE: frozenset({Status.UNDER_APPEAL, Status.LAPSED, Status.LIFTED, Status.CLOSED}),
    Status.UNDER_APPEAL: frozenset({Status.ACTIVE, Status.LIFTED}),
    Status.LAPSED: frozenset({Status.ACTIVE, Status.CLOSED}),
    Status.LIFTED: frozenset({Status.CLOSED}),
    Status.REFUSED: frozenset({Status.CLOSED}),
    Status.CLOSED: frozenset(),
}

IN_FORCE = frozenset({Status.ACTIVE, Status.UNDER_APPEAL})


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """What parameters a restriction type takes. `one_of` needs at least one of its names."""

    required: tuple[str, ...] = ()
    one_of: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()

    @property
    def allowed(self) -> frozenset[str]:
        return frozenset(self.required + self.one_of + self.optional)


PARAMS: dict[RestrictionType, ParamSpec] = {
    RestrictionType.SPOC: ParamSpec(one_of=("officer", "mailbox"), optional=("phone",)),
    RestrictionType.SINGLE_CHANNEL: ParamSpec(required=("channel",), optional=("address",)),
    RestrictionType.CALL_LIMITS: ParamSpec(
        one_of=("days", "times", "max_minutes"), optional=("number",)
    ),
    RestrictionType.NO_CALLS: ParamSpec(optional=("instead",)),
    RestrictionType.THIRD_PARTY_ONLY: ParamSpec(optional=("via",)),
    RestrictionType.FACE_TO_FACE_WITH_WITNESS: ParamSpec(optional=("witness",)),
    RestrictionType.FACE_TO_FACE_AT_PREMISES: ParamSpec(required=("premises",)),
    RestrictionType.PREMISES_BAN: ParamSpec(required=("premises",), optional=("until",)),
    RestrictionType.HOME_VISITS_REFUSED: ParamSpec(),
    RestrictionType.HOME_VISITS_IN_PAIRS: ParamSpec(),
    RestrictionType.NO_REPLY_ON_TOPIC: ParamSpec(required=("topic", "reader")),
    RestrictionType.SOCIAL_MEDIA_RESTRICTED: ParamSpec(optional=("platforms",)),
    RestrictionType.WRITTEN_AGREEMENT: ParamSpec(optional=("agreement",)),
    RestrictionType.TOTAL_REFUSAL_OF_CONTACT: ParamSpec(),
    RestrictionType.WARNING: ParamSpec(optional=("kind",)),
}


def check_params(kind: RestrictionType, params: dict[str, str]) -> None:
    """Refuse parameters a restriction type does not take, or a missing required one."""
    spec = PARAMS[kind]
    unknown = sorted(set(params) - spec.allowed)
    if unknown:
        raise InvalidInput(f"{kind.label} does not take {', '.join(unknown)}")
    missing = [name for name in spec.required if not params.get(name)]
    if missing:
        raise InvalidInput(f"{kind.label} needs {', '.join(missing)}")
    if spec.one_of and not any(params.get(name) for name in spec.one_of):
        raise InvalidInput(f"{kind.label} needs one of: {', '.join(spec.one_of)}")
    if kind is RestrictionType.SINGLE_CHANNEL and params["channel"] not in set(Channel):
        raise InvalidInput(f"unknown channel {params['channel']!r}")


@dataclass(frozen=True, slots=True)
class Officer:
    """A decision maker, approver or reviewer as the register must name them."""

    name: str
    job_title: str


@dataclass(frozen=True, slots=True)
class Restriction:
    """One managed contact arrangement on a person (or, rarely, on a property)."""

    kind: RestrictionType
    person_id: str | None
    stage: str
    reasons: str
    decided_by: Officer
    start: date
    service: str | None = None  # None: council-wide
    params: dict[str, str] = field(default_factory=dict)
    property_id: str | None = None
    equality_considerations: str = ""
    approved_by: Officer | None = None
    provisional_end: date | None = None
    customer_told_on: date | None = None
    next_review: date | None = None
    status: Status = Status.PROPOSED
    id: str = field(default_factory=new_id)
    updated_at: datetime | None = None
    # Who proposed it in Forewarn (their Entra ID object id): reminders go to
    # them for as long as it runs. Kept here rather than read from the audit
    # trail, which is pruned after the retention period. None when imported.
    proposed_by: str | None = None

    def __post_init__(self) -> None:
        if (self.person_id is None) == (self.property_id is None):
            raise InvalidInput("a restriction applies to exactly one person or one property")
        if not self.reasons.strip():
            raise InvalidInput("a restriction needs its reasons recorded")
        if self.provisional_end and self.provisional_end < self.start:
            raise InvalidInput("the provisional end date is before the start date")
        check_params(self.kind, self.params)

    @property
    def in_force(self) -> bool:
        return self.status in IN_FORCE

    @property
    def scope_label(self) -> str:
        return self.service or "council-wide"

    def moved_to(self, status: Status) -> Restriction:
        """This restriction with a new status, if its current status allows the move."""
        if status not in TRANSITIONS[self.status]:
            raise InvalidTransition(
                f"a {self.status.value.replace('_', ' ')} restriction cannot become "
                f"{status.value.replace('_', ' ')}"
            )
        return replace(self, status=status)
