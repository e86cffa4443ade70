"""Read texting shorthand, dropped g's and masked letters as the words meant.

Customers write "u lot r useless", "sayin the same thing" and "sh1t". A
word the council has seen as "saying" is not new because it arrived as
"sayin", and an insult is no less aimed because it was typed on a phone. The
tables are general British texting habits, nothing particular to a customer.
"""

from __future__ import annotations

import re
from functools import lru_cache

SHORTHAND = {
    "u": "you", "ur": "your", "yr": "your", "r": "are", "ya": "you", "yer": "your",
    "pls": "please", "plz": "please", "shud": "should", "cud": "could", "wud": "would",
    "wen": "when", "wot": "what", "wat": "what", "n": "and", "nd": "and", "thx": "thanks",
    "yday": "yesterday", "2day": "today", "tmrw": "tomorrow", "nite": "night", "coz": "because",
    "cos": "because", "rly": "really", "b4": "before", "ppl": "people", "abt": "about",
    "thru": "through", "tho": "though", "nowt": "nothing", "owt": "anything",
    "summat": "something", "gonna": "going", "wanna": "want", "aint": "isn't", "dunno": "know",
    "hes": "he's", "shes": "she's", "theyre": "they're", "youre": "you're", "m8": "mate",
    "txt": "text", "msg": "message", "tel": "telephone", "govt": "government",
}
# Words that end in "-in" in their own right, so no "g" was dropped.
_REAL_IN = frozenset([
    "again", "begin", "within", "cabin", "basin", "margin", "robin", "toxin", "cousin",
    "dolphin", "raisin", "muffin", "coffin", "vermin", "satin", "resin", "violin", "origin",
    "pumpkin", "napkin", "bulletin", "insulin", "aspirin", "penicillin", "muslin", "heroin",
    "admin", "latin", "martin", "kevin", "cumin", "herein", "therein", "wherein", "akin",
    "lupin", "bobbin", "gremlin", "goblin",
])
_DROPPED_G = re.compile(r"[a-z]{2,}[^aeiou]in$")
_LEET = str.maketrans({"1": "i", "0": "o", "3": "e", "4": "a", "@": "a", "$": "s"})
_LEET_WORD = re.compile(r"\b(?=[a-z]*[@$\d])(?=[\w@$]*[a-z])[a-z@$\d]{3,}\b", re.I)
_TOKEN = re.compile(r"[A-Za-z0-9@$]+(?:['’][A-Za-z]+)?")


@lru_cache(maxsize=65536)
def normal(word: str) -> str:
    """The word a customer meant: "shud" is "should", "sayin" is "saying"."""
    w = word.lower()
    if w in SHORTHAND:
        return SHORTHAND[w]
    if w not in _REAL_IN and _DROPPED_G.match(w):
        return w + "g"
    return w


def plain_text(text: str) -> str:
    """The text with shorthand spelt out and digits-for-letters read as letters.

    Only whole tokens change, so the sentence still reads as written and any
    quote taken from it for evidence is still recognisable.
    """
    text = _LEET_WORD.sub(lambda m: _unleet(m.group(0)), text)
    return _TOKEN.sub(lambda m: _respelt(m.group(0)), text)


def _unleet(token: str) -> str:
    """"sh1t" is "shit", but "A4", "M62" and "2026" are left alone."""
    letters = sum(c.isalpha() for c in token)
    return token.translate(_LEET) if letters >= 2 and not token[0].isdigit() else token


def _respelt(token: str) -> str:
    if (token.isupper() and len(token) > 1) or (len(token) == 1 and not token.islower()):
        return token
    meant = normal(token)
    return token if meant == token.lower() else meant
