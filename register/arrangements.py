"""Restrictions in the words frontline staff act on, and what each means per channel.

One row per restriction type: the sentence staff read ("Home visits in
pairs only"), the precaution it implies for a visit, which channels it
closes or puts conditions on, and what to do instead. Only the
arrangement is worded; the reasons for it never leave the record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from register.restrictions import Restriction, RestrictionType
from register.vocabulary import Channel, Labelled, Precaution


class Answer(Labelled):
    """May I use this channel? Ordered from least to most restrictive."""

    YES = "yes"
    WITH_CONDITIONS = "with_conditions"
    NO = "no"

    @property
    def rank(self) -> int:
        return list(Answer).index(self)


@dataclass(frozen=True, slots=True)
class Effect:
    """What one restriction does to one channel."""

    channel: Channel
    answer: Answer
    condition: str


Params = dict[str, str]
ALL = tuple(Channel)
FACE = (Channel.FACE_TO_FACE, Channel.HOME_VISIT)
WRITTEN = (Channel.EMAIL, Channel.LETTER, Channel.ONLINE_FORM)


@dataclass(frozen=True, slots=True)
class Rule:
    """How staff read one restriction type."""

    wording: Callable[[Params], str]
    closes: Callable[[Params], tuple[Channel, ...]] = lambda p: ()
    conditions: Callable[[Params], tuple[Channel, ...]] = lambda p: ()
    instead: Callable[[Params], str] = lambda p: ""
    precaution: Precaution | None = None


def _opt(params: Params, name: str, template: str) -> str:
    return template.format(params[name]) if params.get(name) else ""


def spoc_name(params: Params) -> str:
    """'Jane Smith, 01865 123456' or the mailbox: who the single point of contact is."""
    who = params.get("officer") or params.get("mailbox", "")
    return who + _opt(params, "phone", ", {}")


def _single_channel(params: Params) -> Channel:
    return Channel(params["channel"])


def _call_limits(params: Params) -> str:
    when = " ".join(params[k] for k in ("days", "times") if params.get(k))
    return (
        "Telephone calls"
        + (f" {when} only" if when else "")
        + _opt(params, "max_minutes", ", at most {} minutes")
        + _opt(params, "number", ", on {}")
    )


RULES: dict[RestrictionType, Rule] = {
    RestrictionType.SPOC: Rule(
        wording=lambda p: f"Single point of contact: {spoc_name(p)}",
        conditions=lambda p: ALL,
        instead=lambda p: f"Pass the contact to {spoc_name(p)}",
    ),
    RestrictionType.SINGLE_CHANNEL: Rule(
        wording=lambda p: (
            f"Contact by {_single_channel(p).label} only" + _opt(p, "address", ": {}")
        ),
        closes=lambda p: tuple(c for c in ALL if c is not _single_channel(p)),
        instead=lambda p: (
            f"Ask them to use {_single_channel(p).label}" + _opt(p, "address", " ({})")
        ),
    ),
    RestrictionType.CALL_LIMITS: Rule(wording=_call_limits, conditions=lambda p: (Channel.PHONE,)),
    RestrictionType.NO_CALLS: Rule(
        wording=lambda p: "No telephone calls",
        closes=lambda p: (Channel.PHONE,),
        instead=lambda p: p.get("instead") or "Ask them to write instead",
    ),
    RestrictionType.THIRD_PARTY_ONLY: Rule(
        wording=lambda p: "Contact only through a third party" + _opt(p, "via", ": {}"),
        closes=lambda p: ALL,
        instead=lambda p: "Contact them through " + (p.get("via") or "their representative"),
    ),
    RestrictionType.FACE_TO_FACE_WITH_WITNESS: Rule(
        wording=lambda p: "Meet face to face only with a witness" + _opt(p, "witness", " ({})"),
        conditions=lambda p: FACE,
    ),
    RestrictionType.FACE_TO_FACE_AT_PREMISES: Rule(
        wording=lambda p: f"Meet face to face only at {p['premises']}",
        closes=lambda p: (Channel.HOME_VISIT,),
        conditions=lambda p: (Channel.FACE_TO_FACE,),
        instead=lambda p: f"Offer a meeting at {p['premises']}",
        precaution=Precaution.MEET_AT_COUNCIL_PREMISES,
    ),
    RestrictionType.PREMISES_BAN: Rule(
        wording=lambda p: f"Not allowed at {p['premises']}" + _opt(p, "until", " until {}"),
        conditions=lambda p: (Channel.FACE_TO_FACE,),
    ),
    RestrictionType.HOME_VISITS_REFUSED: Rule(
        wording=lambda p: "No home visits",
        closes=lambda p: (Channel.HOME_VISIT,),
        instead=lambda p: "Arrange to meet at council premises",
        precaution=Precaution.NO_HOME_VISITS,
    ),
    RestrictionType.HOME_VISITS_IN_PAIRS: Rule(
        wording=lambda p: "Home visits in pairs only",
        conditions=lambda p: (Channel.HOME_VISIT,),
        precaution=Precaution.VISIT_IN_PAIRS,
    ),
    RestrictionType.NO_REPLY_ON_TOPIC: Rule(
        wording=lambda p: f"Messages about {p['topic']} are read by {p['reader']}, not answered",
        conditions=lambda p: WRITTEN,
    ),
    RestrictionType.SOCIAL_MEDIA_RESTRICTED: Rule(
        wording=lambda p: "No contact through social media" + _opt(p, "platforms", " ({})"),
        closes=lambda p: (Channel.SOCIAL_MEDIA,),
    ),
    RestrictionType.WRITTEN_AGREEMENT: Rule(
        wording=lambda p: "Contact follows a written agreement" + _opt(p, "agreement", ": {}"),
        conditions=lambda p: ALL,
    ),
    RestrictionType.TOTAL_REFUSAL_OF_CONTACT: Rule(
        wording=lambda p: "No contact at all",
        closes=lambda p: ALL,
        instead=lambda p: "Do not respond; tell your manager about the contact",
        precaution=Precaution.NO_HOME_VISITS,
    ),
    RestrictionType.WARNING: Rule(
        wording=lambda p: "Has had a formal warning" + _opt(p, "kind", " ({})"),
    ),
}


def wording(restriction: Restriction) -> str:
    return RULES[restriction.kind].wording(restriction.params)


def effects(restriction: Restriction, staff_name: str) -> list[Effect]:
    """What this restriction does to each channel, for the member of staff asking.

    The single point of contact is the one person the arrangement does not
    hold back, so a SPOC asking about their own customer is told yes.
    """
    rule, params = RULES[restriction.kind], restriction.params
    if restriction.kind is RestrictionType.SPOC and _is_spoc(params, staff_name):
        return []
    text = rule.wording(params)
    closed = [Effect(c, Answer.NO, text) for c in rule.closes(params)]
    limited = [Effect(c, Answer.WITH_CONDITIONS, text) for c in rule.conditions(params)]
    return closed + limited


def instead(restriction: Restriction) -> str:
    return RULES[restriction.kind].instead(restriction.params)


def precaution(restriction: Restriction) -> Precaution | None:
    return RULES[restriction.kind].precaution


def _is_spoc(params: Params, staff_name: str) -> bool:
    officer = params.get("officer", "")
    return bool(officer) and officer.casefold() == staff_name.casefold()
