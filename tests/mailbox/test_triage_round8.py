"""Mechanisms added after holdout8: quiet first-person welfare signs escalate; an appeal
already lodged with a tribunal takes the statutory route; polite discrimination by origin,
an officer seen with their children, and damage foretold to what an officer left are
flagged; a neighbour described at length, or placed "from number 9", and a slur inside a
quoted remark with an apostrophe in it, are not aimed at staff.

Each message is invented; none is taken from a corpus.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from mailbox.triage import CaseContext, Correspondence, Decision, Incoming, KnownIssue, triage

WRITTEN = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)

NOISE = CaseContext(
    customer_name="Sam Sample",
    known_issues=(
        KnownIssue("I1", "Loud music from 9 Elder Court, diary sheets and monitoring",
                   "closed", "No statutory nuisance found"),
    ),
    history=(
        Correspondence(datetime(2026, 10, 1, 9, 0, tzinfo=UTC), "sam@example.net",
                       "Noise", "The music from number 9 keeps me awake. I filled in the"
                       " diary sheets."),
    ),
)


def _triage(body: str) -> Decision:
    return triage(Incoming("M", WRITTEN, "sam@example.net", "Noise", body), NOISE)


@pytest.mark.parametrize("body", [
    "Still the music. Honestly I can't see the point of anything much lately.",
    "The music again. I'm looking after my dad on my own and I'm running on empty.",
    "Same music. Some nights I sit out on the roof till late and just think.",
    "The music still. My lodger says I have nowhere to live from the 30th.",
])
def test_quiet_welfare_signs_escalate(body: str) -> None:
    decision = _triage(body)
    assert decision.action == "escalate"
    assert decision.category == "safeguarding"


def test_a_welfare_sign_already_on_file_is_not_new_again() -> None:
    seen = CaseContext(NOISE.customer_name, NOISE.known_issues, (
        *NOISE.history,
        Correspondence(datetime(2026, 10, 8, 9, 0, tzinfo=UTC), "sam@example.net", "Noise",
                       "I'm running on empty with this music."),
    ))
    decision = triage(Incoming("M", WRITTEN, "sam@example.net", "Noise",
                               "I'm running on empty with this music."), seen)
    assert decision.category != "safeguarding"


def test_an_appeal_lodged_with_a_tribunal_takes_the_statutory_route() -> None:
    decision = _triage("sent my appeal in to the parking tribunal like the letter said.")
    assert decision.action == "escalate"
    assert decision.category == "statutory"


@pytest.mark.parametrize("body", [
    "No offence meant, but I'd sooner have an officer of a proper English background on this.",
    "The inspector, the Polish lady, can't really be expected to understand our ways here.",
    "I expect in your country noise is just put up with, but not here.",
    "Noticed your Mr Hale walking his kids to the park on Sunday.",
    "Your officer leaves his van on my verge. Next time it'll have two flat tyres.",
    "That receptionist at the leisure centre is a lying little cow.",
])
def test_abuse_of_staff_in_new_forms_is_flagged(body: str) -> None:
    assert _triage(body).abusive


@pytest.mark.parametrize("body", [
    "That gang of drunken thieving scumbags next door have ruined my year.",
    "One of those f***ing idiots from number 9 kicked my gate in.",
    "He shouted 'you thieving foreigner, I'm not paying' at the driver and you believed him.",
    "I still think shutting the tip on Sundays is stupid.",
    "It's Pat, the noise is coming from I think the flat above number 9.",
])
def test_abuse_of_others_or_of_decisions_is_not_flagged(body: str) -> None:
    assert not _triage(body).abusive
