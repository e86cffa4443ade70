"""Threats against staff, open or veiled.

"I know where you live", "she'll find out what happens" and "think on"
threaten a person. Going to the press, a solicitor, a councillor or the
Ombudsman is a legitimate step and is not a threat in this sense; nor is a
neighbour's threat that the customer quotes to report it, nor an idiom
("this cold is killing me").

A threat at "him" or "her" is read with the sentences before it: "the man
from Flat 5 shoved me ... if he touches me again I'll deal with him" is
aimed at a neighbour, and only the nearest person named decides.
"""

from __future__ import annotations

import re

from mailbox.triage.harm import wished_harm
from mailbox.triage.intimidation import warned_to_watch
from mailbox.triage.literals import guarded
from mailbox.triage.menace import menaces
from mailbox.triage.model import RuleHit
from mailbox.triage.own_words import own_words
from mailbox.triage.people import last_person_is_staff, mentions_staff
from mailbox.triage.rules.base import Reading, hit

_WHO = r"(you|him|her|them|your \w+|the lot of you|all of you|that \w+)"
_BODY = (r"(his|her|your|their|them|him|you)( \w+)? (face|head|teeth|skull|legs?|arms?|neck"
         r"|nose|jaw|kneecaps?|lights|throat|heads|faces)\b")
