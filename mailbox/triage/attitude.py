"""Words of attitude: how the customer feels about a matter, not what the matter is.

"Both tickets are a scam and your wardens are a disgrace" repeats two known
tickets; "scam" and "disgrace" are the customer's view of them. Counting such
words as unseen content escalates every angry repeat. Rather than keep a hand
list, we read the VADER sentiment lexicon (the vaderSentiment package, MIT,
~7,500 words each rated by ten people from -4 to +4), and treat a strongly
rated word as attitude.

Some strongly rated words name what happened ("broken", "stolen", "died",
"assault"): those are matter, kept by `MATTER` and by the words of
`lexicon.topics` ("dumped", "cockroach", "grant"). The lexicon is read once, lazily, never at
import time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from mailbox.triage.lexicon.abuse import ALL_INSULTS, ALL_PROFANITY
from mailbox.triage.lexicon.topics import TOPICS

# Mean rating at or beyond which a word is attitude; "ridiculous" is -1.5, "missed" -1.2.
# Measured on all eight corpora: 1.5 files the most repeats; 1.2 and 1.0 lose new issues
# (holdout5, holdout2), 2.0 files fewer repeats.
STRONG = 1.5
# Strongly rated words that tell what happened or what is wrong, not how the customer feels.
_MATTER_WORDS = """
    abuse abused abusing accident afraid alarm arrest arrested assault assaulted attack attacked
    bankrupt bankruptcy bitten bleeding blind bomb broke broken bullied bully bullying burglar
    cancer cancelled cheated collapse collapsed crash crashed crime criminal cried crying damage
    damaged danger dangerous dead death debt debts deceased depressed depression died disabled
    disease drown drowned dying emergency evicted eviction fear feared fire flood flooded fraud
    grief harass harassed harassment hit homeless hospital hungry hurt ill illness injured injury
    jail kill killed killing lonely murder pain poison poisoned prison rape raped robbed sick
    starving stolen stress stressed struggling suicide suicidal terrified theft threat threatened
    threats trauma unsafe victim violence violent weapon worried wounded
"""
MATTER = frozenset(_MATTER_WORDS.split())

# Idioms of exasperation, whose words ("sick", "death") elsewhere name a matter.
_IDIOMS = re.compile(r"\b(sick (and tired|to death|to the back teeth) of|fed up (to the back teeth"
                     r" )?(with|of)|had (more than )?enough of|tired of"
                     # The ratepayer's standing, not a council tax matter: "I pay my council
                     # tax", "as a council tax payer", "feeding off our council tax".
                     r"|(i|we) pay (my|our|me) council tax|(as an?|i am an?|i'm an?) council"
                     r" ?tax ?payer|(off|with|on) (my|our|your|people's|pensioners'|taxpayers')"
                     r" (hard[- ]earned )?council tax)\b", re.I)
# A verdict: "is a scam", "are a total disgrace", "was such a mess".
_VERDICT = re.compile(r"\b(is|are|was|were|be|been|it's|that's|they're)\s+((just|simply|nothing"
                      r" but|an?|such|total|complete|absolute|utter|so|very|really|absolutely"
                      r"|completely|totally|utterly)\s+)*(?P<word>[a-z]+)", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'*-]*")


@lru_cache(maxsize=1)
def _ratings() -> dict[str, float]:
    """The VADER lexicon: one word, a tab, its mean rating, then the raters' detail."""
    text = (files("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    ratings: dict[str, float] = {}
    for line in text.splitlines():
        token, _, rest = line.partition("\t")
        rating = rest.partition("\t")[0]
        try:
            ratings[token.lower()] = float(rating)
        except ValueError:
            continue
    return ratings


@lru_cache(maxsize=1)
def _topic_words() -> frozenset[str]:
    """Words that name a council matter in `lexicon.topics` ("dumped", "rats", "grant")."""
    return frozenset(re.findall(r"[a-z]+", TOPICS.lower()))


def rating(word: str) -> float:
    """The word's mean VADER rating, from -4 (most negative) to +4; 0 when unrated."""
    return _ratings().get(word.lower(), 0.0)


def _strong(word: str) -> bool:
    return abs(_ratings().get(word, 0.0)) >= STRONG


def is_attitude(word: str) -> bool:
    """True when `word` is an insult or swear word, or strongly rated and names no matter.

    Insults at third parties ("those selfish morons") are attitude as much as at staff.
    A word that names a council matter ("dumped", "cockroach", "grant") is matter however
    it is rated, unless said as a verdict: see `without_attitude`.
    """
    w = word.lower()
    if w in ALL_INSULTS or w in ALL_PROFANITY:
        return True
    return w not in MATTER and w not in _topic_words() and _strong(w)


# Before an insult that can also name a matter ("rats", "cockroaches", "rogue"), these say it
# is called at a person: "you rats", "they are rats", "like rats", "a bunch of cockroaches".
# "There are rats", "I've seen two rats" report pests.
_CALLED_AT = re.compile(r"(\b(you|you're|youre|is|are|was|were|like|little|lying|dirty|filthy"
                        r"|thieving|sneaky|slimy|bunch of|pack of|nest of|load of)|'re|’re|'s|’s)"
                        r"(\s+[\w-]+){0,1}\s+$", re.I)
_THERE_ARE = re.compile(r"\bthere\s+(is|are|was|were|'s|'re)(\s+[\w-]+){0,1}\s+$", re.I)


@lru_cache(maxsize=1)
def _pests() -> frozenset[str]:
    """The creatures of `lexicon.topics`' pests: words that are insults only of people."""
    line = next(t for t in TOPICS.splitlines() if t.startswith("pests:"))
    return frozenset(re.findall(r"[a-z]+", line.partition(":")[2].lower()))


def named_matter(sentence: str) -> frozenset[str]:
    """Creatures in `sentence` that are insults too, named there as pests and called at nobody.

    "Rats" is an insult and a pest: "I've now seen two rats in my garden" reports pests,
    "your wardens are rats" calls names. A word of both kinds is matter unless a person
    frame stands just before it (see `_CALLED_AT`).
    """
    kept = set()
    for found in _WORD.finditer(sentence):
        w = found.group(0).lower()
        if w not in ALL_INSULTS or w not in _pests():
            continue
        before = sentence[: found.start()]
        if _THERE_ARE.search(before) or not _CALLED_AT.search(before):
            kept.add(w)
    return frozenset(kept)


def without_idioms(sentence: str) -> str:
    """The sentence without idioms of exasperation ("sick to death of", "fed up with")."""
    return _IDIOMS.sub(" ", sentence)


def without_attitude(sentence: str) -> str:
    """The sentence with its idioms and words of attitude taken out, to read what is left.

    A rated word given as a verdict ("the tickets are a scam", "it is a total mess") is
    attitude even when it could name a matter: a doorstep scam is reported, not judged.
    """
    text = _VERDICT.sub(lambda m: m.group(0)[: m.start("word") - m.start()]
                        if _strong(m.group("word").lower()) else m.group(0),
                        without_idioms(sentence))
    kept = named_matter(sentence)
    return _WORD.sub(lambda m: "" if is_attitude(m.group(0)) and m.group(0).lower() not in kept
                     else m.group(0), text)
