"""Short answers to the bot's questions: yes or no, 'don't know', and what a
correction ('no, it was 3pm', 'change the time') is about.

Staff type these one-handed on a phone, so the common spellings and
shorthands all count ('y', 'yep', 'nope', 'nah', 'dunno').
"""

from __future__ import annotations

import re

from register.vocabulary import Labelled

_YES = re.compile(
    r"^(?:y|yes|yeah|yea|yep|yup|aye|sure|ok|okay|correct|right|that'?s right|they were|i did"
    r"|definitely|confirm(?:ed)?|save(?: it)?|log it|file it"
    r"|looks (?:good|right|fine)|all good|go ahead|spot on)\b",
    re.IGNORECASE,
)
_NO = re.compile(
    r"^(?:n|no|nope|nah|not really|none|nobody|no-?one|neither|never|not|i didn'?t|didn'?t"
    r"|they weren'?t|he wasn'?t|she wasn'?t|wasn'?t|weren'?t|no one)\b",
    re.IGNORECASE,
)
_UNKNOWN = re.compile(
    r"^(?:don'?t know|dont know|do not know|dunno|no idea|not sure|unknown|skip|n/?a|pass"
    r"|can'?t say|not known|unsure|no name)\b",
    re.IGNORECASE,
)
_CORRECTION_LEAD = re.compile(
    r"^\s*(?:no|nope|actually|sorry|oops|correction|wait|hang on|change it to|it should be)\b"
    r"[,.!:]*\s*",
    re.IGNORECASE,
)


class Topic(Labelled):
    """A part of a record that staff can ask to change."""

    WHEN = "when"
    CHANNEL = "channel"
    WHO = "who"
    WHERE = "where"
    BEHAVIOURS = "behaviours"
    DESCRIPTION = "description"
    POLICE = "police"
    INJURIES = "injuries"
    WITNESSES = "witnesses"
    WARNED = "warned"
    REASON = "reason"


_TOPICS: tuple[tuple[Topic, str], ...] = (
    (Topic.WHEN, r"time|date|day|when"),
    (Topic.CHANNEL, r"channel|how it happened|how"),
    (Topic.WHO, r"who|person|name|caller|customer"),
    (Topic.WHERE, r"where|address|place|location"),
    (Topic.BEHAVIOURS, r"behaviou?rs?|what (?:they|he|she) did|what they did"),
    (Topic.DESCRIPTION, r"description|what happened|details|story|words"),
    (Topic.POLICE, r"police"),
    (Topic.INJURIES, r"injur\w*|hurt"),
    (Topic.WITNESSES, r"witness\w*"),
    (Topic.WARNED, r"warn\w*"),
    (Topic.REASON, r"reason|why"),
)
_CHANGE = re.compile(
    r"\b(?:change|edit|fix|correct|update|amend)\s+(?:the\s+)?(?P<what>.+?)\s*[.!?]*$"
    r"|^(?:the\s+)?(?P<wrong>.+?)\s+(?:is|was|are)\s+wrong\b",
    re.IGNORECASE,
)


def yes_no(text: str) -> bool | None:
    """True for a yes, False for a no, None when the answer is neither."""
    words = text.strip()
    if _UNKNOWN.match(words):
        return None
    if _NO.match(words):
        return False
    return True if _YES.match(words) else None


def unknown(text: str) -> bool:
    """'Don't know', 'skip', 'no idea': the person cannot answer, and that is fine."""
    return bool(_UNKNOWN.match(text.strip()))


def without_correction_lead(text: str) -> tuple[str, bool]:
    """('it was 3pm', True) for 'no, it was 3pm': the words after 'no,', 'actually', ..."""
    stripped = _CORRECTION_LEAD.sub("", text, count=1)
    return stripped, stripped != text


def topic_to_change(text: str) -> Topic | None:
    """What 'change the time' or 'the address is wrong' asks to change, if it asks."""
    found = _CHANGE.search(text.strip())
    if found is None:
        return None
    what = found["what"] or found["wrong"] or ""
    return next((t for t, p in _TOPICS if re.search(rf"\b(?:{p})\b", what, re.IGNORECASE)), None)
