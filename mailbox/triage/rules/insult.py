"""Name-calling aimed at a member of staff.

"The review was a whitewash" criticises a decision; "Mr X is a liar", "you
lot are a bunch of crooks" or "that lazy slob from your team" attacks a
person. The rule needs a person as the target and an insult said of them:
"the rats" in a pest report, or a neighbour called names in a quoted
account, is not this rule.
"""

from __future__ import annotations

import re

from mailbox.triage.epithets import bare_epithet
from mailbox.triage.lexicon.abuse import ALL_INSULTS, ALL_SAID_ONLY, MASKED, NOT_NAMES
from mailbox.triage.literals import guarded
from mailbox.triage.model import RuleHit
from mailbox.triage.own_words import own_words
from mailbox.triage.people import (
    PERSON_NOUNS,
    STAFF_ROLES,
    last_person_is_staff,
    mentions_staff,
    name_placed_third_parties,
    named_as_third_party,
)
from mailbox.triage.put_downs import compares_or_unfit, negative_list
from mailbox.triage.remarks import remark_on_staff
from mailbox.triage.rules.base import Reading, hit
from mailbox.triage.targets import described_badly

# A name alone ("Wren is a ...", "Tracey in your office is ..."): a person not known to be a
# third party is taken to be staff, since the customer is writing to the council about its staff.
_NAME = r"(?-i:(?P<name>[A-Z][a-z'-]{2,}(?: [A-Z][a-z'-]+)?))"
_TARGET = (
    rf"\b(you(( [\w-]+)?( lot| people| all| two| guys| lads))?"
    rf"|your ([\w-]+ ){{0,2}}({PERSON_NOUNS})|he|she|they"
    rf"|(mr|mrs|ms|miss|dr|cllr|councillor)\.? [a-z'-]+"
    rf"|th(at|is|e) ([\w-]+ )?({PERSON_NOUNS})|(th(at|is) )?{_NAME})"
)
# "Tracey in your office", "Mr X from planning": where the person works, said after the name.
# "Karen Pryce who is a useless lazy cow", "Mr X, who is a liar": a relative clause says it
# of the person just as "is" does.
# "The woman at the desk on Tuesday": when the customer met them may follow where.
_WHERE_WORKS = (r"( there| here| in charge)?( (in|from|at|on|of) (your|the) [\w-]+( [\w-]+)?"
                r"( (on|last) (?-i:[A-Z][a-z]+day)| yesterday| today| this morning)?)?")
_SAID_OF = guarded(
    _TARGET + _WHERE_WORKS
    + r"(,[^,]{1,40},)?(,? (who|that)(?= (is|are|was|were)\b))?"
    + r"\s*(?P<verb>\s(is|are|was|were|remains?)|'re|’re|'s|’s)"
    + r"(?=\s+(?P<rest>[^.;:!?]*))",
    re.I,
)
# "Your planning officer, a total halfwit, refused it": an apposition names what they are.
_APPOSED = guarded(
    _TARGET + _WHERE_WORKS
    + r",\s+(an?|such an?|what an?|that|this|one|total|absolute|utter|complete)"
    + r" (?P<rest>[^,.;:!?]*)",
    re.I,
)
_NOT_NAMES = frozenset(NOT_NAMES.split())
# Insults of several words, joined so the lexicon's "waste-of-space" meets "waste of space".
_PHRASES = guarded(r"\bwaste of (space|oxygen|skin|air)\b|\bold (bag|bat|cow|hag|witch)\b"
                   r"|\bpen pushers?\b|\blittle hitler\b|\bjumped up\b", re.I)
