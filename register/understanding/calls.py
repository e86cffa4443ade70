"""What staff say about a call they ended: whether they warned the caller, and why.

The policies ask staff to warn a caller before ending a call, so the bot
must not guess: only clear words ('I warned him', 'without warning')
count, and otherwise it asks.
"""

from __future__ import annotations

import re

_NOT_WARNED = re.compile(
    r"\b(?:without (?:a |any )?warning|(?:didn'?t|did not|couldn'?t|could not|never) warn"
    r"|no warning|not warned|wasn'?t warned|weren'?t warned|no time to warn)\b",
    re.IGNORECASE,
)
_WARNED = re.compile(
    r"\b(?:i |did |had )?warn(?:ed)? (?:him|her|them|the caller)|(?:gave|after) (?:a |him a |her a "
    r"|them a )?warning|after warning|told (?:him|her|them) i would (?:end|hang up)",
    re.IGNORECASE,
)
# 'because' says why more surely than 'as' or 'after', so it is looked for first.
_BECAUSE = (
    re.compile(r"\b(?:because|cos|'?cause|since)\b\s+(?P<why>.+)$", re.IGNORECASE),
    re.compile(r"\b(?:as|for|after)\b\s+(?P<why>.+)$", re.IGNORECASE),
)


def read_warned(text: str) -> bool | None:
    """True or False when the words say so plainly; None when they don't."""
    if _NOT_WARNED.search(text):
        return False
    return True if _WARNED.search(text) else None


def read_reason(text: str) -> str:
    """The 'because ...' part of 'I ended the call because he kept swearing'."""
    for pattern in _BECAUSE:
        if found := pattern.search(text):
            return found["why"].strip(" .")
    return ""
