"""Words that carry no matter of their own.

A sentence is only new if it names something the council has not already
considered. Function words, the vocabulary of complaining ("disgusting",
"ignored", "properly"), of correspondence ("letter", "reply"), of time and of
evidence ("photos", "receipts") appear in every repeat, so they are not
counted as content. Each group is a plain word list, easy to extend.
"""

from __future__ import annotations

FUNCTION_WORDS = """
a about above after again against all almost along already also although always am among an and
another any anybody anyone anything anyway anywhere are aren around as at away back be because
been before behind being below beside besides between beyond both but by can cannot cant could
couldn did didn do does doesn doing don done down during each either else enough even ever every
everybody everyone everything except few for from further furthermore had hadn has hasn have
haven having he her here hers herself him himself his how however i if im in instead into is isn
it its itself ive just least less let lets like many may me might mine more most much must my
myself neither never nevertheless no nobody none nor not nothing now of off often on once one
only onto or other others otherwise our ours ourselves out over own per perhaps quite rather
really same shall she should shouldn since so some somebody someone something sometimes somewhere
still such than that thats the their theirs them themselves then there thereby therefore these
they thing things this those though through throughout thus till to too toward towards under
unless until up upon us very via was wasn we were weren what whatever when whenever where whereas
wherever whether which while who whoever whole whom whose why will with within without won
would wouldn yet you your yours yourself yourselves youre ill id youve weve theyre dont doesnt
didnt isnt wasnt arent werent wont wouldnt couldnt shouldnt havent hasnt hadnt whats theres
ive im youll hes shes its etc yes ok okay oh well via re fw fwd
"""

CORRESPONDENCE = """
council councils councillor email emails e-mail mail letter letters reply replies replied respond
response responses write writing wrote written writ contact contacted message messages call
called calls phone phoned ring rang telephone note notes copy copies attached attachment
attachments enclosed regard regards sincerely faithfully dear sir madam sirs mr mrs ms miss dr
cllr officer officers department team staff manager managers member members service services
person people customer resident residents complaint complaints complain complained complaining
case cases matter matters issue issues problem problems decision decisions stage procedure
process policy point points information detail details reference ref number letter spoc
contact single behalf concern concerns concerned query request asked ask asking answer answered
record records file filed closed close open reopen reopened reopening update updated
office offices word words form forms question questions
"""

GRIEVANCE = """
again still yet once ever never always constantly continually repeatedly already anymore
disgusting disgrace disgraceful appalling appalled shocking shocked outrageous ridiculous
unacceptable unfair fair unjust wrong wrongly right properly proper improperly correctly
correct incorrect incorrectly clearly obviously simply totally absolutely completely entirely
exactly frankly honestly literally genuinely truly actually basically seriously really
ignore ignored ignoring listen listened listening nobody anybody care cared caring bother
bothered useless pathetic incompetent incompetence hopeless joke sham whitewash farce
insult insulting insulted ashamed shame shameful embarrass embarrassed embarrassing
upset unhappy angry furious fed sick tired frustrated frustrating annoyed disappointed
disappointing dissatisfied satisfied happy pleased grateful thank thanks sorry apology
apologise apologize apologies accept accepted agree agreed disagree believe think thought
feel felt know knew known understand understood realise realize expect expected hope hoped
want wanted wants wish wished need needed needs demand demanded demanding insist insisted
like would love hate say said says saying tell told telling explain explained explanation
claim claimed claims mean meant see seen saw look looked looking come came coming go going
gone went get got getting give given gave make made making take taken took put keep kept
let try tried trying deal dealt dealing sort sorted happen happened happening happens
keep keeps kept remain remains remained continue continued continues carry carried stop
stopped start started nothing anything everything something lot lots whole bit kind sort
way ways fact facts reason reasons truth lie lies liar true false rubbish nonsense so-called
simple plain full fully least best worse worst bad good great big small little long short
new old same different other another last first second next final further previous
previously earlier later recent recently current currently still plus also even especially
point pointless worth enough much many few several various certain sure unsure clear
mind minds view opinion record mistake mistakes error errors fault blame blamed
responsible responsibility failure failed fail fails failing let down letting
spend spent waste wasted time times please add added adding top bottom around
man men woman women lady ladies gentleman guy bloke lad girl boy anyone someone somebody
find found forget forgot hear heard find treat treated side able
wait waiting waited chase chasing chased remember recall use used using
"""

TIME_WORDS = """
today yesterday tomorrow tonight morning afternoon evening night nights day days week weeks
weekend weekends month months year years hour hours minute minutes moment time date dates ago
since until till before after during recently soon now then later earlier early late daily
weekly monthly yearly annual annually fortnight fortnightly monday tuesday wednesday thursday
friday saturday sunday january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn winter
am pm midnight midday noon o'clock
"""

EVIDENCE = """
photo photos photograph photographs picture pictures video videos recording recordings
recorded receipt receipts evidence proof prove proves proved statement statements
screenshot screenshots diary diaries log logs document documents documented paperwork
witness witnesses measure measured measurement measurements copy show shows showed shown
"""

NUMBERS = """
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
hundred thousand half quarter dozen couple single double first second third fourth fifth
"""

# The council's own routine of handling, which every reply mentions.
HANDLING = """
investigate investigated investigation investigating review reviewed reviewing consider
considered consideration assess assessed assessment inspect inspected inspection inspector
visit visited visiting check checked checking confirm confirmed action actioned resolve
resolved resolution outcome outcomes uphold upheld escalate escalated refer referred
acknowledge acknowledged receive received send sent post posted respond deadline deadlines
"""

ALL = frozenset(
    word
    for block in (
        FUNCTION_WORDS,
        CORRESPONDENCE,
        GRIEVANCE,
        TIME_WORDS,
        EVIDENCE,
        NUMBERS,
        HANDLING,
    )
    for word in block.split()
)
