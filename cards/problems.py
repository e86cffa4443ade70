"""The answer to a card submission that cannot be used: what to fix, in plain words."""

from __future__ import annotations

from collections.abc import Sequence

from cards.elements import Json, banner, bullets, card, text


def submission_error_card(problems: Sequence[str]) -> Json:
    """Lists each problem (from `cards.validation.submitted`) and says nothing was saved.

    Saying "nothing was saved" matters: a member of staff who sees an error
    must not assume the incident is already on the record.
    """
    items = list(problems) or ["Something in the answer could not be read."]
    body = [
        banner(["Please fix this and send again"], style="warning"),
        *bullets(items),
        text("Nothing has been saved yet. Your other answers are still on the card.", subtle=True),
    ]
    return card(body)
