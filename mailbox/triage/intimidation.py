"""Intimidation through an officer's private life, scored over a sentence and its neighbour.

"Your noise man drives that blue corsa, don't he, I see it outside the co-op most dinner
times" names no harm, and no single phrase of it is a threat: a customer may mention a
car, a street or a time of day for a hundred ordinary reasons. What makes it intimidation
is a combination, so this module scores three kinds of cue rather than listing phrases:

- PERSON: someone who is or may be staff ("your noise man", "Mr Lewis", "the surveyor",
  "Darren on the crew", "Chloe from housing options");
- LIFE: that person's life outside work (their car, where it is parked, their gym, street,
  door, home or children, their school, their routine time);
- REACH: the writer showing knowledge of it ("I see him", "turns out", "isn't it", "small
  world"), proposing contact outside work ("have a word with him there", "in person",
  "man to man"), or hinting at a consequence ("then we see", "I'd hate for them to hear").

LIFE must be present, in a sentence or the one before it, with REACH beside it; or, with
PERSON, a detail only a watcher would give (a car's colour or make, a door's colour, a bay)
or a routine time. "His house" beside "Mr X" alone is ordinary correspondence, and a
routine time on its own ("every morning at 7") is everyday in a noise complaint. Whoever
the LIFE cue is about must not be a third party: "my neighbour parks his van on Kiln
Street" is a complaint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mailbox.triage.literals import guarded
from mailbox.triage.people import STAFF_ROLES, last_person_is_staff

_TITLE = r"\b(mr|mrs|ms|miss|dr|cllr|councillor)\.? [a-z'-]+"
_NAME = r"(?-i:[A-Z][a-z'-]{2,})"
# A team or service said after a first name: "Darren on the crew", "Chloe from housing options".
_PERSON = guarded(
    rf"{_TITLE}"
    rf"|\b(your|the|that|this) ([\w-]+ ){{0,2}}({STAFF_ROLES}|man|woman|bloke|lady|fella)\b"
    rf"|{_NAME} (on|from|in|at) (the|your|our) [\w-]+"
    rf"|{_NAME} from (housing|planning|revenues|benefits|licensing|highways|environmental"
    r"|the council|enforcement|repairs|parking|building control)",
    re.I,
)
_OWNER = r"(his|her|their|(?-i:[A-Z][a-z'-]+)['’]s)"
_VEHICLE = (r"(car|van|motor|vehicle|bike|audi|bmw|merc|mercedes|corsa|astra|fiesta|focus|golf"
            r"|polo|clio|qashqai|range rover|land rover|tesla|volvo|skoda|kia|toyota|honda"
            r"|nissan|vauxhall|ford|peugeot|renault|mini|jeep|transit)")
_HOME = (r"(house|home|flat|door|front door|doorstep|street|road|drive|driveway|garden|gate"
         r"|kids|children|lads|boys|girls|son|sons|daughter|daughters|wife|husband|partner"
         r"|family|little ones|school|gym|local|pub|routine|dog|dogs)")
_COLOUR = (r"(black|white|silver|grey|gray|red|blue|green|yellow|orange|purple|brown|navy"
           r"|maroon|gold|beige)")
_LIFE = guarded(
    rf"\b{_OWNER} (\w+ ){{0,2}}({_VEHICLE}|{_HOME})\b"
    rf"|\b(he|she|they|{_NAME}) (?-i:(drives?|parks?|collects?|trains?|lives?|shops?|drinks?"
    r"|picks?|drops?|leaves?|walks?|goes to))\b"
    # "The surveyor has a lovely house": owning is said in the third person only.
    rf"|\b(has|owns) (a|an|two|three) (\w+ ){{0,2}}({_VEHICLE}|{_HOME})\b",
    re.I,
)
# Details only someone watching would give: a car's colour or make, a door's colour, a bay
# number, a gym. With a staff member named beside them they are enough without REACH.
# "A white Transit" the customer caught dumping is a vehicle nobody knew: a car introduced with
# "a" is someone's only when they drive, own or sit in it ("he drives a silver Audi").
_WATCHED = guarded(
    rf"(?<!\ba )(?<!\ban )\b{_COLOUR} {_VEHICLE}\b"
    rf"|\b(drives?|driving|drove|parks?|parked|parking|keeps?|has|had|owns|got|gets|in|into"
    rf"|out of) an? {_COLOUR} {_VEHICLE}\b"
    rf"|\b{_OWNER} (\w+ )?(audi|bmw|merc|mercedes|corsa|astra|fiesta"
    r"|focus|golf|polo|clio|qashqai|range rover|land rover|tesla|volvo|skoda)\b"
    rf"|\bthe one with the {_COLOUR} (door|gate)\b|\bbay \d+\b|\b[a-z]*gym\b"
    r"|\b(go|goes|going) to (?-i:St\.? [A-Z])",
    re.I,
)
_ROUTINE = guarded(
    r"\b(every|each|most) (morning|day|night|evening|week|weekday|lunchtime|dinner ?time)s?\b"
    r"|\b(at )?(a )?quarter (past|to) \w+|\b\d{1,2} ?o['’]?clock\b"
    r"|\bat \d{1,2}([:.]\d\d)? ?(am|pm)\b",
    re.I,
)
_REACH = guarded(
    # Knowledge shown.
    r"\bi (can )?(see|saw|seen|spot|spotted|clock|clocked|notice|noticed) (him|her|them|it)\b"
    r"|\b(i|we) know (which|where|what|when)\b|\bturns out\b|\bsmall world\b|\bfunny that\b"
    r"|\b(isn'?t|is not|don'?t|doesn'?t|didn'?t|ain'?t) (it|he|she|they)\b"
    r"|\bhe know(s)? my face\b|\bhappens? to (know|live|park|drive)\b"
    # Contact outside work proposed.
    r"|\b(have|having) a (quiet |little |friendly )?(word|chat) with (him|her|them)\b"
    r"|\b(talk|speak|chat|meet|discuss|explain)\b[^.;]{0,40}\b(there|in person|face to face"
    r"|man to man|outside work|car park)\b|\bman to man\b|\bno office\b"
    r"|\b(sleeping|sleep|camp|camping|waiting|wait) (on|at|outside) (his|her|their) \w+"
    r"|\b(pay|paying) (him|her|them) a visit\b|\b(pop|popping|come|coming) round\b"
    # A consequence hinted at.
    r"|\bthen we('ll)? see\b|\bwe'?ll see\b|\bwon'?t have (\w+ ){0,2}(good |working )?\w+\b"
    r"|\bi'?d hate (for|to)\b|\bjust saying\b|\byou never know\b|\baccidents happen\b",
    re.I,
)


@dataclass(frozen=True)
class Cues:
    """Which kinds of cue a window of text holds, and where its first LIFE cue starts."""

    person: bool
    life: bool
    watched: bool
    routine: bool
    reach: bool
    life_at: int


def cues(window: str) -> Cues:
    """Score one window (a sentence with the one before it) for the kinds of cue."""
    watched = _WATCHED.search(window)
    life = _LIFE.search(window) or watched
    return Cues(
        person=bool(_PERSON.search(window)),
        life=bool(life),
        watched=bool(watched),
        routine=bool(_ROUTINE.search(window)),
        reach=bool(_REACH.search(window)),
        life_at=life.start() if life else -1,
    )


def threatening(found: Cues) -> bool:
    """LIFE with REACH; or a watched detail (a car's make, a door's colour) or a routine time
    with a staff member named. "His house" with "Mr X" alone is ordinary correspondence."""
    if found.life and found.reach:
        return True
    return found.person and (found.watched or (found.life and found.routine))


def intimidates(sentence: str, earlier: tuple[str, ...]) -> bool:
    """True when `sentence`, read with the sentence before it, reaches into a staff member's
    life outside work, and the life is not a third party's."""
    before = earlier[-1] if earlier else ""
    window = f"{before} {sentence}".strip()
    # Every reading of `threatening` needs LIFE, and a watched detail is one: with neither,
    # the other cues need not be looked for.
    if not (_LIFE.search(window) or _WATCHED.search(window)):
        return False
    found = cues(window)
    return threatening(found) and _life_may_be_staffs(window, found.life_at, earlier[:-1])


