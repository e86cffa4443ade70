"""Discriminatory language about a member of staff.

Slurs, and remarks that a person does not belong or cannot do the job
because of where they are from, their race, religion, sex, sexuality,
age or disability, are discriminatory under every one of the five policies.
A customer reporting a neighbour's racist abuse ("he told me to 'go back
where I came from'") is the victim: quoted and reported speech is removed
before this rule looks.
"""

from __future__ import annotations

import re

from mailbox.triage.lexicon.abuse import ALL_SLURS
from mailbox.triage.literals import guarded
from mailbox.triage.model import RuleHit
from mailbox.triage.own_words import own_words
from mailbox.triage.people import STAFF_ROLES, last_person_is_spoken_for
from mailbox.triage.remarks import remark_on_staff
from mailbox.triage.rules.base import Reading, hit

_IDENTITY = (r"(a )?(woman|women|girl|black|asian|muslim|jewish|hindu|sikh|gay|lesbian|foreign"
             r"|foreigner|immigrant|disabled|polish|indian|pakistani|african|romanian|english"
             r"|british|catholic|protestant|christian|trans|old|deaf|blind|white|brown|female|pensioner)")
_ID = _IDENTITY.removeprefix("(a )?")
_ABLE = (r"((can'?t|cannot|can not|couldn'?t|could not|doesn'?t|don'?t)( actually| even| really)?"
         r"|(can|could)( actually| even| only)? (barely|hardly|properly|actually|not))")
