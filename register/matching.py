"""Reading what staff typed, and scoring what in the register they might mean.

A score runs from 0 to 100. Only a match on a specific house (or a
person's full name) that is clearly better than everything else is acted
on; anything vaguer becomes a pick-list, because showing the brief for 40
Mill Lane to someone standing outside 12 is worse than asking which.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from register.addresses import ParsedAddress, name_key, parse_address
from register.subjects import Person, Property
from register.vocabulary import Channel

PICK_FLOOR = 70  # below this a candidate is not worth showing
CLEAR = 85  # a specific match this good is acted on...
MARGIN = 8  # ...when nothing else comes within this many points
STREET_CLEAR = 80  # a street spelt less like the register's than this needs confirming
LONGEST_SPAN = 4

_COMMAND = re.compile(r"^\s*(?:please\s+)?(?:check|look\s*up|search(?:\s+for)?|find)\b[:\s]*", re.I)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_QUESTION = re.compile(r"^\s*(?:can|may|could|should|do)\s+i\s+(?P<rest>.+?)[\s?.!]*$", re.I)
_PIVOTS = re.compile(
    r"\b(?:from|to|with|call|ring|phone|telephone|e-?mail|write|visit|meet|see|contact|message)\b",
    re.I,
)
_TRAILING = re.compile(r"\s+(?:at home|today|tomorrow|now|back|again)$", re.I)
# The first of these a question mentions is the channel it asks about.
_CHANNEL_WORDS = (
    (re.compile(r"\b(?:call|ring|phone|telephone)\b", re.I), Channel.PHONE),
    (re.compile(r"\be-?mail\b", re.I), Channel.EMAIL),
    (re.compile(r"\b(?:letter|write)\b", re.I), Channel.LETTER),
    (re.compile(r"\bvisit\b", re.I), Channel.HOME_VISIT),
    (re.compile(r"\b(?:meet|meeting|see)\b", re.I), Channel.FACE_TO_FACE),
    (re.compile(r"\b(?:message|social media|dm)\b", re.I), Channel.SOCIAL_MEDIA),
)


@dataclass(frozen=True, slots=True)
class Query:
    text: str  # as typed, for the audit trail
    address: ParsedAddress
    name: str  # a name key when the text could be a person's name, else ""
    email: str  # an email address in the text, else ""


@dataclass(frozen=True, slots=True)
class ContactQuestion:
    """'Can I take a call from Gary Rowe?' -> who, and which channel."""

    who: str
    channel: Channel | None


@dataclass(frozen=True, slots=True)
class Scored:
    subject_type: str  # "property" or "person"
    record: Property | Person
    label: str
    score: int
    specific: bool  # identifies one house or one full name, not just a street or surname


def read_query(text: str) -> Query:
    """An address with or without postcode, a postcode alone, a name, or an email address."""
    body = _COMMAND.sub("", text).strip().rstrip("?.! ")
    if email := _EMAIL.search(body):
        return Query(text, ParsedAddress(), "", email.group().lower())
    address = parse_address(body)
    could_be_name = not re.search(r"\d", body)
    return Query(text, address, name_key(body) if could_be_name else "", "")


def read_contact_question(text: str) -> ContactQuestion | None:
    """None when the text is not a 'can I ...' question about contacting someone."""
    question = _QUESTION.match(text)
    if question is None or not _PIVOTS.search(question["rest"]):
        return None
    rest = question["rest"]
    who = _TRAILING.sub("", rest[list(_PIVOTS.finditer(rest))[-1].end() :]).strip(" ,:")
    channel = next((c for pattern, c in _CHANNEL_WORDS if pattern.search(rest)), None)
    return ContactQuestion(who, channel) if who else None


def street_spellings(address: ParsedAddress) -> list[str]:
    """The street as parsed, then every short run of words: one of them may be the street."""
    words = address.words
    spans = [
        " ".join(words[i : i + n])
        for n in range(min(LONGEST_SPAN, len(words)), 0, -1)
        for i in range(len(words) - n + 1)
    ]
    return list(dict.fromkeys([s for s in [address.street, *spans] if s]))


def fuzzy_spellings(address: ParsedAddress) -> list[str]:
    """The few runs of words worth comparing by spelling: the street, then two-word runs."""
    words = address.words
    pairs = [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]
    return list(dict.fromkeys([s for s in [address.street, *pairs, *words[:1]] if s]))


def score_property(query: ParsedAddress, prop: Property) -> Scored | None:
    """How well a property fits the typed address; None when it cannot be the one meant."""
    there = parse_address(prop.address)
    if query.district and not prop.postcode.replace(" ", "").startswith(query.district):
        return None
    house = _house_fit(query, there)
    if house is None:
        return None
    fit, house_specific = house
    street = _street_fit(query, there)
    parts = [(fit, 2.0), (street, 2.0), (_postcode_fit(query, prop), 1.0)]
    known = [(value, weight) for value, weight in parts if value is not None]
    if not known:
        return None
    score = round(100 * sum(v * w for v, w in known) / sum(w for _v, w in known))
    specific = house_specific and (street is None or street * 100 >= STREET_CLEAR)
    return Scored("property", prop, prop.one_line, score, specific)


def _postcode_fit(query: ParsedAddress, prop: Property) -> float | None:
    if not query.postcode:
        return None
    if query.postcode == prop.postcode:
        return 1.0
    return 0.5 if query.postcode.split()[0] == prop.postcode.split()[0] else 0.0


def _street_fit(query: ParsedAddress, there: ParsedAddress) -> float | None:
    if not query.words or not there.street:
        return None
    best = process.extractOne(there.street, street_spellings(query), scorer=fuzz.ratio)
    return best[1] / 100 if best else None


def _house_fit(query: ParsedAddress, there: ParsedAddress) -> tuple[float | None, bool] | None:
    """(fit, specific); None when the house typed is a different house."""
    if query.unit and there.unit and query.unit != there.unit:
        return None
    flat_known = bool(query.unit) or not there.unit
    if query.number:
        if query.number == there.number:
            return 1.0, flat_known
        same_building = re.sub(r"\D", "", query.number) == re.sub(r"\D", "", there.number)
        return (0.7, False) if same_building and there.number else None
    if query.house_name and there.house_name:
        fit = fuzz.ratio(query.house_name, there.house_name) / 100
        return (fit, flat_known and fit >= 0.9) if fit >= 0.8 else None
    if query.house_name:
        return None
    return None, False


def score_person(name: str, person: Person) -> Scored | None:
    """A full name (or alias), typo allowed, is specific; a surname alone is not."""
    keys = [name_key(person.name), *(name_key(alias) for alias in person.aliases)]
    full = max(fuzz.token_sort_ratio(name, key) for key in keys)
    partial = 80 if any(_covers(name, key) for key in keys) else 0
    score = max(round(full), partial)
    return Scored("person", person, person.name, score, full >= CLEAR) if score else None


def _covers(name: str, key: str) -> bool:
    """Every word typed is (nearly) a word of the name, or its initial."""
    words = key.split()
    return all(
        any(
            fuzz.ratio(typed, word) >= 85 or (len(typed) == 1 and word[0] == typed)
            for word in words
        )
        for typed in name.split()
    )


def _best_first(scored: Scored) -> tuple[int, list[str | int]]:
    """Highest score first, then labels in house-number order (2 before 10)."""
    label = [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", scored.label)]
    return -scored.score, label


def decide(scored: Sequence[Scored]) -> tuple[Scored | None, list[Scored]]:
    """The one clear match if there is one, and every candidate worth showing, best first."""
    shown = sorted((s for s in scored if s.score >= PICK_FLOOR), key=_best_first)
    if not shown:
        return None, []
    best, runner_up = shown[0], shown[1].score if len(shown) > 1 else 0
    clear = best.specific and best.score >= CLEAR and best.score - runner_up >= MARGIN
    return (best if clear else None), shown
