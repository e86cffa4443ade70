"""A subject line that names a thing the case file never held: "taxi", "surveyor".

Customers often put the matter in the subject and tell it in the body in a
few plain words: subject "cooker", body "my cooker has packed in". Judged
alone, the body sentence has one unseen word and reads like a grumble. When
every content word of the subject is unseen, the subject is naming a new
matter, so a body sentence that tells of it as an event or asks about it
counts the subject's words as a council matter never mentioned.
"""

from __future__ import annotations

from dataclasses import replace

from mailbox.triage.novelty import Finding, verdict
from mailbox.triage.words import content_stems, stem


def read_with_headline(findings: tuple[Finding, ...], headline: str,
                       set_aside: set[str]) -> tuple[Finding, ...]:
    """Let a framed body sentence that echoes an all-new subject line borrow it as a matter.

    `findings[0]` is the subject's finding when `headline` is set. Sentences
    in `set_aside` (abusive ones), restatements and threats to go to the
    press or the Ombudsman borrow nothing.
    """
    if not headline or not findings or findings[0].sentence != headline:
        return findings
    head = findings[0]
    named = {stem(w) for w in head.novel_words}
    if not named or len(head.novel_words) < len(set(content_stems(headline))):
        return findings
    out = list(findings)
    for i, f in enumerate(out[1:], start=1):
        if f.verdict != "repeat" or not (f.recent_event or f.request):
            continue
        if f.sentence in set_aside or f.restated or f.threat_to_escalate or f.evidence:
            continue
        echoed = tuple(w for w in f.novel_words if stem(w) in named)
        if echoed:
            lent = replace(f, novel_topics=(*f.novel_topics, *(f"subject: {w}" for w in echoed)))
            out[i] = replace(lent, verdict=verdict(lent))
    return tuple(out)
