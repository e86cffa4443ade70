"""The customer's own words, forwarded by someone writing on their behalf.

A support worker, a relative or an advocate often sends "the email below"
from the customer: the covering note says little ("please treat this as
urgent") and the matter is in the forwarded mail. Quoted and forwarded text
is normally put aside (it was read when it first arrived), but mail the
customer wrote to someone else never reached the council. A forwarded block
whose "From:" line names the customer is read as the customer's own words;
what it repeats from the case file still counts as a repeat, because every
sentence is judged against the case file like any other.
"""

from __future__ import annotations

import re

from mailbox.triage.clean import clean_body

_BLOCK_START = re.compile(
    r"^\s*(-{2,}\s*(original message|forwarded message)\s*-*|begin forwarded message:?)\s*$",
    re.I | re.M,
)
_FROM = re.compile(r"^\s*\*?from:\*?\s*(?P<who>.+)$", re.I)
_HEADER = re.compile(r"^\s*\*?(from|sent|date|to|cc|bcc|subject|importance):\*?", re.I)
_NAME_PART = re.compile(r"[A-Za-z][A-Za-z'-]+")


def customers_forwarded_words(body: str, customer_name: str) -> str:
    """The text of forwarded blocks sent by the customer, cleaned like a body."""
    names = {w.lower() for w in _NAME_PART.findall(customer_name) if len(w) > 1}
    if not names:
        return ""
    starts = [m.end() for m in _BLOCK_START.finditer(body)]
    kept: list[str] = []
    for start in starts:
        lines = body[start:].splitlines()
        text = _own_block(lines, names)
        if text:
            kept.append(text)
    return "\n\n".join(kept)


def _own_block(lines: list[str], names: set[str]) -> str:
    """The block's body when its header says the customer sent it, else ''."""
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    sender = ""
    while i < len(lines) and _HEADER.match(lines[i]):
        found = _FROM.match(lines[i])
        if found:
            sender = found.group("who")
        i += 1
    who = {w.lower() for w in _NAME_PART.findall(sender)}
    if not sender or len(names & who) < min(2, len(names)):
        return ""
    return clean_body("\n".join(lines[i:]))