_COLLECTIVE = guarded(r"\b(bunch|pack|load|shower|gang|nest|band) of (?P<rest>[^.;:!?]*)", re.I)
_VOCATIVE = guarded(r"\byou (?P<rest>([\w*'-]+ ?){1,3})", re.I)
_POINTED = guarded(
    rf"\b(that|this|those|these|your|the) (?P<rest>([\w*'-]+ ){{0,3}}[\w*'-]+)"
    rf"(?= ({PERSON_NOUNS}|[A-Z][a-z]+)\b|[ ,.!?]|$)",
)
# "..., stupid cow." "..., you liar!": a name called at the end of a sentence.
_TRAILING = re.compile(r",\s*(you )?(?P<rest>([\w*'-]+ ){0,2}[\w*'-]+)\s*[.!]*\s*$", re.I)
# "A bigoted b*****d if ever I saw one.": a name called with no verb, of the person just named.
_FRAGMENT = re.compile(r"^\s*(what an?|an?|such an?|total|absolute|complete|utter)"
                       r" (?P<rest>([\w*'-]+ ){0,3}[\w*'-]+)", re.I)
_BARE_OPENERS = frozenset({"bloody", "useless", "pathetic", "total", "absolute", "utter"})
_BARE = re.compile(r"^\s*(?P<rest>([\w*'-]+ ){1,3}[\w*'-]+)\s*[.!]*\s*$")
# After "Mr X's" only these start a description of the person; anything else is their thing
# ("Mr X's reply was lazy").
_AFTER_POSSESSIVE = frozenset({
    "a", "an", "such", "so", "just", "nothing", "being", "been", "really", "very", "totally",
    "utterly", "complete", "completely", "absolute", "absolutely", "bloody", "no", "got",
})
_OF_A = guarded(rf"\b(?P<rest>[\w*'-]+) of an? ([\w-]+ )?({PERSON_NOUNS})\b", re.I)
# Animal words insult only when said of someone; "the rats" in a pest report are rats.
_ANIMALS = frozenset([
    "rat", "rats", "snake", "snakes", "pig", "pigs", "cow", "cows", "weasel", "weasels",
    "vulture", "vultures", "cockroach", "cockroaches", "swine", "vermin", "leech", "leeches",
    "parasite", "parasites", "troll", "trolls", "maggot", "maggots", "sheep", "sheeple", "worm",
    "worms", "slug", "slugs", "donkey", "donkeys",
])
# Just before an animal said of someone, these make it name-calling: "a little worm".
_NAME_CALLING = frozenset({"a", "little", "slimy", "pathetic", "miserable", "dirty", "filthy",
                           "sneaky", "spineless", "lying", "horrible", "nasty", "old", "fat"})
_ATTRIBUTIVE = frozenset({"lying", "thieving", "fat", "thick"})
# An animal heading a pointed noun phrase that a workplace or a name follows is a person
# called an animal: "the useless cow at your contact centre", "that stuck up cow Ms Pryce".
# "The cows in the field" are cows: only a council workplace or "your ..." places staff.
_ANIMAL_NAMED = guarded(
    r"\b(that|this|the|your) ([\w-]+ ){0,3}(?P<animal>[a-z]+)"
    r" (?=((at|on|behind|from|in) (your |the )(front |enquiry |reception |contact |call )?"
    r"(desk|counter|reception|phones?|switchboard|helpline|centre|office|council|depot"
    r"|library)\b|(at|on|behind|from|in) your \w|(?-i:(Mr|Mrs|Ms|Miss|Dr)\.? [A-Z]|[A-Z][a-z]+"
    r" [A-Z][a-z]+)))",
    re.I,
)
# Insults that describe rather than name: on their own, after a comma, they are not a name.
_ADJECTIVES = frozenset({
    "bent", "corrupt", "thieving", "lying", "stupid", "lazy", "thick", "brainless", "spineless",
    "gutless", "two-faced", "worthless", "vile", "evil", "nasty", "ugly", "fat", "dim", "dumb",
    "crooked", "sly", "sleazy", "pompous", "jumped-up", "tinpot", "smug", "cocky", "gormless",
    "senile", "doddery", "decrepit", "bald", "greasy", "smelly", "scruffy", "toothless", "spotty",
    "lardy", "podgy", "porky", "specky", "four-eyed", "retarded", "pea-brained", "braindead",
    "brain-dead", "dim-witted", "brainwashed",
})
# "the reply was lazy": what follows a verb is said of the thing before it, which
# `_SAID_OF` judges when that thing is a person.
_COPULA = re.compile(r"\b(is|was|are|were|been)\b")
_WORDS = re.compile(r"[\w*'-]+")


