"""What the triage mechanism tests share: which rules mean abuse, and one small parking case."""

from __future__ import annotations

from datetime import UTC, datetime

from mailbox.triage import CaseContext, Correspondence, Decision, Incoming, KnownIssue, triage
from mailbox.triage.second_opinion import only_learned

ABUSE = {"insult", "profanity", "threat", "harassment", "discrimination"}

# A closed parking appeal on Quay Road: a case whose own words hold no abuse, so a flag
# on a test message can only come from that message.
QUAY_ROAD = CaseContext(
    customer_name="Sam Sample",
    known_issues=(
        KnownIssue("I1", "Parking fine on Quay Road appealed and refused", "closed",
                   "Appeal refused; fine upheld"),
    ),
    history=(
        Correspondence(datetime(2026, 11, 1, 9, 0, tzinfo=UTC), "sam@example.net",
                       "Fine", "The parking fine on Quay Road is wrong and I appealed it."),
    ),
)
QUAY_ROAD_WRITTEN = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def abuse_rules(decision: Decision) -> set[str]:
    """The abuse rules that fired on a decision."""
    return {h.rule for h in decision.hits} & ABUSE


def triage_quay_road(body: str) -> Decision:
    """Triage `body` as the Quay Road customer's next email."""
    message = Incoming("T-1", QUAY_ROAD_WRITTEN, "sam@example.net", "RE: Fine", body)
    return triage(message, QUAY_ROAD)


def found_abusive_by_rules(decision: Decision) -> bool:
    """Abuse recorded as found: a flag the rules raised, not the learned second opinion's
    question to the manager (second_opinion.only_learned), whose known false flags on
    criticism of staff are pinned in test_second_opinion.py."""
    return decision.abusive and not only_learned(decision.hits)
