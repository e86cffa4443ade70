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
ghoul ghouls
bloodsucker bloodsuckers knobhead knobheads bellend bellends arsehole arseholes asshole
assholes numbskull numbskulls dunce dunces buffoon buffoons nitwit nitwits twit twits plonker
plonkers wally wallies berk berks dipstick dipsticks scrounger scroungers witch hag hags
harridan battleaxe slag slags tart tarts slapper slappers skank skanks whore whores slut sluts
smug cocky gobshite gobshites dick dicks knob knobs waste-of-space lowlife lowlifes
oaf oafs lout louts yob yobs yobbo yobbos thicko thickos simpleton simpletons dolt dolts
ignoramus nincompoop nincompoops airhead airheads bimbo bimbos jackass jackasses arsewipe
shitbag shitbags scrote scrotes toerag toerags ratbag ratbags degenerate degenerates sicko
sickos pervert perverts perv pervs weirdo weirdos freak freaks nutter nutters nutcase nutcases
nutjob nutjobs psycho psychos psychopath psychopaths sociopath sociopaths lunatic lunatics loony
loonies maniac maniacs sadist sadists charlatan charlatans shyster shysters conman conmen
swindler swindlers fraud frauds sponger spongers freeloader freeloaders monster monsters filth
maggot maggots neanderthal neanderthals troglodyte troglodytes bonehead boneheads blockhead
blockheads meathead fathead dumbass dumbo numbnuts pea-brained pea-brain birdbrain braindead
brain-dead dim-witted half-wit half-wits knuckle-dragger knuckle-draggers gormless wimp wimps
wuss wusses pussy bint bints harlot trollop trollops hussy harpy harpies shrew shrews fishwife
floozy minger mingers munter munters sow heifer crone crones biddy codger codgers fogey fogeys
dinosaur dinosaurs fossil fossils senile doddery decrepit geriatric geriatrics coffin-dodger
wrinkly wrinklies old-timer has-been has-beens sheep sheeple brainwashed
cretinous moronic idiotic imbecilic snivelling sniveling weaselly slimy smarmy odious repulsive
toad toads nonentity nonentities pen-pusher pen-pushers busybody busybodies know-all know-alls
puppet puppets lapdog lapdogs stooge stooges lackey lackeys minion minions flunkey flunkeys
toady toadies bootlicker bootlickers arse-licker arse-lickers brown-noser brown-nosers runt runts
chump chumps goon goons bozo bozos dunderhead dunderheads dullard dullards pig-ignorant
waste-of-oxygen rogue rogues reprobate reprobates villain villains gangster gangsters
bully bullies tyrant tyrants despot despots jackboot old-bag battle-axe cow-faced hatchet-faced
horse-faced pig-faced
rat-faced weasel-faced dried-up shrivelled wizened frumpy frump frumps dowdy spinster
hormonal menopausal hysterical airheaded dizzy ditzy bimbo tramp tramps trollop hoe hoes
skanky sleaze sleazebag sleazebags slimeball slimeballs creep creepy scum-sucking bottom-feeder
bottom-feeders cockwomble cockwombles twerp twerps twazzock pillock plank planks melt melts
bellend wazzock wazzocks nugget numpty div divs dozy dopey dope dopes thickhead thickheads
pinhead pinheads knucklehead knuckleheads sub-human subhuman
parasitic leeching grasping greedy bloated overpaid jumped-up little-hitler jobsworth
snob snobs stuck-up snooty toffee-nosed halfwitted incompetents dimbulb nonce sleazeball
"""

# Words that insult only when said of someone ("you are mental"), never when they label a
# thing ("the mental health team", "the monster of a hole").
SAID_ONLY = """
mental monster monsters fossil fossils dinosaur dinosaurs fraud frauds filth freak freaks
maniac maniacs senile geriatric geriatrics decrepit
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
piss sod bugger feck fecking effing frigging bollocks arse arsed
"""

# Slurs: used of staff they are discriminatory whatever the context.
SLURS = """
paki pakis nigger niggers nigga niggas wog wogs coon coons gook gooks spic spics kike kikes yid
yids raghead ragheads towelhead towelheads gyppo gyppos pikey pikeys faggot faggots fag fags poof
poofs poofter poofters woofter woofters tranny trannies spaz spastic spastics mong mongs retard
retards nonce limp-wristed dyke dykes lezza shemale chinky chinkies darkie darkies
gippo gippos gypo gypos polack polacks chink chinks jap japs dago dagos wop wops golliwog
golliwogs sambo sambos batty-boy bender benders lezzer lezzers lesbo lesbos he-she cripple
taig taigs fenian fenians
cripples gimp gimps window-licker window-lickers mongoloid mongoloids kraut krauts
"""

# Capitalised words that open sentences and are not anyone's name: "Life is a bitch" insults
# no one, while "Wren is a ..." is said of a person.
NOT_NAMES = """
It This That There Here Everything Nothing Something Anything Life Everyone Everybody Nobody
Somebody Someone What Which Who Whoever The Council Housing Planning Your Our My His Her Their
Its Why How When Where And But So Then Now Today Yesterday Monday Tuesday Wednesday
Thursday Friday Saturday Sunday January February March April May June July August September
October November December England Britain English British God Christ Jesus
"""



def _with_plurals(words: str) -> frozenset[str]:
    """The words and their regular plurals: a customer calls a whole office what the list
    has in the singular ("nonces", "cows"), and a list kept by hand forgets half of them."""
    forms = set(words.split())
    for word in list(forms):
        if word.endswith(("s", "x", "z", "ch", "sh")):
            forms.add(word + "es")
        elif word.endswith("y") and word[-2:-1] not in set("aeiou"):
            forms.add(word[:-1] + "ies")
        else:
            forms.add(word + "s")
    return frozenset(forms)


ALL_INSULTS = _with_plurals(INSULTS) | frozenset(APPEARANCE.split()) | frozenset(SAID_ONLY.split())
ALL_APPEARANCE = frozenset(APPEARANCE.split())
ALL_SAID_ONLY = frozenset(SAID_ONLY.split())
ALL_PROFANITY = frozenset(PROFANITY.split())
ALL_SLURS = frozenset(SLURS.split())

# A swear word or insult with letters hidden: "f***", "f**king", "c***s", "b*stard", "tw*t".
MASKED = re.compile(
    r"(?<![\w*])(f[*#@!_-]+(c?k|c?king|c?kin|ing|in|ed|er|ers|wit|s)?|f[*#@!]*ck\w*|fu[*#@!]+\w*"
    r"|c[*#@!]{2,}t?s?|c[*#@!]nts?|sh[*#@!]+t\w*|tw[*#@!]+ts?|b[*#@!]+(st)?ards?|b[*#@!]{3,}ds?|b[*#@!]+ch(es)?|b[*#@!]{3,}s?"
    r"|wan[*#@!]+(er|ers|k)|p[*#@!]{2,}k?s?|ar[*#@!]+e?hole|d[*#@!]+khead)(?![\w*])",
    re.I,
)
