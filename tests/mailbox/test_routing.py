"""The routing table, rule by rule: what happens to an email and the reason an officer reads."""

from __future__ import annotations

import json

import pytest

from mailbox.autoreply import classify_sender
from mailbox.backends import FolderRole
from mailbox.message import ParsedMessage, ParseFailure
from mailbox.parse import parse_message
from mailbox.routing import ROUTES, Outcome, route
from mailbox.rules.base import Customer, Facts
from mailbox.telling import decision_notices
from mailbox.triage import Decision, RuleHit
from register.subjects import Person
from tests.mailbox.mail import raw_email
from tests.mailbox.spoc_cases import GENERAL_MAILBOX, SPOC_MAILBOX

JANE = Person("Jane Customer", emails=("jane@example.org",))
PARSED = parse_message(raw_email())
assert isinstance(PARSED, ParsedMessage)


def _customer(person: Person = JANE, mailbox: str = SPOC_MAILBOX) -> Customer:
    return Customer(person, "r1", mailbox, "Tom Hale", "aad-officer", "aad-manager")


def _decision(action: str, category: str, abusive: bool = False) -> Decision:
    hits = (RuleHit("insult", "Name-calling", "you crooks"),) if abusive else ()
    reason = "Filed: repeats earlier mail." if action == "file" else "Escalated: raises X."
    return Decision(action, category, abusive, hits, ("X",), reason)  # type: ignore[arg-type]


def _facts(mailbox: str = SPOC_MAILBOX, **values: object) -> Facts:
    base: dict[str, object] = {
        "parsed": PARSED,
        "automation": classify_sender(PARSED),
        "people": (JANE,),
        "customers": (_customer(),),
    }
    return Facts(mailbox=mailbox, **(base | values))  # type: ignore[arg-type]


def test_every_rule_has_a_name_and_a_description() -> None:
    names = [r.rule.name for r in ROUTES]
    assert len(names) == len(set(names))
    assert all(r.rule.description for r in ROUTES)
    assert names[-1] == "unsure"


def test_an_unreadable_email_is_quarantined() -> None:
    facts = Facts(SPOC_MAILBOX, None, ParseFailure("no sender address could be read", "ab", 3))
    routing = route(facts)
    assert (routing.outcome, routing.folder) == (Outcome.QUARANTINE, FolderRole.QUARANTINE)
    assert routing.reason == (
        "Quarantined because the email could not be read: no sender address could be read."
    )


def test_a_stranger_is_left_alone_with_the_reason() -> None:
    routing = route(_facts(people=(), customers=()))
    assert routing.outcome is Outcome.LEAVE and routing.folder is None
    assert not routing.logs_contact
    assert routing.reason.endswith("no one in the register uses the address jane@example.org.")


def test_a_known_person_without_a_spoc_arrangement_is_left_alone() -> None:
    routing = route(_facts(customers=()))
    assert routing.outcome is Outcome.LEAVE
    assert "belongs to Jane Customer, with no SPOC arrangement in force" in routing.reason


def test_machine_mail_from_a_customer_is_not_contact() -> None:
    auto = parse_message(raw_email(extra="Auto-Submitted: auto-replied"))
    assert isinstance(auto, ParsedMessage)
    routing = route(_facts(parsed=auto, automation=classify_sender(auto)))
    assert routing.outcome is Outcome.AUTOMATIC
    assert not routing.logs_contact and not routing.tells_officer


def test_a_customer_writing_to_the_wrong_mailbox_is_sent_to_their_spoc() -> None:
    routing = route(_facts(mailbox=GENERAL_MAILBOX))
    assert routing.outcome is Outcome.TO_SPOC and routing.logs_contact
    assert f"wrote to {GENERAL_MAILBOX}; their SPOC mailbox is {SPOC_MAILBOX}" in routing.reason


@pytest.mark.parametrize(
    ("action", "category", "outcome", "folder"),
    [
        ("file", "repeat", Outcome.FILE, FolderRole.FILED),
        ("escalate", "new_issue", Outcome.ESCALATE, FolderRole.ESCALATED),
        ("escalate", "statutory", Outcome.ESCALATE, FolderRole.ESCALATED),
        ("escalate", "safeguarding", Outcome.ESCALATE, FolderRole.ESCALATED),
    ],
)
def test_in_the_spoc_mailbox_triage_decides(
    action: str, category: str, outcome: Outcome, folder: FolderRole
) -> None:
    routing = route(_facts(triage=_decision(action, category)))
    assert (routing.outcome, routing.folder, routing.category) == (outcome, folder, category)
    assert routing.logs_contact
    assert routing.tells_officer == (outcome is Outcome.ESCALATE)


def test_abuse_tells_the_manager_whatever_the_label() -> None:
    routing = route(_facts(triage=_decision("file", "repeat", abusive=True)))
    assert routing.outcome is Outcome.FILE and routing.tells_manager
    assert routing.reason.endswith("Abusive language was found and the manager has been told.")
    assert [h.rule for h in routing.hits] == ["triage_files", "insult", "abusive"]


def test_abuse_only_the_learned_opinion_saw_is_a_question_for_the_manager() -> None:
    learned = RuleHit("learned-abuse", "A model reads this as abuse", "Lovely boys.")
    decision = Decision("file", "repeat", True, (learned,), (), "Filed: repeats earlier mail.")
    routing = route(_facts(triage=decision))
    assert routing.outcome is Outcome.FILE and routing.tells_manager
    assert routing.reason.endswith(
        "found by the learned second opinion (not the rules); "
        "the manager has been asked to read it and judge."
    )
    assert "abusive: learned-abuse: Lovely boys." in [
        f"{h.rule}: {h.evidence}" for h in routing.hits
    ]
    notices = decision_notices("claim-1", _facts(triage=decision), routing)
    assert [n.title for n in notices] == [
        "Email from Jane Customer may be abusive: please read and judge"
    ]
    # Read the email before anything else: no "propose a restriction" on a model's guess.
    assert [a.value for a in notices[0].actions] == ["acknowledge", "open_record"]
    told = decision_notices("claim-2", _facts(triage=_decision("file", "repeat", True)),
                            route(_facts(triage=_decision("file", "repeat", True))))
    assert [n.title for n in told] == ["Abusive email from Jane Customer"]
    assert [a.value for a in told[0].actions] == ["acknowledge", "propose_restriction"]


def test_a_shared_address_is_escalated_for_a_person_to_decide() -> None:
    john = Person("John Customer", emails=("jane@example.org",))
    routing = route(_facts(customers=(_customer(), _customer(john))))
    assert routing.outcome is Outcome.ESCALATE
    assert "used by Jane Customer, John Customer" in routing.reason


def test_when_nothing_decides_the_email_is_escalated() -> None:
    routing = route(_facts(triage=None))
    assert routing.outcome is Outcome.ESCALATE
    assert [h.rule for h in routing.hits] == ["unsure"]


def test_the_decision_is_kept_as_plain_json() -> None:
    record = route(_facts(triage=_decision("file", "repeat"))).as_record()
    assert record["outcome"] == "file" and record["folder"] == "filed"
    assert record["rules"][0] == {
        "rule": "triage_files",
        "description": "Triage found nothing the council has not already dealt with",
        "evidence": "Filed: repeats earlier mail.",
    }
    assert json.loads(json.dumps(record)) == record
