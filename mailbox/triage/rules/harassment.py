"""Remarks about where a member of staff lives, parks or goes, or their family.

"I know which car you drive", "I see you, Joanne", or "it would be most
unfortunate if her home address became known" says: I can reach you. None
of it names a harm, which is what makes it a veiled threat and not a
complaint. The officer's home and family are never a council matter.
"""

from __future__ import annotations

import re

from mailbox.triage.intimidation import intimidates, knows_movements
from mailbox.triage.literals import guarded
from mailbox.triage.model import RuleHit
from mailbox.triage.own_words import own_words
from mailbox.triage.people import last_person_is_staff
from mailbox.triage.rules.base import Reading, hit

_FAMILY = (r"(your|his|her|their) (wife|husband|partner|daughter|son|kids|children|family|boy|girl"
           r"|missus|mum|mother|dad|father|little one|little ones)")
_THEIR = r"(your|his|her|their|(mr|mrs|ms|miss)\.? [a-z'-]+'s|(the|that|your) [a-z]+'s)"
_PRIVATE = (rf"({_THEIR} (home( address)?|address|house|street|car|reg|registration|number plate"
            r"|kids|children|family|wife|husband|partner|daughter|son|movements|routine|photos"
            r"|pictures|pics|facebook|instagram|twitter|tiktok|social media|profile|private life)"
            r"(?! (park|parking|insurance|tax))"
            r"|(where|which street|what street|which road) (you|he|she|they) (lives?|park|parks"
            r"|drops? (the|your|his|her) kids))")
_ROLE = (r"officer|manager|worker|social worker|warden|inspector|surveyor|caseworker|adviser"
         r"|advisor|clerk|supervisor|director|assessor")
# Someone who works for the council, named: "your Ms X", "your tree officer", "him".
_STAFFER = (r"(you|he|she|they|your (\w+ ){0,2}\w+|(mr|mrs|ms|miss|dr)\.? [a-z'-]+"
            r"|him|her|them)")
