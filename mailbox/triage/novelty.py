"""Judge each sentence of the new text against what the council has seen.

A sentence is new when it carries a new matter: a new event (an unseen date
or reference number), a council matter the case file never mentions, a
change in the customer's circumstances, a kind of request never made before
(`asks`: money back, a smaller deduction), a request whose content nothing on
file holds (`requests`: by its form, however short), or enough unseen content framed as
something that just happened or as a request. Unseen words alone are weak
evidence: customers re-describe old matters in new words all the time, so
a sentence that says it is going over old ground ("I still say", "once
more", "this is a NEW complaint") needs hard evidence to count. An officer
can read the evidence and see why a sentence was thought new.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal

from mailbox.triage import markers
from mailbox.triage.asks import ask_words, asked_kinds
from mailbox.triage.attitude import is_attitude, named_matter, without_attitude, without_idioms
from mailbox.triage.dates import find_dates
from mailbox.triage.hate_incident import reports_hate_incident
from mailbox.triage.incident import tells_incident
from mailbox.triage.places import place_names
from mailbox.triage.recent import recent_days
from mailbox.triage.reference import Reference, amounts, codes
from mailbox.triage.requests import is_new_request
from mailbox.triage.restatement import (
    CORRESPONDENCE_DATE,
    DEADLINE,
    OWN_EVIDENCE,
    THANKS,
    restates,
    takes_lawful_step,
)
from mailbox.triage.topics import topics
from mailbox.triage.words import content_stems, is_generic, names, stem, words

Verdict = Literal["new", "unsure", "repeat"]
# Unseen content words needed when nothing frames the sentence as an event or request.
# Six, not the eight the corpora alone would choose: leave-one-corpus-out shows eight and
# six find the same new issues there, and six files a few fewer repeats, but a missed new
# matter costs more than a repeat read ("when unsure, escalate").
UNFRAMED_WORDS = 6
# Score (unseen words, doubled hard evidence, one for each cue) that makes a framed sentence new.
NEW_SCORE = 3
# The reason given for a lawful step, judged on its own.
_REASON = re.compile(r"\b(because|since|after|as|when|now that)\b,?\s+(?P<rest>.+)", re.I)
# A conditional or a taunt, in an abusive sentence: what might happen, not what did.
# A warning ("should watch themselves walking to the bus stop") tells of no event either.
_HYPOTHETICAL = re.compile(r"\b(if|unless|or else|could|couldn'?t|would|wouldn'?t|will|won'?t|'ll"
                           r"|can'?t|cannot|want(s)? me|should(?! have)|ought to|had better"
                           r"|'d better)\b", re.I)
# A year named as a whole ("in 1981", "since my mother died in 2021", "last year"): background
# a customer gives, told to explain an old matter.
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_LONG_AGO = re.compile(r"\b(last year|years ago|(\d+|two|three|four|five|six|ten|many) years"
                       r" (ago|back)|back in (19|20)\d\d)\b", re.I)
# A coming date (a move, an expiry) is news; one further off is more likely a wrong year.
FUTURE_DAYS = 92


@dataclass(frozen=True)
class Finding:
    """One sentence and what in it the case file has never contained."""

    sentence: str
    novel_words: tuple[str, ...]
    novel_dates: tuple[date, ...]
    novel_codes: tuple[str, ...]
    novel_amounts: tuple[str, ...]
    recent_event: bool  # just happened, just broke, or "also ...": framed as an incident
    request: bool
    threat_to_escalate: bool
    verdict: Verdict
    novel_topics: tuple[str, ...] = ()
    circumstance: bool = False
    restated: bool = False
    recent_day: bool = False  # "since Saturday", "last night": a day the case file never names
    evidence: bool = False  # the customer's own photos or measurements of an old matter
    novel_asks: tuple[str, ...] = ()  # kinds of request (a refund, a reduction) never asked before
    thanks: bool = False  # thanks or praise for what was done, with no turn to a complaint
    new_request: bool = False  # asks for something no earlier request or known issue holds
    lawful_step: bool = False  # advice taken, a representative, an MP copied in, routing
    novel_places: tuple[str, ...] = ()  # a street, school or park the case file never names
    background: bool = False  # set in a year gone by: biography, not news


def judge(sentence: str, reference: Reference, written: datetime, headline: bool = False,
          abusive: bool = False, insisted: bool = False, retold: bool = False,
          hostile: bool = False) -> Finding:
    """Compare one sentence with the reference and give a verdict.

    A `headline` (the subject line) names the matter of the email, so a
    council matter never seen before is hard evidence there. An `abusive`
    sentence is new only on hard evidence, or on a matter never mentioned that is left once
