"""The matters a council deals with, each named by the words that raise it.

A sentence that touches a matter the case file never mentions ("drug
dealing from flat 41" in a case about bins) is new however short it is.
Each line is a matter's name, a colon, and comma-separated words or
phrases that raise it ("*" matches any ending, "(a|b)" either word; an
indented line continues the one above). Words with an everyday
sense ("care", "job", "send", "road") are left out or given as a phrase.
General UK council services only.
"""

from __future__ import annotations

TOPICS = """
damp: damp, mould*, mold*, condensation
leak: leak*, flood*, water came through, water coming through, ingress
electrics: electric*, wiring, socket*, fuse*, sparking, crackl*, flicker*, light fitting*
heating: boiler*, heating, radiator*, hot water, gas safety
structure: subsidence, collapse*, structural
pests: rats, mice, rodent*, cockroach*, bedbug*, wasp*, infest*, pest control
noise: noise*, noisy, loud music, bass, barking, amplified
drugs: drugs, drug dealing, dealing drugs, drug dealer*, cannabis, needles, syringe*
fire: set fire, on fire, arson*, fire brigade, burnt out, burned out
corruption: bribe*, backhander*, kickback*, corrupt*, on the take, brown envelope*
crime: burglar*, break-in, broken into, stolen, theft, vandal*, graffiti, police
highways: pothole*, pavement*, tarmac, gritting, gritter*, road surface
lighting: street light*, streetlight*, lamp post*, lamppost*
parking: pcn*, parking ticket*, parking permit*, permit*, warden*, parked
blue badge: blue badge*
dropped kerb: dropped kerb*, crossover
waste: bin collection*, missed bin*, bin lorry, recycling, refuse, collection day, wheelie bin*,
    (brown|green|blue|black|grey) bin*, (bin|bins) (was|were|wasn't|weren't|not) (emptied|collected)
fly-tipping: fly-tip*, flytip*, fly tip*, dumped, dumping
trees: tree, trees, branch*, oak, hedge*, overhanging
council tax: council tax, ctax, single person discount, liability orders?
benefits: housing benefit, universal credit, overpayment*, council tax reduction,
    council tax support
housing register: housing register, banding, bidding, band [a-e]
homelessness: homeless*, eviction, evict*, section 21, notice to quit, possession order
domestic abuse: domestic abuse, domestic violence, my ex, ex-partner, ex partner
care: carer*, care package, care call*, home care, social worker*, care home*, respite
school transport: school transport, bus pass*, home-to-school
schools: school place*, ehcp, school admission*, exclusion
planning: planning permission, planning application, planning condition*, extension, building work*
licensing: licen[cs]e*, licensing
leisure: leisure cent*, swimming, gym
cemetery: grave*, cemetery, headstone*, burial
allotments: allotment*
health: diagnos*, hospital*, surgery, operation, wheelchair, disabilit*, sclerosis, autism
bereavement: died, death, passed away, funeral, bereave*, widow*
moving: moved, moving out, moving in, new address, change of address
employment: lost my job, lost her job, lost his job, redundan*, unemployed
adaptations: stairlift*, wet room, adaptation*, grab rail*, ramp
vehicle damage: scratch*, dent*, tyre*, bodywork, wing mirror*
data: cctv, footage, personal data, subject access
elections: electoral regist*, electoral roll, electoral register, polling station*, polling card*,
    postal vote*, proxy vote*, canvass*, voter*, voting
registrars: birth certificate*, death certificate*, marriage certificate*, registrar*,
    citizenship ceremon*, register (a|the|his|her) (birth|death)
libraries: librar*
rent: rent arrears, rent account*, rent increase*, service charge*, ground rent
tenancy: tenancy agreement*, succession, mutual exchange, right to buy, joint tenancy
antisocial behaviour: anti-social behaviour, antisocial behaviour, asb, community trigger
dogs: dog fouling, dog mess, dog poo, stray dog*, dog warden*, dangerous dog*, dog bite*
food safety: food hygiene, food poisoning, hygiene rating*, takeaway*
trading standards: trading standards, rogue trader*, scam*, doorstep sell*, counterfeit
street cleaning: street clean*, road sweep*, street sweep*, litter pick*, litter bin*
grounds: grass cutting, grass verge*, verge*, mowing, playground*, play area*, park bench*
drainage: blocked drain*, gully, gullies, drainage, sewer*, manhole*, flooded road*
bulky waste: bulky waste, bulky item*, garden waste, green waste, clinical waste, recycling centre*,
    the tip, local tip
welfare support: discretionary housing payment*, dhp, crisis (grant|fund|payment)*,
    local welfare, hardship fund*
temporary accommodation: temporary accommodation, b&b, hostel*, emergency accommodation
adult social care: carer'?s assessment*, carers assessment*, needs assessment*, direct payment*,
    personal budget*, occupational therap*
children: children'?s services, child protection, foster*, adoption, early help, nursery place*,
    free school meals, school meal*, uniform grant*
roads: bus stop*, bus shelter*, speed bump*, speed hump*, traffic calming, zebra crossing*,
    pelican crossing*, road closure*, roadworks, disabled bay*, parking bay*
lifts: lift (is|was|has been|keeps) (broken|out of order|not working|stopping|breaking down),
    lifts (are|were|have been) (broken|out of order|not working)
fire safety: smoke alarm*, fire alarm*, fire door*, fire risk assessment*, cladding
gas: gas leak*, carbon monoxide, smell of gas, smells of gas
asbestos: asbestos
door security: door entry, entry phone*, intercom*, communal door*
empty homes: empty (home|homes|property|properties|house|houses)
abandoned vehicles: abandoned (car|cars|vehicle|vehicles|van|vans), untaxed
invasive plants: japanese knotweed, knotweed
business rates: business rates, rate relief, rateable value
"""
