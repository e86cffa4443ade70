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
lamp post"); `wished_harm` is true when either reading is.
"""

from __future__ import annotations

import re

from mailbox.triage.people import last_person_is_staff
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
    return wished_harm_on(text)
