"""A statement of suicidal thoughts or self-harm.

Policies treat threats of self-harm as behaviour to manage, but the first
duty is to the person: every such statement goes to an officer now, even in
a message that is otherwise a repeat.

Passive ideation is said in the words the screening instruments listen for, not in the
words "suicide" or "kill": the Columbia scale's first question ("have you wished you were
dead or wished you could go to sleep and not wake up?"), PHQ-9's ninth item ("better off
dead"), Beck's hopelessness ("no future", "what is the point of anything") and the
interpersonal theory's burdensomeness ("they'd be better off without me", "I'm a burden").
`_IDEATION` reads those as structures, whatever the customer's own wording around them.
"""

from __future__ import annotations

import re

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, first_match

_PATTERNS = (
    re.compile(r"\b(kill|hurt|harm|hang|cut) (my ?self|myself)\b|\bself[- ]?harm", re.I),
    # "End it" said of oneself: "thinking of ending it", "end it all", "ending my life".
    re.compile(r"\bsuicid(e|al)\b|\boverdose\b|\btake my (own )?life\b"
               r"|\bend(ing)? (it all|my (own )?life)\b"
               r"|\b(think\w*|thought|plann?\w*|going|want\w*|tempted|ready) (of |about |on |to )?"
               r"(just )?end(ing)? it\b(?! (here|there|now|with|by|through|in court)\b)", re.I),
    re.compile(r"\b(better off dead|no (reason|point) (to live|in living|going on)"
               r"|don'?t want to (live|be here)"
               r"|better off (if i (just |simply )?(wasn'?t|weren'?t|was not|were not)"
               r" (here|around)|without me)|(wish|want) i (was|were) dead"
               r"|won'?t be (here|around) (for )?(much longer|any ?more))\b", re.I),
    re.compile(r"\bi (just )?can'?t go on( like this\b| any ?more\b|\s*[.!]*$)", re.I),
    # Said quietly: settling affairs, saying goodbye, not being a bother "much longer".
    re.compile(r"\b((put|putting|got|getting|sorted|sorting) (all )?my (affairs|papers"
               r"|things) in order"
               # "better off if I went to sleep and didn't wake up": not waking, wished for.
               r"|(went|go|going) to sleep and (didn'?t|did not|never|don'?t|not) (wake|woke)"
               r" up"
               r"|(won'?t|shan'?t|will not|shall not) be (troubling|bothering|a (bother|burden)"
               r" to) (you|anyone|anybody) (for )?(much|very) (longer|more)"
               r"|(shan'?t|won'?t|will not|shall not) (trouble|bother) (you|anyone|anybody)"
               r" (for )?(much|very) (longer|more)|(not|no) (much )?point (in|to) (any of it"
               r"|anything|living|carrying on|going on)( any ?more)?|said (my|our) goodbyes"
               r"|(giving|given) away (all )?my (things|belongings)"
               r"|this (will be|is) my (last|final) (e-?mail|letter|message)"
               r" (to you )?(ever|before i go)"
               r"|(nobody|no one|no-one) (will|would|'d) (even |really |ever )?(miss|notice"
               r"|care)( about)? (me|if i|that i)"
               r"|(nobody|no one|no-one) (will|would|'d) (even |really |ever )?(miss|notice|care)"
               r"( about)? if i (was|were|wasn'?t|weren'?t) (gone|here|around|dead))\b", re.I),
    # Understated: medication stopped, no point any more, the children provided for.
    re.compile(r"\b(stopped|stopping|given up|giving up|quit|no longer|not been|haven'?t been"
               r"|can'?t be bothered) (\w+ ){0,2}?(with |taking |on )?(my )?(medication|meds"
               r"|tablets|pills|antidepressants|medicine|insulin)\b"
               r"|\b(isn'?t|is not|not|no|wasn'?t|there'?s no|don'?t see (the|any|much)) (really )?"
               r"(much |a lot of |any )?point (any ?more|now|in (anything|any of it|trying|going on"
               r"|carrying on|living|me))\b"
               r"|\bwhat'?s the point (any ?more|of (anything|any of it|going on|carrying on|me))\b"
               # "any more", or in many English dialects "no more".
               r"|\bcan'?t (do|take|cope with|face) (this|it) (any ?more|no ?more)\b", re.I),
    re.compile(r"\b(kids|children|girls|boys|son|daughter|little ones|baby)\b[^.]{0,60}\bif"
               r" (anything|something) (happens|should happen|were to happen|happened)"
               r"(?! (to (me|us) )?(it'?s|is|will be) (on|your))"
               r"|\bif (anything|something) (happens|should happen|were to happen|happened)"
               r" (to me)?[^.]{0,30}\b(kids|children|girls|boys|son|daughter|little ones)"
               r" (go|will go|are going|can go|will be looked after|are sorted)\b", re.I),
)


# Passive ideation, after the screening instruments (see the module docstring).
_IDEATION = re.compile(
    # Not waking, wished or thought better: "better not to wake up at all", "I'd rather just
    # go to sleep and never wake up". Something after "wake" ("wake me up") is not this.
    r"\b(better|rather|wish|want|hope|easier|prefer|pray)\b[^.;!?]{0,40}\b(not|never|didn'?t"
    r"|don'?t|wouldn'?t) (to )?(wake|woke|waking)( up)?(?=\s*([.,;!?]|$|again\b|at all\b"
    r"|any ?more\b|in the morning\b|tomorrow\b))"
    # "I wish I was dead", "wish it was all over", "wish I had never been born", "disappear".
    r"|\b(i|i'?d|i would)( just| sometimes| often)? (wish|want|like) (i|it)( \w+)?"
    r" (was|were|had) (dead|gone|all over|never been born|not here)\b"
    r"|\b(wish|want|like) (i could|to) (just )?(disappear|vanish|stop existing|not exist"
    r"|not be here|fade away)\b"
    # Hopelessness about life, not about the case: "what is the point of anything anymore".
    r"|\bwhat('?s| is) the point( of)? (anything|it all|any of it|life|living|going on"
    r"|carrying on|me|being here|getting up)\b"
    r"|\b(nothing|no reason) (left )?to (live|get up|keep going|go on) for\b"
    r"|\bno (future|hope) (left )?(for me|any ?more)\b|\b(tired|sick) of (living|life"
    r"|being alive|existing)\b"
    # Burdensomeness: "I'm a burden", "they'd be better off without me".
    r"|\b(i'?m|i am|i feel like|i'?ve become|i have become)( just| such| nothing but)? a"
    r" burden\b|\bbetter off without me\b"
    # Burdensomeness said any way round: "everyone would manage better without me in the way".
    r"|\b(would|'d|will|'ll|might)( \w+){0,3} (better|happier|easier) without me\b"
    # Means kept back: hoarding the tablets instead of taking them or handing them in.
    r"|\b(keeping|kept|saving|saved|stockpil\w+|hoard\w*|collecting|squirrel\w* away)"
    r"( hold of| up)?"
    r"( all| some)?( of)? (my|the|her|his)( \w+){0,2} (tablets|pills|medication|meds)\b"
    r"|\b(nobody|no one|no-one)( would| will)? (care|miss me|notice)( if i)?\b(?=[^.]{0,30}"
    r"\b(gone|dead|here|died|disappeared)\b)",
    re.I,
)


class SelfHarm:
    name = "self-harm"
    description = "States thoughts of suicide or self-harm."

    def check(self, reading: Reading) -> RuleHit | None:
        return first_match(self, reading, *_PATTERNS, _IDEATION)
