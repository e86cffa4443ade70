"""Keep only what the customer wrote in this email.

Quoted earlier mail, forwarded blocks, greetings, sign-offs, signatures and
legal disclaimers are not new correspondence: a matter quoted from an earlier
email was already read when that email arrived. Counting them would escalate
every reply that quotes an escalated message, so they are cut here, before
anything looks for novelty.
"""

from __future__ import annotations

import html
import re

# Where quoted or forwarded mail starts; everything from here down is old.
_CUT_LINES = (
    re.compile(r"^\s*On\b.{0,200}\bwrote:\s*$", re.I),
    re.compile(r"^\s*-{2,}\s*(original message|forwarded message)\s*-*\s*$", re.I),
    re.compile(r"^\s*begin forwarded message:?\s*$", re.I),
    re.compile(r"^\s*_{10,}\s*$"),
)
# An "On <date>, <name>" line whose "wrote:" wrapped onto the next line.
_ON_WRAPPED = re.compile(r"^\s*On\b.{0,200}\d.{0,200}$", re.I)
_WROTE = re.compile(r"^\s*.{0,120}wrote:\s*$", re.I)
# Outlook's reply header: "From: ..." followed closely by "Sent:" or "Date:".
_FROM = re.compile(r"^\s*\*?from:\*?\s+\S", re.I)
_SENT = re.compile(r"^\s*\*?(sent|date):\*?\s+\S", re.I)

_SIGNATURE_CUT = re.compile(r"^\s*--\s*$")
_DEVICE_LINE = re.compile(r"^\s*(sent from my|sent from outlook|get outlook for)\b", re.I)
_VALEDICTION = re.compile(
    r"^\s*(yours\s+(sincerely|faithfully|truly)|(kind|best|warm|many)\s+(regards|thanks|wishes)"
    r"|regards|thanks|thank you|cheers|best)\s*[,.!]?\s*$",
    re.I,
)
_GREETING = re.compile(
    r"^\s*(dear|hi|hello|good (morning|afternoon|evening)|to whom it may concern"
    r"|mr|mrs|ms|miss|dr|cllr|sir|madam)\b[^.?!]{0,50}$",
    re.I,
)
_HEADER_LINE = re.compile(r"^\s*(cc|bcc|to|subject|attachments?):", re.I)
_DISCLAIMER = re.compile(
    r"(this (e-?mail|message)( and any (files|attachments))? (is|are|may be)"
    r" (confidential|intended)"
    r"|if you (have )?received this (e-?mail|message) in error|intended (solely )?for the"
    r" (addressee|named recipient)|scanned for viruses)",
    re.I,
)
# Unquoted words below quoted mail that make it an interleaved reply, not a signature.
INTERLEAVED_WORDS = 12
_TAG = re.compile(r"<[^>]{0,300}>")
_BREAK_TAG = re.compile(r"<\s*(br|/p|/div|/li|/tr|p|div)\b[^>]*>", re.I)
_CONTACT = re.compile(r"(@|\b(tel|mob|mobile|phone)\b|^\+?[\d ()]{9,}$)", re.I)


def clean_body(body: str) -> str:
    """Return the customer's own new words, paragraphs separated by blank lines."""
    lines = _strip_html(body).splitlines()
    lines = _cut_quoted(lines)
    lines = [line for line in lines if not line.lstrip().startswith(">")]
    lines = _cut_signature(lines)
    lines = _drop_greetings(lines)
    paragraphs = _paragraphs(lines)
    kept = [p for p in paragraphs if not _DISCLAIMER.search(p)]
    return "\n\n".join(kept).strip()


def quotes_earlier_mail(body: str) -> bool:
    """True when the body carries quoted or forwarded mail below the new text."""
    lines = _strip_html(body).splitlines()
    return len(_cut_quoted(lines)) < len(lines) or any(x.lstrip().startswith(">") for x in lines)


