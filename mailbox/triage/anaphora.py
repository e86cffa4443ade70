"""A request that points back: "Please can I have one." "What do I do."

Customers often set out the matter in one sentence and ask in the next,
with only a pronoun for the thing asked about. Judged alone, the request
has nothing unseen in it and the sentence before has no request, so each
looks like a repeat. Read together, they ask for something the case file
has never held, and that is a new request.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mailbox.triage.novelty import NEW_SCORE, Finding

_POINTS_BACK = re.compile(
    r"\b(it|one|this|that|these|those|them|which|what to do|(do|should|can|must) (i|we) do"
    r"|(meant|supposed) to do)\b",
    re.I,
)
# Asking the council to own up to an old grievance is not a request for something new.
_REDRESS = re.compile(
    r"\b(acknowledge|admit|apologi[sz]e|apology|accept (that|responsibility|liability|the blame)"
    r"|explain (why|how)|justify|answer for|put (it|this|that) right)\b",
    re.I,
)


def read_requests_with_their_matter(findings: tuple[Finding, ...],
                                    set_aside: set[str]) -> tuple[Finding, ...]:
    """Give a pointing-back request the unseen words of the sentence before it.

    Sentences in `set_aside` (abusive ones) lend nothing, nor does a
    sentence that restates or offers the customer's own evidence.
    """
    out = list(findings)
    for i in range(1, len(out)):
        ask, before = out[i], out[i - 1]
        if ask.verdict != "repeat" or not ask.request or ask.novel_words:
            continue
        if not _POINTS_BACK.search(ask.sentence) or _REDRESS.search(ask.sentence):
            continue
        if ask.restated or before.sentence in set_aside:
            continue
        if before.restated or before.evidence or before.threat_to_escalate:
            continue
        if len(before.novel_words) + 1 >= NEW_SCORE:
            out[i] = replace(ask, sentence=f"{before.sentence} {ask.sentence}",
                             novel_words=before.novel_words, verdict="new")
    return tuple(out)
