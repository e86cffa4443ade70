"""Who a person is, and how they look, in general British English.

A customer complaining about a service has no reason to mention a member of
staff's age, origin, sex, sexuality, religion, disability or body: none of
them is ever the matter. So a remark on one of them, said of staff, is the
signal (see `remarks`). The groups follow the protected characteristics of
the Equality Act 2010 (s.4: age, disability, gender reassignment, marriage
and civil partnership, pregnancy and maternity, race - colour, nationality,
ethnic or national origins - religion or belief, sex, sexual orientation),
with body and appearance beside them. They are built from ordinary English,
many words a category with their inflections, not from any corpus.

Each category has three kinds of entry, because a word's force depends on
where it stands:

- NOUNS name a person by the characteristic ("a pensioner", "that
  foreigner"): said of staff, they are a remark wherever they stand;
- ADJECTIVES count only when they describe a person ("a black officer",
  "that fat warden", "he is deaf"): "a black bin", "fat chance" and "deaf
  ears" describe nothing about anyone;
- PHRASES are idioms that only ever describe a person ("past it", "over the
  hill", "from this country").

Sex on its own ("a woman", "a female officer") is not here: customers may
ask for an officer of a given sex for a stated reason. Slurs and plain
insults live in `lexicon.abuse`.
"""

from __future__ import annotations

AGE_NOUNS = """
pensioner pensioners oap oaps geriatric geriatrics codger codgers biddy biddies crone crones
fogey fogeys fogy fogies fossil fossils dinosaur dinosaurs wrinkly wrinklies crumbly crumblies
coffin-dodger coffin-dodgers old-timer old-timers dodderer dodderers granny grannies grandad
grandads grandpa grandma duffer duffers youngster youngsters teenager teenagers teen teens
adolescent adolescents schoolgirl schoolgirls schoolboy schoolboys schoolkid schoolkids
whippersnapper whippersnappers juvenile juveniles
"""
AGE_ADJECTIVES = """
old elderly aged ageing aging doddery doddering senile decrepit geriatric wrinkly wrinkled
withered infirm frail ancient prehistoric menopausal teenage adolescent juvenile baby-faced
"""
AGE_PHRASES = r"""
past (it|(his|her|their) (best|prime|sell-by( date)?))
over the hill
one foot in the grave
long in the tooth
(counting|counts) (down )?(the days )?(to|till|until|towards) (his|her|their) (pension|retirement)
(should|ought to) (have )?(retire|retired|be retired|be pensioned off)
wet behind the ears
(barely|just|hardly|only just|straight|fresh) out of (school|college|university|uni|nappies)
still (at|in) (school|nappies)
too (old|young)
(his|her|their) (age|time of life)
"""

DISABILITY_NOUNS = """
cripple cripples spastic spastics retard retards mong mongs schizo schizos
"""
DISABILITY_ADJECTIVES = """
disabled handicapped crippled lame deaf blind dyslexic autistic mental schizophrenic bipolar
mentally-ill hard-of-hearing partially-sighted wheelchair-bound limping stammering stuttering
"""
DISABILITY_PHRASES = r"""
(not|isn'?t|ain'?t) (all|quite all) there
(has|with|got) (a|that) (limp|stammer|stutter|lisp|speech impediment|hearing aid|false leg)
(his|her|their) (disability|condition|handicap|stammer|stutter|limp|lisp|hearing aid|wheelchair)
in (a|the|that) wheelchair
special needs
learning (disability|disabilities|difficulties)
"""

REASSIGNMENT_NOUNS = """
tranny trannies transsexual transsexuals transvestite transvestites he-she shemale
"""
REASSIGNMENT_ADJECTIVES = """
trans transgender transsexual non-binary
"""
REASSIGNMENT_PHRASES = r"""
used to be a (man|woman|bloke|lad|girl|bloke)
born a (man|woman|bloke|boy|girl)
(man|bloke|fella|geezer) in a (dress|frock|skirt|wig)
(his|her|their) (pronouns|transition)
biological (man|male|woman|female)
"""

PREGNANCY_ADJECTIVES = """
pregnant expecting
"""
PREGNANCY_PHRASES = r"""
(baby|pregnancy) brain
on (her )?maternity( leave)?
"""

MARRIAGE_NOUNS = """
spinster spinsters divorcee divorcees
"""
MARRIAGE_PHRASES = r"""
old maid
(single|unmarried) (mum|mother)
"""

RACE_NOUNS = """
foreigner foreigners immigrant immigrants migrant migrants refugee refugees asylum-seeker
asylum-seekers gypsy gypsies gipsy traveller travellers pikey pikeys incomer incomers outsider
outsiders coloureds half-castes
"""
# Adjectives of colour, nationality and ethnic or national origin, with the nouns that
# name people by them. Only the people-naming nouns stand alone.
RACE_ADJECTIVES = """
foreign foreign-born black brown white coloured mixed-race half-caste ethnic asian african
caribbean west-indian jamaican nigerian ghanaian somali ethiopian eritrean sudanese kenyan
ugandan zimbabwean congolese indian pakistani bangladeshi sri-lankan nepalese chinese
japanese korean vietnamese thai filipino malaysian indonesian arab arabic middle-eastern
turkish kurdish iranian persian iraqi syrian afghan lebanese egyptian moroccan algerian
libyan yemeni polish romanian bulgarian lithuanian latvian estonian slovak czech hungarian
albanian kosovan serbian croatian bosnian ukrainian russian portuguese spanish italian
greek french german dutch eastern-european european irish scottish welsh english british
latino latina hispanic brazilian colombian mexican jewish gypsy roma romany
"""
RACE_PEOPLE = """
asians africans caribbeans jamaicans nigerians somalis indians pakistanis bangladeshis
chinese arabs turks kurds iranians iraqis syrians afghans poles romanians bulgarians
lithuanians latvians albanians europeans eastern-europeans irishman irishwoman scotsman
scotswoman welshman welshwoman englishman englishwoman englishmen englishwomen brit brits
jew jews
"""
RACE_PHRASES = r"""
(his|her|their|your) (obvious |foreign |ethnic |cultural )?(background|origins?|ethnicity)
(his|her|their|your) (obvious |foreign |ethnic |cultural )?(nationality|race|colou?r|heritage)
(his|her|their|your) (obvious |foreign )?(roots|descent|accent|english|grasp of english|skin)
(from|of) (this|our) country
(from|of) (round|around|over) here
not (from|of) (here|round here|around here|this country)
(born|brought up|raised|bred) (here|in this country|in (britain|england|the uk))
(proper|real|true|native|decent) (english|british|local)
english (village|town|ways|way of life|customs)
(come|came|comes|coming) over here
(his|her|their|your) own (kind|country|people|sort)
"""

