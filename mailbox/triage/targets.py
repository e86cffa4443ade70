"""Target first: find a member of staff in the sentence, then read what is said of them.

Pattern lists of insulting sentences never caught the next wording ("a fat useless lump",
"a thick, idle waste of skin", "wraps his car round a lamp post"). Every one of them has
the same two parts, so this module reads them in that order:

1. TARGET, by structure: "you" ("you lot", "you people"), "your <role>", "one of your
   <role>s", "the / that <role>", a titled name ("Mr Hale"), "whoever is in charge of /
   runs / signed off ...";
2. PREDICATE, within the clause, said of that target:
   (a) DESCRIBED: a copular or appositive noun phrase ("X is a ...", "X, a ...") or
       "such a ... man" holding a word the VADER lexicon rates -1.5 or worse, or an insult;
   (b) WISHED: "I hope / wish / pray" with the target as subject or object and a predicate
       of harm: accident, crash, injury or death vocabulary, or a word VADER rates -2.0 or
       worse that names no evaluation of the case ("wrong", "ashamed" are not harm).

A description of the SERVICE ("the process is a disgrace", "your department is a shambles")
names no person, so has no target: institutions are not targets, only people. The caller
passes own words (quotations and reported speech removed) and keeps the third-party guard.
"""

from __future__ import annotations

import re

from mailbox.triage.attitude import MATTER, rating
from mailbox.triage.lexicon.abuse import ALL_INSULTS, MASKED
from mailbox.triage.people import last_person_is_staff, named_as_third_party

# Roles held by one person or a few, never an institution: "your department", "your team"
# and "the council" are the service, whose failings a customer may describe freely.
_ROLES = (
    r"staff|officers?|wardens?|inspectors?|managers?|clerks?|workers?|advisers?|advisors?"
    r"|assessors?|receptionists?|supervisors?|director|directors|chief executive|councillors?"
    r"|operatives?|surveyors?|caseworkers?|planners?|bailiffs?|enforcers?|social workers?"
    r"|lifeguards?|attendants?|librarians?|caretakers?|rangers?|binm[ae]n|collectors?"
    r"|investigators?|co-?ordinators?|call handlers?|handlers?|colleagues?|boss|bosses"
)
_WHOEVER = (r"whoever( (is|was|'s|’s))? (in charge of|responsible for|runs|ran|running|manages"
            r"|managed|decided|signed|wrote|made|dealt with|handles|handled|looks after)"
            r"( [\w-]+){1,6}?")
_TARGET = (
    rf"(?P<target>\byou( lot| people| all| guys| two)?"
    rf"|\b(one|some|all|most|each|any) of (your|the|those|these) ([\w-]+ ){{0,2}}({_ROLES})"
    rf"|\b(your|the|that|this|those|these) ([\w-]+ ){{0,2}}({_ROLES})\b"
    rf"|\b(mr|mrs|ms|miss|dr|cllr|councillor)\.? (?-i:[A-Z][a-z'-]+)"
    rf"|\b{_WHOEVER})"
)
# Where the person works or when they were met, between target and verb: "the officer in
# planning", "the warden on Tuesday", "the officer who wrote the letter".
_BETWEEN = (r"(( (in|at|from|on|of) (the |your )?[\w-]+( (?-i:[A-Z])[\w-]+)?){0,2}"
            r"| who [\w ,'-]{1,40}?)?")
_DET = (r"(an?|such an?|what an?|one|nothing but an?|just an?|the (biggest|worst)|total"
        r"|absolute|utter|complete)")
_DESCRIBED = re.compile(
    _TARGET + _BETWEEN
    + r"(\s+(is|are|was|were)|'s|’s|'re|’re)\s+(just |really |clearly |obviously |still )?"
    + rf"{_DET} (?P<phrase>[^.;:!?]+)"
    + "|" + _TARGET.replace("target", "target2") + _BETWEEN
    + rf", {_DET} (?P<phrase2>[^.;:!?]+)",
    re.I,
)
# "she raised such a spineless little man": a person described, said of whoever was named.
_SUCH_A = re.compile(r"\b(such|what) an? (?P<phrase>([\w,-]+ ){1,4}(man|woman|person|creature"
                     r"|individual|specimen|excuse for a [\w-]+))\b", re.I)
# Where a noun phrase ends: a relative clause, a conjunction, a new clause after a comma.
_PHRASE_END = re.compile(r"\b(who|whom|that|which|when|while|because|and (he|she|they|i|we)"
                         r"|but|so|if|than|to|for|of|in|on|at|with|about)\b|,\s*(and|but|so|i"
                         r"|we|he|she|they|it|there)\b", re.I)
