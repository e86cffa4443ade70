"""A member of staff put down for who they are, with no insult word: see `standing`.

"A girl like this should be at home making babies", "do they let her use the stapler
unsupervised yet", "send him back to where his family came from", "she should think about
how safe she feels walking to it": each denies an officer's standing as an adult, a
professional, a member of the community or a person entitled to feel safe.
"""

from __future__ import annotations

from mailbox.triage.model import RuleHit
from mailbox.triage.rules.base import Reading, hit
from mailbox.triage.rules.discrimination import Discrimination
from mailbox.triage.standing import denies_standing


class Disparagement:
    name = "disparagement"
    description = ("Puts a member of staff down for who they are: their sex, body, gender "
                   "expression, adulthood, belonging or safety.")

    def check(self, reading: Reading) -> RuleHit | None:
        for sentence in reading.sentences:
            # A put-down `Discrimination` already names ("send him back where he came from")
            # is reported once, under that name.
            if denies_standing(sentence, reading.earlier) and not Discrimination().check(reading):
                return hit(self, sentence)
        return None
