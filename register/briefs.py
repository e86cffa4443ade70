"""What a look-up shows: need-to-know briefs, a pick-list, or a plain "no record".

These are the values the bot renders. A brief carries what keeps a member
of staff safe on the doorstep or on the phone (hazards, precautions,
contact arrangements, who to ask) and nothing else: no reasons, incidents
or history, which stay with managers (see `register.access`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from register import arrangements as rules
from register.arrangements import Answer
from register.restrictions import Restriction, RestrictionType
from register.risks import PremiseRisk
from register.subjects import Person
from register.vocabulary import Channel, HazardType, Labelled, Precaution, Severity

NOT_A_GUARANTEE = (
    "No record is not a guarantee of safety. Use your own judgement, follow your "
    "service's lone working procedure, and report anything that happens."
)
EVERYONE_HERE = "everyone at this address"


class Purpose(Labelled):
    """Why staff looked someone up; it is also the audit entry's reason."""

    VISIT = "pre-visit check"
    CONTACT = "contact check"


@dataclass(frozen=True, slots=True)
class Hazard:
    hazard: HazardType
    severity: Severity
    who: str  # a person's name, or "everyone at this address" for the property itself
    ask: str  # who can give the details


@dataclass(frozen=True, slots=True)
class Arrangement:
    kind: RestrictionType
    who: str  # the person it applies to, or "everyone at this address"
    text: str  # "Home visits in pairs only", "Single point of contact: Jane Smith"
    scope: str  # "council-wide" or the service it holds in


@dataclass(frozen=True, slots=True)
class VisitBrief:
    """Before a visit: everything staff must know about an address, and nothing more."""

    subject_type: str  # "property", or "person" when the person has no address on record
    subject_id: str
    heading: str  # "12 Mill Lane, OX1 1AY", or the person's name
    hazards: tuple[Hazard, ...]  # most severe first
    precautions: tuple[Precaution, ...]  # each once, most severe first
    arrangements: tuple[Arrangement, ...]
    ask: tuple[str, ...]  # who to call for details
    note: str = NOT_A_GUARANTEE

    @property
    def nothing_recorded(self) -> bool:
        return not (self.hazards or self.precautions or self.arrangements)


@dataclass(frozen=True, slots=True)
class ChannelRule:
    channel: Channel
    answer: Answer
    conditions: tuple[str, ...]  # the arrangements behind a "with conditions" or a "no"


@dataclass(frozen=True, slots=True)
class ContactBrief:
    """Before taking or making a contact: may I, how, and what to do instead."""

    person_id: str
    person: str  # the name on the record
    asked: Channel | None  # the channel the question named, if it named one
    answer: Answer  # for `asked`; when none was named, yes only if every channel is open
    channels: tuple[ChannelRule, ...]  # every channel, in the vocabulary's order
    spoc: str | None  # "Jane Smith, 01865 123456" when there is a single point of contact
    instead: tuple[str, ...]  # what to do when the answer is not a plain yes
    arrangements: tuple[Arrangement, ...]
    ask: tuple[str, ...]
    note: str = NOT_A_GUARANTEE


@dataclass(frozen=True, slots=True)
class Candidate:
    """One line of a pick-list; choosing it repeats the look-up for just this record."""

    subject_type: str  # "property" or "person"
    subject_id: str
    label: str  # "12 Mill Lane, OX1 1AY" or "Gary Rowe, 12 Mill Lane, OX1 1AY"
    score: int  # 0-100, how well it matched what was typed


@dataclass(frozen=True, slots=True)
class PickList:
    query: str
    purpose: Purpose
    candidates: tuple[Candidate, ...]  # best first, at most a handful
    more: int  # further matches left off the list
    prompt: str


@dataclass(frozen=True, slots=True)
class NoMatch:
    query: str
    message: str


@dataclass(frozen=True, slots=True)
class Linked:
    """What the register holds on one person linked to an address."""

    person: Person
    restrictions: Sequence[Restriction]
    risks: Sequence[PremiseRisk]