_WORD = re.compile(r"[\w*'-]+")
# A word is a put-down when rated this low or worse (as for lists in `put_downs`).
_DESCRIBES = -1.5
_HARMS = -2.0

_WISH = re.compile(r"\b(i|we)( really| truly| sincerely| just)? (hope|wish|pray)( that)?"
                   r" (?P<clause>[^.;:!?]+)", re.I)
# Bodily harm: accident, crash, injury, death; the patient's own body or car coming to grief.
_HARM = re.compile(
    r"\b(crash(es|ed)?|wraps? (his|her|their|your) (car|van|motor)|round a (lamp ?post|tree)"
    r"|(into|under) a (bus|lorry|train|tree|wall|lamp ?post)|run over|knocked down"
    r"|hit by a|accident|injur(y|ies|ed)|hurt|breaks? (his|her|their|your) (neck|legs?|arms?"
    r"|back)|falls? (down|off|under)|drops? dead|dies?|died|dead|death|killed|cancer"
    r"|suffer(s)?|rots?|burns?|chokes?|drowns?|in hospital|in a wheelchair|lose (his|her|their"
    r"|your) (home|house|kids|children|family))\b",
    re.I,
)
# Strongly negative words that judge the case, not harm the person ("wrong", "ashamed").
_NOT_HARM = frozenset([
    "bad", "worse", "worst", "wrong", "ashamed", "sorry", "shame", "damage", "damaged",
    "mess", "problem", "problems", "fault", "guilty", "fail", "failed", "failure",
    "failing", "failures", "unfair", "unacceptable", "disgrace", "disgraceful", "awful",
    "terrible", "horrible", "stupid", "nonsense", "upset", "angry", "mad", "hate",
    "hates", "hated", "never"
])
_NEGATED = re.compile(r"\b(never|not|no|n't|nobody|no one|none)\b|n't\b", re.I)
# The customer in the wish: "I hope you realise how hurt I am" tells of their own harm.
_SELF = re.compile(r"\b(i|me|we|us)\b", re.I)
# A wish of harm is short: it ends at the first comma or "then" ("..., then you'll fix it").
_CLAUSE = re.compile(r",|\b(then|but|so|because|since|which|when)\b", re.I)


# Verdicts on conduct, not names for a person: "your wardens are a disgrace" judges how they
# did their work, which a customer may say; "a useless lump" calls them something.
_VERDICTS = frozenset([
    "disgrace", "disgraceful", "joke", "embarrassment", "failure", "failures", "scandal",
    "farce", "shambles", "nightmare", "insult", "shame", "problem", "problems", "mess",
    "disaster", "catastrophe", "travesty"
])


def described_badly(text: str, earlier: tuple[str, ...] = ()) -> bool:
    """A member of staff described by a noun phrase holding a put-down (see module doc)."""
    for found in _DESCRIBED.finditer(text):
        phrase = found.group("phrase") or found.group("phrase2")
        target = found.group("target") or found.group("target2")
        if _titled(target) and named_as_third_party(target.split()[-1], (*earlier, text)):
            continue  # "my neighbour Mr Dodd ... Mr Dodd is a nasty piece of work"
        if _put_down_in(_noun_phrase(phrase)):
            return True
    for found in _SUCH_A.finditer(text):
        if _put_down_in(found.group("phrase")) and last_person_is_staff(earlier, text):
            return True
    return False


def wished_harm_on(text: str) -> bool:
    """"I hope <target> ... <harm>": harm wished on a member of staff, subject or object."""
    for found in _WISH.finditer(text):
        clause = found.group("clause")
        end = _CLAUSE.search(clause)
        clause = clause[: end.start()] if end else clause
        target = re.search(_TARGET, clause, re.I)
        if not target or _NEGATED.search(clause) or _SELF.search(clause):
            continue
        if _HARM.search(clause) or any(
                rating(w) <= _HARMS and w.lower() not in _NOT_HARM
                for w in _WORD.findall(clause)):
            return True
    return False


def _titled(target: str) -> bool:
    return bool(re.match(r"(mr|mrs|ms|miss|dr|cllr|councillor)\b", target, re.I))


def _noun_phrase(phrase: str) -> str:
    end = _PHRASE_END.search(phrase)
    return " ".join((phrase[: end.start()] if end else phrase).split()[:6])


def _put_down_in(phrase: str) -> bool:
    for raw in _WORD.findall(phrase):
        word = raw.strip("'-").lower()
        if word in ALL_INSULTS or MASKED.fullmatch(word):
            return True
        if word not in MATTER and word not in _VERDICTS and rating(word) <= _DESCRIBES:
            return True
    return False
