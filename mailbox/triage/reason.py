"""One plain-English sentence a SPOC officer can read and check.

The reason names the route taken and the evidence for it: the statutory
route and the sentence that asks for it, the new sentence, or the known
issue a filed message repeats, so an officer can disagree with it quickly.
"""

from __future__ import annotations

from collections import Counter

from mailbox.triage.model import Category, KnownIssue, RuleHit
from mailbox.triage.rules.base import Reading
from mailbox.triage.words import content_stems

QUOTE_CHARS = 120
UNSURE = "Escalated: could not tell whether this raises anything new; an officer should read it."
_ABUSE_RULES = {"insult", "profanity", "threat", "harassment", "discrimination",
                "disparagement"}


def explain(category: Category, hits: tuple[RuleHit, ...], reading: Reading) -> str:
    """The reason for the decision, with a note when language was abusive."""
    first = hits[0] if hits and hits[0].rule not in _ABUSE_RULES else None
    if category == "statutory" and first:
        text = (f"Escalated: {_lower(first.description)} (statutory route, never filed): "
                f"\"{_quote(first.evidence)}\".")
    elif category == "safeguarding" and first:
        text = f"Escalated urgently: possible safeguarding concern: \"{_quote(first.evidence)}\"."
    elif category == "new_issue" and first:
        count = sum(1 for f in reading.findings if f.verdict == "new")
        plural = "s" if count > 2 else ""
        more = f" (and {count - 1} more new sentence{plural})" if count > 1 else ""
        text = f"Escalated: raises something new: \"{_quote(first.evidence)}\"{more}."
    elif category == "repeat":
        text = f"Filed: {_repeats_what(reading)}; nothing new found."
    else:
        text = UNSURE
        if first:
            text = f"Escalated: {_lower(first.description)}: \"{_quote(first.evidence)}\"."
    abuse = [h.rule for h in hits if h.rule in _ABUSE_RULES]
    if abuse:
        text += f" Abusive language flagged for the manager ({', '.join(abuse)})."
    return text


def _lower(description: str) -> str:
    """A rule's description as the middle of a sentence."""
    return description[:1].lower() + description[1:].rstrip(".")


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def _repeats_what(reading: Reading) -> str:
    """Name the known issue the message overlaps most, or the earlier emails."""
    words = Counter(s for f in reading.findings for s in content_stems(f.sentence))
    best: tuple[int, KnownIssue] | None = None
    for issue in reading.context.known_issues:
        score = sum(words[s] for s in set(content_stems(issue.summary)))
        if score and (best is None or score > best[0]):
            best = (score, issue)
    if best:
        issue = best[1]
        return f"repeats the {issue.status} matter \"{_quote(issue.summary)}\" ({issue.id})"
    return "repeats matters raised in earlier correspondence"
