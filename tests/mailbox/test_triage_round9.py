"""Mechanisms added after holdout9: the customer's words between the lines of mail quoted
under an Outlook header are read; a formal application for the next complaint stage, records
asked for under data protection, and quiet self-harm ("papers in order") escalate; polite
discrimination by origin, a hoped-for danger to an officer's child, and a group of staff
called names are flagged; a name that is a farm's or a firm's is a third party's.

Each message is invented; none is taken from a corpus.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailbox.triage import CaseContext, Correspondence, Decision, Incoming, KnownIssue, triage
from mailbox.triage.clean import clean_body

WRITTEN = datetime(2026, 11, 9, 9, 0, tzinfo=UTC)

HEDGE = CaseContext(
    customer_name="Pat Sample",
    known_issues=(
        KnownIssue("I1", "Overgrown hedge blocking bridleway 4 at Tolley Farm",
                   "open", "Enforcement notice served"),
    ),
    history=(
        Correspondence(datetime(2026, 10, 1, 9, 0, tzinfo=UTC), "pat@example.net",
                       "Hedge", "The hedge on bridleway 4 is still blocking the way."
                       " I made a stage 1 complaint about the delay."),
    ),
)


def _triage(body: str) -> Decision:
    return triage(Incoming("M", WRITTEN, "pat@example.net", "Hedge", body), HEDGE)


def test_answers_between_lines_quoted_under_a_header_are_the_customers() -> None:
    body = ("See my answers below.\n\n-----Original Message-----\nFrom: spoc@council.example\n"
            "Sent: 01 October 2026\nSubject: Hedge\n\n> The notice has been served.\n\n"
            "[PS: Also the stile by the church has rotted through and a child fell yesterday.]\n\n"
            "> Kind regards,\n> The team")
    assert "stile by the church" in clean_body(body)
    assert _triage(body).action == "escalate"


def test_a_plain_quoted_reply_under_a_header_stays_cut() -> None:
    body = ("Still blocked.\n\n-----Original Message-----\nFrom: spoc@council.example\n"
            "Sent: 01 October 2026\n\n> The notice has been served.\n> Kind regards")
    assert clean_body(body) == "Still blocked."


@pytest.mark.parametrize(("body", "category"), [
    ("1. The notice is noted.\n2. I hereby apply for a stage 2 review of the stage 1 reply.\n"
     "3. Please write to me by post.", "statutory"),
    ("Could you send me a copy of the site visit notes about my report? Data protection says"
     " I can have them.", "statutory"),
    ("The hedge again. I shan't trouble you much longer. I've put my papers in order.",
     "safeguarding"),
    ("The hedge again. Some days I think it would be easier to go to sleep and not wake up.",
     "safeguarding"),
])
def test_new_steps_and_quiet_signs_escalate(body: str, category: str) -> None:
    decision = _triage(body)
    assert decision.action == "escalate"
    assert decision.category == category


@pytest.mark.parametrize("body", [
    "Next time send someone who speaks proper English rather than the foreign lad you sent.",
    "The new warden is one of these Balkan types, so I want a different officer who is British.",
    "Folk from over the border never really respect our ways, so your inspector got it wrong.",
    "Another of your diversity hires signed it off.",
    "I hope your son never has to walk home alone at night past that hedge. Just a thought.",
    "You're a shower of heartless ghouls, the lot of you in that office.",
])
def test_abuse_of_staff_is_flagged(body: str) -> None:
    assert _triage(body).abusive


@pytest.mark.parametrize("body", [
    "Honestly Tolley is a bully and a thug who thinks the bridleway is his.",
    "I hope your family never has to go through what we have with this hedge.",
    "Our chapel holds its services in Welsh and we hope the council will respect our language.",
])
def test_third_parties_and_plain_hopes_are_not_flagged(body: str) -> None:
    assert not _triage(body).abusive
