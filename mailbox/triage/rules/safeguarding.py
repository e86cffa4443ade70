"""A concern that someone is being harmed, neglected or threatened.

Injuries from a carer, missed medication, a child at risk, or a neighbour's
threat of violence are safeguarding matters, not correspondence to file.
So is a neighbour not seen for days, with the curtains still shut and the
milk still on the step: the signs a welfare check is asked for.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, first_match

_FAMILY = (r"(my|our) (mum|mother|dad|father|son|daughter|child|children|kids?|wife|husband"
           r"|partner|nan|gran|baby|boy|girl|little one|youngest|eldest|family)")
_PERSON = (r"(me|her|him|us|them|(my|our) (mum|mother|dad|father|son|daughter|child|children"
           r"|kids?|wife|husband|partner|nan|gran|grandmother|grandfather|grandson|granddaughter"
           r"|brother|sister|baby|carer|neighbour|lad|boy|girl|little one|little girl|little boy"
           r"|youngest|eldest))")
# Someone a neighbour or relative looks out for (never "you" or "the council").
_SEEN = (r"(him|her|them|(mr|mrs|ms|miss)\.? [a-z'-]+|my (mum|mother|dad|father|nan|gran"
         r"|grandmother|grandfather|brother|sister|son|daughter|neighbour)|the (old|elderly)"
         r" (man|woman|lady|gentleman|couple)|(the )?(man|woman|lady|couple) (next door|at number"
         r" \d+|upstairs|downstairs|opposite)|(my |our )?neighbour)")
_PATTERNS = (
    re.compile(r"\bbruis(e|es|ed|ing)\b|\b(physical|sexual|financial|emotional|domestic)"
               r" (abuse|violence)\b|\bneglect(ed|ing)?\b", re.I),
    re.compile(rf"\b(yanked|grabbed|pushed|shoved|slapped|punched|kicked|assaulted|attacked"
               rf"|threatened|strangled|hit|bit|bitten|went for|savaged|mauled) {_PERSON}\b",
               re.I),
    # Exploitation and self-neglect: someone taken advantage of, or no longer looking after
    # themselves. "I took her pension and divided it by 52" is the customer's own sums.
    re.compile(r"\b(exploit(ed|ing|ation)|taking advantage of (her|him|them|my \w+)"
               r"|cuckoo(ed|ing)|groom(ed|ing)|self-neglect|living in squalor"
               r"|(not|isn'?t|hasn'?t been|stopped) (eating|washing|taking (her|his|their)"
               r" (tablets|medication))|(?<!\bi )(?<!\bwe )(?<!\bi've )(?<!\bi have )"
               r"(taking|taken|took|had|has) (all )?(her|his|their)"
               r" (money|pension|bank card|benefits?)( off| from)?)\b", re.I),
    re.compile(r"\b(sort|do) (me|her|him|us) (out|in)\b|\b(going|gonna) to (get|hurt|kill)"
               r" (me|her|him|us)\b", re.I),
    # Someone else's threat to the customer or their family, reported: "he said he'll hurt my
    # kids". Only a first-person victim: a threat to "him" may be the customer's own.
    re.compile(rf"\b(he|she|they|someone|somebody)('ll|’ll| will|'d|’d| would| is going to"
               rf"| are going to| was going to| were going to|'s going to| threatened to)"
               rf" (hurt|harm|kill|stab|attack|batter|beat|beat up|burn|get|do|smash|take)"
               rf" (me|us|{_FAMILY})\b", re.I),
    re.compile(r"\b(not|never|didn'?t|hasn'?t|haven'?t) (had|have|been given|given|get|got)"
               r" (her|his|their|my) (evening |morning )?"
               r"(tablets|medication|medicine|insulin)\b|\b(missed|without) (her|his|their|my)"
               r" (tablets|medication|medicine|insulin)\b", re.I),
    re.compile(r"\b(frightened|afraid|scared|fear) for (my|her|his|our|their) (life|lives|safety)"
               r"|\b(child|children|kids|baby) (is |are )?(at risk|in danger|not safe)\b"
               r"|\bnot safe in (my|our|her|his) (own )?(home|flat|house)\b", re.I),
    # Welfare: someone not seen, the house gone quiet.
    re.compile(r"\b(haven'?t|have not|hasn'?t|has not|not|nobody has|no one has|no-one has)"
               rf" (been )?(seen|heard from) {_SEEN}( \w+){{0,4}}"
               r" (since|for (days|a week|\w+ days))\b"
               r"|\b(curtains|blinds) (are |have been )?(still )?(shut|closed|drawn)\b"
               r"|\b(milk|post|mail|letters|papers|parcels?) (is |are )?(still )?(on the"
               r" (door)?step|on the mat|piling up|building up|stacking up)\b"
               r"|\b(not|isn'?t|hasn'?t been|no) answer(ing)? (the |her |his |their )?(door|phone)"
               r"\b[^.]{0,40}\b(days|since)\b", re.I),
)


class SafeguardingConcern:
    name = "safeguarding-concern"
    description = "Describes someone being hurt, neglected or threatened with violence."

    def check(self, reading: Reading) -> RuleHit | None:
        return first_match(self, reading, *_PATTERNS)
