"""Insults, profanity, slurs and threats, in general British English.

Robust criticism of the council ("a whitewash", "heartless", "a joke") is a
customer's right and is not here. What is here is language that attacks a
person: name-calling, swearing, slurs and threats. Masked spellings
("f***ing", "f*cking") are matched by the patterns in the rules.
"""

from __future__ import annotations

# Nouns and adjectives that insult a person when said of them.
INSULTS = """
liar liars thief thieves crook crooks parasite parasites jobsworth jobsworths cow cows bitch
bitches bastard bastards idiot idiots moron morons imbecile imbeciles cretin cretins scum scumbag
scumbags pig pigs clown clowns muppet muppets halfwit halfwits tosser tossers wanker wankers prat
prats dickhead dickheads prick pricks vermin leech leeches loser losers fraudster fraudsters
snake snakes rat rats creep creeps weasel weasels dimwit dimwits numpty numpties pillock pillocks
git gits cockroach cockroaches troll trolls swine hypocrite hypocrites coward cowards thug thugs
bent corrupt thieving lying stupid lazy thick brainless spineless
worthless vile evil nasty ugly fat dim dumb retarded crooked sly sleazy pompous jumped-up
tinpot hitler nazi nazis fascist fascists dictator fool fools
"""

# Words too strong for any staff inbox, whoever they are aimed at.
PROFANITY = """
fuck fucking fucked fucker fuckers fuckwit cunt cunts twat twats motherfucker shite bullshit
"""

# Slurs: used of staff they are discriminatory whatever the context.
SLURS = """
paki pakis nigger niggers nigga wog wogs coon coons gook spic kike yid yids
raghead ragheads towelhead gyppo gyppos pikey pikeys faggot faggots poof poofs
poofter tranny trannies spaz spastic mong mongs retard retards nonce
"""

ALL_INSULTS = frozenset(INSULTS.split())
ALL_PROFANITY = frozenset(PROFANITY.split())
ALL_SLURS = frozenset(SLURS.split())