def _life_may_be_staffs(window: str, life_at: int, earlier: tuple[str, ...]) -> bool:
    """Whose life it is: staff, unless the nearest person before it is a neighbour, an ex,
    a relative or another third party ("my neighbour's son drives a blue corsa")."""
    end = life_at if life_at >= 0 else len(window)
    return last_person_is_staff(earlier, window[:end])


# Two more veiled threats read as structures rather than sentences.
#
# MOVEMENTS KNOWN: the writer shows they know when or where staff come and go ("I know what
# time the drivers clock off", "we've worked out which way your officer walks home"). Where
# an office or a depot is, anyone may know; when its people leave it, or which way they go
# home, only someone watching does.
_KNOW = r"\b(know|knows|knew|found out|worked out|clocked|noted|noticed|seen|watched)"
_WHO_GOES = (rf"(you|they|he|she|(your|the|that|those|these|all) (\w+ )?({STAFF_ROLES}"
             r"|man|woman|lads|men|women|girls|bloke))")
_MOVES = (r"(clocks? off|knocks? off|finish(es)?( work| up| for the day| (their|his|her"
          r"|your) shifts?)?|leaves? (work|the office|the depot|the building)|go(es)? home"
          r"|gets? off( work| shift)?|walks? (home|back|to)|comes? out|lock(s)? up|takes? (their"
          r"|his|her|your) (break|lunch)|(has|have) (their|his|her|your) (break|lunch)"
          r"|drinks?|parks?|lives?|sleeps?)")
