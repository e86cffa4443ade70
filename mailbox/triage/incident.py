"""A clause that tells of damage, injury or loss: "your crew smashed the lid".

A new incident is often told in the plain past tense with no date word:
"a lorry reversed into my wall", "the men left the gate open and my dog got
out". A verb of damage, injury, spillage or escape (`lexicon.incidents`)
with a subject just before it frames a sentence as an incident the way
"yesterday" does; the sentence still needs unseen words to be new.
"""

from __future__ import annotations

import re

from mailbox.triage.lexicon.incidents import ALL_VERBS

_PARTICLE = re.compile(r"\b((got|ran|left) (out|off|away|loose|open)|(reversed|backed|drove|ran"
                       r"|crashed|ploughed) into)\b", re.I)
_SUBJECTS = frozenset({
    "he", "she", "they", "someone", "somebody", "it", "the", "a", "an", "my", "our", "his", "her",
    "their", "your", "some", "two", "this", "that", "next",
})
# Just before the verb, these make it a state, an adjective or a denial, not an event.
_NOT_BEFORE = frozenset({"was", "were", "been", "be", "is", "are", "the", "a", "an", "not",
                         "never"})
_OBJECTS = frozenset({"him", "her", "them", "me", "us", "it", "my", "our", "the"})
_WORD = re.compile(r"[a-z']+")
SUBJECT_REACH = 3


def tells_incident(sentence: str) -> bool:
    """True when a clause of `sentence` tells of something damaged, hurt, spilt or got out."""
    tokens = _WORD.findall(sentence.lower())
    # "Bit him on the hand": the subject is the sentence before, the verb opens this one.
    if len(tokens) > 1 and tokens[0] in ALL_VERBS and tokens[1] in _OBJECTS:
        return True
    for i, token in enumerate(tokens[1:], start=1):
        if token not in ALL_VERBS or tokens[i - 1] in _NOT_BEFORE:
            continue
        if any(t in _SUBJECTS for t in tokens[max(0, i - SUBJECT_REACH) : i]):
            return True
    return bool(_PARTICLE.search(sentence))