RELIGION_NOUNS = """
muslim muslims moslem moslems jew jews hindu hindus sikh sikhs buddhist buddhists
catholic catholics papist papists protestant protestants christian christians evangelical
evangelicals bible-basher bible-bashers god-botherer god-botherers happy-clappy atheist
atheists heathen heathens infidel infidels
"""
RELIGION_ADJECTIVES = """
muslim moslem islamic jewish hindu sikh buddhist catholic protestant christian evangelical
religious devout orthodox
"""
RELIGION_PHRASES = r"""
(his|her|their|your) (faith|religion|beliefs|god|church|mosque|temple|synagogue|prayers?|prayer mat)
(in|wearing|with|under) (a|the|her|his|that) (headscarf|hijab|burka|burqa|niqab|turban|veil)
(in|wearing|with|under) (a|the|her|his|that) (skull ?cap|yarmulke|kippah)
(his|her|their) (headscarf|hijab|burka|burqa|niqab|turban|veil|skull ?cap|yarmulke|kippah)
"""

SEX_ADJECTIVES = """
hormonal effeminate girly mannish butch
"""
SEX_PHRASES = r"""
time of the month
(typical|silly|hysterical|emotional|bossy) (woman|women|female|females|girl|girls)
"""

ORIENTATION_NOUNS = """
lesbian lesbians homosexual homosexuals bisexual bisexuals queer queers dyke dykes poof poofs
fairy fairies
"""
ORIENTATION_ADJECTIVES = """
gay lesbian homosexual bisexual queer camp butch bent limp-wristed
"""
ORIENTATION_PHRASES = r"""
(bats|batting|bowls|bowling) for the other (side|team)
swings? both ways
light on (his|her) feet
(rainbow|pride) (lanyard|badge|pin|flag|bracelet)
(his|her|their) (sexuality|lifestyle|boyfriend|girlfriend)
(a|the|that) (man|woman|person|bloke|chap) like (that|him|her)
"""

APPEARANCE_NOUNS = """
fatso fatty fatties lardarse lard-arse porker baldy baldie beanpole midget midgets dwarf dwarfs
shortarse short-arse titch carrot-top ginger gingers redhead redheads four-eyes speccy specky
goggles beer-belly pot-belly paunch comb-over combover toupee wig man-bun mullet mono-brow
monobrow double-chin double-chins jowls moustache mustache tash tattoos piercings make-up
"""
APPEARANCE_ADJECTIVES = """
fat obese overweight chubby podgy porky tubby lardy flabby portly paunchy pot-bellied skinny
scrawny weedy bony lanky squat stumpy ugly hideous grotesque ginger balding bald
bald-headed spotty pimply greasy sweaty smelly hairy toothless buck-toothed goofy cross-eyed
boss-eyed squinty specky speccy four-eyed bearded tattooed pierced scruffy unwashed
dishevelled frumpy dowdy
"""
APPEARANCE_PHRASES = r"""
(beer|pot) bell(y|ies)
double chins?
comb-?over
man-?bun
(big|huge|hooked|crooked|red|bulbous) nose
(bad|yellow|rotten|buck|crooked|wonky) teeth
(his|her|their) (weight|size|looks|figure|belly|gut|arse|backside|chins)
(his|her|their) (bald (head|patch)|wig|toupee)
(dyed|greasy|purple|blue|pink|green) hair
(face|head) like (a|an)
caked in make-?up
mutton dressed as lamb
dressed like (a|an)
"""

# The categories a remark can fall in, each with its nouns, adjectives and phrases.
CATEGORIES: dict[str, tuple[str, str, str]] = {
    "age": (AGE_NOUNS, AGE_ADJECTIVES, AGE_PHRASES),
    "disability": (DISABILITY_NOUNS, DISABILITY_ADJECTIVES, DISABILITY_PHRASES),
    "gender reassignment": (REASSIGNMENT_NOUNS, REASSIGNMENT_ADJECTIVES, REASSIGNMENT_PHRASES),
    "pregnancy": ("", PREGNANCY_ADJECTIVES, PREGNANCY_PHRASES),
    "marriage": (MARRIAGE_NOUNS, "", MARRIAGE_PHRASES),
    "race": (RACE_NOUNS + RACE_PEOPLE, RACE_ADJECTIVES, RACE_PHRASES),
    "religion": (RELIGION_NOUNS, RELIGION_ADJECTIVES, RELIGION_PHRASES),
    "sex": ("", SEX_ADJECTIVES, SEX_PHRASES),
    "sexual orientation": (ORIENTATION_NOUNS, ORIENTATION_ADJECTIVES, ORIENTATION_PHRASES),
    "appearance": (APPEARANCE_NOUNS, APPEARANCE_ADJECTIVES, APPEARANCE_PHRASES),
}