_PATTERNS = (
    guarded(rf"\b(i|we) know ({_PRIVATE}|where (you|he|she|they) (park|parks|work"
            r"|works|drink|drinks|go|goes)|(what|which) (car|vehicle|bus|train) (you|he|she"
            r"|they) (drive|drives|get|gets)|(which|what) (office|depot|building|school|gym|pub)"
            r" (you|he|she|they))", re.I),
    guarded(rf"\b{_PRIVATE}\b[^.;]{{0,80}}\b(became|become|becomes|becoming|were to become"
            r"|got|get|gets) (more )?(widely |better )?(known|public|out|around|shared)\b"
            rf"|\b(share|publish|post|spread|give out|pass on) {_PRIVATE}"
            rf"|\b(shared|sharing|posted|posting|published|publishing|spread|spreading"
            rf"|uploaded|uploading|plastered)\b[^.;]{{0,80}}\b{_PRIVATE}"
            # "Put" publishes only when it puts the thing somewhere seen: "would you put
            # your kids in it?" puts nobody's details anywhere.
            rf"|\b(put|putting)\b[^.;]{{0,40}}\b{_PRIVATE}\b[^.;]{{0,40}}\b(online|up|out there"
            r"|on (facebook|instagram|twitter|tiktok|the internet|social media|the web))\b",
            re.I),
    # Digging into an officer's life: "done some digging on", "found her Instagram".
    guarded(rf"\b(done|doing|did) (a bit of |some )?(digging|research|homework) on {_STAFFER}"
            r"|\b(found|looked up|tracked down|checked out) (your|his|her|their) (instagram"
            r"|facebook|twitter|tiktok|linkedin|profile|social media|address|house|home)\b"
            rf"|\b(found out|worked out|know|discovered|seen) (exactly )?where {_STAFFER}"
            r" (lives?|parks?|goes|drinks?|shops?)\b"
            r"|\b(you'?ve|you have|he'?s|she'?s|he has|she has|they'?ve) got (two |three"
            r" |\w+ )?(little ones|young kids|wee ones|kiddies)\b", re.I),
    guarded(rf"\b(would|could|might) be (a (real |great )?(shame|pity)"
            rf"|(most |very )?unfortunate)\b[^.;]{{0,80}}\b{_PRIVATE}", re.I),
    guarded(r"\b(i|we)('ve| have)? (been )?(watching|following|seen) (you|him|her)\b[^.;]{0,40}"
            r"\b(car|house|home|park|parks|arrive|leave|lunch|bus|walk)\b"
            r"|^i (can )?see you(,? [A-Z][a-z'-]+)?\s*[.!]*$", re.I),
    # Having watched or noted where someone lives, parks or goes.
    guarded(r"\b(i|we)('ve|’ve| have)? (seen|found out|noticed|watched|clocked|followed|worked"
            r" out|noted|know) (exactly )?where (you|he|she|they) (live|lives|park|parks|go|goes"
            r"|drink|drinks|eat|eats|shop|shops|walk|walks|drop|drops|take|takes|stay|stays)\b"
            r"|\b(i|we)('ve|’ve| have)? (got|noted|taken|took|written down) (down )?(the|your"
            r"|his|her|their) (car )?(registration|reg|number plate|home address)\b[^.;]{0,60}"
            r"\b(you|he|she|they) (drive|drives|live|lives|park|parks)\b", re.I),
    # Where the officer's family can be found.
    guarded(rf"\b{_FAMILY}( [A-Z][a-z]+)?,? (works?|goes|go|is|are|lives?|attends?|walks?"
            r"|drives?|plays?|trains?|shops?)\b[^.;]{0,40}\b(at|in|on|to|near|round)\b"
            rf"|\b(have|had) a (quiet |little |friendly )?(word|chat) with {_FAMILY}", re.I),
    # Where the officer lives, stated to them.
    guarded(r"(?:(?-i:\b(?:Mr|Mrs|Ms|Miss|Dr)\.? [A-Z][a-z'-]+)|\byou)"
            r" (lives?|stays?) (on|in|at|near|round|off) (?-i:[A-Z])", re.I),
    # The officer's home described: "your manager Mrs X, lovely house on Y Road".
    guarded(rf"(?:(?-i:\b(?:Mr|Mrs|Ms|Miss|Dr)\.? [A-Z][a-z'-]+)|\byour (\w+ )?({_ROLE}))"
            r"[^.;]{0,60}\b(his|her|their|your|lovely|nice|big|posh|fancy|smart|detached"
            r"|little) (\w+ )?(house|home|flat|bungalow|place|garden|kitchen)\b (on|in|at|off)"
            r" (?-i:[A-Z])", re.I),
    # An officer seen with their children outside work, told to them: "Saw your Ms X dropping
    # her kids off at St Anne's this morning", "saw her Saturday ... with her little girl".
    guarded(r"\b(saw|seen|spotted|noticed|clocked|watched)\b[^.;]{0,60}\b(with|dropping"
            r"|dropping off|picking up|collecting|taking|walking) (his|her|their|your)"
            r" (little |two |three |young )?(kids|children|girl|boy|son|daughter|family"
            r"|little ones|wife|husband)\b", re.I),
    # Where the officer's children go to school, or what they wear there.
    guarded(rf"\b{_FAMILY}\b[^.;]{{0,40}}\b(school|primary|academy|nursery|uniforms?"
            r"|school run|school gates?)\b"
            rf"|\b(photos?|pictures?|pics|videos?) of {_FAMILY}\b(?!['’]s)", re.I),
    # An officer's daily routine, known: "I know she drops her kids off at nine every morning".
    guarded(r"\b(i|we) know (that )?(you|he|she|they) ((drops?|takes?|picks?|collects?|walks?)"
            r" (your|his|her|their) (own )?(\w+ )?(kids|children|son|daughter|boy|girl"
            r"|little ones|two|three|dog)|leaves?|finish(es)?|parks?|arrives?|gets in"
            r"|clocks? off|goes home)"
            r"\b[^.;]{0,60}\b((every|each) (morning|day|night|evening|afternoon|week|weekend"
            r"|\w+day)|at (\d|ten|half|quarter|twenty))", re.I),
    # Staff's names or faces put before the public: "I intend to post them, with their names
    # from their lanyards, on the residents' Facebook group".
    guarded(r"\b(post|posting|publish|publishing|share|sharing|put|putting|upload|uploading"
            r"|plaster|plastering)\b[^.;]{0,60}\b(their|his|her|your) (full )?(names?|faces?"
            r"|photos?|photographs?|pictures?)\b[^.;]{0,80}\b(facebook|instagram|twitter"
            r"|tiktok|social media|online|the internet|the web)\b", re.I),
    # The officer's street given back to them as a question: "Brynteg Avenue, isn't it?".
    guarded(r"\b(?-i:[A-Z][a-z'-]+) (?-i:Avenue|Road|Street|Close|Lane|Drive|Crescent|Grove"
            r"|Way|Gardens|Terrace|Place|Court|Rise|View|Walk|Mews),? (isn'?t it|is it not"
            r"|am i right|right)\s*\?", re.I),
    # Found online, or to be found: "found Mark X on Facebook", "so people know where to find
    # him".
    guarded(rf"\b(found|looked up|tracked down|checked out|came across) ({_STAFFER}"
            r"|(?-i:[A-Z][a-z]+ [A-Z][a-z'-]+)) on (facebook|instagram|twitter|tiktok|linkedin"
            r"|social media|the internet)\b"
            r"|\b(knows?|know|knowing|tell \w+|find out|see) where to find (you|him|her|them)\b",
            re.I),
)
# Whatever the verb and whoever the subject ("my brothers know exactly who you are and where
# you park"): knowing who an officer is, where they live or park, what they drive, or that they
# have children, told to the council, says the officer can be reached.
_PRIVATE_LIFE = (
    guarded(r"\b(know|knows|knew|found out|find out|worked out|seen|noticed|clocked)"
            r" (exactly |full well |very well )?(who (you|he|she|they) (are|is|really are)"
            r"|where (you|he|she|they|your \w+) (live|lives|park|parks|drive|drives|sleep"
            r"|sleeps|drink|drinks|go|goes|shop|shops))\b"
            r"|\b(i|we|they|he|she|my \w+) (know|knows) (that )?(you|he|she|they)"
            r" (drive|drives|park|parks)\b", re.I),
    # The officer's home given: "Mr X, your tree officer, lives on Elm Grove". A street, not a
    # town: "if you lived in Millbrook you would know" is an argument.
    guarded(r"(?:(?-i:\b(?:Mr|Mrs|Ms|Miss|Dr)\.? [A-Z][a-z'-]+)|\byou|\b(?:he|she))"
            r"(,[^,]{1,40},)? (lives?|stays?) (on|at|off|just off)"
            r" (?-i:[A-Z])", re.I),
    # The officer's children, or their door: "has kids of her own", "turning up at her door".
    guarded(r"\b(has|have|got|with) (\w+ )?(kids|children|little ones|a family|a wife"
            r"|a husband|grandchildren) of (his|her|their|your) own\b"
            r"|\b(turn|turns|turning|turned|show|showing|showed|knock|knocking) up at"
            r" (his|her|your|their) (front )?(door|house|home|gate)\b"
            r"|\b(turning|turn) up (at|outside) (his|her|your|their)\b", re.I),
)
_THIRD = re.compile(r"\b(his|her|their|he|she|they)\b", re.I)


class Harassment:
    name = "harassment"
    description = "Refers to a staff member's home, family, car or movements, as a veiled threat."

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            text = own_words(sentence).strip()
            for pattern in (*_PATTERNS, *_PRIVATE_LIFE):
                found = pattern.search(text)
                if found and (not _THIRD.search(found.group(0))
                              or last_person_is_staff(reading.earlier, text)):
                    return hit(self, sentence)
            earlier = tuple(own_words(s) for s in reading.earlier)
            if intimidates(text, earlier) or knows_movements(text, earlier):
                return hit(self, sentence)
        return None
