"""Harm wished on staff, in any mood: a harm predicate whose patient is a member of staff.

"Whoever wrote that letter should be strung up from the lamp post", "she deserves to be
shot", "someone ought to give him a good hiding", "I'd happily see them hang" and "I hope
she rots" share one structure, however they are worded: a predicate of hurting or killing
(hanging, shooting, beating, burning, rotting ...) in a mood of wish, deserving, threat or
condition, said of a person. Listing whole sentences never caught the next wording, so this
module reads the two parts separately:

- MOOD + HARM: a modal of wish or desert ("should", "ought to", "deserve(s) to", "needs
  to", "want(s) to see ... ", "I hope", "I'd happily") followed closely by a harm predicate,
  passive ("be strung up", "be shot") or active ("hang", "rot", "burn in hell");
- PATIENT: the person it is said of must be staff, or nobody named (the customer writes to
  the council about its staff): "the man who burgled me should be hanged" is about a third
  party, and `people.last_person_is_staff` decides, as for threats.

Legal or professional consequences ("should be sacked", "ought to be prosecuted") are a
customer's right to ask for and are not predicates of harm.

A second reading, `targets.wished_harm_on`, finds a staff target by structure inside "I
hope ..." and looks for harm wording there ("I hope your inspector wraps his car round a
lamp post"). A third, `wished_suffering`, reads harm put as a STATE rather than an act:
"I hope one day you're old and left alone in your own mess", "may they suffer as I have",
"may God punish whoever did this". It has three parts: a WISH (I hope / wish / pray, an
optative "may", "one day you'll"), a staff PATIENT, and a bad STATE wished on them
(suffering, neglect, misery, "see how you like it"). Comparisons with the customer's own
suffering ("as I have", "like she was") are taken out before the customer is looked for:
"I hope you understand how I suffer" is the customer's own state and is not a wish of harm.
`wished_harm` is true when any reading is.
"""

from __future__ import annotations

import re

from mailbox.triage.people import STAFF_ROLES, last_person_is_staff
from mailbox.triage.targets import wished_harm_on

# Passive predicates of bodily harm: "be strung up", "be shot", "get a good kicking".
_HARMED = (
    r"(strung up|hung|hanged|lynched|shot|stabbed|flogged|whipped|horsewhipped|birched"
    r"|thrashed|beaten( up| to a pulp| black and blue)?|battered|kicked( in)?|punched|knifed"
    r"|strangled|throttled|drowned|burn(ed|t)( alive| at the stake)?|set (on )?fire|tarred and"
    r" feathered|put (up )?against a wall|put in the stocks|run over|knee-?capped|hung, drawn"
    r" and quartered|drawn and quartered|taken out(side)? and shot|boiled alive|skinned alive"
    r"|buried alive|torn apart|ripped apart|given a (good )?(hiding|kicking|beating|slap)"
    r"|strung from \w+)"
)
# Active predicates, said of the person themselves: "hang", "rot in hell", "die".
_SUFFERS = (r"(hang|swing|rot|rots|die|dies|burn|burns|suffer|suffers|choke|chokes|drop dead"
            r"|drops dead|get (what'?s coming|a (good )?(hiding|kicking|beating))"
            r"|gets? (run over|hit by a bus|stabbed|shot|beaten up|knocked down))")
_MOOD = (r"(should|shall|ought to|oughta|deserves? to|needs? to|want(s)? to|wants?|would like"
         r" to|must|will|'ll|’ll|could|wish(es)?|hope)")
_PATIENT = (r"(you|he|she|they|him|her|them|whoever|your [\w-]+( [\w-]+)?|th(e|at|is|ose|ese)"
            r" [\w-]+( [\w-]+)?|(mr|mrs|ms|miss|dr)\.? [a-z'-]+|(?-i:[A-Z][a-z'-]+))")
_WISHED = re.compile(
    # "she should be strung up", "they deserve to be shot", "he wants horsewhipping".
    rf"\b{_MOOD}( (all|both|really|just|frankly|honestly|personally))?( to)? (be|get|see \w+"
    rf"( \w+)?|see (them|him|her|you) all) {_HARMED}\b"
    # "I hope she rots", "I'd like to see him hang", "let them burn".
    rf"|\b(hope|wish|like to see|love to see|happily see|want to see|let) {_PATIENT}"
    rf"( all| both)? {_SUFFERS}\b"
    # "Someone should string him up", "I'd happily hang her".
    r"|\b(someone|somebody|they|i|we)('d|’d| would| should| ought to| could)( happily| gladly"
    r"| personally)? (string|hang|shoot|flog|horsewhip|lynch|stab|strangle|throttle|drown|burn"
    r"|torch|knee-?cap|thrash|batter|kick|punch) (\w+ )?(up )?(him|her|them|you|the lot)\b",
    re.I,
)


