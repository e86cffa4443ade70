"""Triage one incoming email against the customer's case file.

The steps are the ones a SPOC officer would take: put aside quoted and
forwarded mail, read what is left sentence by sentence, note abusive
language, then go down the routing table. The decision keeps every rule
that fired, so "why was this filed?" always has an answer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mailbox.triage.clean import clean_body
from mailbox.triage.model import CaseContext, Decision, Incoming
from mailbox.triage.novelty import judge
from mailbox.triage.reason import explain
from mailbox.triage.reference import build_reference
from mailbox.triage.rules.base import Reading
from mailbox.triage.sentences import split_sentences
from mailbox.triage.table import DEFAULT_ACTION, DEFAULT_CATEGORY, FLAGS, ROUTES

_REPLY_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|wg)\s*:\s*)+", re.I)


def triage(message: Incoming, context: CaseContext) -> Decision:
    """Decide whether to file or escalate `message`, and explain why."""
    sentences = _sentences(message, context)
    reading = Reading(message, context, sentences)
    flags = tuple(h for h in (rule.check(reading) for rule in FLAGS) if h)
    reading = _judged(reading, _abusive_sentences(reading) if flags else set())
    hits = tuple(h for h in (route.rule.check(reading) for route in ROUTES) if h)
    fired = {h.rule for h in hits}
    route = next((r for r in ROUTES if r.rule.name in fired), None)
    action = route.action if route else DEFAULT_ACTION
    category = route.category if route else DEFAULT_CATEGORY
    new = tuple(f.sentence for f in reading.findings if f.verdict == "new")
    all_hits = hits + flags
    return Decision(
        action=action,
        category=category,
        abusive=bool(flags),
        hits=all_hits,
        new_sentences=new if action == "escalate" else (),
        reason=explain(category, all_hits, reading),
    )


def _sentences(message: Incoming, context: CaseContext) -> tuple[str, ...]:
    """The subject (unless it only repeats an earlier one) then the body's sentences."""
    subject = _REPLY_PREFIX.sub("", message.subject).strip()
    earlier = {_REPLY_PREFIX.sub("", m.subject).strip().lower() for m in context.history}
    head = (subject,) if subject and subject.lower() not in earlier else ()
    return head + split_sentences(clean_body(message.body))


def _abusive_sentences(reading: Reading) -> set[str]:
    """Sentences that fire a flag: abuse is reported, it is not a new matter."""
    return {
        s
        for s in reading.sentences
        if any(rule.check(Reading(reading.message, reading.context, (s,))) for rule in FLAGS)
    }


def _judged(reading: Reading, abusive: set[str]) -> Reading:
    """Judge every sentence; an abusive one is read but can never be the new matter."""
    reference = build_reference(reading.context, reading.message.date)
    findings = tuple(
        replace(judge(s, reference, reading.message.date), verdict="repeat") if s in abusive
        else judge(s, reference, reading.message.date)
        for s in reading.sentences
    )
    return replace(reading, findings=findings)