_WILL = r"(i|we)('ll|’ll| will| am going to|'m going to|’m going to|'m gonna| shall| would)"
_PATTERNS = (
    guarded(r"\b(i|we) know where (you|he|she|they|(the |your )?\w+ (lads|staff|officers?|team"
            r"|workers|crew)) (live|lives)\b", re.I),
    guarded(r"\bwatch (your|his|her|their) backs?\b|\bfind out what happens\b"
            r"|\b(you|you've|you have) been warned\b|\bwatch yourselves?\b"
            r"|\b(don'?t|do not) say (you|i) (weren'?t|wasn'?t|didn'?t|did not) warn"
            r"|\bconsider yourselves? warned\b|\bthink on\s*[.!]*$"
            r"|\bthis is your (last|final) warning\b", re.I),
    guarded(r"\b(you|he|she|they)('ll|’ll| will) (regret|be sorry|pay for)\b"
            r"|\bget what('s|’s| is) coming\b|\byou('re|’re| are) (dead|finished)\b"
            r"|\bwon'?t know what hit (you|him|her|them)\b|\bwhen (you|he|she) least expect"
            r"|\bpeople like (you|him|her) (deserve|need|want|should get|will get)\b"
            r"|\bi hope (you|your \w+|he|she|they|his \w+|her \w+) (suffer|suffers|die|dies"
            r"|rot|rots|burn|burns)\b|\bi hope (your|his|her|their) (kids|children|family|wife"
            r"|husband|mum|mother|dad|father|son|daughter) (get|gets|go through|end up)\b"
            # "I hope your daughter never has to get a taxi home late at night": a danger
            # to an officer's family, wished in the form of a hope.
            r"|\bi hope (your|his|her|their) (kids|children|family|wife|husband|son|daughter"
            r"|girls?|boys?|lad|little ones) (never|doesn'?t|don'?t|won'?t)\b[^.]{0,80}"
            r"\b(late at night|at night|in the dark|alone|on (her|his|their) own|walk(ing)?"
            r" home|taxi)\b", re.I),
    guarded(rf"\b{_WILL} (kill|hurt|smash|punch|batter|stab|burn|shoot|strangle|deal with"
            rf"|sort out|get|do|hunt down|come for|come after|find|make) {_WHO}\b"
            rf"|\b{_WILL} be waiting (for (you|him|her|them)|outside (your|his|her))\b"
            rf"|\b{_WILL} make (you|him|her|them|sure you) (pay|regret|suffer|sorry)\b"
            # "I will make sure whoever signed this off personally pays": a reckoning with a
            # person, not a bill ("make sure your contractor pays for my fence").
            rf"|\b{_WILL} (make sure|see to it|ensure)( that)? (you|he|she|they|whoever"
            r"( [\w'-]+){1,6}?|(your|the|that) (\w+ )?(officer|manager|warden|inspector"
            r"|director|clerk|worker|staff|planner|surveyor)s?)( personally| properly)?"
            r" (pays?|suffers?|regrets? it|gets? what)\b(?! (for|back|compensation|the|my"
            r"|what (i|we) (am|are) owed))", re.I),
    guarded(r"\bwon'?t be (held )?responsible for (my actions|what i do|what happens)\b"
            r"|\b(something|an accident) (bad |nasty )?(will|might|could) happen to\b"
            r"|\bwait (till|until) i (get|see|find|catch)\b"
            # "Be a shame if anything happened to it": no subject, said to the reader.
            r"|^\W*(it'?d |it would |would |that'?d )?be a (real |great )?(shame|pity) if"
            r" (something|anything) (happened|happens|were to happen|was to happen)\b"
            r"|\b(it'?d|it would|would|will|that'?d) be a (real |great )?(shame|pity) if"
            r" (something|anything) (happened|happens|were to happen)\b", re.I),
    guarded(rf"\b(kill|murder|stab|shoot|strangle) {_WHO}\b|\bburn (the|your) \w+ down\b",
            re.I),
    # Violence to the body: "smash his face in", "beat him up", "put her in hospital".
    guarded(rf"\b(smash|kick|punch|knock|bash|cave|break|rip|tear|beat|batter|slap|deck|stab"
            rf"|glass|headbutt|slit|snap|wring|punch) {_BODY}"
            r"|\b(beat|knock|duff|rough|sort|smack) (you|him|her|them) (up|out|about|down)\b"
            r"|\bteach (you|him|her|them) a lesson\b|\bgive (you|him|her|them) (a|a good)"
            r" (slap|smack|hiding|kicking|beating|pasting)\b|\bput (you|him|her|them) in"
            r" (hospital|the ground|a box|a wheelchair)\b|\bbeat the (shit|hell|crap|living"
            r" daylights) out of\b", re.I),
    # Lying in wait: "I'll be waiting outside the office for Mr X when he finishes".
    guarded(rf"\b{_WILL} be waiting\b[^.;]{{0,80}}\b(for (you|him|her|them|(mr|mrs|ms|miss|dr)"
            r"\.? [a-z'-]+)\b|when (you|he|she|they) (finish|leave|come out|get off|clock off))"
            r"|\b(by the time|when|once) (i|we)('ve|’ve| have|'m|’m| am)? (finished|done"
            r"|through) with (you|him|her|them)\b", re.I),
    # Damage to what a person owns: "I'll put his tyres through", "I'll key your car".
    guarded(rf"\b{_WILL} (put|slash|let down|let|smash|key|scratch|torch|burn|trash|wreck"
            r"|damage|do|kick|brick|paint) (in )?(your|his|her|their|(mr|mrs|ms|miss)\.?"
            r" [a-z'-]+'s|(?-i:[A-Z][a-z]+)'s)( \w+)? (tyres?|windows?|van|car|windscreen|house"
            r"|home|door|motor|wheels?|bike|garden)\b", re.I),
    # "Be a shame if that ever stopped": a loss hinted at, in the idiom of a threat.
    # Said with no subject, or with "ever" or a tag question, of a person: "It would be a shame
    # if the council lost my custom" and "shame if the library closed" are grumbles.
    guarded(r"^\W*(would )?be a (real |great )?(shame|pity) if\b[^.;]{0,50}"
            r"\b(you|your|him|his|her|them|their)\b"
            r"|\b(shame|pity) if\b(?=[^.;]{0,50}\b(you|your|him|his|her|them|their)\b)"
            r"[^.;]{0,50}\b(ever|wouldn'?t it|eh)\b", re.I),
    # Veiled: a consequence left unsaid.
    guarded(r"\byou('ll|’ll| will) (see|find out|learn)\s*[.!]*$|\bmark my words\b"
            r"|\b(just )?you wait\b|\bwait and see\b|\bsee what happens\s*[.!]*$"
            r"|\byou (won'?t|will not) like what happens\b|\bmake (your|his|her|their)"
            r" li(fe|ves) (hell|a misery|a living hell)\b|\b(i'?m|i am|we'?re|we are) coming for"
            r" (you|him|her|them)\b|\b(would|will) be a (shame|pity) if (something|anything)"
            r"|\baccidents (can |do )?happen\b|\b(you'?d|you had|he'?d|she'?d) better (watch"
            r" (out|it|yourself|himself|herself)|be careful)\b|\blook(ing)? over (your|his|her)"
            r" shoulder\b|\bsleep with one eye open\b"
            r"|^\s*(and |but )?(i|we) know (a lot of |lots of |plenty of |some )?people\s*[.!]*$"
            r"|^\s*it('s|’s| is) a (very )?small (town|place|village|world)\b[^.]{0,30}[.!]*$",
            re.I),
    # Advice that is a warning: "you lot want to be careful", "if I was her I'd watch myself".
    guarded(r"\b(you|you lot|you people|he|she|they|your \w+)( [\w-]+){0,4} (want|wants"
            r"|need|needs|had better|'d better|would do well) to (be (very |more )?careful"
            r"|watch (out|it|yourself|yourselves|himself|herself|themselves|(your|his|her"
            r"|their) backs?)|mind (yourself|yourselves|how you go))\b"
            r"|\bif i (was|were) (you|him|her|them|your \w+( \w+)?|(mr|mrs|ms|miss|dr)\.? \w+)"
            r"\b[^.]{0,40}\b(i'?d|i would) (be )?(watch|watching|careful|look|looking|mind"
            r"|keep|keeping)\b"
            r"|\bnot all (of )?(them|us|\w+) (just )?(write|send|complain|sign)\b"
            r"|\b(pay|paying|give|giving) (you|him|her|them|\w+) a (little |friendly |quick"
            r" |personal |home |surprise )?visit\b"
            r"|\b(pop|popping|drop|dropping|swing|swinging|call|calling|come|coming) (round|by)"
            r"\b[^.]{0,30}\b(one (evening|night|day)|some (evening|night)|(his|her|your|their)"
            r" (house|home|place|door))\b"
            r"|\b(be|it'?d be|it would be|would be|will be) a (real |great )?(shame|pity) if"
            r" (you|he|she|they|your|his|her|their)\b", re.I),
)
# Harm said in an idiom: "he'll need more than a plaster", "come to a sticky end", "a visit
# from my chainsaw", "I'd be watching my back if I were them".
_IDIOMS = guarded(
    r"\b(you|he|she|they|him|her|them|(?-i:[A-Z][a-z]+))('ll|’ll| will| would|'d|’d| is going to)?"
    r" (need|needs|be needing|want|wants) more than (a|an|some) (sticking )?(plaster|bandage"
    r"|plasters|aspirin|paracetamol|ice ?pack|first aid|stitches)\b(?! to (fix|sort|solve|mend))"
    r"|\b(come|comes|coming|came) to a (sticky|bad|nasty|sorry|grisly|messy|violent|untimely)"
    r" end\b"
    r"|\b(a |another )?visit from (my|our|me and my|the) (\w+ )?(chainsaw|bat|baseball bat"
    r"|hammer|axe|crowbar|knife|machete|lads|boys|mates|brothers|friends|dogs?|fists?)\b"
    r"|\bwatch(ing)? (my|your|his|her|their) backs?\b[^.]{0,30}\bif i (were|was)\b"
    r"|\bif i (were|was) (you|him|her|them)\b[^.]{0,30}\bwatch(ing)? (my|your|his|her"
    r"|their) backs?\b"
    r"|\b(keep|keeps) (looking|glancing) over (your|his|her|their) shoulders?\b"
    r"|\b(get|gets|getting) (his|her|their|your) (tyres|windows|car|house|home|garden) (done"
    r"|done in|sorted|seen to|smashed|slashed|torched)\b"
    # Damage foretold for what the officer left: "next time he parks it there it'll have four
    # flat tyres and a new paint job".
    r"|\b(it|they)('ll|’ll| will| would|'d) (have|get|be getting|end up with) (\w+ ){0,2}(flat"
    r"|slashed|let-down|let down|no) (tyres|tires|wheels)\b|\ba new paint job\b"
    # A fight proposed: "settle it like men", "I'll meet him in the car park after work".
    r"|\bsettle (it|this|things) (like (men|a man)|outside|man to man|the old way)\b"
    r"|\b(i'?ll|i will|i'?d|we'?ll) (meet|see|wait for) (you|him|her|them)\b[^.;]{0,40}"
    r"\b(car park|outside|after work|any night|round the back|alley)\b",
    re.I,
)
_THIRD = re.compile(r"\b(him|her|them|he|she|they|his|their)\b", re.I)
_SECOND = re.compile(r"\b(you|your|yourself|yourselves|mr|mrs|ms|miss)\b", re.I)


