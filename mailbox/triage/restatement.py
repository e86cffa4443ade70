"""Phrases that mark a sentence as going over old ground.

A customer who writes "for the record, I still say ...", "I will set it out
once more" or "this is a NEW complaint" is, by their own words, restating a
matter or insisting a variation is new; the councils' policies file both.
These phrases only weaken soft evidence (unseen words): a new date, a new
reference number, a matter never mentioned or a change of circumstances
still makes the sentence new.
"""

from __future__ import annotations

import re

_EVIDENCE = (
    r"(my own (measurements?|readings?|photos?|photographs?|calculations?|evidence|research)"
    r"|(with|using) an? (\w+ ){0,3}?(tape measure|tape|meter|ruler|calculator|gauge|measure"
    r"|level)|new evidence|measured (it|them|the \w+) again"
    r"|(attached|enclosed) (is|are) (a |some |\w+ )?(photos?|pics?|pictures?|photographs?|evidence)"
    r"|(i |we )?(attach|enclose|attached|enclosed|attaching|enclosing|sending)( again)?( is| are)?"
    r"( here)? (\w+ ){0,3}?(photos?|pics?|pictures?|photographs?|videos?|readings?|recordings?"
    r"|screenshots?|evidence|footage|copies)"
    r"|(photos?|pictures?|photographs?|readings?|videos?|recordings?|screenshots?|footage)"
    r" ((that |which )?(i|we) )?(took|taken|made|recorded|shot|filmed)"
    r"|by my (own )?(calculations?|reckoning|working|maths|sums|figures)|(i|we) make it £"
    r"|worked (it |this |that |\w+ ){0,3}out (myself|ourselves))"
)
RESTATED = re.compile(
    r"\b(once more|once again|yet again|again|for the record|on record|i repeat"
    r"|(is|are|was|were|has|have|am|it's|its|i'm|i am) still|still (not|no|nothing|waiting"
    r"|haven'?t|hasn'?t|isn'?t|aren'?t|don'?t|doesn'?t|didn'?t|won'?t|can'?t|owed|say|want"
    r"|think|feel|dispute|disagree|believe|expect|there|the same|unresolved|outstanding)"
    r"|repeat(ing)? my|as i (have )?(said|told you|explained|stated|mentioned|pointed out)"
    r"|i('ve| have) (said|told you|explained|asked)|i (will|'ll) say it|say it again"
    r"|i (still|do still|will always|will keep|maintain|continue to) (say|saying|feel|think"
    r"|believe|maintain|dispute|want|expect|insist|contend)|i maintain"
    r"|(do not|don'?t|still don'?t|cannot|can'?t|will not|won'?t) accept"
    r"|(do not|don'?t|still don'?t) agree|notwithstanding|further to my|in my (last|previous)"
    r"|set (it|this|things|matters) out|set out (my position|once more|again)|reiterate"
    r"|remind you|how many times|same (thing|letter|answer|reply|response|excuse)"
    r"|look at (it|this) again|think again|reconsider|revisit|overturn"
    r"|not (the same|confused with)|this is (a |an )?(new|different)|(a |an )?new (evidence"
    r"|complaint|matter|problem|issue|application|request)\b.{0,40}\b(must|should|not)"
    r"|(treat|treated|consider|considered|dealt with|handle|handled) (this |it )?as (a )?new"
    r"|should (never )?have|would have|could have|had (i|you|they|the council) "
    + "|" + _EVIDENCE + r")\b",
    re.I,
)

# "Hello this is Bernard again", "me again": the customer writing again, not the matter again.
# ("I'm writing again because ..." does go back over the matter, and stays a restatement.)
_WRITING_AGAIN = re.compile(r"\b(this is|it'?s|it is) (\w+ ){1,2}?again\b|\bme again\b", re.I)

# Lawful steps and representation around a known matter: advice taken ("I have spoken to a
# solicitor ... he says I have a case"), a representative introducing themselves ("I write as
# an independent advocate acting with her consent", "our client"), the courts ("judicial
# review", "letter before action"), an MP or councillor copied in, where to
# route the email ("pass this to Karen in recovery"). Each is the customer's right about an
# old matter, like a threat to escalate: only hard evidence (a new date, reference, life
# change or request) in the same sentence makes it new. (A request the customer says was
# promised is `requests._ASKED_BEFORE`.)
LAWFUL_STEP = re.compile(
    r"\b((spoken|spoke|talked|been) (to|with)|taken (legal )?advice (from|with)|consulted|advised"
    r" by|instructed) (a|an|my|our|the) (\w+ )?(solicitor|lawyer|barrister|accountant|adviser"
    r"|advisor|advocate|mp|councillor|union|citizens advice)"
    r"|\b(we|i) (write|are writing|am writing|act|are acting|am acting) (as|for|on behalf of)\b"
    r"|\bour client\b|\bjudicial review\b|\bletter before (action|claim)\b|\bpre-action\b"
    r"|\bacting (for|on behalf of"
    r"|with (\w+'?s? ){1,3}(written )?(consent|authority|permission))"
    r"|\b(copied|copying|cc'?d?|cc'?ing) (in )?(my |the )?(mp|councillor|member of parliament)"
    r"|\b(written|wrote|writing|sent (this|it|a copy)) to (my|the|our) (mp|councillor|member of"
    r" parliament|local councillor|electoral commission)"
    r"|^\W*(please )?(pass|forward|send|give|hand) (this|it|my e-?mail|my letter) (on )?to\b"
    r"[^,;:]{0,40}$"
    # A firm instructed by name, a claim at court, a judge left to decide: going to law.
    r"|\binstructed [^.;]{0,40}\bsolicitors?\b|\bsmall claims?\b|\bcounty court (claim|form)\b"
    r"|\b(let|have) (a|the) (judge|court|tribunal) (decide|rule)\b",
    re.I,
)


