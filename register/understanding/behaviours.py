"""Which of the policies' behaviours staff described, from everyday words.

The lexicon is general English ('shouted', 'swore', 'f-ing', 'pushed',
'filmed me secretly'), one row per behaviour, so anyone can read why a
sentence was tagged the way it was. A phrase just after 'not', 'never' or
"didn't" does not count ('he didn't threaten me'). Staff always see the
behaviours on the summary and can change them before anything is saved.
"""

from __future__ import annotations

import re

from register.vocabulary import Behaviour

_SELF = r"(?:himself|herself|themselves|themself|myself|his own life|her own life|their own life)"

# fmt: off
LEXICON: tuple[tuple[Behaviour, str], ...] = (
    (Behaviour.SELF_HARM_THREATS,
     r"(?:kill|hurt|harm|cut|hang)\w*\s+" + _SELF + r"|self[- ]?harm\w*|suicid\w*"
     r"|end (?:his|her|their) (?:own )?life|take (?:his|her|their) own life"),
    (Behaviour.THREATS,
     r"threat(?!\w*\s+(?:to\s+)?(?:kill|hurt|harm|cut|hang)\w*\s+" + _SELF + r")\w*"
     r"|menac\w*|(?:said|told me|warned)\s+(?:that\s+)?(?:he|she|they)(?:'d|'ll| would| will)\s+"
     r"(?:hurt|kill|get|sort|find|batter|smash|do|come (?:back|for|after|round))"
     r"(?!\s+" + _SELF + ")"
     r"|knows? where (?:i|we) live|watch (?:your|my) back|you'll regret"),
    (Behaviour.SHOUTING,
     r"shout\w*|yell\w*|scream\w*|bellow\w*|raised (?:his|her|their) voice|ranted|raging"),
    (Behaviour.OFFENSIVE_LANGUAGE,
     r"swore|swear\w*|sworn|curs(?:ed|ing)|f[-*]+(?:ing|ed)?\b|f-?word|effing|fuck\w*|obscen\w*"
     r"|foul (?:language|mouth\w*)|bad language|expletive\w*|profan\w*|c-?word"),
    (Behaviour.VERBAL_ABUSE,
     r"verbal(?:ly)? abus\w*|insult\w*|called me (?:a|an|names)|name[- ]calling|belittl\w*"
     r"|mock\w*|abused me|abusive|humiliat\w*"),
    (Behaviour.DISCRIMINATORY_LANGUAGE,
     r"racis\w*|racial\w*|homophob\w*|transphob\w*|biphob\w*|sexis\w*|misogyn\w*|islamophob\w*"
     r"|antisemit\w*|anti-semit\w*|xenophob\w*|disablis\w*|ableis\w*|bigot\w*|slurs?\b"),
    (Behaviour.VIOLENCE,
     r"push\w*|shov\w*|hit (?:me|him|her|them|us|my|a colleague)|punch\w*|kick\w* (?:me|him|her|us)"
     r"|slap\w*|spat|spit\w*|assault\w*|attack\w*|grab\w*|head-?butt\w*|bit (?:me|him|her)"
     r"|scratch\w* (?:me|him|her)|strangl\w*|chok\w* (?:me|him|her)|struck|elbow\w*"
     r"|threw (?:\w+ ){0,3}at (?:me|him|her|us)"),
    (Behaviour.PHYSICAL_INTIMIDATION,
     r"squar\w* up|(?:got|get|getting) in my face|loom\w*|block\w* (?:the|my|our) (?:way|door|exit)"
     r"|stood over|intimidat\w*|(?:clench|rais|shook|shak)\w* (?:his|her|their) fists?|cornered"
     r"|invad\w* my (?:personal )?space|too close to me|wouldn't let me (?:leave|go)"),
    (Behaviour.DAMAGE_TO_PROPERTY,
     r"smash\w*|damag\w*|vandal\w*|graffiti|broke (?:the|a|my|our|his|her) \w+"
     r"|kick\w* (?:the|a) (?:door|wall|desk|counter|car|window|screen|bin)"
     r"|punch\w* (?:the|a) (?:wall|door|screen|window)|threw (?:the|a) (?:chair|table|screen)"),
    (Behaviour.HARASSMENT,
     r"harass\w*|stalk\w*|followed me|won'?t leave me alone|waited for me|turn\w* up at my"
     r"|keeps? (?:calling|ringing|emailing|messaging|turning up) me"),
    (Behaviour.FIXATION_ON_STAFF,
     r"fixat\w*|obsess\w*|personal questions about me|found me on|asked where i live"),
    (Behaviour.COVERT_RECORDING,
     r"(?:secret|covert)\w* (?:film|record)\w*|(?:film|record)\w* (?:me|us|it|the \w+) "
     r"(?:secretly|covertly|without)|filmed me|hidden (?:camera|phone)"),
    (Behaviour.FALSIFIED_DOCUMENTS,
     r"forg(?:ed|ery)|falsif\w*|fake (?:document|letter|id|certificate|evidence|note)\w*|doctored"),
    (Behaviour.EXCESSIVE_CONTACT,
     r"(?:\d+|dozens of|hundreds of|loads of|lots of|so many|many) "
     r"(?:calls|emails|letters|messages|voicemails|times)|bombard\w*|non-?stop"),
    (Behaviour.DEMANDING_IMMEDIATE_RESPONSE,
     r"demand\w* (?:an? )?(?:immediate|instant|answer|response|reply)\w*|wanted it (?:done )?now"
     r"|(?:answer|reply|response|decision) (?:right )?now|immediately"),
    (Behaviour.INSISTING_ON_SPECIFIC_OFFICER,
     r"insist\w* on (?:speaking|talking) to|(?:will|would) only (?:speak|talk|deal) (?:to|with)"
     r"|demand\w* to (?:speak|talk) to"),
    (Behaviour.SCATTER_GUN_CONTACT,
     r"scatter-?gun|contacted (?:everyone|every department|councillors|several|multiple)"
     r"|cc'?d (?:everyone|councillors|the mp)|copied in (?:everyone|councillors|the mp)"),
    (Behaviour.CHANGING_BASIS_OF_COMPLAINT,
     r"chang\w* (?:the|his|her|their) (?:complaint|story|basis)|moving the goal ?posts"),
    (Behaviour.REFUSING_TO_ACCEPT_DECISION,
     r"(?:won'?t|wouldn'?t|would not|will not|refus\w* to|not) accept (?:the|our|my|a|any) "
     r"(?:decision|outcome|answer)|keeps? (?:appealing|reopening)"),
    (Behaviour.GROUNDLESS_COMPLAINTS_ABOUT_STAFF,
     r"(?:false|groundless|malicious|vexatious|made[- ]up) complaints?|complain\w* about me"),
    (Behaviour.INTIMIDATING_COMMUNICATION,
     r"passive[- ]aggressive|(?:intimidating|menacing|veiled) (?:email|letter|message|tone|"
     r"voicemail)\w*"),
    (Behaviour.SOCIAL_MEDIA_ABUSE,
     r"(?:posted|posting|wrote|shared) (?:about me|my (?:photo|picture|name|details))"
     r"|troll\w*|abuse on (?:facebook|twitter|x|instagram|tiktok|social media)"),
)
# fmt: on
_PATTERNS = tuple((b, re.compile(rf"\b(?:{p})", re.IGNORECASE)) for b, p in LEXICON)
_NEGATION = re.compile(
    r"\b(?:not|never|no|didn'?t|did not|wasn'?t|was not|without|nobody|no-one|no one)\s+"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)


def read_behaviours(text: str) -> tuple[Behaviour, ...]:
    """The behaviours `text` describes, in the catalogue's order, each once."""
    found = [b for b, pattern in _PATTERNS if _affirmed(pattern, text)]
    return tuple(b for b in Behaviour if b in found)


def _affirmed(pattern: re.Pattern[str], text: str) -> bool:
    return any(not _NEGATION.search(text[: m.start()]) for m in pattern.finditer(text))