# "Nice car your officer drives, shame if it got scratched": a loss hinted at, beside what an
# officer owns. The customer's own things ("my car") are a grievance, not a threat.
_SHAME_IF = guarded(r"\b(shame|pity) if\b", re.I)
_OWNED = guarded(r"(?<!\bmy )(?<!\bour )\b(car|van|motor|house|home|garden|windows?|tyres?"
                 r"|kids|children|family|dog|cat)\b", re.I)


def _loss_hinted(text: str) -> bool:
    """A shame-if beside something an officer owns, in a sentence that names staff."""
    return bool(_SHAME_IF.search(text) and _OWNED.search(text) and mentions_staff(text)
                and not re.search(r"\b(my|our) (car|van|motor|house|home|garden|windows?|tyres?"
                                  r"|kids|children|family|dog|cat)\b", text, re.I))


class Threat:
    name = "threat"
    description = "Threatens a member of staff, openly or in veiled terms."

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            text = own_words(sentence)
            for pattern in _PATTERNS:
                found = pattern.search(text)
                if found and _at_staff(found.group(0), reading.earlier, text):
                    return hit(self, sentence)
            if (_IDIOMS.search(text) or _loss_hinted(text)) and last_person_is_staff(
                    reading.earlier, text):
                return hit(self, sentence)
            if wished_harm(text, reading.earlier) or warned_to_watch(text, reading.earlier):
                return hit(self, sentence)
            if menaces(text, reading.earlier):
                return hit(self, sentence)
        return None


def _at_staff(threat: str, earlier: tuple[str, ...], sentence: str) -> bool:
    """Said to "you" or a named officer; or of "him" or "her" when that means staff."""
    if _SECOND.search(threat) or not _THIRD.search(threat):
        return True
    return last_person_is_staff(earlier, sentence)