_DRESS = r"(headscarf|headscarves|hijab|burka|burqa|niqab|turban|veil|skull ?cap|yarmulke)"
_PATTERNS = (
    # Belonging: where someone is from.
    guarded(r"\b(isn'?t|is not|aren'?t|are not|not|never) from (round|around|over) here\b"
            r"|\bgo back (to|where) (your|his|her|their|you|he|she|they)\b"
            r"|\b(back )?where(ver)? (you|he|she|they|(your|his|her|their) (family|parents"
            r"|people|ancestors|grandparents|lot)) (came|come|comes|originally came) from\b"
            r"|\b(your|his|her|their) own country\b|\b(come|came|coming) over here\b", re.I),
    # Language and accent as a bar to the job.
    guarded(rf"\b(who|that|he|she|they|you|someone|somebody)\b[^.;]{{0,60}}\b{_ABLE}"
            rf" (speak|string|write|talk|understand)\b[^.;]{{0,40}}\benglish\b"
            r"|\b(proper|real|true) (english|british) (people|residents|folk|men|man)\b"
            r"|\b(can'?t|couldn'?t|cannot) understand (her|his|their) accent\b", re.I),
    # "Send someone British": asking for staff of another origin.
    guarded(r"\b(send|want|give me|get me|deal with|speak to) (someone|somebody|a person"
            r"|an officer|a man|a woman)( who is| who's)? (british|english|white|local"
            r"|from (round|around) here)\b"
            # "Get me a proper British officer": the origin as what makes staff proper.
            r"|\b(send|want|give me|get me|find me|put|i want|i need) (me )?(a|an|some)"
            r" (proper|real|decent|normal|genuine|true) (british|english|white|local)"
            rf" ({STAFF_ROLES}|person|man|woman|bloke|lady|one)\b", re.I),
    # Religion, race or sexuality as the reason.
    guarded(rf"\bbecause (he|she|you|they)('s|’s|'re|’re| is| are) {_IDENTITY}\b"
            rf"|\bpeople like (you|him|her|them) (shouldn'?t|should not|don'?t|can'?t|never)\b"
            rf"|\b{_IDENTITY} (shouldn'?t|should not|can'?t|cannot) be"
            rf" (allowed|doing|in charge)|\b(your|his|her|their) {_DRESS}\b"
            rf"|\b(your lot|you people|his lot|her lot|their lot)\b[^.;]{{0,40}}\b{_IDENTITY}\b",
            re.I),
    # Not wanting staff of a kind: "I don't want a Muslim dealing with my case".
    guarded(rf"\b(don'?t|do not|won'?t|will not|refuse to|shouldn'?t have to) (want|have"
            rf"|deal with|speak to|talk to|be dealt with by|see|be seen by) (a|an|some|any"
            rf"|another|that|this|one of these|one of those)? ?{_ID}\b"
            r"(?! (councillor|mp|bin|hole))"
            r"|\b(their|your|his|her) own kind\b"
            r"|\b(put|get|send|give me|assign|find|want|need) (someone|somebody|a man|a woman"
            r"|a person|an officer|a bloke|a lady|one)( who is| who's| that is)? (english"
            r"|british|white|local|christian|normal|straight|from (round|around) here)\b"
            r"|\bput (a|another) (man|woman|bloke|lady|fella) on\b"
            r"|\b(get|give|send|find) me a (man|woman|bloke|lady|fella)\b"
            r"|\b(women|woman|girls|females) (can'?t|cannot|couldn'?t|never) (handle|cope"
            r"|manage|run|make|understand|do (the|this|a|that) job)\b", re.I),
    # Too old, or not whole: age and disability as a reason a person should go.
    guarded(rf"\b{_ID} (shouldn'?t|should not|can'?t|cannot|mustn'?t|ought not( to)?)"
            r" be \w+ing\b|\b(too old|(is|'s|are|'re|was|were|getting|well)( \w+ly)? past it"
            r"|put out to pasture"
            r"|past (his|her|their) sell-by|put out to grass|pensioned off)\b", re.I),
    # The polite register: a person's English, youth or "background" as unfitness for the job.
    guarded(r"\b(limited|poor|little|weak|shaky|basic|broken|questionable|no real) (grasp"
            r"|command|understanding|knowledge) of\b[^.;]{0,40}\benglish\b"
            r"|\b(someone|somebody|a person|people|staff|an officer|officers|a man|a woman)"
            r"( of| with)? (a )?(suitable|appropriate|proper|better|the right|more suitable"
            r"|similar|decent|higher|more appropriate) (age|background|race|colou?r|sex|gender"
            r"|class|origin|breeding|stock|ethnicity|nationality|religion|culture|upbringing)\b"
            r"|\b(girl|boy|child|kid|schoolgirl|schoolboy|teenager|youngster)s? (barely|hardly"
            r"|just|fresh|straight|not long|only just) out of (school|college|university|nappies"
            r"|short trousers|the classroom)\b"
            r"|\byoung enough to be my (daughter|granddaughter|son|grandson)\b", re.I),
    # Where someone was born, their skin, their accent: said as the reason for the job.
    guarded(r"\b(someone|somebody|anyone|anybody|a person|an officer|people)( who was| who's"
            r"| that was)? (born|brought up|raised|educated|schooled) (in|here)\b"
            r"( this country| britain| england| scotland| wales| the uk)?"
            r"|(^|\b(should|can|could|must|ought to|better|just|now) )go (back )?(home )?to"
            r" (?-i:[A-Z][a-z]+)\b(?! (road|street|lane|avenue|house|office|council|centre))"
            r"|\b(colou?r of (his|her|their|your) skin|skin colou?r|diversity (quota|hires?|box)"
            r"|token (hire|appointment))\b"
            r"|\b(because|on account) of (his|her|their|your) (race|colou?r|religion|ethnicity"
            r"|nationality|accent|gender|sexuality)\b"
            r"|\bno (\w+ ){0,2}(englishman|englishwoman|englishmen|brit)\b"
            r"|\b(real|proper|true) (englishman|englishwoman|brit)\b"
            r"|\blearn (to speak |to talk |to write |some |proper |decent )*english\b"
            r"|\bspeaks? (proper|decent|the queen'?s|the king'?s) english\b"
            r"|\baccent so (thick|strong|heavy|bad)\b"
            r"|\b(his|her|their|your) (sort|kind|type) (shouldn'?t|should not|can'?t|cannot"
            r"|aren'?t|isn'?t|don'?t|never|always)\b", re.I),
    # Sex and sexuality: a woman's place, "real men", "queen of a manager".
    guarded(r"\b(put|putting|have|having|let|letting|with) an? (woman|girl|female) in charge\b"
            r"|\b(should|ought to) (be )?(at home |back )?(in the kitchen|cooking|cleaning)\b"
            r"|\b(woman|women|girls?) (should|ought to) (be|stay) at home\b"
            r"|\ba woman'?s place\b|\bno (real )?man would\b|\breal men\b|\ba man'?s job\b"
            r"|\b(queen|fairy|pansy|nancy|nancy boy|sissy|poof) of an?\b"
            r"|\b(typical|bloody|silly|hysterical) (woman|women|female|girl)\b", re.I),
    # A quota or a type: "got the job to fill a quota", "a typical foreigner".
    guarded(rf"\b(fill|filling|filled|make up|making up|meet|meeting|tick|ticking) (a|the"
            r"|their|your|some) (quota|diversity (box|target|numbers)|box)\b"
            rf"|\btypical {_ID}\b|\b(typical|bloody|these|those) (foreigners?|immigrants?)\b",
            re.I),
    # Origin, background, faith or dress as the explanation, in any register: "Mr X, being
    # from Eastern Europe, has no feeling for ...", "Ms Y's background means", "where her family
    # come from", "the officer in the headscarf ... her own faith".
    guarded(r"\b(being|coming|who (is|comes?|came)|as (someone|somebody|a (man|woman|person)))"
            r" from (?-i:[A-Z][a-z])(?!\w* (council|office|department|team|road|street|house))"
            r"|\bwhere (his|her|their|your) (family|people|parents|lot|kind) (come|comes|came"
            r"|are) from\b"
            r"|\b(his|her|their|your|\w+['’]s) (background|origins?|ethnicity|nationality"
            r"|culture|faith|religion|upbringing|accent|skin) (means?|meant|explains?|might"
            r" explain|would explain|is why|makes?|made|has something to do)\b"
            r"|\b(of|from|for|to) (his|her|their|your) own (faith|religion|kind|community"
            r"|background|culture|country|people|race|sort)\b"
            r"|\b(in|wearing|with) (the|a|her|his|that) (headscarf|hijab|burka|burqa|niqab"
            r"|turban|veil|skull ?cap)\b(?=[^.]{0,120}\b(faith|religion|own|kind|people"
            r"|likes?|favou?r|seemed|always|typical)\b)", re.I),
)
# Polite preference for staff of another origin, and origin as the reason a person cannot
# be expected to understand: "someone of a more traditional British background", "an
# officer born and raised in this country", "the African lady can't be expected to
# understand", "in your country such matters are dealt with differently", "one of these
# Eastern European chaps", "a young coloured girl", "the foreign-born staff".
_ORIGIN_WORDS = (r"(british|english|african|asian|indian|pakistani|polish|eastern european"
                 r"|european|foreign|foreign-born|caribbean|muslim|jewish|black|white|chinese"
                 r"|nigerian|somali|romanian|arab|coloured)")