_MOVEMENTS_KNOWN = guarded(
    rf"{_KNOW} (exactly |full well |very well )?(where|when|what time|which (way|route|exit"
    rf"|door|bus|train|stop|car park)|how) {_WHO_GOES}( \w+){{0,2}}? {_MOVES}\b",
    re.I,
)
# WATCH YOURSELF: staff told to watch themselves where they are alone or exposed: "people
# like that officer should watch themselves walking home in the dark". Said with "should",
# it needs the exposed place or time: "your drivers should watch themselves on that bend"
# is a warning about a road.
_TOLD = (rf"(you|you lot|you people|he|she|they|(your|that|the|this|those|these) (\w+ )?"
         rf"({STAFF_ROLES})|people like (you|him|her|them|(that|the|your) (\w+ )?({STAFF_ROLES})))")
_WATCH = (r"((watch|mind) (themselves|himself|herself|yourself|yourselves|their backs?|his back"
          r"|her back|your backs?|how (they|he|she|you) go)|look over (their|his|her|your)"
          r" shoulders?|be (very )?careful)")
_EXPOSED = guarded(r"\b(walking|walk|on (their|his|her|your) way|home|dark|night|alone"
                   r"|on (their|his|her|your) own|car ?park|bus stop|late|after work|street"
                   r"|outside)\b", re.I)
_WARNED = guarded(rf"\b{_TOLD}( [\w-]+){{0,3}}? (should|ought to|better|had better|'d better"
                  rf"|would do well to|want to|wants to|need to|needs to) {_WATCH}\b"
                  r"(?P<after>[^.;!?]*)", re.I)


def knows_movements(sentence: str, earlier: tuple[str, ...]) -> bool:
    """The writer knows when or where staff come and go (see above); he, she or they must
    mean staff."""
    found = _MOVEMENTS_KNOWN.search(sentence)
    return found is not None and last_person_is_staff(earlier, sentence[: found.end()])


def warned_to_watch(sentence: str, earlier: tuple[str, ...]) -> bool:
    """Staff told to watch themselves, where they are alone or exposed (see above)."""
    for found in _WARNED.finditer(sentence):
        weak = found.group(0).lower().split()
        if ("should" in weak or "ought" in weak) and not (
                _EXPOSED.search(found.group("after")) or not found.group("after").strip()):
            continue
        if last_person_is_staff(earlier, sentence[: found.end()]):
            return True
    return False
