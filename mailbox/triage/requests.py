"""Requests in the customer's own words are new unless the case file already holds them.

"Please send me a copy of the survey", "can I do £20 a month", "when do
applications open?" are short and use ordinary words, so counting unseen
words files them. The policy escalates a new request however briefly it is
put. So a request is recognised by its form (an imperative, a modal
question, "I want / would like / should be grateful if", a question mark),
and it is new unless what it asks for (its content words, with the frame of
asking taken away) is matched by an earlier request of the customer's or by
a known issue. A chaser ("get someone out", "I want an answer", "reply to
my email") has no content of its own and is never new on that ground.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

from mailbox.triage.clean import clean_body
from mailbox.triage.lexicon.generic import FUNCTION_WORDS, NUMBERS, TIME_WORDS
from mailbox.triage.lexicon.requests import (
    CHASER,
    DELIVERABLES,
    FRAME,
    IMPERATIVE_VERBS,
    REMEDIES,
    REMEDY,
)
from mailbox.triage.model import CaseContext
from mailbox.triage.own_words import own_words
from mailbox.triage.restatement import CORRESPONDENCE_DATE, INSISTS_NEW
from mailbox.triage.sentences import split_sentences
from mailbox.triage.words import is_generic, names, stem, words

# Covered share of a request's content at which an earlier request or known issue holds it.
MATCHED_SHARE = 0.6
# Two stems this alike (rapidfuzz ratio) are the same word misspelt or inflected otherwise.
FUZZY_RATIO = 85
FUZZY_MIN_LENGTH = 5

_OPENERS = r"(?:(?:so|and|but|also|now|just|ok|okay|right|then|please|pls|kindly|finally)\b,?\s+)*"
_ASKER = r"(i|we|you|u|someone|somebody|anyone|anybody|the council|your \w+)"
_MODAL_QUESTION = re.compile(
    rf"^\W*{_OPENERS}((can|could|would|will|may|might|shall|should|do|does) {_ASKER}"
    r"|is it possible|is there (a|any)|are there any)\b"
    # A thing as the subject, in the passive: "could the 2026/27 bill be spread over twelve?"
    r"|(^\W*|[,;:]\s*)(can|could|would|may|might) (the|my|our|his|her|this|that|these|those)"
    r" [^?]{0,60}?\bbe \w+(ed|en|d|t)\b[^?]*\?\s*$", re.I)
# A question put after a condition: "If I can't have 14B back, can I go on the waiting list?".
# The inverted modal ("can I", "could you") is the main clause's: a condition never inverts.
_CONDITION = re.compile(r"^\W*(if|unless|when|once|since|as|now that|given that|seeing as"
                        r"|in case|should)\b", re.I)
_INVERTED = re.compile(rf"\b(can|could|would|will|may|might|shall|should|do|does) {_ASKER}\b"
                       r"(?=[^?]*\?\s*$)", re.I)
# A question asked indirectly, for the customer or for someone else: "my son wants to know how
# the right can be transferred", "I wonder whether I could", "please tell me how I apply".
_INDIRECT = re.compile(
    r"\b(want|wants|wanted|like|would like|'d like|need|needs|needed|asked me|asking)"
    r" to (know|find out|ask|check)( (if|whether|how|when|where|what|who|which|why))?"
    # "I wonder whether I could ..." asks; "I wonder how you'd feel ..." is rhetorical.
    r"|\b(i|we)( was| were| am| are)? (wonder|wondering|wondered) (if|whether) (i|we|you"
    r" (could|can|would|might)|it (is|would be) possible|there (is|are))\b"
    r"|\b(tell|advise|let) (me|us|him|her|them) (know )?(if|whether|how|when|where|what"
    r"|who|which)\b",
    re.I)
# A question that asks something ("when do applications open?"), not a rhetorical one ("why
# is nobody answering?") or a chaser ("has anyone looked at it?", "any news?").
_WH_QUESTION = re.compile(
    rf"^\W*{_OPENERS}(when|where|who|which|what|whether|how (much|many|long|often|soon)"
    r"|how (do|can|could|should|would|will) (i|we))\b", re.I)
# Asking the council to stop doing something is a grievance about what it does, not a request.
_NEGATED = re.compile(r"^\W*(please )?(do not|don'?t|stop|never)\b|\bto stop \w+ing\b"
                      r"|\bplease (be aware|note|understand|remember|bear in mind)\b", re.I)
# How the council should reach the customer: "stop ringing my mobile", "email only from now
# on". Asking the council to stop is otherwise a grievance (`_NEGATED`); this asks for a change.
_CONTACT_WAY = re.compile(
    r"\b(stop|don'?t|do not|no more|never) (ring|call|phon|text)(e|ing)? (me|my|us|our|the house)\b"
    r"|\b(e-?mail|post|letters?|in writing|text) only\b|\bonly (contact|e-?mail|write to|ring"
    r"|call|text) (me|us)\b|\bcontact (me|us) (only )?by (e-?mail|post|letter|text)\b", re.I)
# "Let me be clear", "let me tell you": the customer framing what they say, not asking.
_SPEECH_FRAME = re.compile(r"^\W*let me (be|say|tell|remind|explain|put|make (it|this|myself)"
                           r"|just say|point out|start|begin)\b"
                           r"|\b(i|we) (just |only )?(want|wish|would like|'d like) (you )?to"
                           r" (be (fair|clear|honest|reasonable)|understand|say"
                           r"|make (it |this )?clear|point out|put on record|remind you)\b"
                           # Thanks in a courteous frame: "I should like to thank the crew".
                           r"|\b(i|we)( would| should|'d)? (like|wish|want) to (thank|say thank"
                           r"|express|pass on (my|our) thanks|compliment|praise)\b", re.I)
# A question about what the council itself wants or thinks, in a rebuttal: "What degree do you
# need?", "what did you want, a signed confession?". It argues; it asks for nothing.
_RHETORICAL = re.compile(r"\bwhat( \w+)?,? (do|did|does|would|will|else do|more do) (you|they"
                         r"|the council|your \w+) (want|need|expect|think|call)\b", re.I)
# A need with its subject dropped, as texting customers write: "lost my card, need a new one".
BARE_NEED = r"(^|[,;:]\s*|\band\s+)(need|want|needing|wanting) (a|an|another|the|my|to|some)\b"
# A want or a courtesy, in the customer's own voice ("said I should be grateful" reports).
_WANT = re.compile(
    r"(?<!said )(?<!says )(?<!told me )(?<!told us )\b(i|we)"
    r"( really| just| also| now| do| would| should| 'd|'d|’d)*"
    r" (want|like|need|wish|request|require|expect (you|the council|it|this|them|to)|demand"
    r"|insist on|ask (you |that |for )|am asking|are asking|be grateful (if|for|to)|appreciate)\b"
    r"|\bplease\b|\bpls\b|\bkindly\b|" + BARE_NEED, re.I)
# An imperative: a verb, then what it acts on ("send me", "log this", "put it back").
_IMPERATIVE = re.compile(
    rf"^\W*{_OPENERS}(?:(?:can|could|would|will) you\s+)?(?P<verb>[a-z-]+)\s+(me|us|my|our|the"
    r"|a|an|this|that|these|those|it|them|someone|somebody|him|her|his|your|out|back|up|down"
    r"|off|all|any|some|in|round|over)\b", re.I)
# Not the customer's request: a disclaimer, an out-of-office, a sign-off.
_BOILERPLATE = re.compile(
    r"\b(before printing|intended recipient|received this (e-?mail|message) in error"
    r"|confidential|out of (the )?office|do not reply to this)\b", re.I)
# Said again by the customer's own account: "I am asking again for ...", "as I asked before".
_ASKED_BEFORE = re.compile(
    r"(?<!\bif you )(?<!\bif they )(?<!\bif it )(?<!\bif she )(?<!\bif he )(?<!\bif we )"
    r"\b(again|once more|still|as (i|we) (have )?(asked|said|requested)|repeat(ing)? my"
    r"|i('ve| have) (already )?asked|on record|for the record"
    # ... or promised by the council: "put the camera up like you keep promising".
    r"|(like|as) (you|your \w+|the council|they|he|she) (keep |kept |have |had |already )?"
    r"(promis\w*|said (you|they|he|she) would|agreed))\b", re.I)
# Where to send the email ("pass this to Karen in recovery") routes it; it asks for nothing.
# Only when the routing is the whole sentence: "pass this to Karen, the barrier is broken" asks.
_ROUTING = re.compile(r"^\W*(please )?(pass|forward|send|give|hand|refer) (this|it|my e-?mail"
                      r"|my letter|this e-?mail|this letter)( on)? to\b[^,;:]{0,40}$", re.I)
# Money back: a sum asked back is the remedy of a matter on file, even when it is a new figure.
_MONEY_BACK = re.compile(r"\b(back|refund\w*|repa(id|y)|reimburs\w*|compensat\w*|taken off"
                         r"|written off|write off)\b", re.I)
# A word with a capital that does not open the sentence or a clause: a person or a place.
_NAMED = re.compile(r"(?<![.!?:;]\s)(?<!^)(?<=\s)([A-Z][a-z]+)(?:['’]s)?\b")
# "Personally", "urgently" say how to do it, not what; these few "-ly" words are things.
_NOT_ADVERBS = frozenset({"family", "supply", "assembly", "bully", "italy", "holly", "rally"})
# "Please wipe it", "I want it lifted": the thing asked about is in the sentence before, which
# `anaphora` lends to the request; alone, one content word beside a pronoun is not a matter.
_POINTS_BACK = re.compile(r"\b(it|them|this|that|these|those|one)\b", re.I)
POINTING_CONTENT = 1
# Asking how a matter stands, not for anything to be done: "where things are with", "any
# update on", "what is happening with", "the progress of".
_HOW_IT_STANDS = re.compile(
    r"\bwhere (things|matters|we|it|this|that) (are|is|stands?)\b|\bany (news|update|progress)\b"
    r"|\b(what|how) is (happening|going on|progressing)\b|\bthe (latest|status|progress"
    r"|position) (of|on|with)\b|\bwhat'?s happening\b", re.I)
# Who is to deal with it, and what they should be like ("someone who talks properly",
# "somebody respectable", "a proper British officer", "someone from round here who
# understands"), says how a matter should be handled, not what the matter is.
_HANDLER = re.compile(
    r"\b(some(one|body)|anyone|anybody)(\s+(who|that|with|from)\b[^,;.?]*?(?=\s+(to|about)\b"
    r"|[,;.?]|$)|\s+[a-z]+(?=\s+(about|to)\b|\s*[,;.?]|\s*$))"
    r"|\b(an?|another)\s+([a-z]+\s+){1,2}(?=(officer|person|manager|member of staff)\b)", re.I)
# What a request asks for is in its main clause. "When the court gets round to it", "pending
# the appeal", "under protest" say when or how it is asked, not what; "further to your letter
# of 24 February" names the correspondence it answers (`restatement.CORRESPONDENCE_DATE`).
_WHEN_OR_HOW = re.compile(r"[,;]?\s*\b(when|whenever|until|till|pending|while|whilst"
                          r"|under protest)\b[^,;]*", re.I)


class _Vocabulary(NamedTuple):
    verbs: frozenset[str]  # imperative verbs, as written
    verb_stems: frozenset[str]
    frame: frozenset[str]  # words that only frame a request
    chaser: frozenset[str]  # stems a chaser is made of
    remedies: frozenset[str]  # stems of the remedies beside money: an apology, a charge waived
    deliverables: frozenset[str]


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    """The word lists of `lexicon.requests`, split once."""
    frame = set(FRAME.split()) | set(FUNCTION_WORDS.split()) | set(TIME_WORDS.split())
    frame |= set(NUMBERS.split()) | set(REMEDY.split())
    return _Vocabulary(
        verbs=frozenset(IMPERATIVE_VERBS.split()),
        verb_stems=frozenset(stem(w) for w in IMPERATIVE_VERBS.split()),
        frame=frozenset(frame),
        chaser=frozenset(stem(w) for w in CHASER.split()),
        remedies=frozenset(stem(w) for w in REMEDIES.split()),
        deliverables=frozenset(DELIVERABLES.split()),
    )


@lru_cache(maxsize=8192)
def is_request(sentence: str) -> bool:
    """True when the sentence's form asks for something: a question, a want, an imperative.

    Only the customer's own words count: "he said I should be grateful" reports someone.
    """
    sentence = own_words(sentence)
    if _BOILERPLATE.search(sentence):
        return False
    if _CONTACT_WAY.search(sentence):
        return True
    if _NEGATED.search(sentence) or _SPEECH_FRAME.search(sentence) or _RHETORICAL.search(
            sentence):
        return False
    if _MODAL_QUESTION.search(sentence) or _INDIRECT.search(sentence):
        return True
    if _CONDITION.match(sentence) and _INVERTED.search(sentence):
        return True
    if sentence.rstrip().endswith("?") and _WH_QUESTION.search(sentence):
        return True
    if _WANT.search(sentence):
        return True
    found = _IMPERATIVE.match(sentence)
    return bool(found) and found.group("verb").lower() in _vocabulary().verbs


@lru_cache(maxsize=8192)
def request_content(sentence: str) -> frozenset[str]:
    """Stems of what the sentence asks about: its words less the frame of asking and names.

    The verbs of asking ("send", "reopen", "correct") and the vocabulary of complaining
    ("properly", "fair") are frame too: "reopen it" asks about whatever "it" is, and
    `anaphora` lends it the sentence before. The things a council sends (letters, copies,
    records) stay: "send the letters in Arabic" asks for letters.
    """
    vocabulary = _vocabulary()
    skip = names(sentence)
    return frozenset(stem(w) for w in words(sentence)
                     if w not in vocabulary.frame and w not in skip
                     and stem(w) not in vocabulary.verb_stems and len(w.strip("'")) > 2
                     and not _adverb(w) and (w in vocabulary.deliverables or not is_generic(w)))


def _adverb(word: str) -> bool:
    """"Personally", "urgently": how to do it, not what to do."""
    return word.endswith("ly") and len(word) > 5 and word not in _NOT_ADVERBS


def is_chaser(content: frozenset[str]) -> bool:
    """Nothing asked for but a reply or action on what the council already has."""
    return content <= _vocabulary().chaser


def said_before(context: CaseContext) -> tuple[frozenset[str], ...]:
    """The stems of every matter already on file, one set per known issue or earlier sentence.

    A request is matched sentence by sentence, not against the whole file: "send the
    letters in Arabic" is new although letters and an Arabic interpreter were both
    mentioned, because no earlier sentence speaks of the two together. The council's
    replies count: they set out what the customer asked for and what was decided.
    """
    texts = [frozenset(stem(w) for w in words(f"{i.summary} {i.outcome}"))
             for i in context.known_issues]
    for mail in context.history:
        texts.extend(_sentence_stems(f"{mail.subject}.\n\n{mail.body}"))
    return tuple(texts)


@lru_cache(maxsize=4096)
def _sentence_stems(body: str) -> tuple[frozenset[str], ...]:
    """The stems of each sentence of one earlier email, quoted mail left out."""
    return tuple(frozenset(stem(w) for w in words(s)) for s in split_sentences(clean_body(body)))


def asked_before(sentence: str, earlier: Iterable[frozenset[str]]) -> bool:
    """Does an earlier request or known issue cover what `sentence` asks for?"""
    content = _asked_for(sentence)
    if not content or is_chaser(content) or _ASKED_BEFORE.search(sentence):
        return True
    if len(content) <= POINTING_CONTENT and _POINTS_BACK.search(sentence):
        return True
    # A remedy asked for ("that ticket cancelled", "an exception made") is the remedy of
    # whatever it names, so what it names may be matched with the remedy or without it.
    bare = content - _vocabulary().remedies or content
    setting = _setting(sentence)
    return any(_holds(asked, asked - setting or asked, seen)
               for seen in earlier for asked in {content, bare})


def _asked_for(sentence: str) -> frozenset[str]:
    """The content of the request's main clause, or of the whole sentence when the main
    clause alone names nothing ("tell me when the survey will be done" asks about the survey)."""
    main = _HANDLER.sub(" someone ", _WHEN_OR_HOW.sub(" ", CORRESPONDENCE_DATE.sub(
        _dated_reference, sentence)))
    return request_content(main) or request_content(sentence)


def _dated_reference(found: re.Match[str]) -> str:
    """Nothing for a dated piece of correspondence ("your letter of 24 February"); the rest
    ("a review of the decision") may be what is asked for."""
    return " " if re.search(r"\d", found.group()) else found.group()


def _undoes_known(sentence: str, earlier: tuple[frozenset[str], ...]) -> bool:
    """A remedy or news asked of what the case file already holds: "I want my badge back",
    "please cancel this ticket", "my £75 back and the court costs back", "where things are
    with (1) the medical assessment and (2) the homelessness application". Undoing a decision,
    giving money back or saying how a matter stands is about the old matter when everything
    the request names is on file, even when no one earlier sentence named it all."""
    content = _asked_for(sentence)
    remedies = _vocabulary().remedies
    if not (_MONEY_BACK.search(sentence) or content & remedies or _HOW_IT_STANDS.search(sentence)):
        return False
    on_file = frozenset().union(*earlier)
    return all(s in on_file for s in content - remedies)


def _holds(content: frozenset[str], thing: frozenset[str], seen: frozenset[str]) -> bool:
    """An earlier sentence holds a request when it has its content, names and all, and the
    thing asked for besides the names."""
    return min(_covered(content, seen), _covered(thing, seen)) >= MATCHED_SHARE


def _setting(sentence: str) -> frozenset[str]:
    """The stems of names written with a capital inside the sentence: whom and where.

    The customer's child, street and school are on file from the first email, so they match
    every earlier sentence; a request is held by an earlier sentence only when what it asks
    for is there too ("put Ava on the waiting list for St Aldhelm's" asks about a waiting
    list, however often Ava and the school were named).
    """
    return frozenset(stem(w.lower()) for w in _NAMED.findall(sentence))


def is_new_request(sentence: str, earlier: Iterable[frozenset[str]], new_sum: bool = False) -> bool:
    """A request whose content no earlier request or known issue holds, or that names a sum
    never seen ("can I do £20 a month").

    A request that insists it is new ("treat this as a new complaint") is the customer's
    framing of an old matter, which the policy files; one that only says where the email
    should go ("pass this to Karen in recovery") asks for nothing new.
    """
    if not is_request(sentence) or INSISTS_NEW.search(sentence) or _ROUTING.search(sentence):
        return False
    if new_sum and not _MONEY_BACK.search(sentence):
        return True
    earlier = tuple(earlier)
    return not (asked_before(sentence, earlier) or _undoes_known(sentence, earlier))


def _covered(content: frozenset[str], seen: frozenset[str]) -> float:
    """The share of `content` found in `seen`, exactly or as a near spelling."""
    found = sum(1 for s in content if s in seen or _near(s, seen))
    return found / len(content)


def _near(stem_: str, seen: frozenset[str]) -> bool:
    """A long stem spelt a little differently, or sharing a long start ("reinst", "reinstat")."""
    if len(stem_) < FUZZY_MIN_LENGTH:
        return False
    if any(s.startswith(stem_) or stem_.startswith(s) for s in seen if len(s) >= FUZZY_MIN_LENGTH):
        return True
    return any(len(s) >= FUZZY_MIN_LENGTH and fuzz.ratio(stem_, s) >= FUZZY_RATIO for s in seen)
