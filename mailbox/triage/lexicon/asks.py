"""Things a customer can ask the council to do, each a request of its own.

A complaint about a decision is one matter; asking for money back, for a
smaller deduction, for something removed to be put back, or for a debt to be
written off is another, which the council must answer on its merits. Each
line is a kind of request, a colon, and comma-separated phrases that ask for
it ("*" matches any ending, "(a|b)" either word, "\\w+" any one word; an
indented line continues the one above, and
breaks only after a comma). General UK council vocabulary only.
"""

from __future__ import annotations

ASKS = """
refund: refund*, reimburs*, money back, pay (me|us) back, repay (me|us), compensat*,
    (my|the|a|this|his|her|their|insurance) claim
reduction: take less, pay less, less (each|every|a|per) (week|month), reduc*,
    lower (the|my|our) (payments?|deductions?|instalments?|amount|rate),
    smaller (payments?|amount|instalments?|deductions?),
    (cut|bring) (down )?(the|my|our) (payments?|deductions?|instalments?)
reinstatement: put back, put (it|them|this|that|\\w+) back, reinstat*, restor*,
    bring (it|them|\\w+) back, (switch|turn) (it|them) back on, give (it|them) back
removal: take (him|her|them|his name|her name|their name) off,
    remove (him|her|them|his name|her name|their name), off (the|my|our) (account|bill|tenancy)
write-off: write (it |this |the \\w+ )?off, written off, waive*, wipe (it|the \\w+) (off|clean)
instalments: instal*ments?, spread (the|it|my|our|payments), payment plan,
    pay (it )?in (parts|stages|bits)
extension: (more|extra) time, an extension, extend (the|my|our) (deadline|time)
transfer: transfer*, move (me|us) (to|somewhere|out), rehous*,
    a (different|new|bigger|smaller) (flat|house|property|home)
replacement: (a )?(new|replacement|another) (one|card|badge|permit|pass|bin|key|fob|book),
    replace (it|them|my \\w+|the \\w+)
change of officer: (a )?(change|new|different|another) (of )?(social worker|officer|caseworker),
    (a )?(change|new|different|another) (of )?(case worker|case officer|worker)
"""
