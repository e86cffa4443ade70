"""A remark on who a member of staff is or how they look, with no insult word in it.

"The young lady handling this, with her obvious background, does not understand how
things are done here", "that fat ginger warden", "put someone on this who isn't a doddery
old fossil": none of them holds a word of `lexicon.abuse`, and lists of such sentences
never caught the next one. They share a structure, which this module reads:

1. a CHARACTERISTIC (`lexicon.characteristics`: the Equality Act's protected
   characteristics, and body and appearance) as a noun, an adjective or an idiom;
2. a member of STAFF it is said of, in the same clause: "that <characteristic> warden",
   "<staff> is / who isn't / with the / from <characteristic>", "<characteristic> on the
   front desk", "handled by someone <characteristic>".

In a complaint about a service, a staff member's age, origin, religion, sexuality,
disability or body is never the matter, so remarking on it is the signal. What is not a
remark: the customer's own characteristics ("as a disabled woman", "I am 84", "my accent"),
a third party's (a neighbour, the customer's family), and a characteristic that only
describes a thing ("a black bin", "deaf ears").
"""

from __future__ import annotations

import re
from functools import lru_cache

from mailbox.triage.lexicon.characteristics import CATEGORIES
from mailbox.triage.people import STAFF_ROLES, last_person_is_staff

# Someone working for the council, by where they work or what they do: "on the front desk",
# "handling this", "from Parks", "who dealt with my appeal". A home ("in Flat 3", "from Kiln
# Road") places a neighbour, not staff.
_HOME = (r"(Flat|Flats|House|Houses|Court|Road|Street|Close|Lane|Avenue|Drive|Way|Estate|Block"
         r"|Tower|Gardens|Terrace|Crescent|Place|Row|Walk|Mews|Park|Number|No)")
_LOCATOR = (
    r"((on|at|behind|manning) (the |your )?(front |enquiry |reception )?(desk|counter|reception"
    r"|phones?|switchboard|helpline)"
    r"|(handling|dealing with|looking after|in charge of|looking at|assigned to|working on)"
    r" (this|that|my|our|the|it)"
    rf"|(in|from|at) (the |your )?(?-i:(?!{_HOME}\b)[A-Z][\w-]+)\b(?! (?-i:{_HOME})\b|\d)"
    r"|(in|from|at) (the |your )(office|department|council|depot|library|centre|team)"
    r"|(who|that) (handled|handles|dealt|deals|came|visited|answered|took|rang|called|works"
    r"|worked|wrote|sent|runs|ran|decided|refused))\b"
)
_PERSON = (r"(lady|ladies|woman|women|man|men|girl|girls|gentleman|gentlemen|bloke|blokes|lad"
           r"|lads|chap|chaps|fella|fellas|guy|guys|youth|boy|lass|person|one|individual|thing|creature|sort"
           r"|type|specimen)")
# A member of staff named directly: a role, a titled name, "whoever deals with this", or a
# person asked for ("put someone on this who ...", "handled by someone ...").
_STAFF = (
    r"(\b(your|the|that|this|those|these|some|a|an|one of (your|the|those|these))"
    rf" ([\w,-]+ ){{0,4}}({STAFF_ROLES})\b"
    rf"|\b(mr|mrs|ms|miss|dr|cllr|councillor)\.? (?-i:[A-Z][\w'-]+)"
    r"|\bwhoever (is )?(deals|dealing|handles|handling|looks|looking|runs|running|decided"
    r"|signed)\b"
    rf"|\b(the|that|this|those|these|some|a|an) ([\w,-]+ ){{0,3}}{_PERSON} {_LOCATOR}"
    r"|\b(put|send|get|give me|find|assign|want|need|prefer|by|allocate|could|can|will|would"
    r"|please|let|have) (someone|somebody"
    r"|a person|an officer|one|anyone|anybody|people|staff)( on (this|it|my case))?"
    r"|\byou( lot| people| two)?\b)"
)
_STAFF_RE = re.compile(_STAFF, re.I)
# What joins a person to what is said of them, between the two.
_JOIN = (r"(,? (who|that) (is|was|isn'?t|wasn'?t|are|were|aren'?t)( not| clearly| obviously"
         r"| probably)?( an?| just an?| some| such an?)?"
         r"|\s*(is|was|are|were|isn'?t|wasn'?t|'s|’s|'re|’re)( not| clearly| obviously| just"
         r"| probably| far| so| very| way| getting| looking)*( an?| such an?| some)?"
         r"|,? (with|wearing|in) (the|a|an|that|those)"
         r"|,( [\w-]+){0,3},"
         # "The warden who ticketed me, a scrawny youth": an apposition names what they are.
         r"|, (an?|some|this|that))")
# "Its elderly people", "disabled people in this borough": residents of a kind, whom the council
# serves, not staff. People are staff only where they work ("the elderly people on your desk").
_NOT_A_GROUP = rf"(?!(people|folks?|residents|citizens|tenants|public)\b(?! {_LOCATOR}))"
# The customer's own age, body or origin: "I am", "as a", "my", "called me".
_OWN = re.compile(r"(\b(i'?m|im|i am|i was|i'?ve been|i have been|we'?re|we are|we were|as an?"
                  r"|being an?)( an?| so| too| very| quite| rather| now| getting| [\w-]+ly)*"
                  r"|\b(me|us)( an?| so| too| very)?"
                  r"|\b(my|our)( [\w'-]+){0,2})\s*$", re.I)
