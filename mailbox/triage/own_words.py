"""The words a customer says in their own voice, ready for the abuse rules.

"He called me a 'p***' and told me to 'go back where you came from'"
reports a neighbour's abuse: the customer is the victim, not the speaker.
Quoted speech, "called me a ..." and "he shouted ..." are removed before any abuse rule
looks, and texting shorthand is spelt out ("ur a liar" is "you are a liar").
"""

from __future__ import annotations

import re
from functools import lru_cache

from mailbox.triage.spelling import plain_text

_QUOTED = re.compile(
    r"\"[^\"]{1,240}\"|“[^”]{1,240}”|‘[^’]{1,240}’"
    # An apostrophe between letters ("I'm", "don't") is inside a single-quoted remark.
    r"|(?<![\w'])'(?=\S)(?:[^'\n]|(?<=\w)'(?=\w)){1,240}?(?<=\S)'(?![\w'])"
)
# A quotation the sentence splitter cut: opened and not closed before the sentence ends
# ('"You f***ing immigrant, you went crying to the council.'), or closed without being
# opened in it ('and you'll be next," he said.'). The quoted part runs to the sentence's edge.
# A lone straight quote mark just after a comma or a full stop closes; any other opens.
_CLOSES = re.compile(r"[,.!?]\"|”")
_OPEN_TO_END = re.compile(r"[\"“][^\"”]*$")
_START_TO_CLOSE = re.compile(r"^[^\"“]*[\"”]")
_CALLED = re.compile(
    r"\b(called|calls|calling|call|shouted|shouting|screamed|yelled|told)"
    r" (me|us|my \w+|him|her|them)( a| an| that)?( \w+){1,4}",
    re.I,
)
# Someone else's words reported without quotation marks: "he shouted you grassing old c***".
# A few words only: voice-typed mail runs on unpunctuated into the customer's own words.
_REPORTED = re.compile(
    r"\b(he|she|they|someone|somebody|(the|a|this|that) (man|woman|bloke|lads?|neighbours?"
    r"|driver|guy|girl|boy|kids?|youths?))( \w+)? (shouted|screamed|yelled|said|called out"
    r"|muttered|hissed|swore|shouts|says|screams|yells)( at| to)?( me| us| my \w+)?( that)?"
    r"( [\w*'’-]+,?){1,8}",
    re.I,
)
_YOURE_A = re.compile(r"\b(your|ur|yer)\s+(a|an|such a|just a|nothing but a)\b", re.I)


def _cut_quotation(text: str) -> str:
    """`text` without the part of a quotation that began or ends outside it."""
    if (text.count('"') + text.count("“") + text.count("”")) % 2 == 0:
        return text
    if _CLOSES.search(text):
        return _START_TO_CLOSE.sub(" ", text, count=1)
    return _OPEN_TO_END.sub(" ", text, count=1)


@lru_cache(maxsize=4096)
def own_words(sentence: str) -> str:
    """`sentence` without quoted or reported speech, shorthand spelt out."""
    text = _QUOTED.sub(" ", sentence)
    text = _cut_quotation(text)
    text = _CALLED.sub(" ", text)
    text = _REPORTED.sub(" ", text)
    text = plain_text(text)
    return _YOURE_A.sub(lambda m: f"you are {m.group(2)}", text)
