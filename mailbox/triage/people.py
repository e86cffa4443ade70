"""Who a sentence is about: a member of staff, or someone else.

Abuse is flagged when it is aimed at staff. "You", "your officer", a titled
name ("Ms Achebe") or a role ("that warden") point at staff; a neighbour,
an ex-partner or a landlord do not, and the customer may quote their abuse
to report it.
"""

from __future__ import annotations

import re
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
    is taken to be staff: the customer is writing to the council.
    """
    for text in (sentence, *reversed(earlier)):
        staff = [m.start() for m in _STAFF.finditer(text) if not _is_you(m.group(0))]
        others = [m.start() for m in _OTHERS.finditer(text)]
        if staff or others:
            return max(staff, default=-1) > max(others, default=-1)
    return True


def _is_you(word: str) -> bool:
    return word.lower() in _YOU_WORDS


_YOU_WORDS = frozenset({"you", "your", "yours", "you're", "youre", "yourself", "yourselves"})


def mentions_staff(text: str) -> bool:
    """True when the text names or addresses someone who works for the council."""
    return bool(_STAFF.search(text))


def named_as_third_party(name: str, texts: tuple[str, ...]) -> bool:
    """True when a text that names `name` also calls someone a neighbour, an ex or a relative.

    "My neighbour Gary ... Gary is a thug" is about a neighbour; a name never placed
    like that may be an officer's, and abuse of an officer is what must be flagged.
    """
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


@lru_cache(maxsize=8192)
def name_placed_third_parties(text: str) -> str:
    """`text` with anyone placed where a neighbour lives replaced by "the neighbour".

    However the customer describes them ("that f***ing idiot upstairs"), a person
    known by where they live is a neighbour, not staff, so the abuse rules pass over
    what is said of them. A staff role named in the phrase keeps it: "your officer
    next door" is still an officer.
    """
    def replace(found: re.Match[str]) -> str:
        return found.group(0) if _STAFF.search(found.group(0)) else "the neighbour"
    return _PLACED.sub(replace, text)
