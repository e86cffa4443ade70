"""Words for reading a sentence's form as a request (see `mailbox.triage.requests`).

These are not kinds of request. They are the words that make a sentence
ask (verbs an imperative can open with, the frame "I would like", the
courtesies), and the words a chaser is made of ("get someone out", "I want
an answer"), which name nothing the customer wants beyond a reply.
"""

from __future__ import annotations

# Verbs a customer opens an imperative with: "Send me ...", "Tell me ...", "Log this ...".
IMPERATIVE_VERBS = """
send tell give let get put take make stop start arrange book provide supply confirm explain
show forward pass log register record note add remove change correct amend update fix repair
replace mend sort deal look check inspect investigate review reconsider cancel refund pay
reimburse return reinstate restore write reply respond answer call ring phone contact email
ask help advise inform escalate refer transfer move rehouse assess visit come collect empty
deliver clear clean treat allow grant waive reduce extend keep leave delete withdraw apologise
apologize acknowledge consider agree accept release disclose translate post print issue open
close reopen re-open process approve find organise organize ensure chase bring install
"""

# The frame of a request: asking words, courtesies and pronouns. What is left names the thing
# asked for.
FRAME = """
please pls kindly can could would will may might shall should must i we you me us my our your
someone somebody anyone anybody want wanted need needs like love wish ask asking asked request
requesting expect demand insist require requires required grateful appreciate obliged thank thanks
possible know tell let
send give get provide let's also just now again still really then so and or but if whether
yes no any some stuff things nice
"""

# Things the council can send or give: asked for, they are what the request is about, though
# elsewhere they are the generic vocabulary of correspondence.
DELIVERABLES = """
letter letters copy copies record records note notes information form forms reference
"""

# The remedy of whatever the complaint is: asked for, money back is the old matter's remedy
# unless a new sum is named (which `novelty` judges on its own).
REMEDY = """
refund refunded refunds money compensation compensate compensated balance rest difference
paid pay payment back debt owed owing reimbursed reimbursement
"""
# The other remedies an ombudsman lists beside money (the LGSCO's guidance on remedies): an
# apology or an admission, a charge cancelled, waived or written off, a decision overturned
# or an exception made, what was taken restored. Asked for, they are the old matter's remedy.
REMEDIES = """
apology apologies apologise apologised apologize admit admitted admission acknowledge
acknowledged cancel cancelled canceled cancelling waive waived waiver wipe wiped wiping
written quash quashed overturn overturned exception exceptions reinstate reinstated restore
restored reverse reversed withdrawn rescind rescinded scrap scrapped dropped
lift lifted lifting revoke revoked revoking discretion exercise redo redone rewrite rewritten
"""

# What a chaser asks for: only that the council reply or act on what it already has.
CHASER = """
answer answers reply replies response responses respond update updates sort sorted deal dealt
someone somebody anyone out back fix fixed done do something anything action act move moving
email emails e-mail letter letters message messages call waiting wait still hear heard
read reading it this that them matter issue issues problem problems complaint complaints
pass passed whoever decide decides decision
right now asap immediately urgently urgent properly soon quickly today week weeks
"""
