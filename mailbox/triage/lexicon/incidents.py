"""Past-tense verbs of damage, injury, spillage and escape, in general English.

"Smashed", "knocked", "spilt", "bit": a subject before one of these tells of
an incident. Verbs of handling a matter ("refused", "decided", "ignored")
are not here: every repeat retells those.
"""

from __future__ import annotations

VERBS = """
smashed broke cracked damaged dented scratched knocked crashed ripped tore snapped bent flooded
burst leaked collapsed fell spilled spilt dumped scattered strewed stole bit injured hurt bruised
tripped slipped escaped ruined wrecked flattened crushed bashed scraped punctured shattered split
toppled blew soaked scalded burnt burned trampled gouged
"""

ALL_VERBS = frozenset(VERBS.split())
