"""Split cleaned text into sentences, the unit a SPOC officer reads.

Novelty is judged sentence by sentence so that one new incident buried in a
long repeat still stands out: averaged over a whole email it would drown.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = re.compile(
    r"\b(Mr|Mrs|Ms|Dr|St|Cllr|No|no|Ref|ref|approx|e\.g|i\.e|etc|Rd|Ave|Jan|Feb|Mar|Apr|Jun"
    r"|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$"
)
_LOWER_ABBREVIATIONS = frozenset({"approx", "etc", "incl", "esp", "vs", "viz", "cf", "est"})
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'’”)\]]*\s+(?=[\"'‘“(£]?[A-Za-z0-9£])")
# Texting customers start sentences in lower case; "approx. five" and "etc. and" do not end one.
_LOWER_START_HEAD = 4
_LIST_ITEM = re.compile(r"^\s*(\d{1,2}[.)]|[-*•])\s+")
_LIST_NUMBER = re.compile(r"^\s*\d{1,2}[.)]$")


# Voice typing writes the punctuation it hears as words: "... every month question mark I
# have the bank statements ... full stop". Not after "a" or "the": "put a full stop to it".
_SPOKEN_MARK = re.compile(r"(?<!\ba)(?<!\bthe)\s+(full stop|period|question mark|exclamation"
                          r" mark|new paragraph|new line)\b[ ,]*(?P<next>\w?)", re.I)
_SPOKEN = {"full stop": ".", "period": ".", "question mark": "?", "exclamation mark": "!",
           "new paragraph": ".", "new line": "."}
_DICTATED = re.compile(r"\b(full stop|question mark|new paragraph)\b", re.I)


def split_sentences(text: str) -> tuple[str, ...]:
    """Sentences in reading order; list items and short headings stand alone."""
    out: list[str] = []
    text = _punctuate_dictation(text)
    for paragraph in re.split(r"\n\s*\n", text):
        for chunk in _chunks(paragraph):
            out.extend(_split_chunk(chunk))
    return tuple(s for s in (x.strip() for x in out) if s)


def _chunks(paragraph: str) -> list[str]:
    """Join wrapped lines, but keep list items and headings on their own."""
    chunks: list[str] = []
    current: list[str] = []
    for line in paragraph.splitlines():
        if _LIST_ITEM.match(line) or _is_heading(line):
            if current:
                chunks.append(" ".join(current))
            current = []
            chunks.append(line.strip())
            continue
        current.append(line.strip())
    if current:
        chunks.append(" ".join(current))
    return chunks


def _is_heading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 8 and line.strip() == line.strip().upper() and line.strip()[-1] != ","


def _ends_lowercase_sentence(head: str) -> bool:
    """Before a lower-case start, only a clause of a few real words ends a sentence."""
    words = head.split()
    last = words[-1].rstrip(".!?").lower() if words else ""
    return len(words) >= _LOWER_START_HEAD and len(last) >= 3 and last not in _LOWER_ABBREVIATIONS


def _split_chunk(chunk: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(chunk):
        head = chunk[start : match.start()].rstrip()
        last = head.split()[-1] if head.split() else ""
        if _ABBREVIATIONS.search(last) or _LIST_NUMBER.match(head):
            continue
        if chunk[match.end() :][:1].islower() and not _ends_lowercase_sentence(head):
            continue
        pieces.append(chunk[start : match.start()])
        start = match.end()
    pieces.append(chunk[start:])
    return pieces


def _punctuate_dictation(text: str) -> str:
    """Turn spoken punctuation back into marks, so a dictated run-on is read as sentences.

    Only in dictated text (one that says "full stop", "question mark" or "new paragraph"
    somewhere), so "it took a period of weeks" elsewhere stays a phrase.
    """
    if not _DICTATED.search(text):
        return text

    def mark(found: re.Match[str]) -> str:
        return _SPOKEN[found.group(1).lower()] + " " + found.group("next").upper()

    return _SPOKEN_MARK.sub(mark, text)