# Where what is said of someone ends: "they are split open, there are maggots" says nothing
# of "they" after the comma.
_CLAUSE_END = re.compile(r",\s*(there|and|but|so|then|which|when|while|because|as|i|we|he|she"
                         r"|they|it|my|our|his|her|their|the|this|that)\b", re.I)
_THIRD_PERSON = re.compile(r"^(he|she|they)\b", re.I)
# Staff named as someone else in the same sentence: "he has conned your officer" is not said
# of the officer. A comma before it is apposition ("he's a liar, your officer") and still is.
_STAFF_APART = guarded(rf"(?<!,)\s(your|the|that|this) ([\w-]+ ){{0,2}}({STAFF_ROLES})\b",
                       re.I)


class Insult:
    name = "insult"
    description = "Calls a member of staff names (liar, thief, crook, stupid ...)."

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            own = name_placed_third_parties(own_words(sentence))
            text = _PHRASES.sub(lambda m: m.group(0).replace(" ", "-"), own)
            third_parties = (*reading.earlier, *(i.summary for i in reading.context.known_issues))
            if is_insult(text, reading.earlier, third_parties) or (
                    is_name_fragment(text) and last_person_is_staff(reading.earlier, text)) or (
                    bare_epithet(own, reading.earlier)):
                return hit(self, sentence)
            if _put_down(own, reading.earlier) or described_badly(
                    name_placed_third_parties(own), reading.earlier):
                return hit(self, sentence)
            if _animal_named(own, reading.earlier):
                return hit(self, sentence)
            # "That fat ginger warden": a staff member's looks mocked, with no insult word.
            if remark_on_staff(name_placed_third_parties(own), reading.earlier) == "appearance":
                return hit(self, sentence)
        return None


def is_insult(text: str, earlier: tuple[str, ...] = (),
              third_parties: tuple[str, ...] = ()) -> bool:
    """True when `text` (the customer's own words) calls a member of staff names.

    "He", "she" or "they" is whoever was last named, as for threats: "the bloke at 33 ...
    He's a lowlife" is about a neighbour. A bare name is staff unless `third_parties` (the
    sentences before, the known issues) name that person beside a neighbour or a relative.
    """
    for pattern in (_SAID_OF, _APPOSED, _COLLECTIVE, _VOCATIVE, _OF_A):
        for m in pattern.finditer(text):
            if _possessive(m) or not _insulting(_clause(m.group("rest")), animals=True):
                continue
            if _third_person_not_staff(m, text, earlier):
                continue
            if _not_staff_name(m, third_parties or earlier):
                continue
            return True
    if (found := _TRAILING.search(text)) and _called_name(found.group("rest")):
        return True
    return mentions_staff(text) and any(
        _insulting(m.group("rest"), animals=False) for m in _POINTED.finditer(text.lower())
        if not _COPULA.search(m.group("rest"))
    )


_ANY_ANIMAL = guarded(r"\b(" + "|".join(sorted(_ANIMALS)) + r")\b", re.I)


def _animal_named(text: str, earlier: tuple[str, ...]) -> bool:
    """A person called an animal in a noun phrase a workplace or a name follows (above)."""
    if not _ANY_ANIMAL.search(text):
        return False
    return any(m.group("animal").lower() in _ANIMALS
               and last_person_is_staff(earlier, text[: m.end()])
               for m in _ANIMAL_NAMED.finditer(text))


def _put_down(text: str, earlier: tuple[str, ...]) -> bool:
    """A mocking comparison, an idiom of unfitness or a list of put-downs (see `put_downs`),
    said of a member of staff: "you" or staff named, or nobody but the nearest person staff."""
    if negative_list(text):
        return True
    return compares_or_unfit(text) and last_person_is_staff(earlier, text)


