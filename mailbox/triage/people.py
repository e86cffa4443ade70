"""Who a sentence is about: a member of staff, or someone else.

Abuse is flagged when it is aimed at staff. "You", "your officer", a titled
name ("Ms Achebe") or a role ("that warden") point at staff; a neighbour,
an ex-partner or a landlord do not, and the customer may quote their abuse
to report it. Nor does the customer, or whoever an email is written on behalf
of: while one email is read (`written_for`), their names are never staff.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from mailbox.triage.literals import guarded

# Roles a member of council staff, or a contractor working for it, may have.
STAFF_ROLES = (
    r"staff|officers?|wardens?|inspectors?|managers?|team|colleagues?|boss|bosses|clerks?"
    r"|workers?|crew|crews|drivers?|handlers?|advisers?|advisors?|assessors?|receptionists?"
    r"|supervisors?|director|directors|chief|executive|councillors?|cllr|department|lot"
    r"|people|mob|operatives?|contractors?|fitters?|surveyors?|caseworkers?|planners?"
    r"|bailiffs?|agents?|enforcers?|social workers?|housing officers?"
    # Front-line staff of council services: "that lifeguard", "the attendant".
    r"|lifeguards?|attendants?|librarians?|caretakers?|rangers?|groundsm[ae]n|binm[ae]n"
    r"|instructors?|collectors?|investigators?|assessors?|coordinators?|co-ordinators?"
)
PERSON_NOUNS = (
    rf"{STAFF_ROLES}|woman|women|man|men|lady|ladies|girl|bloke|guy|lad|one|person|individual"
)
_STAFF = guarded(
    # A role first: "your benefits team" is staff, where a bare "you" is the reader.
    rf"\b(the|that|this|those|these|your|his|her|their) ([a-z-]+ ){{0,3}}({STAFF_ROLES})\b"
    rf"|\b(you|your|yours|you're|youre|yourself|yourselves)\b"
    rf"|\b(mr|mrs|ms|miss|dr|cllr|councillor)\.? [A-Z]"
    r"|\btell (that|this|the|your|him|her)\b|\b(real|proper|your|that|their|his|her) job\b"
    r"|\b(on|at|behind|from) (the |your )?(front |enquiry |customer service )?(desk|counter"
    r"|reception|switchboard|phones?|helpline)\b",
    re.I,
)


# People who do not work for the council: those a customer has trouble with, and their own.
# A flat or house number stands for the people in it ("number 12 are at it again"), but not
# after a preposition: "serviced for free at number 12" names a place.
_OTHERS = guarded(
    r"\b(neighbours?|next door|(the )?(man|woman|men|lads?|bloke|guy|girl|boy|kids?|family|couple"
    r"|people|tenants?) (from|at|in|next door|upstairs|downstairs|opposite|across)"
    r"|(?<!\bat )(?<!\bto )(?<!\bin )(?<!\bon )(?<!\bby )(?<!\bnear )(?<!\boutside )"
    r"(flat (\d+\w*|[a-z]\b)|number \d+|no\.? \d+)"
    r"|landlord|landlady|tenant|lodger|ex(-| )?(partner|husband"
    r"|wife|boyfriend|girlfriend)?\b|my ex|youths?|yobs|dealers?|owner|burglars?|thie(f|ves)"
    r"|intruders?|drivers? of|stranger"
    # A person no role places, whose face or car it is: "you can see the bloke's face and reg".
    r"|(the|a|that|this) (bloke|guy|man|woman|lad|fella|chap|person)['’]s"
    # The customer's own family and friends.
    r"|(my|our) (daughter|son|mum|mother|dad|father|wife|husband|partner|sister|brother|nan|gran"
    r"|grandmother|grandfather|aunt|uncle|cousin|friend|carer|niece|nephew)s?)\b",
    re.I,
)


def last_person_is_staff(earlier: tuple[str, ...], sentence: str) -> bool:
    """Whom "him", "her" or "them" most likely means: staff, unless the nearest person is not.

    The nearest mention wins, reading back from this sentence's own words
    before the pronoun to the sentences before it. With nobody named, it
    is taken to be staff: the customer is writing to the council. The
    customer, and anyone the email is written for, is never staff (see
    `written_for`).
    """
    for text in (sentence, *reversed(earlier)):
        spoken_for = _spoken_for_in(text)
        staff = [m.start() for m in _STAFF.finditer(text)
                 if not _is_you(m.group(0)) and not _within(m, spoken_for)]
        others = [m.start() for m in _OTHERS.finditer(text)] + [s for s, _ in spoken_for]
        if staff or others:
            return max(staff, default=-1) > max(others, default=-1)
    return True


def last_person_is_spoken_for(earlier: tuple[str, ...], sentence: str) -> bool:
    """True when the nearest person before the end of `sentence` is the customer or someone
    the email is written for (`written_for`): "Mrs Hale has MS and she is too old to ..."
    speaks of the customer. "You" counts here as staff, who are being written to."""
    for text in (sentence, *reversed(earlier)):
        spoken_for = _spoken_for_in(text)
        staff = [m.start() for m in _STAFF.finditer(text) if not _within(m, spoken_for)]
        others = [m.start() for m in _OTHERS.finditer(text)]
        if staff or others or spoken_for:
            return max(s for s, _ in spoken_for or [(-1, 0)]) > max(staff + others, default=-1)
    return False


def _is_you(word: str) -> bool:
    return word.lower() in _YOU_WORDS


_YOU_WORDS = frozenset({"you", "your", "yours", "you're", "youre", "yourself", "yourselves"})


def mentions_staff(text: str) -> bool:
    """True when the text names or addresses someone who works for the council."""
    spoken_for = _spoken_for_in(text)
    return any(not _within(m, spoken_for) for m in _STAFF.finditer(text))


def named_as_third_party(name: str, texts: tuple[str, ...]) -> bool:
    """True when a text that names `name` also calls someone a neighbour, an ex or a relative.

    "My neighbour Gary ... Gary is a thug" is about a neighbour; a name never placed
    like that may be an officer's, and abuse of an officer is what must be flagged.
    """
    if _names_spoken_for(name):
        return True
    first = name.split()[0]
    return any(first in text and _OTHERS.search(text) for text in texts) or any(
        re.search(rf"\b{re.escape(part)}('s)? {_HOLDING}", text)
        for part in name.split() for text in texts)


# A name that is also a farm's, an estate's or a firm's ("Hollins Farm") is a landowner's or a
# business's, one the customer complains about: the council's officers are not named so.
_HOLDING = (r"(?-i:(Farm|Farms|Estate|Estates|Ltd|Limited|Homes|Properties|Construction|Builders"
            r"|Developments|Holdings|Contractors|& Sons|and Sons))\b")


# Someone placed where a neighbour lives: "that idiot upstairs", "the clown at number 12".
_PLACED = guarded(
    r"\b(that|this|the|those|these|my|our)( [\w*'’-]+){1,5}?"
    r" (upstairs|downstairs|next door|across the (road|street|landing|hall|way)|opposite"
    r"|below (me|us)|above (me|us)|(at|in|from) (number|no\.?|flat) \d+\w*"
    r"|over the (road|fence))\b",
    re.I,
)


def name_placed_third_parties(text: str) -> str:
    """`text` with anyone placed where a neighbour lives replaced by "the neighbour".

    However the customer describes them ("that f***ing idiot upstairs"), a person
    known by where they live is a neighbour, not staff, so the abuse rules pass over
    what is said of them. A staff role named in the phrase keeps it: "your officer
    next door" is still an officer.
    """
    pattern = _WRITTEN_FOR.get()
    placed = _neighbours_placed(text)
    return pattern.sub("the customer", placed) if pattern else placed


@lru_cache(maxsize=8192)
def _neighbours_placed(text: str) -> str:
    def replace(found: re.Match[str]) -> str:
        return found.group(0) if _STAFF.search(found.group(0)) else "the neighbour"
    return _PLACED.sub(replace, text)


# Whom an email is written for: the case's customer, and anyone an advocate, a relative or a
# friend writes on behalf of ("I am writing on behalf of Ms Orrell", "for my mother, Mrs Hale").
# A titled name reads as an officer's (`_STAFF`), so without this "Ms Orrell has MS ... she
# cannot manage" would make a remark on the customer's own health a remark on staff. Set for
# the reading of one email by `written_for`; every reading of persons here consults it.
_WRITTEN_FOR: ContextVar[re.Pattern[str] | None] = ContextVar("written_for", default=None)
_TITLE = r"(?:mr|mrs|ms|miss|mx|dr)\.?"
_NAME = r"[A-Z][\w'’-]+"
_ON_BEHALF = re.compile(
    rf"\b(?i:on behalf of|advocate for|advocating for|representing|writing for|my client"
    r"|(?:my|our) (?:mother|mum|father|dad|son|daughter|wife|husband|partner|sister|brother"
    r"|nan|gran|grandmother|grandfather|aunt|uncle|friend|neighbour|tenant|client)),? "
    rf"(?:(?i:{_TITLE}) )?(?P<name>{_NAME}(?: {_NAME})?)")


@contextmanager
def written_for(customer_name: str, sentences: tuple[str, ...]) -> Iterator[None]:
    """While reading one email, the customer and those it speaks for are not staff.

    The customer's full name always marks them. Their title and surname ("Mrs Penhale") do
    only when someone writes on their behalf: customers writing for themselves do not call
    themselves so, and "Mr Penhale" in their own letter may be an officer or a relative.
    """
    spoken_for = {m.group("name") for s in sentences for m in _ON_BEHALF.finditer(s)}
    names = spoken_for | ({customer_name.strip()} if spoken_for else set())
    full = customer_name.strip() if len(customer_name.split()) > 1 else ""
    token = _WRITTEN_FOR.set(_names_pattern(frozenset(n for n in names if n),
                                            frozenset({full} - {""})))
    try:
        yield
    finally:
        _WRITTEN_FOR.reset(token)


@lru_cache(maxsize=256)
def _names_pattern(titled: frozenset[str], full: frozenset[str]) -> re.Pattern[str] | None:
    """Full names, and the surnames of `titled` after a title: "Tamsin Orrell", "Ms Orrell"."""
    parts = [re.escape(" ".join(name.split())) for name in sorted(full)]
    for name in sorted(titled):
        words = name.split()
        parts.append(rf"(?i:{_TITLE}) {re.escape(words[-1])}")
        if len(words) > 1:
            parts.append(re.escape(" ".join(words)))
    return re.compile(r"\b(" + "|".join(parts) + r")\b") if parts else None


def _spoken_for_in(text: str) -> list[tuple[int, int]]:
    pattern = _WRITTEN_FOR.get()
    return [m.span() for m in pattern.finditer(text)] if pattern else []


def _names_spoken_for(name: str) -> bool:
    """True when `name`, a full name or a bare surname ("Orrell"), is one `written_for` set."""
    pattern = _WRITTEN_FOR.get()
    return bool(pattern and (pattern.fullmatch(name) or pattern.fullmatch(f"Mx {name}")))


def _within(found: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(start <= found.start() < end for start, end in spans)
