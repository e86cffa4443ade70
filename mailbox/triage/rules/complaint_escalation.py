"""Taking a complaint to its next stage, or outside the service.

The complaints procedure is a statutory route: asking for stage 2 or 3,
for an independent review or panel, for "someone outside the council to
look at it", or saying "I am making a formal complaint" starts a step the
council must answer within set times, however often the matter behind it
has been raised. The rule reads what is asked, not the names of procedures.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.requests import is_request
from mailbox.triage.rules.base import Reading, hit

# Said outright: the complaint is being made or moved on now.
_MADE = re.compile(
    r"\b(i|we)('m| am| are|'re)? ?(now )?(making|lodging|raising|submitting|registering|wish to"
    r" (make|lodge|raise|register)|want to (make|lodge|raise|register)|would like to (make"
    r"|lodge|raise|register)) (a |this )?(formal|official|stage \w+) complaint\b"
    # A representative for the customer: "Ms Chalmers wishes to make a stage 2 complaint".
    r"|\b(wishes|wants|would like|intends|has asked me) to (make|lodge|raise|register|submit)"
    r" (a |this |her |his |their )?(formal|official|stage \w+) complaint\b"
    # An application made in the third person or formally: "My sister hereby applies for a
    # stage 2 review".
    r"|\b(hereby )?(apply|applies|applying|appeal|appeals) for (a |an |the )?(stage (2|3|two"
    r"|three|ii|iii)|second stage|next stage|independent) (review|hearing|panel|complaint)\b"
    r"|\b(log|register|treat|record|take|accept|escalate) (this|it|my complaint|my e-?mail)"
    r" (as|to) (a |the )?(formal|official|stage \w+|next stage)( complaint)?\b",
    re.I,
)
# Asked for: a next stage, an independent look, someone outside.
_NEXT_STAGE = re.compile(
    r"\b(next|final|second|third|2nd|3rd) stage\b|\bstage (2|3|two|three|ii|iii)\b"
    r"|\bindependent (review|panel|investigation|investigator|person|adjudicator|body|look)\b"
    r"|\breview panel\b|\b(someone|somebody|a person|an officer|people|an investigator)"
    r" (from )?(outside|independent|not involved|who was not involved|who wasn'?t involved)"
    r"|\boutside (the|this) (council|department|service|team)\b",
    re.I,
)


class ComplaintEscalation:
    name = "complaint-escalation"
    description = "Makes a formal complaint or takes one to its next or independent stage."

    def check(self, reading: Reading) -> RuleHit | None:
        for i, sentence in enumerate(reading.sentences):
            if _MADE.search(sentence):
                return hit(self, sentence)
            if _NEXT_STAGE.search(sentence) and (is_request(sentence) or _asked_next(reading, i)):
                return hit(self, sentence)
        return None


def _asked_next(reading: Reading, i: int) -> bool:
    """"... a stage 3 panel. I want that.": the request is the next, short sentence."""
    following = reading.sentences[i + 1 : i + 2]
    return bool(following) and len(following[0].split()) <= 6 and is_request(following[0])