# An opinion given as such: "frankly", "in my view", "I regard the planting as a fig leaf",
# "it reflects appallingly on the department". A judgment of a known matter is not a matter.
OPINION = re.compile(
    r"\b(frankly|quite frankly|in my (view|opinion|experience|professional opinion)|my view"
    r"|i (regard|consider|find|deem|count) (it|this|that|the \w+|your \w+)( \w+)? (as|to be)"
    r"|i (can only|must) conclude|reflects? (badly|poorly|appallingly|well|terribly|very \w+)"
    r" on|one of the (most|worst|least)\b)",
    re.I,
)


def restates(sentence: str) -> bool:
    """True when the sentence says it goes over old ground, takes a lawful step about it, or
    gives an opinion of it."""
    own = _WRITING_AGAIN.sub(" ", sentence)
    return bool(RESTATED.search(own) or LAWFUL_STEP.search(own) or OPINION.search(own))


def takes_lawful_step(sentence: str) -> bool:
    """True when the sentence takes advice, introduces a representative, copies in an MP or
    routes the email: see `LAWFUL_STEP`."""
    return bool(LAWFUL_STEP.search(sentence))


# Thanks or praise for what was done: "Thank you to the officer who came out", "the crew were
# very kind". Acknowledging the council's work raises nothing, unless the customer turns to a
# complaint ("but", "however", "now").
THANKS = re.compile(
    r"^\W*(just (to|wanted to) say( a)?( big)? )?(thank you|thanks|many thanks"
    r"|(i|we)( would| should|'d)? (like|wish|want) to (thank|say thank)|(i|we)('m|'re| am"
    r"| are) (very |really |so )?grateful|(i|we) (really |do )?appreciate|(the|your) \w+( \w+)?"
    r" (was|were) (very |really |so |extremely )?(nice|kind|helpful|lovely|polite|good|great"
    r"|brilliant|friendly|patient))\b(?!.*\b(but|however|although|though|except|unfortunately"
    r"|now|still|again|yet)\b)",
    re.I,
)

# The customer's own evidence about an old matter: its date is the day a photo was taken.
OWN_EVIDENCE = re.compile(rf"\b{_EVIDENCE}\b", re.I)

# A date that names earlier correspondence ("your letter of 2 April") is not an incident.
CORRESPONDENCE_DATE = re.compile(
    r"\b(letter|email|e-mail|reply|response|request|complaint|decision|notice|message|review"
    r"|report|appeal|determination|correspondence|phone call|telephone call|conversation"
    r")s?( to you| to me)?( from (\w+\.? ){1,3}?)?"
    r"( dated| of| on| sent on"
    r"| from| received on)\s+(the\s+)?\w+( \w+)?( \d{4})?",
    re.I,
)

# The customer insists the email is new: policy files a minor variation all the same.
INSISTS_NEW = re.compile(
    r"\b(this is (a |an )?new\b|(a |an )?new (evidence|complaint|matter|problem|issue"
    r"|application|request)\b.{0,60}\b(must|should|not|expect)|not the same (as|thing)"
    r"|(treat|treated|consider|considered|dealt with|handle|handled) (this |it )?as (a )?new"
    r"|not (be )?confused with|must not be filed|(new|separate|fresh) reference( number)?\b"
    # Asking to open one: "I wish to make a NEW complaint", "log this as a new complaint".
    r"|\b(make|raise|lodge|log|submit|register|open)( this| it)?( as)? an? new complaint\b)",
    re.I,
)

# A deadline the customer sets ("sorted by Friday 3 July") is a chaser, not an incident.
DEADLINE = re.compile(
    r"\b(by|before|until|till|within|no later than|deadline( of)?)\s+(the\s+)?"
    r"(\w+day\s+)?(\d{1,2}(st|nd|rd|th)?\s+\w+|\w+\s+\d{1,2}(st|nd|rd|th)?|\d{1,2}/\d{1,2}(/\d{2,4})?)",
    re.I,
)
