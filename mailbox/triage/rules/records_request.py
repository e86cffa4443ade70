"""A request, in any words, for records the council holds.

"Let me have copies of the survey report and the inspection notes", "I'd
like the figures in writing" or "I should like to see the council's
records for the oak" is a request for recorded information (FOIA or the
EIR) or for the customer's personal data, whether or not it names an Act.
It has a statutory deadline, so it is never filed. The rule looks at what
is asked for (records, documents, notes, figures) in a sentence whose form
asks (`requests.is_request`), not at the names of the Acts.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.requests import is_request
from mailbox.triage.rules.base import Reading, hit

_RECORDS = re.compile(
    r"\b(cop(y|ies) of|see|have|send|provide|disclose|release|inspect|view|access)\b[^.?!]{0,60}"
    r"\b(records?|documents?|documentation|notes|file notes|minutes|figures|statistics|data"
    r"|reports?|correspondence|e-?mails between|letters between|assessments?|surveys?"
    r"|logs?|paperwork|evidence (you|the council) (hold|have|relied)|case ?file|my file|her file"
    r"|his file|(what|everything|all) (that )?(you|the council) (hold|holds|have|keep)"
    r"|what (has|was|is) (been )?(written|recorded|noted|held|said) about)\b"
    r"|\b(the|any) (figures|statistics|numbers) (in writing|for|on|of)\b",
    re.I,
)
# Not a request for the council's records: the customer's own, or a reply still awaited.
_NOT_RECORDS = re.compile(r"\b(my own|i (have|hold|kept)|i'?ve (got|kept)|attached|enclosed"
                          r"|see (the |my )?(attached|enclosed|below))\b", re.I)


class RecordsRequest:
    name = "records-request"
    description = "Asks for records, documents, notes or figures the council holds."

    def check(self, reading: Reading) -> RuleHit | None:
        asked = False
        for sentence in reading.sentences:
            # "I request: (a) ...; (c) a copy of the record": a request heads its list, and
            # each item after the colon is asked for.
            if ((is_request(sentence) or asked) and _RECORDS.search(sentence)
                    and not _NOT_RECORDS.search(sentence)):
                return hit(self, sentence)
            asked = sentence.rstrip().endswith(":") and is_request(sentence)
        return None
