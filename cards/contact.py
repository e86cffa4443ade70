"""The contact check: may I call, email or meet this person, and if not, what instead.

Staff ask this with the phone ringing, so the answer comes first in a
coloured box (green yes, amber with conditions, red no) with what to do
instead, then which channels are open, the single point of contact, the
arrangements behind the answer and who to ask. Version "1.2", for Teams mobile.
"""

from __future__ import annotations

from cards.elements import Json, banner, card, facts, section, text, title
from cards.wording import capitalised, listed
from register.arrangements import Answer
from register.briefs import ContactBrief

_STYLE = {Answer.YES: "good", Answer.WITH_CONDITIONS: "warning", Answer.NO: "attention"}
_OVERALL = {
    Answer.YES: "No contact restrictions",
    Answer.WITH_CONDITIONS: "Contact is restricted",
    Answer.NO: "No contact allowed",
}
_ASKED = {Answer.YES: "Yes", Answer.WITH_CONDITIONS: "Yes, with conditions", Answer.NO: "No"}


def _answer(brief: ContactBrief) -> Json:
    if brief.asked is None:
        headline = _OVERALL[brief.answer]
    else:
        headline = f"{capitalised(brief.asked.label)}: {_ASKED[brief.answer]}"
    instead = (
        [f"Instead: {step}" for step in brief.instead] if brief.answer is not Answer.YES else []
    )
    return banner([headline, *instead], style=_STYLE[brief.answer])


def _channels(brief: ContactBrief) -> Json:
    def named(answer: Answer) -> str:
        return capitalised(listed(r.channel.label for r in brief.channels if r.answer is answer))

    return facts(
        [
            ("Single point of contact", brief.spoc or ""),
            ("Allowed", named(Answer.YES)),
            ("With conditions", named(Answer.WITH_CONDITIONS)),
            ("Not allowed", named(Answer.NO)),
        ]
    )


def _arrangements(brief: ContactBrief) -> list[Json]:
    if not brief.arrangements:
        return [text(brief.note, subtle=True)]
    lines = [f"• {a.text} ({a.scope})" for a in brief.arrangements]
    return section("Arrangements", [text(line, spacing="small") for line in lines])


def contact_check_card(contact_brief: ContactBrief) -> Json:
    """How this person may be contacted: the answer, channels, SPOC, arrangements, who to ask."""
    body = [
        text("Contact check", subtle=True),
        title(contact_brief.person),
        _answer(contact_brief),
        _channels(contact_brief),
        *_arrangements(contact_brief),
    ]
    if contact_brief.ask:
        asks = [text(f"• {who}", spacing="small") for who in contact_brief.ask]
        body += section("For details, ask", asks)
    return card(body)
