"""Fictional emails in different styles, and what a SPOC officer should see.

The case is invented: a tenant whose kitchen leak and complaint about a
repairs officer were dealt with and closed.
"""

from __future__ import annotations

from datetime import UTC, datetime

from mailbox.triage import CaseContext, Correspondence, Decision, Incoming, KnownIssue, triage

SENDER = "avery.quill@example.net"

CONTEXT = CaseContext(
    customer_name="Avery Quill",
    known_issues=(
        KnownIssue(
            "I1",
            "Leaking kitchen tap and water damage to kitchen cupboards at 7 Example"
            " Row (reported Feb 2026)",
            "closed",
            "Tap washer replaced 02/03/2026; two cupboard doors replaced 20/03/2026;"
            " complaint closed at stage 2 on 15/04/2026",
        ),
        KnownIssue(
            "I2",
            "Complaint that repairs officer Mr Thistle was rude during the visit",
            "closed",
            "Not upheld at stage 1 on 30/04/2026",
        ),
    ),
    history=(
        Correspondence(
            datetime(2026, 3, 25, tzinfo=UTC),
            SENDER,
            "Kitchen",
            "The new cupboard doors do not match and the tap still drips at night. "
            "Mr Thistle was rude to me and I want compensation for the damage.",
        ),
        Correspondence(
            datetime(2026, 5, 2, tzinfo=UTC),
            SENDER,
            "Stage 2",
            "Your stage 2 letter is a whitewash. The tap still drips, the cupboards "
            "are still swollen and Mr Thistle should apologise.",
        ),
    ),
)


def _triage(body: str, subject: str = "Kitchen", day: int = 10) -> Decision:
    message = Incoming("M", datetime(2026, 6, day, 9, 0, tzinfo=UTC), SENDER, subject, body)
    return triage(message, CONTEXT)


def test_long_repeat_with_a_buried_new_incident_is_escalated() -> None:
    decision = _triage(
        "I am writing yet again about my kitchen. The tap still drips at night, the cupboards "
        "are still swollen and nobody has listened to me since February. Mr Thistle was rude "
        "and your stage 2 letter was a whitewash. I still want compensation for the damage.\n\n"
        "Also on Saturday 6 June the lock on the communal front door was broken and a stranger "
        "was sleeping in the stairwell.\n\nAnyway, the tap still drips."
    )
    assert (decision.action, decision.category) == ("escalate", "new_issue")
    assert decision.new_sentences == (
        "Also on Saturday 6 June the lock on the communal front door was broken and a stranger "
        "was sleeping in the stairwell.",
    )
    assert decision.reason.startswith('Escalated: raises something new: "Also on Saturday 6 June')


def test_html_leftovers_of_a_repeat_are_filed() -> None:
    decision = _triage(
        "<html><body><p>Dear Sir,</p><p>The kitchen tap&nbsp;STILL drips and the cupboards are "
        "swollen.</p><p>Mr Thistle was rude.</p></body></html>"
    )
    assert (decision.action, decision.category) == ("file", "repeat")
    assert decision.reason == (
        'Filed: repeats the closed matter "Leaking kitchen tap and water damage to kitchen '
        'cupboards at 7 Example Row (reported Feb 2026)" (I1); nothing new found.'
    )


def test_a_repeat_that_insists_it_is_new_is_filed() -> None:
    decision = _triage(
        "THIS IS A NEW COMPLAINT and must not be filed. My complaint is that the kitchen tap "
        "drips, the cupboards were damaged by water and nobody has put it right.",
        subject="NEW COMPLAINT",
    )
    assert (decision.action, decision.category, decision.new_sentences) == ("file", "repeat", ())


def test_a_polite_subject_access_request_is_statutory() -> None:
    decision = _triage(
        "Dear Sir or Madam,\n\nI would be grateful if you could send me a copy of all the "
        "personal data the council holds about me, as is my right under data protection law."
        "\n\nThank you.\n\nAvery Quill",
        subject="A request",
    )
    assert (decision.action, decision.category) == ("escalate", "statutory")
    assert decision.hits[0].rule == "subject-access-request"
    assert "statutory route, never filed" in decision.reason


def test_ombudsman_as_a_threat_is_filed_but_a_referral_is_escalated() -> None:
    threat = _triage("The tap still drips. If it is not fixed I will go to the Ombudsman.")
    referral = _triage(
        "I have now referred my complaint about the kitchen to the Housing Ombudsman, who has "
        "asked me for your final response letter."
    )
    assert (threat.action, threat.category) == ("file", "repeat")
    assert (referral.action, referral.category) == ("escalate", "statutory")
    assert referral.hits[0].rule == "ombudsman-referral"


def test_sarcasm_is_not_abuse() -> None:
    decision = _triage(
        "Oh well done, another whitewash from the council. What a surprise. The tap still "
        "drips, but I am sure your stage 2 letter was a triumph of customer service."
    )
    assert (decision.action, decision.abusive) == ("file", False)


def test_a_discriminatory_remark_about_staff_is_flagged_whatever_the_action() -> None:
    decision = _triage(
        "The tap still drips. I don't want Mr Thistle back, someone like him isn't from round "
        "here and should go back to his own country."
    )
    assert (decision.action, decision.abusive) == ("file", True)
    assert [h.rule for h in decision.hits if h.rule == "discrimination"] == ["discrimination"]
    assert decision.reason.endswith("Abusive language flagged for the manager (discrimination).")


def test_a_veiled_threat_is_flagged() -> None:
    decision = _triage("The tap still drips. Tell Mr Thistle I know where he lives.")
    assert decision.abusive is True
    assert "threat" in {h.rule for h in decision.hits}


def test_self_harm_is_escalated_urgently_even_in_a_repeat() -> None:
    decision = _triage("The tap still drips and honestly I can't go on like this any more.")
    assert (decision.action, decision.category) == ("escalate", "safeguarding")
    assert decision.reason.startswith("Escalated urgently")


def test_a_new_matter_only_in_quoted_mail_is_not_new() -> None:
    decision = _triage(
        "Well? Still waiting for the tap.\n\n"
        "On Mon, 8 Jun 2026 at 10:00, Avery Quill <avery.quill@example.net> wrote:\n"
        "> The boiler has been banging since Friday 5 June and the bathroom ceiling leaks."
    )
    assert (decision.action, decision.category) == ("file", "repeat")


def test_an_email_with_no_words_of_its_own_is_escalated_as_unsure() -> None:
    decision = _triage("-----Original Message-----\nFrom: someone\nSent: today\n\nOld text")
    assert (decision.action, decision.category) == ("escalate", "unsure")