def visit_brief(
    subject: tuple[str, str, str],
    risks: Sequence[PremiseRisk],
    restrictions: Sequence[Restriction],
    linked: Sequence[Linked],
) -> VisitBrief:
    """Gather an address's current hazards and in-force arrangements into one brief.

    `subject` is (type, id, heading); `risks` and `restrictions` are the
    property's own, `linked` the people at it (or the one person looked up).
    """
    risk_sets = [(EVERYONE_HERE, risks), *((p.person.name, p.risks) for p in linked)]
    rule_sets = [(EVERYONE_HERE, restrictions), *((p.person.name, p.restrictions) for p in linked)]
    hazards = [
        Hazard(r.hazard, r.severity, who, r.details_contact)
        for who, rs in risk_sets
        for r in rs
        if r.current
    ]
    in_force = [(who, r) for who, rs in rule_sets for r in rs if r.in_force]
    return VisitBrief(
        subject_type=subject[0],
        subject_id=subject[1],
        heading=subject[2],
        hazards=tuple(sorted(hazards, key=lambda h: -h.severity.rank)),
        precautions=_precautions(risk_sets, in_force),
        arrangements=tuple(_arrangement(who, r) for who, r in in_force),
        ask=_ask([h.ask for h in hazards], [r for _who, r in in_force]),
    )


def contact_brief(
    person: Person, restrictions: Sequence[Restriction], asked: Channel | None, staff_name: str
) -> ContactBrief:
    """May this member of staff use a channel with this person, and if not, what instead."""
    in_force = [r for r in restrictions if r.in_force]
    channels = tuple(_channel_rule(c, in_force, staff_name) for c in Channel)
    by_channel = {rule.channel: rule for rule in channels}
    answer = by_channel[asked].answer if asked else _overall([r.answer for r in channels])
    spoc = next(
        (rules.spoc_name(r.params) for r in in_force if r.kind is RestrictionType.SPOC), None
    )
    return ContactBrief(
        person_id=person.id,
        person=person.name,
        asked=asked,
        answer=answer,
        channels=channels,
        spoc=spoc,
        instead=_unique(rules.instead(r) for r in in_force if _affects(r, asked, staff_name)),
        arrangements=tuple(_arrangement(person.name, r) for r in in_force),
        ask=_ask([], in_force),
    )


def _rank(answer: Answer) -> int:
    return answer.rank


def _overall(answers: Sequence[Answer]) -> Answer:
    """'Can I contact them?': yes if every channel is open, no if none is, else conditions."""
    if all(a is Answer.YES for a in answers):
        return Answer.YES
    return Answer.NO if all(a is Answer.NO for a in answers) else Answer.WITH_CONDITIONS


def _channel_rule(
    channel: Channel, in_force: Sequence[Restriction], staff_name: str
) -> ChannelRule:
    effects = [e for r in in_force for e in rules.effects(r, staff_name) if e.channel is channel]
    answer = max((e.answer for e in effects), key=_rank, default=Answer.YES)
    return ChannelRule(channel, answer, _unique(e.condition for e in effects))


def _affects(restriction: Restriction, asked: Channel | None, staff_name: str) -> bool:
    effects = rules.effects(restriction, staff_name)
    return any(asked is None or e.channel is asked for e in effects)


def _arrangement(who: str, restriction: Restriction) -> Arrangement:
    return Arrangement(restriction.kind, who, rules.wording(restriction), restriction.scope_label)


def _precautions(
    risk_sets: Sequence[tuple[str, Sequence[PremiseRisk]]],
    in_force: Sequence[tuple[str, Restriction]],
) -> tuple[Precaution, ...]:
    """Each precaution once, at the highest severity anything asked for it.

    A restriction that implies a precaution (visits in pairs, no home
    visits) is a decision staff must follow, so it counts as high.
    """
    worst: dict[Precaution, int] = {}
    for _who, risks in risk_sets:
        for risk in (r for r in risks if r.current):
            for p in risk.precautions:
                worst[p] = max(worst.get(p, 0), risk.severity.rank)
    for _who, restriction in in_force:
        if (implied := rules.precaution(restriction)) is not None:
            worst[implied] = Severity.HIGH.rank
    order = list(Precaution)
    return tuple(sorted(worst, key=lambda p: (-worst[p], order.index(p))))


def _ask(contacts: Iterable[str], restrictions: Sequence[Restriction]) -> tuple[str, ...]:
    """Who can tell staff more: the risk's named contact, the SPOC, the deciding officer."""
    spocs = [rules.spoc_name(r.params) for r in restrictions if r.kind is RestrictionType.SPOC]
    deciders = [f"{r.decided_by.name} ({r.decided_by.job_title})" for r in restrictions]
    return _unique([*contacts, *spocs, *deciders])


def _unique(texts: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in texts if t))