# A request for an interpreter or a language: "a Polish-speaking officer", "someone who speaks
# Urdu", which is a reasonable adjustment and not a preference for a people.
_LANGUAGE = re.compile(r"\b(speak|speaks|speaking|spoken|interpreter|interpreting|translat\w*"
                       r"|language|languages|signer|sign language|bsl)\b", re.I)
# Describing staff to say who they were ("I didn't get her name") or praising them.
_IDENTIFYING = re.compile(r"\b(didn'?t|did not|don'?t|do not|never) (get|catch|know|take)"
                          r" (his|her|their) name|\b(lovely|helpful|kind|polite|brilliant"
                          r"|excellent|wonderful|thank|thanks|grateful|patient|friendly)\b", re.I)
# "People of her religion", "those of his colour": a group made of whoever "her" is, and
# generalised about. The characteristic is the subject, so staff named in the sentence
# before are enough ("the officer you sent, the one in the headscarf. People of her ...").
_GROUP_OF = re.compile(r"\b(people|folk|those|men|women|anyone|anybody|nobody|ones)"
                       r" (of|from|with|sharing) $", re.I)
_CLAUSE_END = re.compile(r"[.;:!?]|\b(because|but|although|though|whereas|while)\b", re.I)
# "Your old officer", "the old manager": the one before, not an aged one.
_FORMER = re.compile(rf"\bold ({STAFF_ROLES})\b", re.I)


def _words(text: str) -> str:
    return "|".join(re.escape(w) for w in sorted(set(text.split()), key=len, reverse=True))


def _phrases(text: str) -> str:
    return "|".join(f"(?:{p.strip()})" for p in text.strip().splitlines() if p.strip())


@lru_cache(maxsize=1)
def _readings() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One pattern a category, read as four structures (see the module docstring)."""
    out = []
    for category, (nouns, adjectives, phrases) in CATEGORIES.items():
        noun = _words(nouns) or "(?!x)x"
        adjective = _words(adjectives) or "(?!x)x"
        phrase = _phrases(phrases) or "(?!x)x"
        # An adjective said of a person ends the clause or runs on to another description.
        predicate = (rf"({adjective})(?=\s*([,.;:!?]|$)|\s+(and|or|as|like|too|{_PERSON}"
                     rf"|{noun})\b)")
        said = rf"(([\w-]+ ){{0,2}}{predicate}|([\w-]+ ){{0,3}}({noun})\b|({phrase}))"
        pattern = (
            # "<staff> is / who isn't / with the <characteristic>".
            rf"(?P<staff>{_STAFF})( [\w-]+){{0,3}}?{_JOIN} (?P<said>{said})"
            # "someone from this country", "your officer, past it".
            rf"|{_STAFF},? (?P<said5>{phrase})"
            # "that fat ginger warden", "the black lady at reception".
            rf"|\b(that|this|the|your|some|a|an|one of your|you) (?P<said2>([\w,-]+ ){{0,3}}"
            rf"({adjective}|{noun})),? {_NOT_A_GROUP}({STAFF_ROLES}|{_PERSON} {_LOCATOR})\b"
            # "that butch lesbian on the front desk".
            rf"|\b(that|this|the|some|a|an) (?P<said3>([\w,-]+ ){{0,3}}({noun})) {_LOCATOR}"
            # "her obvious background": said of whoever "her" is.
            rf"|(?P<said4>\b({phrase}))"
        )
        out.append((category, re.compile(pattern, re.I)))
    return tuple(out)


@lru_cache(maxsize=1)
def _any_characteristic() -> re.Pattern[str]:
    """Every characteristic word and idiom in one pattern: most sentences hold none, and this
    one search spares them the structures."""
    parts = [_words(n + " " + a) for n, a, _ in CATEGORIES.values()]
    parts += [_phrases(p) for _, _, p in CATEGORIES.values()]
    return re.compile(r"\b(" + "|".join(p for p in parts if p) + r")\b", re.I)


def remark_on_staff(text: str, earlier: tuple[str, ...] = ()) -> str | None:
    """The category of a remark `text` (own words) makes on a member of staff, or None."""
    for category, found in _candidates(text):
        if _is_remark(found, category, text, earlier):
            return category
    return None


@lru_cache(maxsize=8192)
def _candidates(text: str) -> tuple[tuple[str, re.Match[str]], ...]:
    """Each place a structure of `_readings` matches, before whose words they are is asked."""
    if _IDENTIFYING.search(text) or not _any_characteristic().search(text):
        return ()
    return tuple((category, found) for category, pattern in _readings()
                 for found in pattern.finditer(text))


def _is_remark(found: re.Match[str], category: str, text: str, earlier: tuple[str, ...]) -> bool:
    said = next(g for g in ("said", "said5", "said2", "said3", "said4") if found.group(g))
    before = text[: found.start(said)]
    if _OWN.search(before) or (category == "race" and _LANGUAGE.search(text)):
        return False
    if said == "said2" and _FORMER.search(found.group(0)):
        return False
    if said == "said4":
        # "her obvious background": whoever "her" is must be staff, named in this clause.
        if not re.match(r"(his|her|their)\b", found.group(said), re.I):
            return False
        if _GROUP_OF.search(before):
            return last_person_is_staff(earlier, before)
        return bool(_STAFF_RE.search(_clause_before(before))) and last_person_is_staff(
            earlier, before)
    return last_person_is_staff(earlier, text[: found.end()])


def _clause_before(text: str) -> str:
    """The part of `text` after the last clause break: what "his" or "her" can point back to."""
    ends = list(_CLAUSE_END.finditer(text))
    return text[ends[-1].end():] if ends else text
