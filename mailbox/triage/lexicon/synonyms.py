"""Words customers use for one council matter, folded to one name.

A tenant who reported "condensation" and now writes about "mould", or who
complained of a "ticket" and now writes "PCN", raises nothing new by the
change of word. Each line is one matter: the first word is the name every
other word on the line is read as. General UK council vocabulary only.
"""

from __future__ import annotations

GROUPS = """
damp mould mold mouldy condensation mildew black-mould
leak leaking leaks leaked drip dripping drips ingress seeping seep
bin bins wheelie wheeliebin dustbin
rubbish refuse waste litter garbage trash
collection collect collected collecting emptied emptying pickup
lorry truck wagon dustcart dustbin-lorry refuse-vehicle
pcn ticket tickets ticketed fined penalty
warden wardens ceo attendant
pothole potholes hole holes crater
pavement footpath footway sidewalk
noise noisy loud racket din
leaves leaf twigs twig debris moss acorns sap
rat rats mouse mice rodent rodents vermin infestation
compensation refund reimbursement reimburse reimbursed payout
rude rudeness abrupt impolite disrespectful attitude manner
carpet carpets flooring rug
window windows windowsill windowsills sill sills glazing pane panes frames
heating boiler radiator radiators
bailiff bailiffs enforcement
mum mother mam mom mummy
dad father
kids children child kid
nan gran grandma grandmother nanna
fly-tip flytip fly-tipping flytipping dumping dumped tipping tipped fly-tipped
discount reduction
benefit benefits
allowance allowances
cost costs charge charges charged fee fees contribution contributions price
tree trees oak sycamore
"""

CANONICAL = {
    word: line.split()[0] for line in GROUPS.strip().splitlines() for word in line.split()
}
