"""What a person's standing is denied by: the ordinary English of putting someone down for
who they are, rather than for what they did.

Criticism of an officer's work ("she got the dates wrong", "he never read my letter") is
every complaint's substance. What no complaint needs is to say where a woman belongs,
what a person would look like undressed, that a man is not a "proper" man, that a grown
officer is a child who needs watching, that someone should be sent back where they came
from, or that their safety is in doubt. Each of those is a way of denying a person's
standing, and each has a small stock of idioms in general British English, collected here
from ordinary usage (the common sexist, sexual, homophobic and transphobic, infantilising
and xenophobic set phrases, and the set phrases of a veiled threat), many variants each,
not from any corpus. `standing` reads them only when said of a member of staff.

Every entry is a regular-expression phrase, one a line; an indented line goes on with the
one before (long alternations are broken at a "|"). "PRONOUN" stands for the
person the phrase is said of (him, her, them, it), so that "supervising her" and
"supervising the officer" read alike.
"""

from __future__ import annotations

# Sex: a woman's "place", a man wanted instead, a woman's age or body as her unfitness.
PLACE = r"""
(should|ought to|belongs?|would be better|be better off|wants? to) ((be|stay
    |stop) )?(at home|in the kitchen|at the (sink|stove|cooker)|barefoot
    |chained to the (sink|kitchen|cooker))
(should|ought to|would be better|be better off) (be )?(having|making|popping out|raising
    |bringing up|looking after) (babies|kids|children|a family|the kids|her (husband|kids
    |children))
(making|having|popping out) (babies|sprogs)( for)?
(doing|do) (the|his|her husband'?s) (ironing|washing|washing up|dishes|hoovering|cooking
    |cleaning)
(should|ought to|better off|go and|get back to|stick to) (be )?(making|make|fetch
    |fetching) (the |a |us a |me a )?(tea|teas|cuppa|cup of tea|sandwiches|coffee)
(send|get|give me|put|want|need|find|have) (me |us )?(a|an|some) (proper|real|actual
    |grown|grown-up) (man|men|bloke|fella|inspector|officer|one)
(a|the) (proper|real) (man|bloke|fella) (next time|instead|for (this|the job))
(a|the) man'?s job
no (woman|women|girl|girls|female|lady|wife) (should|would|has|have|speaks?|talks?|tells?
    |orders?|gives?)
(women|woman|girls?|females?|ladies) (like (her|this|that|them)|(of )?her age|that age)
(a|that|this) (girl|woman|lass|female|lady) like (this|that|her)
(hot flush(es)?|hot flushes|the change|menopause|menopausal|time of the month
    |that time of the month|pms|pmt|hormones|hormonal)
(dried-up|dried up|frigid|barren) (old )?(witch|cow|hag|woman|spinster|bag|bat|prune)
needs? (a|an) (good )?(man|husband|boyfriend|seeing[- ]to)
"""

# Sexual remarks: a member of staff's body or sexual availability.
SEXUAL = r"""
(short|little|tight|mini|low-cut) (skirt|dress|top|shorts)
(show|give|teach) PRONOUN (more than|a good time|what a real|a thing or two|what for
    |how it'?s done)
(nice|lovely|great|fit|cracking|tasty|sexy|peachy|firm) (legs|arse|bum|body|figure|tits
    |rack|boobs|bottom|backside|pair)
(give|giving|gave) PRONOUN (one|a seeing[- ]to|a good seeing[- ]to)
bend PRONOUN over
(sit|sitting|sat) on my (lap|knee|face)
(get|got|take|taking) (her|his|their) (kit|knickers|clothes|top|bra|pants) off
(in|wearing) (her|his) (underwear|knickers|lingerie|stockings|nightie|bikini)
(come|pop|popping|coming) round (in|wearing) (a|her|something)
(sexy|fanciable|shaggable|eye candy|a bit of (skirt|fluff))\b
(i'?d|i would|wouldn'?t mind) (give|giving|do|doing|have|having) (her|him|them)\b
"""