its abuse is taken out: its insults are not a matter. In
    an email that `insisted` it is new, only hard evidence counts, because
    the policy files a minor variation however it is presented. In an email that `retold`
    what was said in a known exchange, hostile words reported are not a new hate incident.
    In a `hostile` email (one with abuse aimed at staff), a street or school never named
    before is more likely where an officer lives or their children go than a new matter.
    """
    latest = written.date() + timedelta(days=FUTURE_DAYS)
    incident_text = DEADLINE.sub(" ", CORRESPONDENCE_DATE.sub(" ", sentence))
    finding = Finding(
        sentence=sentence,
        novel_words=_novel_words(sentence, reference),
        novel_dates=tuple(sorted(d for d in find_dates(incident_text, written)
                                 if d not in reference.dates and d <= latest)),
        novel_codes=tuple(sorted(codes(sentence) - reference.codes)),
        novel_amounts=tuple(sorted(amounts(sentence) - reference.amounts)),
        novel_places=() if abusive or hostile else tuple(sorted(
            p for p in place_names(sentence) if not reference.knows_stem(p))),
        recent_event=bool(markers.RECENT_EVENT.search(sentence) or markers.DEFECT.search(sentence)
                          or markers.TURN.search(sentence) or tells_incident(sentence)
                          or (reports_hate_incident(sentence) and not retold))
        and not markers.CONTACT_EVENT.search(sentence) and not markers.TENURE.search(sentence),
        request=bool(markers.REQUEST.search(sentence)),
        threat_to_escalate=bool(markers.ESCALATION_THREAT.search(sentence)),
        verdict="repeat",
        # "A scam" is the customer's view of the tickets, not a trading standards matter.
        novel_topics=tuple(sorted(topics(without_attitude(sentence)) - reference.topics)),
        circumstance=bool(markers.CIRCUMSTANCE.search(sentence)),
        restated=restates(sentence),
        background=_told_of_years_past(sentence, written),
        lawful_step=takes_lawful_step(sentence),
        recent_day=_recent_day(incident_text, reference, written),
        evidence=bool(OWN_EVIDENCE.search(sentence)),
        # Thanks that go on to tell of damage ("thanks, but your man left the gate open and
        # my dog got out") still report an incident.
        thanks=bool(THANKS.search(sentence)) and not (markers.DEFECT.search(sentence)
                                                      or tells_incident(sentence)),
    )
    finding = replace(finding, novel_asks=_novel_asks(finding, reference),
                      # A lawful step put as a request ("treat this letter as notice that
                      # our client will seek judicial review") asks for nothing new.
                      new_request=not abusive and not finding.lawful_step and is_new_request(
                          sentence, reference.said, new_sum=bool(finding.novel_amounts)))
    if finding.evidence or finding.thanks:
        # The day a photo was taken or a reading made dates the evidence, not an incident;
        # the day of a visit thanked for dates work the council did, not a new matter.
        finding = replace(finding, novel_dates=(), recent_day=False)
    found = verdict(finding, headline)
    if found == "repeat" and finding.lawful_step and (reason := _REASON.search(sentence)):
        # "I have spoken to a solicitor because the bailiffs took my car on Friday": the step
        # is the customer's right, but the reason given for it may be a new incident.
        found = judge(reason.group("rest"), reference, written, abusive=abusive,
                      insisted=insisted).verdict
    if abusive and not (_hard(finding, headline) or _matter_under_abuse(sentence, reference)):
        found = "repeat"
    if insisted and not (_hard(finding, headline) or finding.novel_topics):
        found = "repeat"
    if hostile and not _framed(finding, headline):
        # In an email with abuse aimed at staff, a sentence with many unseen words and nothing
        # framing it as an event or a request is most often more of the abuse in words no
        # lexicon holds ("a dried-up old witch on a power trip"), not a matter.
        found = "repeat"
    return replace(finding, verdict=found)


def _matter_under_abuse(sentence: str, reference: Reference) -> bool:
    """An abusive sentence can still carry a matter: "X is a crooked little rat who takes
    backhanders" alleges bribery. Take out the abuse and attitude and see whether what is
    left touches a council matter the case file never mentions. Said as a threat or a
    taunt in the conditional ("if my bin's left again his van won't have four good tyres",
    "you couldn't prosecute a parking ticket"), it alleges nothing."""
    if _HYPOTHETICAL.search(sentence):
        return False
    return bool(topics(without_attitude(sentence)) - reference.topics)


def _novel_words(sentence: str, reference: Reference) -> tuple[str, ...]:
    skip = names(sentence)
    kept = named_matter(sentence)
    seen: dict[str, str] = {}
    for word in words(without_idioms(sentence)):
        # Attitude ("a scam", "a disgrace", "those morons") is not matter: see `attitude`.
        if is_generic(word) or word in skip or (is_attitude(word) and word not in kept):
            continue
        s = stem(word)
        if not reference.knows_stem(s) and s not in seen:
            seen[s] = word
    return tuple(seen.values())


def _novel_asks(f: Finding, reference: Reference) -> tuple[str, ...]:
    """Kinds of request never asked before, unless what is asked about is already on file.

    "I want the £85 refunded" or "the discount reinstated" asks for the remedy of a matter
    the case file holds (the £85, the discount): it is the old complaint's remedy, not a new
    request. "Please take him off" or "can you take less, maybe 5 pound?" names nothing
    on file, so the request itself is the new matter.
    """
    kinds = asked_kinds(f.sentence) - reference.asks
    if not kinds:
        return ()
    asking = {stem(w) for w in ask_words(f.sentence)}
    if f.novel_amounts or any(stem(w) not in asking for w in f.novel_words):
        return tuple(sorted(kinds))
    on_file = bool(amounts(f.sentence)) or any(
        s not in asking and reference.knows_stem(s) for s in content_stems(f.sentence))
    return () if on_file else tuple(sorted(kinds))


def _told_of_years_past(sentence: str, written: datetime) -> bool:
    """The sentence places itself in a year before the one the email is written in ("when
    we bought this house in 1981", "since my mother died in 2021", "last year"), and in no
    later one: the customer's history, told to explain an old matter."""
    years = [int(y) for y in _YEAR.findall(sentence)]
    if years:
        return max(years) < written.year
    return bool(_LONG_AGO.search(sentence))


def _recent_day(text: str, reference: Reference, written: datetime) -> bool:
    """"Since Saturday", "last night": a day no earlier text names, outside correspondence."""
    if markers.CORRESPONDENCE.search(text):
        return False
    return any(d not in reference.dates for d in recent_days(text, written.date()))


def _hard(f: Finding, headline: bool = False) -> int:
    """Evidence no re-wording produces: a new date, reference or place, a life change, a headline,
    a kind of request (money back, a smaller deduction) the case file never held, or a
    request whose content no earlier request or known issue holds (`requests`).

    A day named relative to the email counts only beside some unseen word:
    "since Saturday" alone may just say how long the customer has waited.
    """
    anchors = bool(f.novel_dates) + bool(f.novel_codes) + bool(f.novel_places)
    return anchors + (f.circumstance and len(f.novel_words) >= 2) + (
        headline and bool(f.novel_topics)) + (f.recent_day and bool(f.novel_words)) + bool(
        f.novel_asks) + f.new_request


def _framed(f: Finding, headline: bool = False) -> bool:
    """Told as an event or a request, or on hard evidence, or naming a new council matter."""
    return bool(f.recent_event or f.request or _hard(f, headline) or f.novel_topics)


def verdict(f: Finding, headline: bool = False) -> Verdict:
    """New on hard evidence, or on enough unseen content framed as an event or request."""
    n = len(f.novel_words)
    anchors = bool(f.novel_dates) + bool(f.novel_codes)
    hard = _hard(f, headline)
    if f.threat_to_escalate and not anchors:
        return "repeat"
    if (f.thanks or f.lawful_step) and not hard:
        return "repeat"
    if f.restated and not (hard or (f.novel_topics and n >= 3)):
        return "repeat"
    if f.background and not (anchors or f.novel_places or f.new_request or f.novel_asks):
        # Biography needs hard evidence: a life change years ago is not a change now.
        return "repeat"
    topic = bool(f.novel_topics)
    if not _framed(f, headline):
        return "new" if n >= UNFRAMED_WORDS else "repeat"
    score = n + 2 * hard + 2 * topic + f.recent_event + f.request + bool(f.novel_amounts)
    if n >= 1 and score >= NEW_SCORE:
        return "new"
    if hard and score >= NEW_SCORE - 1:
        return "new"
    return "repeat"
