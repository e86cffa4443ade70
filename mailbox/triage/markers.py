"""Phrases that say what kind of sentence this is.

A sentence with new content words is much more likely to be a new matter
when it reports something that just happened ("yesterday", "this morning",
"there is now a second one") or asks for something ("can I have", "I would
like to apply"). A threat to go to the press or a solicitor is a legitimate
step and raises no matter for the council to consider.
"""

from __future__ import annotations

import re

RECENT_EVENT = re.compile(
    r"\b(yesterday|today|tonight|this (morning|afternoon|evening|week)|last (night|week|weekend"
    r"|(mon|tues|wednes|thurs|fri|satur|sun)day)|on (the )?(mon|tues|wednes|thurs|fri|satur|sun)"
    r"day|(mon|tues|wednes|thurs|fri|satur|sun)day (night|morning|evening|afternoon)"
    r"|(\w+) (days?|weeks?) ago|(has|have|is|are) now\b|now (there is|there's|there are|has|have)"
    r"|another\b|a (second|third|further|fresh)\b|has (just|now) (been|started|happened)"
    r"|since (then|last)|over the weekend|at the weekend)",
    re.I,
)

REQUEST = re.compile(
    r"\b(can (i|we|you|someone|somebody) (have|get|please|arrange|send|come|apply|book|tell)"
    r"|could (i|we|you|someone|somebody)|please (can|could|would|arrange|provide|send|correct"
    r"|replace|repair|fix|remove|investigate|ask|contact|confirm|treat|register|book|cancel"
    r"|refund|add|change|update|let|advise|look|come)|(i|we)('d| would) like to (apply|request"
    r"|report|book|register|claim|make|order|ask)|(i|we) (wish|want|need) to (apply|report"
    r"|claim|request|register|make|book|order)|i am (asking|applying|reporting|requesting|writing"
    r" to (report|ask|request|apply))|i('m| am) reporting|i need (someone|somebody|a|an)\b"
    r"|what do (i|we) need|how do (i|we) (apply|get|claim|report)|i('d| would) like (a|an|the"
    r"|someone|somebody)\b|i request\b|i want to (claim|apply|report))",
    re.I,
)

ESCALATION_THREAT = re.compile(
    r"\b((going|go|take|taking|took|report|reporting|write|writing|speak|speaking|contact"
    r"|contacting) (this |it |you )?(further |up )?to (the |my |our |a )?(press|papers?|newspapers?"
    r"|media|solicitors?|lawyers?|mp|councillors?|ombudsman|court|tribunal|bbc|tv|telly)"
    r"|legal action|see you in court|my solicitor|the press|my mp\b|taking (this|it) further)",
    re.I,
)
