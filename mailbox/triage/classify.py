"""Triage one incoming email against the customer's case file.

The steps are the ones a SPOC officer would take: put aside quoted and
forwarded mail, read what is left sentence by sentence, note abusive
language, then go down the routing table. The decision keeps every rule
that fired, so "why was this filed?" always has an answer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mailbox.triage.anaphora import read_requests_with_their_matter
from mailbox.triage.clean import clean_body
from mailbox.triage.forwarded import customers_forwarded_words
from mailbox.triage.hate_incident import retells_speech
from mailbox.triage.headline import read_with_headline
from mailbox.triage.model import CaseContext, Decision, Incoming, RuleHit
from mailbox.triage.novelty import judge
from mailbox.triage.people import written_for
from mailbox.triage.reason import explain
from mailbox.triage.reference import build_reference
from mailbox.triage.restatement import INSISTS_NEW
from mailbox.triage.rules.base import Reading
from mailbox.triage.second_opinion import second_opinion
from mailbox.triage.sentences import split_sentences
from mailbox.triage.table import DEFAULT_ACTION, DEFAULT_CATEGORY, FLAGS, ROUTES

_REPLY_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|wg)\s*:\s*)+", re.I)
# "FAO Director of Finance - rates": whom the email is for names a reader, not a matter.
_ADDRESSEE = re.compile(r"^\s*(fao\b|f\.a\.o\.?|for the attention of\b|attn\b|attention:)[:.]?"
                        r"[^-–:|]*([-–:|]\s*|$)", re.I)


def triage(message: Incoming, context: CaseContext, learned: bool = True) -> Decision:
    """Decide whether to file or escalate `message`, and explain why.

    The rules decide; a learned second opinion may then flag abuse they missed
    (`second_opinion`), without changing where the email goes; `learned=False`
    (FOREWARN_TRIAGE_SECOND_OPINION=false) leaves the rules alone.
    """
    decision, sentences = triage_by_rules(message, context)
    return second_opinion(decision, sentences) if learned else decision


def triage_by_rules(message: Incoming, context: CaseContext) -> tuple[Decision, tuple[str, ...]]:
    """The rules' decision alone, with the sentences they read (what the trainer sees)."""
    sentences = _sentences(message, context)
    reading = Reading(message, context, sentences)
    flags, abusive = _flags(reading)
    reading = _judged(reading, abusive)
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
    ), reading.sentences


def _sentences(message: Incoming, context: CaseContext) -> tuple[str, ...]:
    """The subject (unless it only repeats an earlier one), the body's sentences, then any
    mail the customer wrote that someone else forwarded (see `forwarded`)."""
    head = _headline(message, context)
    own = split_sentences(clean_body(message.body))
    forwarded = split_sentences(customers_forwarded_words(message.body, context.customer_name))
    return ((head,) if head else ()) + own + forwarded


def _headline(message: Incoming, context: CaseContext) -> str:
    """The subject line, when it is not the subject of an earlier email, less whom it is for."""
    subject = _ADDRESSEE.sub("", _REPLY_PREFIX.sub("", message.subject)).strip()
    earlier = {_REPLY_PREFIX.sub("", m.subject).strip().lower() for m in context.history}
    return subject if subject and subject.lower() not in earlier else ""


def _flags(reading: Reading) -> tuple[tuple[RuleHit, ...], set[str]]:
    """The first hit of each flag rule, and every sentence that fired one.

    Abuse is reported, it is not a new matter, so the sentences are kept
    aside for `_judged`. The customer, and anyone the email speaks for, is
    never the member of staff a remark is aimed at (`people.written_for`).
    """
    first: dict[str, RuleHit] = {}
    abusive: set[str] = set()
    with written_for(reading.context.customer_name, reading.sentences):
        for i, sentence in enumerate(reading.sentences):
            one = Reading(reading.message, reading.context, (sentence,),
                          earlier=reading.sentences[:i])
            for rule in FLAGS:
                found = rule.check(one)
                if found:
                    first.setdefault(rule.name, found)
                    abusive.add(sentence)
    return tuple(first[r.name] for r in FLAGS if r.name in first), abusive


def _judged(reading: Reading, abusive: set[str]) -> Reading:
    """Judge every sentence; an abusive one is new only on hard evidence (a new date ...).

    So is every sentence of an email that insists it is new: see `novelty.judge`.
    """
    reference = build_reference(reading.context, reading.message.date)
    head = _headline(reading.message, reading.context)
    written = reading.message.date
    insisted = any(INSISTS_NEW.search(s) for s in reading.sentences)
    retold = retells_speech(reading.sentences)
    findings = tuple(
        judge(s, reference, written, headline=(i == 0 and s == head), abusive=s in abusive,
              insisted=insisted, retold=retold, hostile=bool(abusive))
        for i, s in enumerate(reading.sentences)
    )
    if not insisted:
        findings = read_with_headline(findings, head, abusive)
    return replace(reading, findings=read_requests_with_their_matter(findings, abusive))