def _strip_html(body: str) -> str:
    """Mail converted from HTML can keep tags and entities; neither is prose."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text and ">" in text:
        text = _BREAK_TAG.sub("\n", text)
        text = _TAG.sub(" ", text)
    return html.unescape(text).replace("\xa0", " ")


def _cut_quoted(lines: list[str]) -> list[str]:
    """Cut at the first line that opens quoted or forwarded mail.

    An "On ... wrote:" line followed by "> " lines opens an interleaved
    reply: the customer answers under each quoted point, so only the
    attribution line goes and the "> " lines are dropped later, one by one.
    """
    for i, line in enumerate(lines):
        if _CUT_LINES[0].match(line) and _interleaved(lines[i + 1 :]):
            return lines[:i] + lines[i + 1 :]
        if any(p.match(line) for p in _CUT_LINES) or (
                _FROM.match(line) and any(_SENT.match(n) for n in lines[i + 1 : i + 5])):
            return lines[:i] + _answered_under_headers(lines[i + 1 :])
        if _ON_WRAPPED.match(line) and i + 1 < len(lines) and _WROTE.match(lines[i + 1]):
            if _interleaved(lines[i + 2 :]):
                return lines[:i] + lines[i + 2 :]
            return lines[:i]
    return lines


def _answered_under_headers(rest: list[str]) -> list[str]:
    """The customer's words written between the lines of mail quoted under a header.

    "-----Original Message-----", "From:", "Sent:", "Subject:", then "> " lines with the
    customer's "[PC: ...]" answers between them: the unmarked lines are this email's own
    words, so they are kept (the "> " lines go later). Anything else under a header is old.
    """
    body = list(rest)
    while body and (not body[0].strip() or _FROM.match(body[0]) or _SENT.match(body[0])
                    or _HEADER_LINE.match(body[0])):
        body.pop(0)
    return body if _interleaved(body) else []


def _interleaved(rest: list[str]) -> bool:
    """Quoted "> " lines, then the customer's own text, then quoted lines again.

    Mail quoted at the bottom of a reply has at most a signature after it;
    an interleaved reply has unquoted prose between quoted blocks, and every
    block below the attribution line is marked with "> ", so nothing
    unmarked there is old mail.
    """
    body = [line for line in rest if line.strip()]
    if not body or not body[0].lstrip().startswith(">"):
        return False
    if any(any(p.match(line) for p in _CUT_LINES[1:]) or _FROM.match(line) for line in body):
        return False
    gaps = [line for line in body if not line.lstrip().startswith(">")]
    return sum(len(line.split()) for line in gaps) >= INTERLEAVED_WORDS


def _cut_signature(lines: list[str]) -> list[str]:
    """Drop a signature: after "-- ", after a sign-off, and trailing name lines."""
    for i, line in enumerate(lines):
        if _SIGNATURE_CUT.match(line):
            lines = lines[:i]
            break
    lines = [line for line in lines if not _DEVICE_LINE.match(line)]
    for i in range(len(lines) - 1, -1, -1):
        if _VALEDICTION.match(lines[i]) and _has_prose(lines[:i]):
            lines = lines[:i]
            break
    while lines and (not lines[-1].strip() or _looks_like_signature(lines[-1])):
        lines.pop()
    return lines


def _has_prose(lines: list[str]) -> bool:
    return any(len(line.split()) >= 4 for line in lines)


def _looks_like_signature(line: str) -> bool:
    """A short line of names, addresses or numbers with no sentence ending."""
    words = line.split()
    if not words or len(words) > 7:
        return False
    if _CONTACT.search(line):
        return True
    if line.rstrip().endswith((".", "?", "!")):
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit() or w[0] in "(")
    return capitalised / len(words) >= 0.6


def _drop_greetings(lines: list[str]) -> list[str]:
    """Greetings and cc lines name staff; a name is not a new matter."""
    out: list[str] = []
    for line in lines:
        if _HEADER_LINE.match(line):
            continue
        if _GREETING.match(line) and len(line.split()) <= 6 and not _started(out):
            continue
        out.append(line)
    return out


def _started(lines: list[str]) -> bool:
    """True once real text has started, so later short lines are kept."""
    return any(line.strip() for line in lines)


def _paragraphs(lines: list[str]) -> list[str]:
    text = "\n".join(lines)
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
