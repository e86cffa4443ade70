"""A request for recorded information under FOIA or the EIR.

Information requests have statutory deadlines and their own refusal grounds
(a repeated request is refused under section 14, by a notice): they are
never silently filed, even when they look like a repeat.

A written request for information the council holds is an FOI request in
law whether or not it names the Act, and customers writing in a second
language rarely do: "please tell me how many postal votes were rejected" or
"send me copies of the contract" asks for recorded information. Asking how
many times one must write, or how much the customer owes, is not: the
first is a grumble and the second is about their own account.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, first_match

_ACT = r"(freedom of information|foia?\b|environmental information|eirs?\b)"
# The act named as a heading: "FOI request", "Freedom of Information request." or "FOI request:
# how many ...". A request the sentence goes on to describe ("my FOI request was refused") is
# an earlier one, talked about.
_HEADING = re.compile(
    rf"^\W*(new |formal |an? )?{_ACT}( act( 2000)?)?( \d{{4}})?( \(?foi\)?)? request\b"
    r"(?!\s+(was|were|has|had|is|of|dated|ref\w*|number|no\b|from|sent|made|about|that))"
    rf"|\b{_ACT}( act( 2000)?)?( \d{{4}})? request\s*[:.!-]*\s*$",
    re.I,
)
# What the council holds, asked for: a count, a sum spent, a document.
_ASK = (r"(please|can you|could you|would you|kindly|i (would like|want|wish|request|ask)"
        r"( you)?( to)?|i'd like( you)?( to)?)( please)? (tell|let me know|provide|send|give|supply"
        r"|disclose|confirm|state|inform)( me| us)?( with)?( the following)?\b")
_RECORDED = (r"(how many\b(?! (more )?(times|weeks|days|months|years|letters|e-?mails|calls))"
             r"(?! (\w+ ){0,2}(i|we|my) )|how much (money )?(did|has|have"
             r"|does|do|was|is|will) (the council|you|your|it)\b|the (total )?number of|the total"
             r" (number|amount|cost|value|spend|sum)|the amount (of|spent|paid)|what (percentage"
             r"|proportion)|(copies|a copy) of (the|your|any|all) (\w+ )?(policy|policies"
             r"|contracts?|minutes|reports?|guidance|procedures?|records|data|figures|statistics"
             r"|invoices|correspondence between|emails? between))")
_PATTERNS = (
    re.compile(rf"\bunder (the )?{_ACT}", re.I),
    _HEADING,
    re.compile(rf"\b(treat|consider|handle) (this|my email|the following) as an? (new )?{_ACT}",
               re.I),
    re.compile(rf"\b(i|we) (would like to )?(make|submit|request|am making) an? (new )?{_ACT}",
               re.I),
    re.compile(r"\b(request|requesting|ask|asking) for (the )?(following )?information under\b",
               re.I),
    re.compile(rf"\b{_ASK}[^.?!]{{0,40}}?\b{_RECORDED}", re.I),
    re.compile(r"\b(i|we) (would like|request|want|ask for) the following information\b", re.I),
    # Asked straight out, at the start of a clause: "out of curiosity: how many tickets has
    # that bay produced, and how much money has the council taken from it?"
    re.compile(rf"(^|[:;]\s|\s[-–]\s)\W*{_RECORDED}[^?]*\?", re.I),
)


class FreedomOfInformation:
    name = "freedom-of-information"
    description = "Asks for information under the Freedom of Information Act or the EIR."

    def check(self, reading: Reading) -> RuleHit | None:
        return first_match(self, reading, *_PATTERNS)
