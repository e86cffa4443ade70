"""Who a sentence is about: a member of staff, or someone else.

Abuse is flagged when it is aimed at staff. "You", "your officer", a titled
name ("Ms Achebe") or a role ("that warden") point at staff; a neighbour,
an ex-partner or a landlord do not, and the customer may quote their abuse
to report it.
"""

from __future__ import annotations

import re

# Roles a member of council staff, or a contractor working for it, may have.
STAFF_ROLES = (
    r"staff|officers?|wardens?|inspectors?|managers?|team|colleagues?|boss|bosses|clerks?"
    r"|workers?|crew|crews|drivers?|handlers?|advisers?|advisors?|assessors?|receptionists?"
    r"|supervisors?|director|directors|chief|executive|councillors?|cllr|department|lot"
    r"|people|mob|operatives?|contractors?|fitters?|surveyors?|caseworkers?|planners?"
    r"|bailiffs?|agents?|enforcers?|social workers?|housing officers?"
)
PERSON_NOUNS = (
    rf"{STAFF_ROLES}|woman|women|man|men|lady|ladies|girl|bloke|guy|lad|one|person|individual"
)
_STAFF = re.compile(
    rf"\b(you|your|yours|you're|youre|yourself|yourselves)\b"
    rf"|\b(mr|mrs|ms|miss|dr|cllr|councillor)\.? [A-Z]"
    rf"|\b(the|that|this|those|these|your|his|her|their) ([a-z]+ ){{0,3}}({STAFF_ROLES})\b"
    r"|\btell (that|this|the|your|him|her)\b|\b(real|proper|your|that|their|his|her) job\b",
    re.I,
)


def mentions_staff(text: str) -> bool:
    """True when the text names or addresses someone who works for the council."""
    return bool(_STAFF.search(text))