def wished_harm(text: str, earlier: tuple[str, ...] = ()) -> bool:
    """True when `text` (the customer's own words) wishes bodily harm on a member of staff.

    The person harmed is whoever was last named before the predicate, read back into the
    sentences before; nobody named means staff, since the customer is writing to the council.
    """
    for found in _WISHED.finditer(text):
        if last_person_is_staff(earlier, text[: found.end()]):
            return True
    return wished_harm_on(text) or wished_suffering(text, earlier)


# The mood of a wish: "I hope", "we pray that", an optative "may" opening a clause ("may they
# suffer"), or a fate foretold ("one day you'll ...").
_WISH = re.compile(
    r"\b(i|we)( really| truly| sincerely| just| only| do)? (hope|wish|pray)( that)?\b"
    r"|(^|[,;:]\s*|\b(and|but|so)\s+)may\b"
    r"|\b(one|some) day(,)? (?=(you|they|he|she|your|the|that)\b)",
    re.I,
)
# Whom it is wished on: staff by role or title, "you", "whoever did this", or he / she / they
# when the nearest person named is staff.
_PATIENT_OF = re.compile(
    rf"\b(you|your (\w+ )?({STAFF_ROLES})|(the|that|this|those|these) (\w+ )?({STAFF_ROLES})"
    r"|(mr|mrs|ms|miss|dr|cllr|councillor)\.? (?-i:[A-Z][a-z'-]+)"
    r"|whoever( [\w'-]+){1,8}?(?=,|\s+(is|are|gets?|be|suffers?|rots?|pays?)\b|$)"
    r"|they|them|he|him|she|her)\b"
    # "the officer who refused my appeal": who they are, not the customer's own state.
    r"( (who|that) \w+( (my|our|the|this|that|his|her|their|a|an))? \w+)?",
    re.I,
)
# The wish ends where the customer turns to themselves: "..., and I hope they remember".
_OWN_CLAUSE = re.compile(r"[,;]\s*(and |but |so )?(i|we)\b", re.I)
# A bad state, not an act: suffering, misery, neglect, a fate turned back on them.
_STATE = re.compile(
    r"\b(suffer|suffers|suffering|suffered|rot|rots|rotting|burn in hell|in (pain|agony|misery"
    r"|torment|hell)|miserable|misery|(left|lying|sitting|sat|abandoned|dumped) (alone|on (your"
    r"|their|his|her) own|to rot|in (your|their|his|her) own (mess|filth|muck|urine|waste"
    r"|excrement|dirt))|in (your|their|his|her) own (mess|filth|muck|urine|waste|excrement)"
    r"|(old|ill|sick|poor|frail|helpless) and (alone|forgotten|helpless|neglected|abandoned"
    r"|ignored|frightened|lonely)|alone and (forgotten|frightened|helpless|ignored|neglected)"
    r"|neglected|abandoned|helpless|homeless|destitute|penniless|lose (everything|your \w+"
    r"|their \w+|his \w+|her \w+)|end up (homeless|alone|on the streets?|in a home)"
    r"|(go|goes|going) through (what|the same|this|hell|everything)|know (how|what) it feels"
    r"|see how (you|they|he|she) (like|likes) it|(a )?taste of (your|their|his|her) own medicine"
    r"|(get|gets|getting) what('s| is) coming|comeuppance|karma|never (know|have) (a moment'?s"
    r" )?peace|(god|the lord|heaven|fate|karma) (will )?(punish|punishes|curse|curses|damn"
    r"|damns|strike|strikes|forgive you not))\b",
    re.I,
)
_NOT_WISHED = re.compile(r"\b(never|not)\b|n't\b", re.I)
# "as I have", "like she was", "the way my mother did": the customer's own suffering compared.
_COMPARED = re.compile(r"\b(as|like|the way|just as|just like)( (i|we|she|he|my \w+|our \w+"
                       r"|mum|dad|her|him|me|us))( \w+){0,3}", re.I)
_CUSTOMER = re.compile(r"\b(i|me|my|we|us|our)\b", re.I)


def wished_suffering(text: str, earlier: tuple[str, ...] = ()) -> bool:
    """A bad state wished on a member of staff: see the module docstring."""
    for wish in _WISH.finditer(text):
        rest = text[wish.end():]
        if own := _OWN_CLAUSE.search(rest):
            rest = rest[: own.start()]
        rest = _COMPARED.sub(" ", rest)
        patient = _PATIENT_OF.search(rest)
        if not patient or not _STATE.search(rest) or _NOT_WISHED.search(rest):
            continue
        said = rest[: patient.start()] + " " + rest[patient.end():]
        if _CUSTOMER.search(said):
            continue
        who = patient.group(0).split()[0].lower()
        if who in {"they", "them", "he", "him", "she", "her"} and not last_person_is_staff(
                earlier, text[: wish.end()]):
            continue
        return True
    return False
