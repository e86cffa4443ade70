"""Abusive language is flagged when it is aimed at staff, and only then.

Each message is invented. What matters is whom the words are aimed at: a
customer quoting a neighbour's slur, swearing at a building or reporting
pest control is not abusing staff; texting shorthand, masked swearing and
politely worded threats still are.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailbox.triage import CaseContext, Decision, Incoming, KnownIssue, triage

CONTEXT = CaseContext(
    customer_name="Robin Ash",
    known_issues=(
        KnownIssue("I1", "Rats in the rear garden of 3 Example Close", "closed",
                   "Pest control baited and monitored; complaint not upheld at stage 1"),
    ),
    history=(),
)


def _triage(body: str) -> Decision:
    message = Incoming("M", datetime(2026, 6, 10, 9, 0, tzinfo=UTC), "robin@example.net",
                       "Rats", body)
    return triage(message, CONTEXT)


def _flagged(body: str) -> set[str]:
    return {h.rule for h in _triage(body).hits} & {
        "insult", "profanity", "threat", "harassment", "discrimination"
    }


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("ur a lying scumbag and so is ur manager", "insult"),
        ("u lot r a bunch of useless c***s", "insult"),
        ("And tell that lazy fat slob from your pest team to do his job.", "insult"),
        ("The rats are back. F*** off and do something.", "profanity"),
        ("This is what happens when you put a woman in charge of pest control.",
         "discrimination"),
        ("Send someone British next time, not that one in the headscarf.", "discrimination"),
        ("It would be most unfortunate if the officer's home address became widely known.",
         "harassment"),
        ("I know which car you drive and where you park it.", "harassment"),
        ("You'll get what's coming to you.", "threat"),
        ("I see you. Think on.", "threat"),
        ("If I run into your inspector I'll break his nose.", "threat"),
        ("I'll be outside the depot for that warden, I'll be waiting for him when he finishes.",
         "threat"),
        ("You'll regret this, mark my words.", "threat"),
        ("I've clocked where he parks, your pest man.", "harassment"),
        ("Your daughter goes to the grammar school on the hill, doesn't she.", "harassment"),
        ("I don't want a foreigner handling this, put someone British on it.", "discrimination"),
        ("Women can't handle pest control, get me a man.", "discrimination"),
        ("That officer is past it, they should have pensioned her off.", "discrimination"),
        ("Your manager is a psycho and a nutter.", "insult"),
        ("That doddery old fool on the front desk lost my form.", "insult"),
        ("Piss off and do your job.", "profanity"),
    ],
)
def test_abuse_aimed_at_staff_is_flagged(body: str, rule: str) -> None:
    assert rule in _flagged(body)


@pytest.mark.parametrize(
    "body",
    [
        'My neighbour called me a "p***" and told me to "go back where I came from".',
        "Your contractor should have killed the rats properly in January.",
        "This f***ing garden is overrun and I am expected to pay for it.",
        "If this is not sorted I will see you in court and go to the press.",
        "The worry about the rats is killing me and I had a panic attack on Monday.",
        "Your stage 1 reply was a whitewash and your handling of this is a disgrace.",
        "I will be waiting for your reply.",
        "The man at number 4 shoved my son. If he does it again I'll knock him out myself.",
        "My neighbour is a nutter and my daughter goes to school scared of him.",
        "The mental health team said the rats are not their problem.",
        "I walked past it for months before anyone listened.",
        "You'll see from the photos that the hole under the shed is bigger.",
        "My mum is in the geriatric ward and cannot deal with this.",
    ],
)
def test_reported_speech_idioms_and_lawful_threats_are_not_flagged(body: str) -> None:
    assert _flagged(body) == set()


def test_an_abusive_repeat_is_filed_and_flagged() -> None:
    decision = _triage("Still rats. You are a useless bunch of morons.")
    assert (decision.action, decision.abusive) == ("file", True)
    assert decision.reason.endswith("Abusive language flagged for the manager (insult).")


def test_a_new_incident_inside_an_abusive_sentence_is_still_escalated() -> None:
    decision = _triage("got bitten by a rat yday (9th) in the kitchen, ur pest lot r morons")
    assert (decision.action, decision.category, decision.abusive) == (
        "escalate", "new_issue", True)
