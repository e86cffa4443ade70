"""Plain words for letters to customers: dates, steps and each kind of arrangement.

A letter is read by someone who may be upset, may not read English easily,
and will certainly not know Forewarn's internal keys. Every sentence here
is written to be read aloud to a customer: short, in the second person,
saying what will happen rather than naming a restriction type.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from register.policy import Preset, RepeatCorrespondence, Step
from register.policy.model import Ombudsman
from register.restrictions import Restriction, RestrictionType
from register.vocabulary import Channel


def long_date(day: date) -> str:
    """3 March 2025: the form a letter uses, with no leading zero and no ambiguity."""
    return f"{day.day} {day:%B %Y}"


def step_name(step: Step) -> str:
    """'Stage 1: warning letter' -> 'Stage 1 (warning letter)', which reads in a sentence."""
    head, _, rest = step.label.partition(":")
    return f"{head.strip()} ({rest.strip()})" if rest.strip() else step.label


def _maybe_date(text: str) -> str:
    """A parameter that may hold an ISO date is shown as a long date; other text as given."""
    try:
        return long_date(date.fromisoformat(text))
    except ValueError:
        return text


def _channel_words(channel: str, address: str) -> str:
    words = {
        Channel.PHONE: "by telephone",
        Channel.EMAIL: "by email",
        Channel.LETTER: "by letter",
        Channel.FACE_TO_FACE: "in person",
        Channel.ONLINE_FORM: "through our online form",
        Channel.SOCIAL_MEDIA: "through social media",
        Channel.HOME_VISIT: "at a home visit",
    }.get(Channel(channel), f"by {channel}")
    return f"{words}, to {address}" if address else words


def _spoc(p: dict[str, str]) -> str:
    who = p.get("officer") or "one named officer"
    ways = [f"email {p['mailbox']}"] if p.get("mailbox") else []
    if p.get("phone"):
        ways.append(f"telephone {p['phone']}")
    text = f"Please contact us only through {who}, who will deal with everything you raise."
    return f"{text} You can reach them by {' or '.join(ways)}." if ways else text


def _single_channel(p: dict[str, str]) -> str:
    how = _channel_words(p["channel"], p.get("address", ""))
    return f"Please contact us only {how}. We will not respond to contact made in other ways."


def _call_limits(p: dict[str, str]) -> str:
    limits = []
    if p.get("days"):
        limits.append(f"on {p['days']}")
    if p.get("times"):
        limits.append(f"at {p['times']}")
    text = "We will take telephone calls from you only " + " ".join(limits) if limits else ""
    text = text or "We will take telephone calls from you only within the limits below"
    if p.get("max_minutes"):
        text += f", and each call will last no longer than {p['max_minutes']} minutes"
    if p.get("number"):
        text += f". Please call {p['number']}"
    return text + "."


def _no_calls(p: dict[str, str]) -> str:
    instead = p.get("instead") or "write to us instead"
    return (
        "We will not take telephone calls from you. If you call, staff will ask you to "
        f"{instead} and will then end the call. Please {instead}."
    )


def _third_party(p: dict[str, str]) -> str:
    via = p.get("via") or "someone acting for you, such as an advocate, solicitor or councillor"
    return f"Please contact us only through {via}."


def _witness(p: dict[str, str]) -> str:
    who = p.get("witness") or "a second member of staff"
    return f"Any meeting with you in person will take place with {who} present."


def _premises_ban(p: dict[str, str]) -> str:
    until = f" until {_maybe_date(p['until'])}" if p.get("until") else ""
    return f"You must not come to {p['premises']}{until}."


def _no_reply(p: dict[str, str]) -> str:
    return (
        f"We will not reply to further contact from you about {p['topic']}. "
        f"{p['reader']} will still read everything you send, so anything new will be picked up."
    )


def _social_media(p: dict[str, str]) -> str:
    where = f" on {p['platforms']}" if p.get("platforms") else ""
    return f"Your access to the council's social media accounts{where} is restricted."


def _agreement(p: dict[str, str]) -> str:
    text = p.get("agreement", "").strip()
    terms = f" The agreement is: {text.rstrip('.')}." if text else ""
    return f"We ask you to agree with us, in writing, how you will contact us in future.{terms}"


def _warning(p: dict[str, str]) -> str:
    kind = p.get("kind", "").strip()
    return (
        f"This letter is a {kind + ' ' if kind else ''}warning. We ask you to stop the "
        "behaviour described above."
    )


_ARRANGEMENT: dict[RestrictionType, Callable[[dict[str, str]], str]] = {
    RestrictionType.SPOC: _spoc,
    RestrictionType.SINGLE_CHANNEL: _single_channel,
    RestrictionType.CALL_LIMITS: _call_limits,
    RestrictionType.NO_CALLS: _no_calls,
    RestrictionType.THIRD_PARTY_ONLY: _third_party,
    RestrictionType.FACE_TO_FACE_WITH_WITNESS: _witness,
    RestrictionType.FACE_TO_FACE_AT_PREMISES: lambda p: (
        f"We will meet you in person only at {p['premises']}."
    ),
    RestrictionType.PREMISES_BAN: _premises_ban,
    RestrictionType.HOME_VISITS_REFUSED: lambda p: "We will not visit you at home.",
    RestrictionType.HOME_VISITS_IN_PAIRS: lambda p: (
        "When we need to visit you at home, two members of staff will come together."
    ),
    RestrictionType.NO_REPLY_ON_TOPIC: _no_reply,
    RestrictionType.SOCIAL_MEDIA_RESTRICTED: _social_media,
    RestrictionType.WRITTEN_AGREEMENT: _agreement,
    RestrictionType.TOTAL_REFUSAL_OF_CONTACT: lambda p: (
        "We will no longer respond to contact from you about the matters you have raised, "
        "and we have stopped our work on them."
    ),
    RestrictionType.WARNING: _warning,
}


def arrangement(restriction: Restriction) -> str:
    """What one restriction means for the customer, in a sentence or two."""
    return _ARRANGEMENT[restriction.kind](restriction.params)


def scope(restriction: Restriction) -> str:
    """Which part of the council the arrangement covers (Rhondda Cynon Taf: the service only)."""
    if restriction.service is None:
        return "These arrangements apply to all your contact with the council."
    return (
        f"These arrangements apply only to your contact with {restriction.service}. "
        "Other council services will deal with you in the usual way."
    )


_REPEATS: dict[RepeatCorrespondence, str] = {
    RepeatCorrespondence.NO_REPLY_UNLESS_NEW_INFORMATION: (
        "We will not write to you again about matters we have already closed unless you give "
        "us important new information."
    ),
    RepeatCorrespondence.NOT_ACKNOWLEDGED: (
        "We will not acknowledge or reply to repeated complaints about cases we have closed."
    ),
    RepeatCorrespondence.READ_THEN_FILED: (
        "We will read anything you send about matters already dealt with, to see whether it "
        "raises anything new. If it does not, we will keep it on file without replying."
    ),
    RepeatCorrespondence.TREATED_SEPARATELY: (
        "Any new complaint you make will be dealt with separately, on its merits."
    ),
}


def still_open(preset: Preset) -> tuple[str, ...]:
    """What the customer can still do: every policy keeps services and new complaints open."""
    return (
        "This decision does not stop you using the council services you are entitled to, or "
        "making a new complaint about a different matter. Please use the arrangements above "
        "when you do.",
        _REPEATS[preset.repeat_correspondence.rule],
    )


def ombudsman_lines(body: Ombudsman, *, say_what_for: bool) -> tuple[str, ...]:
    """One Ombudsman's name and every way to reach them.

    What each one looks at is shown only when there is a choice to make
    (Oxfordshire: the LGSCO or the ICO); the preset's wording of it is
    written for staff, so a single Ombudsman is simply named.
    """
    name = f"{body.name}, for {body.applies_to}:" if say_what_for else body.name
    lines = [name, ", ".join(body.address)]
    if body.phone:
        lines.append(f"Telephone: {body.phone}")
    if body.email:
        lines.append(f"Email: {body.email}")
    if body.website:
        lines.append(f"Website: {body.website}")
    return tuple(lines)
