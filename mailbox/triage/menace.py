"""A veiled threat read by its parts, not its wording.

A threat, in the linguistics of threatening (Fraser, "Threatening revisited", 1998; the
forensic work after him), says that the writer means some future harm to the hearer and is
in a position to bring it about. A veiled threat keeps that shape and leaves the harm out:
"if she comes again she will see what happens. I am not joking", "he will lose something
too. I know his face", "she's lucky I was in a good mood. Next time I won't be". No phrase
of these is a threat alone: "next time", "if she rings again" and "I am not joking" are all
everyday in a complaint. What they share is a combination of three kinds of cue, scored
over a sentence and the one before it:

- FRAME: harm put off to a condition or a later time ("if he ...", "next time", "when he is
  out on his own", "he will lose ...", "they'll get one");
- HARM: a consequence left unsaid ("what happens", "something too", "a lesson") or put on
  the body ("face first", "a broken wrist", "a slap", "on his head");
- RESOLVE: the writer insisting that it is meant, or showing the reach to carry it out ("I
  am not joking", "I mean it", "just saying", "I know his face", "happy to arrange it",
  "I'd pay to watch", "there are a few of us", "he's lucky", "won't get away with it").

Two of the three kinds, in a window whose person is staff (`people.last_person_is_staff`),
make a threat. A legitimate next step in the window (the Ombudsman, a solicitor, the press,
a councillor, a complaint) is a customer's right, not a harm, and the window is not read.
"""

from __future__ import annotations

import re

from mailbox.triage.literals import guarded
from mailbox.triage.people import last_person_is_staff

_PERSON = r"(he|she|they|you|him|her|them)"
_FRAME = guarded(
    rf"\bif {_PERSON}\b|\bif (i|we) (find|see|catch|get hold of|meet)\b"
    r"|\bnext time\b|\bwhen (he|she|they|you)('s|’s| is| are)? (out|on (his|her|their|your)"
    r" own|alone|walking|leaving|finish)"
    rf"|\b{_PERSON}('ll|’ll| will| would| is going to|'s going to) (see|lose|learn|get|find"
    r"|remember|regret|know|feel|pay)\b"
    r"|\b(they|he|she|you)('ll|’ll| will) get (one|it|theirs|his|hers|yours)\b"
    r"|\bwould do well to\b",
    re.I,
)
_HARM = guarded(
    r"\bwhat happens?\b|\b(lose|get|learn) something\b|\bsomething too\b"
    r"|\ba lesson\b|\bhow (they|he|she|you) like\b|\bface first\b|\bbroken (wrist|arm|leg|nose"
    r"|jaw|neck|bones?)\b|\b(a|one) (slap|smack|kicking|hiding|thump|clip)\b"
    r"|\b(on|in|round) (his|her|their|your|the) ([\w'’-]+ ){0,2}(head|face|teeth|skull|neck)\b"
    r"|\bsort (him|her|them|you) out\b|\b(taken|took|take) (him|her|them|you)? ?round the back\b"
    r"|\bloses? (their|his|her|my) temper\b|\bwouldn'?t want to be (him|her|them|in (his|her"
    r"|their) shoes)\b",
    re.I,
)
_RESOLVE = guarded(
    r"\b(i'?m|i am|we'?re|we are) not joking\b|\bi mean (it|that)\b|\b(i'?m|i am) (deadly )?"
    r"serious\b|\bjust saying\b|\b(i|we) know (his|her|their|your) face\b"
    r"|\bhappy to arrange\b|\b(i'?d|i would) (pay|love|like) (good money )?to (watch|see)\b"
    r"|\bpay good money\b|\b(a few|plenty|some|lots) of us\b"
    r"|\b(he|she|they|you|himself|herself|themselves|yourself|yourselves)\b[^.;]{0,12}\blucky\b"
    r"|\bwon'?t get away with\b|\bwill not get away with\b"
    r"|\bbeen warned\b|\bremember (it|that|this|how)\b|\bon (his|her|their|your) own\b"
    r"|\bwill see what\b",
    re.I,
)
# Legitimate next steps the writer takes: with one in the sentence, what is put off is a
# complaint ("if he does it again I will go to the Ombudsman"). Only the writer's own step
# counts: "whoever refused my appeal wants a slap" mentions an appeal and takes none.
_REMEDY = guarded(
    r"\b(i|we)\b[^.;]{0,50}\b(ombudsman|solicitors?|lawyers?|legal|court|tribunal|press|newspapers?|papers|media"
    r"|councillors?|mp|complain|complaint|appeal|report (it|this|him|her|them)|police"
    r"|facebook|social media|review)\b",
    re.I,
)

# The writer's harm to themselves ("if they take the kids I'll end it, I mean it") is a
# welfare matter for the self-harm rule, not a threat to anyone.
_OWN_HARM = guarded(r"\b(i'?ll|i will|i'?m going to|i am going to) end it\b"
                    r"|\b(kill|hurt|harm|hang|cut) myself\b|\b(end|take) my (own )?life\b",
                    re.I)
# "Her" may be the third party's own ("my aunt loses her home"): only subjects and "him".
_MALE = re.compile(r"\b(he|him|himself)\b", re.I)
_FEMALE = re.compile(r"\b(she|herself)\b", re.I)
_WOMEN = guarded(r"\b(my|our) (aunt|auntie|mum|mother|nan|gran|grandmother|sister|wife"
                 r"|daughter|niece|girlfriend|partner)s?\b", re.I)
_MEN = guarded(r"\b(my|our) (uncle|dad|father|grandad|grandfather|brother|husband|son"
               r"|nephew|boyfriend|partner)s?\b", re.I)


def menaces(sentence: str, earlier: tuple[str, ...]) -> bool:
    """Two of FRAME, HARM and RESOLVE in `sentence` and the one before it, said of staff."""
    if not (_FRAME.search(sentence) or _HARM.search(sentence) or _RESOLVE.search(sentence)):
        return False
    before = earlier[-1] if earlier else ""
    window = f"{before} {sentence}".strip()
    kinds = sum(bool(p.search(window)) for p in (_FRAME, _HARM, _RESOLVE))
    if kinds < 2 or _REMEDY.search(sentence) or _OWN_HARM.search(window):
        return False
    return last_person_is_staff(earlier[:-1], _other_gender_left_out(window))


def _other_gender_left_out(window: str) -> str:
    """The window without third parties a gendered pronoun cannot mean.

    In "if my aunt loses her home because of him, he will lose something too" the "he" is
    not the aunt, so she does not stand between the threat and the officer named before.
    """
    male = bool(_MALE.search(window))
    female = bool(_FEMALE.search(window))
    if male and not female:
        return _WOMEN.sub(" ", window)
    if female and not male:
        return _MEN.sub(" ", window)
    return window
