"""Remarks about where a member of staff lives, parks or goes, or their family.

"I know which car you drive", "I see you, Joanne", or "it would be most
unfortunate if her home address became known" says: I can reach you. None
of it names a harm, which is what makes it a veiled threat and not a
complaint. The officer's home and family are never a council matter.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.own_words import own_words
from mailbox.triage.rules.base import Reading, hit

_THEIR = r"(your|his|her|their|(mr|mrs|ms|miss)\.? [a-z'-]+'s|(the|that|your) [a-z]+'s)"
_PRIVATE = (rf"({_THEIR} (home( address)?|address|house|street|car|reg|registration|number plate"
            r"|kids|children|family|wife|husband|partner|daughter|son|movements|routine)"
            r"(?! (park|parking|insurance|tax))"
            r"|where (you|he|she|they) (lives?|park|parks|drops? (the|your|his|her) kids))")
_PATTERNS = (
    re.compile(rf"\b(i|we) know ({_PRIVATE}|where (you|he|she|they) (park|parks|work"
               r"|works|drink|drinks|go|goes)|(what|which) (car|vehicle|bus|train) (you|he|she"
               r"|they) (drive|drives|get|gets)|(which|what) (office|depot|building|school|gym|pub)"
               r" (you|he|she|they))", re.I),
    re.compile(rf"\b{_PRIVATE}\b[^.;]{{0,80}}\b(became|become|becomes|becoming|were to become"
               r"|got|get|gets) (more )?(widely |better )?(known|public|out|around|shared)\b"
               rf"|\b(share|publish|post|spread|give out|pass on) {_PRIVATE}", re.I),
    re.compile(rf"\b(would|could|might) be (a (real |great )?(shame|pity)"
               rf"|(most |very )?unfortunate)\b[^.;]{{0,80}}\b{_PRIVATE}", re.I),
    re.compile(r"\b(i|we)('ve| have)? (been )?(watching|following|seen) (you|him|her)\b[^.;]{0,40}"
               r"\b(car|house|home|park|parks|arrive|leave|lunch|bus|walk)\b"
               r"|^i (can )?see you(,? [A-Z][a-z'-]+)?\s*[.!]*$", re.I),
)


class Harassment:
    name = "harassment"
    description = "Refers to a staff member's home, family, car or movements, as a veiled threat."

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            text = own_words(sentence).strip()
            if any(p.search(text) for p in _PATTERNS):
                return hit(self, sentence)
        return None