_POLITE = guarded(
    rf"\b(someone|somebody|a person|an officer|staff|people|a man|a woman)( of| from| with)?"
    rf" (an? )?(more |properly |truly )?(traditional|native|local"
    r"|indigenous|proper|good)?"
    rf" ?{_ORIGIN_WORDS} (background|origin|stock|heritage|descent)\b"
    r"|\b(born|brought up) and (raised|bred|brought up) (in|here)\b"
    r"|\b(people|someone|somebody|those|they) (of|from) (his|her|their|your) ((sort|kind|type)"
    r" of )?(background|origin|sort|kind|type)\b"
    # "handled by someone English", "dealt with by an officer who is British".
    r"|\b(handled|dealt with|seen|looked after|managed|run|done) by (someone|somebody"
    r"|a person|an officer|a man|a woman|people|staff)( who is| who's| that is)? (british"
    r"|english|white|local|christian)\b"
    r"|\bone of (our|my) own\b"
    r"|\bin (your|his|her|their) (own )?country\b"
    rf"|\b(the|any|a|that|this) ([\w-]+ ){{0,2}}{_ORIGIN_WORDS} (lady|ladies|woman|women|man|men"
    r"|girl|girls|boy|chap|chaps|bloke|blokes|fella|gentleman|staff|officers?|workers?|types?)\b"
    r"[^.;]{0,80}\b(can'?t|cannot|couldn'?t|don'?t|do not|doesn'?t|does not|never|no idea|not)"
    r"( really| simply| even)?( be expected to)? (understand|grasp|know|have|get|appreciate)\b"
    r"|\b(one of )?(these|those) [\w-]+ ?[\w-]* (chaps|types|people|lot|sorts)\b[^.;]{0,40}"
    r"\b(do not|don'?t|never|can'?t|cannot) (have|understand|grasp|get)\b"
    r"|\bcan'?t (really )?be expected to (understand|grasp|know|appreciate|follow)\b"
    r"(?=[^.;]{0,60}\b(englishman|englishwoman|british|english|our ways|round here|people like)\b)"
    r"|\bcoloured (girl|boy|man|men|woman|women|lady|chap|bloke|fella|gentleman|person|people)\b"
    r"|\bforeign-born\b"
    # "one of these Eastern European types": a person filed under an origin.
    r"|\bone of (these|those) ([\w-]+ ){1,2}(types|sorts)\b(?! of)"
    # "a different instructor who is British": staff of an origin asked for.
    rf"|\b(a|an|another) (different |new )?({STAFF_ROLES}|instructor|teacher|coach|registrar)"
    r" (who is|who's|that is) (british|english|white|local|welsh|scottish)\b"
    # "people from over the bridge never really respect our culture": a people's nature.
    r"|(?<!you )\b(people|folk|those|that sort|his sort|her sort|their sort|his kind"
    r"|her kind|their kind)\b[^.;]{0,40}\b(never|can'?t|cannot|don'?t|won'?t)( really| ever)?"
    r" (respect|follow|understand|share|fit in with) our (culture|ways|language|traditions"
    r"|customs|values)\b",
    re.I,
)
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")

