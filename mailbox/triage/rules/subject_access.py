"""A subject access request under UK GDPR Article 15.

The customer is asking for their own personal data, or for that of someone
they act for; the one-month deadline runs whatever the state of their other
complaints. It need not be named: "send me everything you hold about Mum"
asks for it.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.requests import is_request
from mailbox.triage.rules.base import Reading, first_match, hit

_PATTERNS = (
    re.compile(r"\b(make|making|submit|submitting|this is|treat this as|consider this)"
               r" an? (new |formal )?(subject access request|sar)\b", re.I),
    re.compile(r"^\s*(new |formal )?subject access request\s*[:.]?\s*$", re.I),
    re.compile(r"\barticle 15\b.{0,40}\b(gdpr|data protection)|\bright of access\b", re.I),
    re.compile(r"\b(copy|copies) of (all )?(the )?(my )?personal (data|information)\b", re.I),
    re.compile(r"\b(all|any) (the )?(personal )?(data|information) (that )?(you|the council) "
               r"(hold|holds|keep|keeps|have) (on|about) me\b", re.I),
    re.compile(r"\bunder (the )?(uk )?(gdpr|data protection act)\b.{0,60}\b(request|provide|copy)",
               re.I),
)
# Everything held about the customer or someone they act for, asked for in plain words: only in
# a sentence that asks ("I'm entitled to see what was said about me" argues an old point).
_PLAIN = (
    # "every file you have on me", "any notes you keep about Mum": a quantified kind of record.
    re.compile(r"\b(everything|all (the )?(information|records|data)|whatever|what|(every|each|any"
               r"|all|all the) [\w-]+) (that )?"
               r"(you|the council|your \w+) (hold|holds|have|keep|keeps|has) (on|about) (me|us|my"
               r" \w+|mum|mam|dad|him|her|them)\b", re.I),
    re.compile(r"\b(see|have|know|read) what (has|have|was|is) (been |actually been )?(written"
               r"|recorded|noted|said|put) (down )?about (me|us|my \w+|mum|mam|dad|him|her)\b",
               re.I),
)


# "Can I have a copy of the interview notes? I think I'm allowed them under data
# protection.": records asked for, with the law named in that sentence or the next.
_RECORDS = re.compile(r"\b(copy|copies|see|have|get|send)\b[^.?!]{0,50}\b(notes|records|scores"
                      r"|marks|file|minutes|assessment|recordings?|data|information)\b", re.I)
_DATA_LAW = re.compile(r"\b(data protection|gdpr|dpa)\b", re.I)


class SubjectAccess:
    name = "subject-access-request"
    description = "Asks for a copy of the customer's own personal data (UK GDPR Article 15)."

    def check(self, reading: Reading) -> RuleHit | None:
        found = first_match(self, reading, *_PATTERNS)
        if found:
            return found
        for sentence in reading.sentences:
            if is_request(sentence) and any(p.search(sentence) for p in _PLAIN):
                return hit(self, sentence)
        return _records_under_the_law(self, reading)


def _records_under_the_law(rule: SubjectAccess, reading: Reading) -> RuleHit | None:
    """Records asked for, and data protection named beside the asking: the request is one
    under the Act whether or not its name is used."""
    sentences = reading.sentences
    for i, sentence in enumerate(sentences):
        beside = " ".join(sentences[max(i - 1, 0) : i + 2])
        if is_request(sentence) and _RECORDS.search(sentence) and _DATA_LAW.search(beside):
            return hit(rule, sentence)
    return None
