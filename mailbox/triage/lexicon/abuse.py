"""Insults, profanity and slurs, in general British English.

Robust criticism of the council ("a whitewash", "heartless", "a joke",
"useless") is a customer's right and is not here. What is here is language
that attacks a person: name-calling, swearing, slurs. Masked spellings
("f***ing", "c***s", "b*stard") are matched by `MASKED`; the rules decide
whether a word is aimed at a person or at a thing.
"""

from __future__ import annotations

import re

# Nouns and adjectives that insult a person when said of them.
INSULTS = """
liar liars thief thieves crook crooks parasite parasites jobsworth jobsworths cow cows bitch
bitches bastard bastards idiot idiots moron morons imbecile imbeciles cretin cretins scum scumbag
scumbags pig pigs clown clowns muppet muppets halfwit halfwits tosser tossers wanker wankers prat
prats dickhead dickheads prick pricks vermin leech leeches loser losers fraudster fraudsters
snake snakes rat rats creep creeps weasel weasels dimwit dimwits numpty numpties pillock pillocks
git gits cockroach cockroaches troll trolls swine hypocrite hypocrites coward cowards thug thugs
bent corrupt thieving lying stupid lazy thick brainless spineless gutless two-faced
worthless vile evil nasty ugly fat dim dumb retarded crooked sly sleazy pompous jumped-up
tinpot hitler nazi nazis fascist fascists dictator fool fools slob slobs vulture vultures
bloodsucker bloodsuckers knobhead knobheads bellend bellends arsehole arseholes asshole
assholes numbskull numbskulls dunce dunces buffoon buffoons nitwit nitwits twit twits plonker
plonkers wally wallies berk berks dipstick dipsticks scrounger scroungers witch hag hags
harridan battleaxe slag slags tart tarts slapper slappers skank skanks whore whores slut sluts
smug cocky gobshite gobshites dick dicks knob knobs waste-of-space lowlife lowlifes
"""

# Said of how a person looks, these mock rather than criticise.
APPEARANCE = """
fat bald ugly fatso lardy lardarse podgy porky baldy specky four-eyed greasy smelly scruffy
toothless spotty
"""

# Words too strong for any staff inbox; aimed at a person they are abuse.
PROFANITY = """
fuck fucks fucking fuckin fucked fucker fuckers fuckwit fuckwits motherfucker motherfuckers
cunt cunts twat twats shit shite shits shitty shithead shitheads bullshit wank wanker
"""

# Slurs: used of staff they are discriminatory whatever the context.
SLURS = """
paki pakis nigger niggers nigga niggas wog wogs coon coons gook gooks spic spics kike kikes yid
yids raghead ragheads towelhead towelheads gyppo gyppos pikey pikeys faggot faggots fag fags poof
poofs poofter poofters woofter woofters tranny trannies spaz spastic spastics mong mongs retard
retards nonce limp-wristed dyke dykes lezza shemale chinky chinkies darkie darkies
"""

ALL_INSULTS = frozenset(INSULTS.split()) | frozenset(APPEARANCE.split())
ALL_APPEARANCE = frozenset(APPEARANCE.split())
ALL_PROFANITY = frozenset(PROFANITY.split())
ALL_SLURS = frozenset(SLURS.split())

# A swear word or insult with letters hidden: "f***", "f**king", "c***s", "b*stard", "tw*t".
MASKED = re.compile(
    r"(?<![\w*])(f[*#@!_-]+(c?k|c?king|c?kin|ing|in|ed|er|ers|wit|s)?|f[*#@!]*ck\w*|fu[*#@!]+\w*"
    r"|c[*#@!]{2,}t?s?|c[*#@!]nts?|sh[*#@!]+t\w*|tw[*#@!]+ts?|b[*#@!]+(st)?ards?|b[*#@!]+ch(es)?|b[*#@!]{3,}s?"
    r"|wan[*#@!]+(er|ers|k)|p[*#@!]{2,}k?s?|ar[*#@!]+e?hole|d[*#@!]+khead)(?![\w*])",
    re.I,
)