# The polite register, read as a structure rather than a phrase list: a protected
# characteristic said of someone, a reference to staff, and a judgement of their fitness,
# in a sentence or across it and the sentence before.
_CHARACTERISTIC = guarded(
    # Origin: "if he was actually from here", "a foreigner", "not British".
    r"\b(he|she|they|you|him|her|them|someone|somebody|who)( \w+)? (was|were|is|are|'s|’s"
    r"|isn'?t|wasn'?t|aren'?t|weren'?t)( not| actually| even| really| originally){0,2}"
    r" (from here|from (this|round|around) (country|here)|british|english|local|foreign)\b"
    r"|\b(someone|somebody|a person|an officer|a man|a woman|people)( who is| who's| that is)?"
    r" (english|british|local|from here|white|christian)\b"
    r"|\bforeigners?\b|\b(he|she|they|someone|somebody|who)( \w+)? (was|were|wasn'?t|weren'?t)"
    r"( not| even)? (born|raised|brought up) (here|in (this country|britain|england))\b"
    # Sexuality: "a man like that", "how he lives his life", "his rainbow lanyard".
    r"|\ba (man|woman|person|bloke|chap) like (that|him|her)\b"
    r"|\bhow (he|she|they) (lives?|chooses? to live) (his|her|their) li(fe|ves)\b"
    r"|\b(rainbow|pride) (lanyard|badge|pin|flag)\b|\b(his|her|their) (lifestyle|partner)"
    r" choices?\b"
    # Sex and age: "young ladies", "a girl", "a gentleman", "scarcely out of school".
    r"|\b(young|little) (ladies|lady|girls?|lass|lasses|women|things?)\b"
    r"|\b(a|some|the) (girl|gentleman|lad|young man|young woman)\b"
    r"|\b(scarcely|barely|hardly|only just|just) out of (school|college|nappies)\b"
    r"|\b(of|at) (his|her|their) (age|time of life)\b",
    re.I,
)
_STAFF_REFERENCE = guarded(
    rf"\b(mr|mrs|ms|miss|dr)\.? [a-z'-]+|\b(your|the|that|this) ([\w-]+ ){{0,2}}({STAFF_ROLES})\b"
    r"|\b(at|on|behind) the (desk|counter|phones?|front desk|reception)\b"
    r"|\b(office|department|council|case|decision|accounts?|appeals?|claims?|applications?)\b",
    re.I,
)
_UNFIT = guarded(
    r"\b(should|shouldn'?t|should not|ought to|ought not to|can'?t|cannot) (really )?"
    r"(be )?(deciding|decide|in charge|making (decisions|these decisions)|judging|handling"
    r"|dealing with|allowed to)\b"
    r"|\bbeyond (him|her|them)\b|\bout of (his|her|their) depth\b"
    r"|\bwould (understand|know|grasp|get)\b[^.;]{0,40}\bbetter\b"
    r"|\b(more usefully|better) (employed|occupied|suited|off)\b"
    r"|\bprefer(,[^,]{1,20},)? to (deal|speak|talk) (with|to) an? (gentleman|man|woman|lady"
    r"|englishman|englishwoman)\b|\b(rather|prefer)\b[^.;]{0,40}\bhad nothing (more )?to do with\b"
    r"|\b(not|scarcely|hardly|barely) (fit|suited|suitable|qualified|competent) (to|for)\b"
    r"|\blectured\b[^.;]{0,40}\bby\b",
    re.I,
)


