"""How restriction types and their details are named to staff on cards.

The register's keys ("spoc", "max_minutes") are for the code; a manager
filling in a proposal on a phone needs the words their policy uses. Every
type and every parameter in `register.restrictions.PARAMS` has a name here
(a test checks), so no key ever shows on a card or in a reply.
"""

from __future__ import annotations

from register.restrictions import PARAMS, RestrictionType

TYPE_TITLES: dict[RestrictionType, str] = {
    RestrictionType.SPOC: "Single point of contact",
    RestrictionType.SINGLE_CHANNEL: "One way of contacting us only",
    RestrictionType.CALL_LIMITS: "Calls limited to set days, times or length",
    RestrictionType.NO_CALLS: "No telephone calls",
    RestrictionType.THIRD_PARTY_ONLY: "Contact only through a third party",
    RestrictionType.FACE_TO_FACE_WITH_WITNESS: "Face to face only with a witness",
    RestrictionType.FACE_TO_FACE_AT_PREMISES: "Face to face only at council premises",
    RestrictionType.PREMISES_BAN: "Banned from council premises",
    RestrictionType.HOME_VISITS_REFUSED: "No home visits",
    RestrictionType.HOME_VISITS_IN_PAIRS: "Home visits only in pairs",
    RestrictionType.NO_REPLY_ON_TOPIC: "No reply on a named topic",
    RestrictionType.SOCIAL_MEDIA_RESTRICTED: "Council social media restricted",
    RestrictionType.WRITTEN_AGREEMENT: "Written agreement about contact",
    RestrictionType.TOTAL_REFUSAL_OF_CONTACT: "Complete refusal of contact",
    RestrictionType.WARNING: "Warning",
}

# (name, what the input asks for), in the order a form shows them.
PARAM_LABELS: dict[str, str] = {
    "officer": "Named officer (single point of contact)",
    "mailbox": "Mailbox (single point of contact)",
    "phone": "Their telephone number (single point of contact)",
    "channel": "The one way they may contact us",
    "address": "Address or email for that way (optional)",
    "days": "Days calls are taken (call limits)",
    "times": "Times calls are taken (call limits)",
    "max_minutes": "Longest call, in minutes (call limits)",
    "number": "Number to call (call limits)",
    "instead": "What to do instead of calling (no calls)",
    "via": "Who contact goes through (third party)",
    "witness": "Who the witness is (face to face with a witness)",
    "premises": "Which premises (face to face at premises, or a ban)",
    "until": "Banned until (premises ban, optional)",
    "topic": "The topic not replied to (no reply on a topic)",
    "reader": "Who still reads their contact on that topic",
    "platforms": "Which social media accounts",
    "agreement": "What the written agreement says",
    "kind": "Kind of warning (for example verbal or written)",
}


def type_title(kind: RestrictionType) -> str:
    return TYPE_TITLES[kind]


def param_label(name: str) -> str:
    return PARAM_LABELS.get(name, name.replace("_", " ").capitalize())


def param_names(kinds: list[RestrictionType]) -> list[str]:
    """The details any of `kinds` may need, each once, in the order of PARAM_LABELS."""
    wanted = {name for kind in kinds for name in PARAMS[kind].allowed}
    return [name for name in PARAM_LABELS if name in wanted]


def params_problems(kind: RestrictionType, params: dict[str, str]) -> list[str]:
    """What is missing for `kind`, in words; the core's own check names keys instead."""
    spec = PARAMS[kind]
    problems = [
        f"{type_title(kind)} needs: {param_label(name)}."
        for name in spec.required
        if not params.get(name)
    ]
    if spec.one_of and not any(params.get(name) for name in spec.one_of):
        choices = " or ".join(param_label(name) for name in spec.one_of)
        problems.append(f"{type_title(kind)} needs one of: {choices}.")
    return problems