# Sexuality and gender expression mocked: "minces", "a proper man", a person called "it".
EXPRESSION = r"""
minc(e|es|ed|ing)( about| around| in| off| up)?
(camp as|as camp as) (a|christmas|row)
(on|down) (a|the) catwalk
(prances|prancing|flounces|flouncing|sashays|sashaying) (about|around|in)
limp[- ]wrist(ed)?
(girl'?s|big girl'?s) blouse
(can'?t|cannot|couldn'?t|doesn'?t) (decide|tell|make up (its|his|her|their) mind) (if
    |whether) (it'?s|it is|he'?s|she'?s|they'?re) (a )?(man|woman|bloke|boy|girl|lad|lass)
(is it|is that) a (man|bloke|boy) or a (woman|girl|lady)
(it|that thing|the thing|this thing) (on|at|behind) (the )?(front |reception )?(desk
    |reception|counter)
(scared|afraid|frightened) of (getting|breaking|chipping) (his|her|their) (nails|nail|hands)
(lipstick|nail varnish|eyeliner|mascara|high heels|handbag) (on a (man|bloke)|and (the
    |a) (earrings|handbag|lipstick))
(earrings|lipstick) and (the |his |her )?(pink|lipstick|earrings|handbag|high heels|make-?up)
(a|the|some|one) (proper|real) (man|men|bloke|woman)
(wears?|wearing) (a dress|a skirt|make-?up|lipstick) like a
"""

# Infantilising: a grown officer treated as a child who needs watching and help.
CHILD = r"""
(supervis(e|es|ed|ing)|babysit(s|ting)?|mind(s|ing)?|chaperon(e|es|ing)) PRONOUN\b
(hold(s|ing)?|holding) (his|her|their) hand
unsupervised
(let|allow|allowed|trust|trusted) (PRONOUN )?(to )?(use|near|loose with|out with|touch
    |play with) (the |a |sharp |real )?(stapler|scissors|crayons|pens?|pencils?
    |photocopier|computer|kettle|phone)
let (out|loose) (in public )?without (a|his|her|their) (helmet|carer|minder|mum)
(with|in|using|draw(ing)?) (pictures|crayons?|felt tips|small words|short words
    |words of one syllable|big letters|a colouring book|finger puppets)
(go through|read|explain|spell out|help(s|ing)? (him|her|them) with) the (long|longer|big
    |bigger|hard|difficult) words
(the|with the) (long|longer|big|bigger) words
cut (his|her|their) (food|meat|dinner|tea) (up )?(for (him|her|them))?
(his|her|their) (carer|mummy|mum|mother|nanny|babysitter|minder|teacher|helper) (helps?
    |does|reads|writes|has to|needs to)
(a|this|that|some|the) (child|kid|toddler|baby|infant|schoolgirl|schoolboy|little girl
    |little boy) (who|whose|that|signing|deciding|in charge|like (her|him))
(cress head|colouring (in|book)|gold star|sticker chart|naughty step|nap time|naptime
    |playtime|past (his|her) bedtime)
(when|if) (he|she|they) grows? up
which (university|cereal packet|christmas cracker) (gave|awarded|handed|did (he|she
    |they) (go to|get))
(degree|qualification|certificate|diploma|badge) (from|out of) (a|the) (cereal packet
    |christmas cracker|lucky bag)
learn(ing|t|ed)? to (read|write|count|tie (his|her|their) shoe)
"""

# Belonging: a person sent back where they or their family came from.
BACK = r"""
(send|sent|ship|shipped|deport|deported|pack|packed) (him|her|them
    |them all) (back( home)? (to (?-i:[A-Z])\w+|where|to (his|her|their) (own )?country)
    |off on a (boat|plane|dinghy)|on the next (boat|plane|flight))
(go|goes|went|going|gone|sent|be sent) back (to )?where(ever)? (he|she|they|his (family
    |people|lot|parents)|her (family|people|lot|parents)|their (family|people|lot
    |parents)) (came|come|comes|is from|are from)
back (to )?where(ever)? (his|her|their) (family|people|lot|parents|sort|kind) (came|come
    |comes|are|is) from
back to (his|her|their) own (country|kind|people|lot)
"""

# A person's safety put in doubt, said of staff: the veiled threat's set phrases.
SAFETY = r"""
how safe (he|she|they|PRONOUN) (feels?|is|are|will be|would be)
(wouldn'?t|would not|don'?t|do not) (want|like) to be (in )?(him|her|them|his shoes
    |her shoes|their shoes)
(has|have|'s|’s|has got|have got|'s got|’s got) (it|this|what'?s) coming
(something|anything) (bad |nasty )?(happens?|happened|could happen|might happen
    |will happen|is going to happen) to PRONOUN
(accidents|things) (can |do |will )?happen\b
(someone|somebody|people|one of (us|them)|the lads) (loses?|lost|losing) (their|his
    |her) (temper|rag|head)
"""

# Each group: the standing a phrase denies, and its phrases.
GROUPS: dict[str, str] = {
    "sex": PLACE,
    "sexual remark": SEXUAL,
    "gender expression": EXPRESSION,
    "infantilising": CHILD,
    "belonging": BACK,
    "safety": SAFETY,
}
