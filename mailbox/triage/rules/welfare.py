"""Quiet signs that the writer, or someone they care for, is not safe or not coping.

Distress is rarely put as "I am at risk". A carer writes "I'm running on
empty ... some nights I think everyone would manage without me"; a tenant
writes "I have no place to go"; a tired man "some nights I just sit out on
the balcony and think about it". Each is a first-person statement of risk to
a person, and the first duty is to that person, so it goes to an officer
even in a message that otherwise repeats an old complaint. Once said, it is
on file: the same words again in a later email are not a new concern.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, hit

_PATTERNS = (
    # Hopelessness, said quietly.
    re.compile(r"\b(don'?t|do not|can'?t|cannot) (really )?see (the|any|much) point\b"
               r"|\b(everyone|everybody|they|the family|the kids) (would|'d) (manage|be|cope|get"
               r" on)( perfectly| just)?( fine| well| better)? without me\b"
               r"|\b(sit|sitting|sat|stand|standing) out on the (balcony|roof|ledge|bridge)\b"
               r"[^.]{0,40}\b(night|think|thinking)\b"
               r"|\b(some|most|at) nights? i\b[^.]{0,30}\b(sit|stand) out\b", re.I),
    # A carer or parent at the limit. "At the end of my tether" alone is how customers say
    # they are fed up with a repeat, so it counts only beside the caring that wears them out.
    re.compile(r"\b(running on empty|can'?t cope|cannot cope|not coping|i'?m falling apart"
               r"|at breaking point|haven'?t had a (day|night) off in (months|weeks|years))\b"
               r"|\b(end of my tether|wits'? end)\b(?=[^.]{0,80}\b(caring|carer|looking after))"
               r"|\b(caring|carer|looking after)\b[^.]{0,80}\b(end of my tether|wits'? end)\b",
               re.I),
    # No roof tonight, or from a given day: homelessness is a statutory duty.
    re.compile(r"\b(nowhere|no place|no where|no-where) (to|else to) (live|go|sleep|stay)\b"
               r"|\b(sleep|sleeping|slept) (in|on) (the|my|a|his|her) (car|street|streets|park"
               r"|bench|floor|sofa|couch)\b(?! (park|parking))"
               r"|\b(homeless|on the streets) (from|by|on|next|this)\b", re.I),
    # A person not eating, or a child left uncollected.
    re.compile(r"\b(i|he|she|mum|dad|my \w+)('s| is| has| have|'ve)? (not|n'?t|stopped|barely)"
               r" (been )?eating\b"
               r"|\b(nobody|no one|no-one|no body) (came|turned up|was there) to (collect|pick up)"
               r"|\b(wasn'?t|was not|weren'?t|not) (collected|picked up) (from|at|after)"
               r" (school|nursery|the bus)\b", re.I),
)


class Welfare:
    name = "welfare-concern"
    description = "A first-person sign of distress or risk to a person, not already on file."

    def check(self, reading: Reading) -> RuleHit | None:
        said = " ".join(" ".join(m.body.split()) for m in reading.context.history).lower()
        for sentence in reading.sentences:
            for pattern in _PATTERNS:
                found = pattern.search(sentence)
                if found and found.group(0).lower() not in said:
                    return hit(self, sentence)
        return None
