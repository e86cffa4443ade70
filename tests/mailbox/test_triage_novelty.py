"""New matters are escalated and restatements filed, however they are worded.

The case is invented: a tenant whose damp bedroom and compensation claim
were dealt with and closed. Each message tries one way a repeat can look
new (new words, insisting, own measurements) or a new matter can look old
(texting, a subject line only, a question, a life change).
"""

from __future__ import annotations

from datetime import UTC, datetime

from mailbox.triage import CaseContext, Correspondence, Decision, Incoming, KnownIssue, triage

SENDER = "sam.reed@example.net"
CONTEXT = CaseContext(
    customer_name="Sam Reed",
    known_issues=(
        KnownIssue("I1", "Condensation and damp in the back bedroom of 12 Example Walk", "closed",
                   "Extractor fitted and wall treated 03/03/2026; closed at stage 2"),
        KnownIssue("I2", "Claim for £400 compensation for damaged clothes", "closed",
                   "£120 offered and refused; complaint closed"),
    ),
    history=(
        Correspondence(datetime(2026, 4, 2, tzinfo=UTC), SENDER, "Bedroom",
                       "The bedroom wall is still damp and £120 is an insult for my clothes."),
    ),
)


def _triage(body: str, subject: str = "Bedroom") -> Decision:
    message = Incoming("M", datetime(2026, 6, 10, 9, 0, tzinfo=UTC), SENDER, subject, body)
    return triage(message, CONTEXT)


def test_a_synonym_and_a_restatement_are_filed() -> None:
    decision = _triage(
        "For the record, I still say the black mould in the back bedroom was never sorted "
        "properly and the extractor your men fitted is too small for a room of that size."
    )
    assert (decision.action, decision.category) == ("file", "repeat")


def test_a_variation_insisted_to_be_new_is_filed() -> None:
    decision = _triage(
        "This is a NEW complaint and must not be filed. The wardrobe in the bedroom now smells "
        "musty and the grey fluff on the skirting board is spreading along the wall.",
        subject="NEW COMPLAINT",
    )
    assert (decision.action, decision.category) == ("file", "repeat")


def test_own_measurements_of_an_old_defect_are_filed() -> None:
    decision = _triage(
        "I have now done my own measurements with a meter from the hardware shop and the "
        "bedroom wall reads far wetter than your surveyor claimed."
    )
    assert (decision.action, decision.category) == ("file", "repeat")


def test_a_texted_new_incident_with_a_bare_date_is_escalated() -> None:
    decision = _triage("ceiling in the kitchen came down last nite (9th). water everywhere",
                       subject="kitchen")
    assert (decision.action, decision.category) == ("escalate", "new_issue")


def test_a_new_matter_named_only_in_the_subject_is_escalated() -> None:
    decision = _triage("See subject. Every night. Everyone knows.",
                       subject="drug dealing from the flat below")
    assert (decision.action, decision.category) == ("escalate", "new_issue")


def test_a_change_of_circumstances_is_escalated() -> None:
    decision = _triage(
        "I have been diagnosed with chronic obstructive pulmonary disease and my consultant "
        "says the bedroom is making it worse."
    )
    assert (decision.action, decision.category) == ("escalate", "new_issue")


def test_a_question_about_a_new_service_is_escalated() -> None:
    decision = _triage("Is it possible to have a dropped kerb put in outside number 12?",
                       subject="Kerb")
    assert (decision.action, decision.category) == ("escalate", "new_issue")


def test_a_tribunal_appeal_is_statutory_and_never_filed() -> None:
    decision = _triage(
        "I want to make a formal appeal against the decision about my housing benefit. "
        "Please send this to the tribunal."
    )
    assert (decision.action, decision.category) == ("escalate", "statutory")
    assert decision.hits[0].rule == "tribunal-appeal"


def test_a_veiled_wish_not_to_be_here_is_safeguarding() -> None:
    decision = _triage("The bedroom is still damp. Everyone would be better off if I just "
                       "wasn't here any more.")
    assert (decision.action, decision.category) == ("escalate", "safeguarding")


def test_a_fault_back_again_since_a_named_day_is_escalated() -> None:
    # 10 June 2026 is a Wednesday: "since Sunday" is 7 June, a day nothing on file names.
    decision = _triage("The extractor has packed up again since Sunday, rattling all night.",
                       subject="Extractor")
    assert (decision.action, decision.category) == ("escalate", "new_issue")


def test_photos_of_the_old_damp_taken_yesterday_are_filed() -> None:
    decision = _triage("Attached are six photos I took yesterday of the bedroom wall with a "
                       "tape measure against the skirting.")
    assert (decision.action, decision.category) == ("file", "repeat")


def test_a_request_that_points_back_to_an_unseen_matter_is_escalated() -> None:
    decision = _triage(
        "A friend told me tenants over sixty can get a handyperson visit. Please can I have one.",
        subject="Bedroom",
    )
    assert (decision.action, decision.category) == ("escalate", "new_issue")
    assert decision.new_sentences == (
        "A friend told me tenants over sixty can get a handyperson visit. Please can I have one.",)


def test_asking_the_council_to_own_up_is_not_a_new_request() -> None:
    decision = _triage(
        "The surveyor barely glanced at the wall and spent five minutes upstairs. "
        "I would like the council to acknowledge that."
    )
    assert (decision.action, decision.category) == ("file", "repeat")


def test_a_neighbour_not_seen_for_days_is_a_safeguarding_concern() -> None:
    decision = _triage("Nobody has seen Mr Ofori next door since Friday and his curtains are "
                       "still shut.", subject="Next door")
    assert (decision.action, decision.category) == ("escalate", "safeguarding")


def test_a_chaser_that_has_heard_nothing_is_not_a_welfare_concern() -> None:
    decision = _triage("I have not heard from you since April about the bedroom wall.")
    assert decision.category != "safeguarding"


def test_a_new_council_service_in_plain_words_is_escalated() -> None:
    decision = _triage("Got a form about the electoral register and a polling card in the "
                       "wrong name.", subject="Voting")
    assert (decision.action, decision.category) == ("escalate", "new_issue")


def test_an_incident_told_in_the_plain_past_tense_is_escalated() -> None:
    decision = _triage("The decorators knocked the bathroom mirror off and it shattered in the "
                       "sink.", subject="Bedroom")
    assert (decision.action, decision.category) == ("escalate", "new_issue")