def unfit_for_who_they_are(sentence: str, before: str) -> bool:
    """A characteristic said of someone, staff referred to, and their fitness judged: "Mr X
    would understand British roads better if he was actually from here"; "the young ladies
    at the desk ... accounts are rather beyond them". Each alone is ordinary; together, in a
    sentence and the one before, they judge a person by who they are."""
    window = f"{before} {sentence}"
    return bool(_CHARACTERISTIC.search(window) and _UNFIT.search(window)
                and _STAFF_REFERENCE.search(window)
                and (_CHARACTERISTIC.search(sentence) or _UNFIT.search(sentence)))


# The writer's own group: "you care nothing for foreign people like me" complains of being
# discriminated against; it says nothing of staff.
_SELF_GROUP = guarded(r"\b([\w-]+ ){0,2}(people|folk|families|persons|ones|women|men|tenants"
                      r"|kids|children) like (me|us|myself|ourselves|mine|my \w+)\b", re.I)


class Discrimination:
    name = "discrimination"
    description = "Uses a slur, or says a staff member does not belong because of who they are."

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            text = _SELF_GROUP.sub(" ", own_words(sentence))
            before = own_words(reading.earlier[-1]) if reading.earlier else ""
            if set(_WORD.findall(text.lower())) & ALL_SLURS or _said_of_staff(
                text, reading.earlier
            ) or unfit_for_who_they_are(text, before) or _remarks_on_who(text, reading.earlier):
                return hit(self, sentence)
        return None


def _said_of_staff(text: str, earlier: tuple[str, ...]) -> bool:
    """A pattern of `_PATTERNS` or `_POLITE`, unless said of the customer or of someone the
    email is written for ("Mrs Hale is too old to be chasing you"): that is the case."""
    for pattern in (*_PATTERNS, _POLITE):
        found = pattern.search(text)
        if found and not last_person_is_spoken_for(earlier, text[: found.end()]):
            return True
    return False


def _remarks_on_who(text: str, earlier: tuple[str, ...]) -> bool:
    """A remark on a protected characteristic of staff (`remarks`); looks are `Insult`'s."""
    category = remark_on_staff(text, earlier)
    return category is not None and category != "appearance"