def is_name_fragment(text: str) -> bool:
    """A verbless "A lying scumbag if ever I saw one.": said of whoever was just named.

    So is a bare name of a few words, "Corrupt little weasel.", when it opens with an
    insulting word: a short fragment is not a description of anything else.
    """
    found = _FRAGMENT.match(text) or _BARE.match(text)
    if not found or not _called_name(found.group("rest")):
        return False
    first = found.group("rest").split()[0].lower()
    return (found.re is _FRAGMENT or first in ALL_INSULTS | _BARE_OPENERS
            or bool(MASKED.fullmatch(first)))


def _clause(rest: str) -> str:
    """What is said of the person, up to the next clause."""
    end = _CLAUSE_END.search(rest)
    return rest[: end.start()] if end else rest


def _third_person_not_staff(match: re.Match[str], text: str, earlier: tuple[str, ...]) -> bool:
    """"He", "she" or "they" said to mean someone who does not work for the council."""
    if "verb" not in match.re.groupindex or not _THIRD_PERSON.match(match.group(0)):
        return False
    if _STAFF_APART.search(text, match.start("rest")):
        return True
    return not last_person_is_staff(earlier, text[: match.start()])


def _not_staff_name(match: re.Match[str], third_parties: tuple[str, ...]) -> bool:
    """A bare name that is not a person's (a weekday, "Life"), or one the customer has named
    as a neighbour, a relative or another third party."""
    if "name" not in match.re.groupindex or not match.group("name"):
        return False
    name = match.group("name")
    first = name.split()[0]
    if first in _NOT_NAMES or first.removesuffix("s") in _NOT_NAMES:  # "Mondays", "Fridays"
        return True
    return named_as_third_party(name, (*third_parties, match.string))


def _possessive(match: re.Match[str]) -> bool:
    """"Mr X's reply was lazy": the "'s" was a possessive, and the insult is of a thing."""
    if "verb" not in match.re.groupindex or match.group("verb") not in ("'s", "’s"):
        return False
    rest = match.group("rest").split()
    return bool(rest) and rest[0].lower() not in _AFTER_POSSESSIVE | ALL_INSULTS


def _called_name(rest: str) -> bool:
    """An insult noun among a few words: an animal only after an insulting word ("fat cow")."""
    words = [w.strip("'-").lower() for w in _WORDS.findall(rest)][:4]
    for i, word in enumerate(words):
        if MASKED.fullmatch(word):
            return True
        if word in _ANIMALS:
            if any(w in ALL_INSULTS or MASKED.fullmatch(w) for w in words[:i]):
                return True
            continue
        if word in ALL_INSULTS and word not in _ADJECTIVES and word not in ALL_SAID_ONLY:
            return True
    return False


def _insulting(rest: str, animals: bool) -> bool:
    """Is an insult among the first words said of the person?"""
    words = [w.strip("'-").lower() for w in _WORDS.findall(rest)][:7]
    for i, word in enumerate(words):
        if MASKED.fullmatch(word):
            return True
        if word in _ANIMALS and animals and i > 0 and words[i - 1] in _NAME_CALLING:
            return True  # "is a pathetic little worm": an animal called, said of a person
        if word not in ALL_INSULTS:
            continue
        if not animals and word in _ANIMALS | ALL_SAID_ONLY:
            if word in _ANIMALS and any(w in ALL_INSULTS for w in words[:i]):
                return True
            continue
        if word in _ATTRIBUTIVE and not _noun_follows(words[i + 1 :]):
            continue
        return True
    return False


def _noun_follows(rest: list[str]) -> bool:
    """"a lying scumbag" insults; "he is lying on the floor" describes."""
    return bool(rest) and (rest[0] in ALL_INSULTS or bool(MASKED.fullmatch(rest[0]))
                           or re.fullmatch(PERSON_NOUNS, rest[0]) is not None)
