"""A hate incident reported by its victim: hostile words about who the customer is.

"One of them shouted 'go back to Africa' at me on the stairs" tells of an incident, though
it names no date and no damage: a hate incident is one the victim perceives as motivated by
hostility to their race, religion, sexuality, disability or gender identity (the College of
Policing's definition, which councils' ASB teams follow). It is read as two parts:

- someone else's words or marks aimed at the customer or their household ("shouted ... at
  me", "called my son", "sprayed on our door", "told us to");
- hostility about who they are: a slur, "go back to ...", "your own country", or the
  incident named for what it is ("racist abuse", "homophobic graffiti").

The customer's own words are not read here: abuse of staff is the abuse rules' concern.
Nor is an account of what was said in an incident already on file: "here is what the man
actually said to me" presupposes the saying is known, and retells it (`retells_speech`).
"""

from __future__ import annotations

import re

from mailbox.triage.lexicon.abuse import ALL_SLURS

_AIMED = re.compile(
    r"\b(shouted|shouting|yelled|yelling|screamed|screaming|called|calling|said|saying|told"
    r"|telling|spat|spitting|chanted|chanting|hissed|muttered|swore|sprayed|painted|daubed"
    r"|scrawled|wrote|written|posted|put|left|threw)\b[^.;]{0,80}\b(at|to|on|through|in)?"
    r" ?(me|us|my|our)\b"
    r"|\b(me|us|my \w+|our \w+) (was|were|got|have been|has been|being) (called|told|abused"
    r"|targeted|attacked|spat at)\b",
    re.I,
)
_HOSTILITY = re.compile(
    r"\bgo back (to|where|home)\b|\b(your|their) own (country|kind)\b"
    r"|\bwhere (you|they|he|she) came from\b"
    r"|\b(racist|racial|racially|homophobic|transphobic|islamophobic|anti-?semitic|sectarian"
    r"|disablist|hate|hateful)\b",
    re.I,
)
_WORD = re.compile(r"[a-z-]+")


def reports_hate_incident(sentence: str) -> bool:
    """True when `sentence` tells of hostile words about who the customer is, aimed at them."""
    if not _AIMED.search(sentence):
        return False
    return bool(_HOSTILITY.search(sentence)
                or set(_WORD.findall(sentence.lower())) & ALL_SLURS)


# "What he actually said", "here is what the passenger said to me": the words of a known
# exchange, given in answer to the council's account of it.
_RETOLD = re.compile(r"\bwhat (he|she|they|the \w+|that \w+|this \w+)( \w+)?( actually| really"
                     r"| in fact)? (said|shouted|called me|told me|says)\b|\b(actually|really)"
                     r" (said|says|shouted)\b", re.I)


def retells_speech(sentences: tuple[str, ...]) -> bool:
    """True when an email gives the words of an exchange the council already knows of."""
    return any(_RETOLD.search(s) for s in sentences)
