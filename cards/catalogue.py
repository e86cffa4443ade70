"""Every card the bot can send, built from fictional sample data.

The tests run the official validator over `examples()`, so a card that is
not listed here is a card nobody checked. When you add a card function, add
each of its shapes here (with and without optional parts, empty and full).
All names, addresses and numbers are invented; 01632 960xxx is Ofcom's
range for drama.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any

from cards.approval import approval_card
from cards.contact import contact_check_card
from cards.digest import digest_card
from cards.help import help_card
from cards.incident import IncidentDraft, incident_form_card, incident_summary_card
from cards.mail import decided_mail_card
from cards.manager import manager_incident_card, terminated_call_card
from cards.notice import notice_card
from cards.picklist import pick_list_card
from cards.problems import submission_error_card
from cards.proposal import ProposalPrefill, proposal_form_card
from cards.restriction_view import RestrictionView, premise_risk_card, restriction_card
from cards.visit import no_match_card, visit_brief_card
from register.briefs import (
    Candidate,
    Linked,
    NoMatch,
    PickList,
    Purpose,
    contact_brief,
    visit_brief,
)
from register.decided_mail import DecidedMail, FiredRule
from register.decision_records import LetterKind, LetterRecord
from register.demo import demo_records
from register.notices import Notice, NoticeAction, NoticeItem, NoticeKind
from register.policy import load_preset
from register.ports import Record
from register.records import Incident, TerminatedCall
from register.restrictions import Officer, Restriction, RestrictionType, Status
from register.reviews import Appeal, AppealOutcome
from register.risks import PremiseRisk
from register.subjects import Person, Property
from register.vocabulary import Behaviour, Channel, HazardType, Precaution, Severity

SAMPLE_TIME = datetime(2026, 3, 3, 14, 5, tzinfo=UTC)
STAFF_ID = "00000000-0000-4000-8000-000000000001"


def sample_draft() -> IncidentDraft:
    """A draft incident as a housing officer might describe it."""
    return IncidentDraft(
        occurred_on=date(2026, 3, 3),
        occurred_time=time(14, 5),
        channel=Channel.FACE_TO_FACE,
        person="Martin Dale",
        address="Flat 3, Heron Court, Orchard Road, Oxbridge OX2 7QT",
        behaviours=(Behaviour.SHOUTING, Behaviour.THREATS),
        description="Shouted at me on the doorstep and said he would 'sort me out' next time.",
        police_involved=False,
        injuries=False,
        witnesses="Neighbour at number 4 (name not taken)",
        id="draft-0001",
    )


def sample_incident(**changes: Any) -> Incident:
    """A logged incident; `changes` overrides fields for other shapes."""
    fields: dict[str, Any] = {
        "occurred_at": SAMPLE_TIME,
        "channel": Channel.FACE_TO_FACE,
        "staff_id": STAFF_ID,
        "behaviours": (Behaviour.SHOUTING, Behaviour.THREATS),
        "description": "Shouted at me on the doorstep and said he would 'sort me out'.",
        "person_id": "person-dale",
        "service": "Housing",
        "location": "Flat 3, Heron Court, Orchard Road, Oxbridge OX2 7QT",
        "police_involved": False,
        "injuries": False,
        "id": "incident-0001",
    }
    return Incident(**(fields | changes))


def sample_call(**changes: Any) -> TerminatedCall:
    """A terminated call; `changes` overrides fields for other shapes."""
    fields: dict[str, Any] = {
        "occurred_at": SAMPLE_TIME,
        "staff_id": STAFF_ID,
        "warned_first": True,
        "reason": "Swore repeatedly after two warnings and would not let me speak.",
        "caller": "Gary Rowe",
        "person_id": "person-rowe",
        "behaviours": (Behaviour.OFFENSIVE_LANGUAGE, Behaviour.SHOUTING),
        "service": "Housing",
        "id": "call-0001",
    }
    return TerminatedCall(**(fields | changes))


class _Demo:
    """The fictional demo register, indexed the way the look-ups read it."""

    def __init__(self, records: list[Record]) -> None:
        self.properties = {r.address: r for r in records if isinstance(r, Property)}
        self.people = {r.name: r for r in records if isinstance(r, Person)}
        self.restrictions = [r for r in records if isinstance(r, Restriction)]
        self.risks = [r for r in records if isinstance(r, PremiseRisk)]

    def linked(self, person: Person) -> Linked:
        rules = [r for r in self.restrictions if r.person_id == person.id]
        return Linked(person, rules, [r for r in self.risks if r.person_id == person.id])

    def brief_for(self, address: str) -> Any:
        place = self.properties[address]
        people = [p for p in self.people.values() if p.property_id == place.id]
        risks = [r for r in self.risks if r.property_id == place.id]
        rules = [r for r in self.restrictions if r.property_id == place.id]
        subject = ("property", place.id, place.one_line)
        return visit_brief(subject, risks, rules, [self.linked(p) for p in people])


def _candidates(count: int) -> tuple[Candidate, ...]:
    streets = ("Mill Lane", "Mill Road", "Millbrook Close", "Miller's Yard, off Station Road")
    return tuple(
        Candidate(
            "property", f"property-{n}", f"{n + 10} {streets[n % 4]}, Oxbridge, OX1 1AY", 90 - n
        )
        for n in range(count)
    )


def _call_limits(person: Person) -> Restriction:
    """Calls limited to set times, as several policies allow."""
    return Restriction(
        RestrictionType.CALL_LIMITS,
        person.id,
        "stage-1",
        "Daily calls of over an hour to the benefits team.",
        Officer("Alex Sample", "Director of Governance"),
        date(2026, 1, 5),
        service="Revenues and Benefits",
        params={"days": "Tuesdays", "times": "10:00-12:00", "max_minutes": "15"},
        status=Status.ACTIVE,
    )


def _visit_cards() -> dict[str, dict[str, Any]]:
    demo = _Demo(demo_records(date(2026, 3, 3)))
    rowe, dale = demo.people["Gary Rowe"], demo.people["Martin Dale"]
    homeless = Person("Chris Example")
    alone = visit_brief(("person", homeless.id, homeless.name), [], [], [demo.linked(homeless)])
    return {
        "visit_brief_dog_and_spoc": visit_brief_card(demo.brief_for("12 Mill Lane, Oxbridge")),
        "visit_brief_violence": visit_brief_card(
            demo.brief_for("Flat 3, Heron Court, Orchard Road, Oxbridge")
        ),
        "visit_brief_unsafe_structure": visit_brief_card(
            demo.brief_for("The Old Quarry Cottage, Quarry Road, Oxbridge")
        ),
        "visit_brief_nothing_recorded": visit_brief_card(demo.brief_for("14 Mill Lane, Oxbridge")),
        "visit_brief_person_without_address": visit_brief_card(alone),
        "no_match": no_match_card(
            NoMatch("99 Nowhere Street", "Nothing in the register matches “99 Nowhere Street”.")
        ),
        "pick_list": pick_list_card(
            PickList("mill", Purpose.VISIT, _candidates(3), 0, "Which one did you mean?")
        ),
        "pick_list_more_than_fit": pick_list_card(
            PickList("mill", Purpose.CONTACT, _candidates(5), 4, "Which one did you mean?")
        ),
        "contact_check_restricted": contact_check_card(
            contact_brief(rowe, demo.linked(rowe).restrictions, None, "Sam Fieldworker")
        ),
        "contact_check_phone_refused": contact_check_card(
            contact_brief(rowe, demo.linked(rowe).restrictions, Channel.PHONE, "Sam Fieldworker")
        ),
        "contact_check_visit_conditions": contact_check_card(
            contact_brief(dale, demo.linked(dale).restrictions, Channel.HOME_VISIT, "Sam")
        ),
        "contact_check_call_limits": contact_check_card(
            contact_brief(homeless, [_call_limits(homeless)], Channel.PHONE, "Sam Fieldworker")
        ),
        "contact_check_nothing_recorded": contact_check_card(
            contact_brief(homeless, [], None, "Sam Fieldworker")
        ),
    }


def _incident_cards() -> dict[str, dict[str, Any]]:
    behaviours, channels = list(Behaviour), list(Channel)
    return {
        "incident_form_empty": incident_form_card(None, behaviours, channels),
        "incident_form_prefilled": incident_form_card(sample_draft(), behaviours, channels),
        "incident_summary": incident_summary_card(sample_draft()),
        "incident_summary_sparse": incident_summary_card(
            IncidentDraft(behaviours=(Behaviour.VERBAL_ABUSE,), description="Called me names.")
        ),
    }


def _manager_cards() -> dict[str, dict[str, Any]]:
    unsafe = sample_incident(
        behaviours=(Behaviour.VIOLENCE,), injuries=True, police_involved=True, person_id=None
    )
    unwarned = sample_call(warned_first=False, person_id=None, behaviours=(), service=None)
    return {
        "manager_incident": manager_incident_card(
            sample_incident(), "Martin Dale", "Sam Fieldworker"
        ),
        "manager_incident_safety": manager_incident_card(unsafe, None, "Sam Fieldworker"),
        "terminated_call": terminated_call_card(sample_call(), "Gary Rowe", "Sam Fieldworker"),
        "terminated_call_no_warning": terminated_call_card(unwarned, None, "Sam Fieldworker"),
    }


def _other_cards() -> dict[str, dict[str, Any]]:
    return {
        "help": help_card(),
        "submission_error": submission_error_card(
            ["Date it happened: this is needed.", "What they did: choose at least one."]
        ),
    }


def _notice_cards() -> dict[str, dict[str, Any]]:
    """Notices sent proactively: an urgent one with every button, a quiet one with none."""
    urgent = Notice(
        NoticeKind.INCIDENT,
        STAFF_ID,
        "Incident logged by Sam Fieldworker",
        (
            "Sent to you because Priya Demo could not be reached in Teams.",
            "Martin Dale threatened Sam at Flat 3, Heron Court on 3 March at 14:05.",
        ),
        "incident",
        "incident-0001",
        urgent=True,
        actions=tuple(NoticeAction),
    )
    reminder = Notice(
        NoticeKind.REVIEW_DUE,
        STAFF_ID,
        "A review is due on Friday",
        ("The restriction on Gary Rowe's contact by phone is due for review on 6 March.",),
        "restriction",
        "restriction-0001",
    )
    return {
        "notice_urgent_all_actions": notice_card(urgent),
        "notice_review_due": notice_card(reminder),
    }


def sample_digest(count: int, *lines: str) -> Notice:
    """A filed-mail digest of `count` emails; `lines` go before them (a fallback's reason)."""
    subjects = ("Bin collection", "Repairs to the back door", "Council tax bill", "Parking permit")
    items = tuple(
        NoticeItem(
            f"claim-{n:04d}",
            f"Filed as a repeat of '{subjects[n % 4]}' (no new matter). [<m{n}@example.org>]",
        )
        for n in range(count)
    )
    return Notice(
        NoticeKind.FILED_DIGEST,
        STAFF_ID,
        f"Mail filed since Tuesday 3 March: {count}",
        (*lines, *(item.text for item in items)),
        "filed_mail_digest",
        "2026-03-03..2026-03-03",
        actions=(NoticeAction.MARK_NEW_ISSUE,),
        items=items,
    )


def _digest_cards() -> dict[str, dict[str, Any]]:
    """The digest as the officer gets it, longer than fits (to a manager), and without items."""
    forwarded = "Sent to you because Tom Hale could not be reached in Teams."
    return {
        "digest_three_filed": digest_card(sample_digest(3)),
        "digest_more_than_fit_forwarded": notice_card(sample_digest(18, forwarded)),
        "digest_without_items": digest_card(replace(sample_digest(2), items=())),
    }


def _proposal_cards() -> dict[str, dict[str, Any]]:
    """The proposal form under a two-stage and a three-step ladder, and the approval card."""
    from_incident = ProposalPrefill(
        person_id="person-dale",
        person_name="Martin Dale",
        service="Housing",
        reasons="Shouted at me on the doorstep and said he would 'sort me out'.",
        source="incident",
        source_id="incident-0001",
    )
    approval = Notice(
        NoticeKind.APPROVAL_NEEDED,
        STAFF_ID,
        "A restriction needs your approval",
        (
            "Tom Example (Housing Services Manager) proposes: Banned from council premises.",
            "Customer: Martin Dale",
            "Step: Step 3: formal written warning with restrictions",
            "Which premises (face to face at premises, or a ban): Elmfield offices",
            "Reasons: Pushed an officer at reception on 3 March.",
            "Steps skipped: Step 1: verbal warning and Step 2: informal written warning. "
            "Why: violence towards staff.",
            "Needs approval by: business manager or Head of Service",
        ),
        "restriction",
        "restriction-0001",
        urgent=True,
        actions=(NoticeAction.OPEN_RECORD,),
    )
    return {
        "proposal_form_typed": proposal_form_card(
            load_preset("managed-contact-register-council"),
            ProposalPrefill(person_name="Gary Rowe", service="Housing"),
        ),
        "proposal_form_from_incident": proposal_form_card(
            load_preset("west-oxfordshire-dc"), from_incident
        ),
        "approval_urgent": approval_card(approval),
        "approval_notice": notice_card(replace(approval, urgent=False, lines=approval.lines[:3])),
        **_decided_cards(),
    }


def _decided_cards() -> dict[str, dict[str, Any]]:
    """What the proposer is told: an approval (with and without reasons) and a refusal."""
    decided_by = "Decided by Wendy Example (Head of Customer Services) on Tuesday 3 March 2026."
    actions = (NoticeAction.OPEN_RECORD, NoticeAction.ACKNOWLEDGE)
    approved = Notice(
        NoticeKind.PROPOSAL_DECIDED,
        STAFF_ID,
        "Your proposal was approved",
        (
            "Approved: Banned from council premises for Martin Dale (RESTRICT).",
            decided_by,
            "Their reasons: Pushed an officer at reception on 3 March.",
            "First review due by Wednesday 3 June 2026.",
            "The decision letter is to be made (letter letter-0001); the register administrator "
            "makes it and records the day it is sent.",
        ),
        "restriction",
        "restriction-0001",
        actions=actions,
    )
    refused = replace(
        approved,
        title="Your proposal was refused",
        lines=(
            "Refused: Warning for Gary Rowe (RESTRICT).",
            decided_by,
            "Their reasons: Talk to him first; one incident only.",
            "It will not apply. Act on the reasons before proposing it again.",
        ),
    )
    return {
        "proposal_approved": notice_card(approved),
        "proposal_approved_without_reasons": notice_card(
            replace(approved, lines=tuple(x for x in approved.lines if "reasons" not in x))
        ),
        "proposal_refused": notice_card(refused),
    }


def sample_decided_mail(**changes: Any) -> DecidedMail:
    """An email the watcher escalated because it raised something new."""
    fields: dict[str, Any] = {
        "claim_id": "claim-0001",
        "message_id": "<m1@example.org>",
        "officer": STAFF_ID,
        "person_id": "person-rowe",
        "action": "escalate",
        "category": "new_issue",
        "reason": "Escalated: raises something new: the boiler has been broken since Monday.",
        "rules": (
            FiredRule(
                "triage_escalates",
                "Triage found a matter not raised before",
                "the boiler has been broken since Monday",
            ),
            FiredRule("new_sentence", "A sentence unlike earlier emails", "x" * 400),
        ),
        "new_sentences": (
            "The boiler has been broken since Monday.",
            "My daughter has asthma and the flat is cold.",
        ),
        "received_at": SAMPLE_TIME,
        "subject": "Boiler",
        "sender": "gary.rowe@example.org",
        "sent_at": SAMPLE_TIME,
    }
    return DecidedMail(**(fields | changes))


def _mail_cards() -> dict[str, dict[str, Any]]:
    """An escalated email in full, a safeguarding one, one not kept on a case, one reopened."""
    bare = sample_decided_mail(
        rules=(), new_sentences=(), subject="", sender="", sent_at=None, reason=""
    )
    return {
        "decided_mail": decided_mail_card(sample_decided_mail(), "Gary Rowe", "Tom Example"),
        "decided_mail_safeguarding": decided_mail_card(
            sample_decided_mail(category="safeguarding"), "Gary Rowe", "Tom Example"
        ),
        "decided_mail_not_kept": decided_mail_card(bare, None, None),
        "decided_mail_reopened": decided_mail_card(
            sample_decided_mail(
                action="file",
                category="nothing_new",
                reopened_by="Tom Example",
                reopened_at=SAMPLE_TIME,
            ),
            "Gary Rowe",
            "Tom Example",
        ),
    }


def examples() -> dict[str, dict[str, Any]]:
    """Card name -> card JSON, for every card (and every notable shape of it) the bot sends."""
    return {
        **_visit_cards(),
        **_incident_cards(),
        **_manager_cards(),
        **_other_cards(),
        **_notice_cards(),
        **_proposal_cards(),
        **_digest_cards(),
        **_mail_cards(),
        **_record_cards(),
    }


def _record_cards() -> dict[str, dict[str, Any]]:
    """A reminder's Open record: a restriction in full and bare, and a premise risk."""
    person = Person("Gary Rowe", id="person-rowe")
    full = replace(
        _call_limits(person),
        approved_by=Officer("Wendy Example", "Head of Customer Services"),
        next_review=date(2026, 7, 6),
        provisional_end=date(2027, 1, 5),
        customer_told_on=date(2026, 1, 6),
        equality_considerations="Hearing loss: calls may be followed up in writing.",
    )
    appeal = Appeal(
        full.id,
        date(2026, 1, 20),
        date(2026, 2, 3),
        "The limits are unfair.",
        outcome=AppealOutcome.NOT_UPHELD,
        decided_on=date(2026, 2, 10),
    )
    letters = (
        LetterRecord(full.id, LetterKind.DECISION, date(2026, 1, 5), sent_on=date(2026, 1, 6)),
        LetterRecord(
            full.id,
            LetterKind.APPEAL_OUTCOME,
            date(2026, 2, 10),
            not_sent_reason="Handed to him at reception",
        ),
        LetterRecord(full.id, LetterKind.REVIEW_OUTCOME, date(2026, 3, 2)),
    )
    bare = Restriction(
        RestrictionType.HOME_VISITS_IN_PAIRS,
        None,
        "stage-9",
        "A dog loose in the garden bit a meter reader.",
        Officer("Alex Sample", "Director of Governance"),
        date(2026, 2, 2),
        property_id="property-1",
    )
    risk = PremiseRisk(
        HazardType.DANGEROUS_ANIMAL,
        Severity.HIGH,
        (Precaution.VISIT_IN_PAIRS, Precaution.ANIMAL_SECURED_BEFORE_ENTRY),
        "Housing Services Manager, 01632 960123",
        date(2025, 11, 3),
        property_id="property-1",
        details="Large dog, kept in the back garden; the owner has been asked to secure it.",
        next_review=date(2026, 5, 3),
    )
    place = "12 Mill Lane, Oxbridge, OX1 1AY"
    return {
        "restriction_full": restriction_card(
            RestrictionView(full, person.name, "Stage 1: call limits", (appeal,), letters)
        ),
        "restriction_bare": restriction_card(RestrictionView(bare, place, "stage-9")),
        "premise_risk_full": premise_risk_card(risk, place),
        "premise_risk_bare": premise_risk_card(
            replace(risk, precautions=(), details="", next_review=None, ended_on=date(2026, 3, 1)),
            "Gary Rowe",
        ),
    }
