"""Readings added in round 14, after the misses of holdout13, holdout14 and holdout15.

- requests: names (whom, where) do not make an earlier sentence hold a request, a remedy asked
  for (a charge cancelled, an exception made) is matched with or without the remedy, a thing
  can be the subject of a request ("could the bill be spread ..."), and "if you still have
  them" does not say the request was made before; speech frames ("let me be clear", "I want
  you to understand") and rhetorical questions ("what did you expect?") ask for nothing.
- places: a street, school or park the case file never names is news, as a new date is, except
  in an email with abuse aimed at staff, where it is where an officer lives.
- "today" dates an event only in a sentence told in the past; structures giving way
  ("leaning", "sank") are defects; length of tenure is biography, not an event.
- burdensomeness said any way round, and tablets kept back, are self-harm disclosures; a
  count asked straight out ("how many tickets has that bay produced?") is an FOI request.
- a hostile email's unframed sentences are more of the abuse, not a matter; a quotation cut by
  the sentence splitter is still someone else's words.

Each sentence is invented for these tests; none is taken from a corpus.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from mailbox.triage import CaseContext, Correspondence, Incoming, KnownIssue, triage
from mailbox.triage.markers import DEFECT, TENURE
from mailbox.triage.own_words import own_words
from mailbox.triage.places import place_names
from mailbox.triage.recent import recent_days
from mailbox.triage.requests import asked_before, is_new_request, is_request
from mailbox.triage.restatement import INSISTS_NEW
from mailbox.triage.words import stem, words
from tests.mailbox.triage_helpers import found_abusive_by_rules
from tests.mailbox.triage_helpers import triage_quay_road as _triage

_WRITTEN = datetime(2026, 6, 10, 9, 0, tzinfo=UTC)

# A school place refused: the child and the school are named in every earlier sentence.
_ADMISSIONS = CaseContext(
    customer_name="Dana Ellery",
    known_issues=(
        KnownIssue("I1", "Reception place for Poppy Ellery at Thornbury Primary refused",
                   "closed", "Place offered at Westgate Infants; appeal explained"),
    ),
    history=(
        Correspondence(datetime(2026, 5, 1, 9, 0, tzinfo=UTC), "dana@example.net",
                       "Poppy", "Poppy was refused a place at Thornbury Primary and I am "
                       "appealing. The parking ticket for Poppy's school run was cancelled."),
    ),
)


def _said(*sentences: str) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(stem(w) for w in words(s)) for s in sentences)


def _admissions(body: str, subject: str = "RE: Poppy") -> str:
    message = Incoming("T-1", _WRITTEN, "dana@example.net", subject, body)
    return triage(message, _ADMISSIONS).action


@pytest.mark.parametrize("body", [
    "Please put Poppy on the waiting list for Thornbury Primary.",
    "Could you add Poppy to the Thornbury Primary waiting list and tell me her position?",
    "I would like Poppy considered for breakfast club at Westgate Infants.",
])
def test_request_about_a_named_child_and_school_is_new(body: str) -> None:
    assert _admissions(body) == "escalate"


@pytest.mark.parametrize("body", [
    "I am still appealing the Thornbury Primary place for Poppy.",
    "Poppy should have had a place at Thornbury Primary.",
])
def test_the_named_child_and_school_alone_are_no_new_matter(body: str) -> None:
    assert _admissions(body) == "file"


def test_a_request_is_held_only_with_what_it_asks_for() -> None:
    earlier = _said("Poppy was refused a place at Thornbury Primary.")
    assert not asked_before("Please put Poppy on the waiting list for Thornbury.", earlier)
    assert asked_before("Please give Poppy a place at Thornbury.", earlier)


@pytest.mark.parametrize("sentence", [
    "I want that ticket cancelled.",
    "That ticket should be cancelled, please.",
    "I want the ticket waived.",
])
def test_a_remedy_asked_for_a_matter_on_file_is_not_new(sentence: str) -> None:
    earlier = _said("The parking ticket was issued on Quay Road.")
    assert not is_new_request(sentence, earlier)


@pytest.mark.parametrize("sentence", [
    "On a separate point, could the 2026/27 bill be spread over twelve instalments?",
    "Could the bin be moved back behind the gate?",
    "Would my payments be reduced while I am off work?",
])
def test_a_thing_can_be_the_subject_of_a_request(sentence: str) -> None:
    assert is_request(sentence)


@pytest.mark.parametrize("sentence", [
    "My bill could be reduced, they said.",
    "The bill could be spread, I suppose.",
])
def test_no_request_without_a_question(sentence: str) -> None:
    assert not is_request(sentence)


def test_if_you_still_have_them_is_not_asking_again() -> None:
    earlier = _said("The noise recorder was in my bedroom in January.")
    assert is_new_request("Please send me a copy of the noise report and the diary sheets if "
                          "you still have them.", earlier)
    assert not is_new_request("Please, once again, send me a copy of the noise report and the "
                              "diary sheets.", earlier)


@pytest.mark.parametrize("sentence", [
    "Let me be very clear about your officer.",
    "Let me start from the beginning.",
    "I want you to understand how unfair this has been.",
    "I want to be fair to the officer.",
    "What degree do you need?",
    "What did you want, a signed confession?",
    "What else do you expect from a family of five?",
])
def test_speech_frames_and_rhetorical_questions_ask_for_nothing(sentence: str) -> None:
    assert not is_request(sentence)


@pytest.mark.parametrize("sentence", [
    "Let me know when the inspector can come.",
    "What do I need to bring to the appeal?",
    "I want to know when the waiting list opens.",
])
def test_real_questions_are_still_requests(sentence: str) -> None:
    assert is_request(sentence)


@pytest.mark.parametrize("sentence", [
    "I wish to make a NEW complaint about the same parking ticket.",
    "Please log this as a new complaint.",
    "Give it a separate reference please.",
])
def test_asking_for_a_new_complaint_insists_it_is_new(sentence: str) -> None:
    assert INSISTS_NEW.search(sentence)


@pytest.mark.parametrize(("sentence", "names"), [
    ("This time it is outside St Bede's Primary on Larkin Street.", {"bed", "larkin"}),
    ("The mess is by the gates of Fenwick Park.", {"fenwick"}),
    ("I went to the council office on the high street.", set()),
])
def test_places_are_read_by_their_shape(sentence: str, names: set[str]) -> None:
    assert place_names(sentence) == names


@pytest.mark.parametrize("body", [
    "It is the same problem all over again, only now it's outside St Bede's Primary.",
    "Same as before but this time on Larkin Street by the crossing, every morning.",
])
def test_the_old_matter_in_a_new_place_is_new(body: str) -> None:
    assert _triage(body).action == "escalate"


def test_a_new_place_in_a_hostile_email_is_not_a_matter() -> None:
    body = ("You are a pathetic useless idiot. I know your officer Mr Vance lives on Larkin "
            "Street, nice house with a blue door.")
    decision = _triage(body)
    assert decision.abusive
    assert not any("Larkin" in s for s in decision.new_sentences)


@pytest.mark.parametrize(("sentence", "recent"), [
    ("He changed the locks today while I was at work.", True),
    ("The bins were left on the pavement today.", True),
    ("They're due back today.", False),
    ("Another bonfire today and the smoke as usual.", False),
])
def test_today_dates_only_an_event_told_in_the_past(sentence: str, recent: bool) -> None:
    assert bool(recent_days(sentence, date(2026, 6, 10))) is recent


@pytest.mark.parametrize(("sentence", "defect"), [
    ("Mum's headstone is leaning forward since the ground sank.", True),
    ("The garden wall is bowing out onto the path.", True),
    ("The fence post gave way in the wind.", True),
    ("This building is falling apart and I pay for the privilege.", False),
    ("I am leaning towards an appeal.", False),
])
def test_structures_giving_way_are_defects(sentence: str, defect: bool) -> None:
    assert bool(DEFECT.search(sentence)) is defect


@pytest.mark.parametrize(("sentence", "tenure"), [
    ("I have now been a resident of this avenue for thirty-eight years.", True),
    ("We have lived here since 1979 and paid every bill.", True),
    ("The boiler has now been broken for three days.", False),
])
def test_length_of_tenure_is_biography(sentence: str, tenure: bool) -> None:
    assert bool(TENURE.search(sentence)) is tenure


@pytest.mark.parametrize("body", [
    "Sometimes I think everyone would manage better without me in the way.",
    "The kids would honestly be happier without me.",
    "I have been keeping hold of my old sleeping tablets instead of handing them in.",
    "I've been saving up my pills in a drawer.",
])
def test_burdensomeness_and_tablets_kept_back_are_safeguarding(body: str) -> None:
    decision = _triage(body)
    assert (decision.action, decision.category) == ("escalate", "safeguarding")


@pytest.mark.parametrize("body", [
    "We would be better off without the council's parking scheme.",
    "I kept my receipts for the fine.",
])
def test_ordinary_words_are_not_self_harm(body: str) -> None:
    assert _triage(body).category != "safeguarding"


@pytest.mark.parametrize("body", [
    "Out of curiosity: how many tickets has Quay Road produced in 2025?",
    "One question - how much money has the council taken from that bay this year?",
])
def test_a_count_asked_straight_out_is_an_foi_request(body: str) -> None:
    assert _triage(body).category == "statutory"


def test_how_many_times_is_a_grumble_not_an_foi_request() -> None:
    assert _triage("How many times do I have to write about Quay Road?").category != "statutory"


@pytest.mark.parametrize("body", [
    "You are a useless idiot. A vindictive dried-up clerk having a tantrum on a power trip.",
    "You lot are pathetic morons. Box-ticking pen pushers who'd sell their grandmothers.",
])
def test_more_of_the_abuse_is_not_a_new_matter(body: str) -> None:
    decision = _triage(body)
    assert decision.abusive
    assert decision.action == "file"


def test_a_new_event_in_a_hostile_email_is_still_new() -> None:
    decision = _triage("You are a useless idiot. Your warden smashed my wing mirror yesterday.")
    assert decision.action == "escalate"


@pytest.mark.parametrize(("sentence", "kept"), [
    ('"You f***ing foreigner, you went crying to the council.', ""),
    ('and you are a liar," my landlord wrote.', "my landlord wrote."),
    ('You are a "manager" and a liar.', "You are a and a liar."),
])
def test_a_quotation_cut_by_the_splitter_is_not_the_customers_words(
        sentence: str, kept: str) -> None:
    assert " ".join(own_words(sentence).split()) == kept


def test_abuse_quoted_from_a_landlord_is_not_flagged() -> None:
    assert not _triage('"You f***ing immigrant, you went crying to the council.').abusive


@pytest.mark.parametrize(("text", "found"), [
    ("She is an 89-year-old widow in a 3-bed house.", set()),
    ("It had not been touched since the 1970s, and the 21st was the last visit.", set()),
    ("My PCN is LK40938812 and the case is CT/1234.", {"LK40938812", "CT/1234"}),
])
def test_a_number_with_a_word_joined_to_it_is_no_reference(text: str, found: set[str]) -> None:
    from mailbox.triage.reference import codes
    assert codes(text) == found


@pytest.mark.parametrize("body", [
    "I should like to thank the parking officer who came on 3 November and put the sign right.",
    "Many thanks to the officer who came on 2 November, the sign on Quay Road looks right.",
])
def test_the_day_of_a_visit_thanked_for_is_no_new_matter(body: str) -> None:
    assert _triage(body).action == "file"


def test_thanks_that_tell_of_damage_on_a_new_day_are_new() -> None:
    body = "Thanks, but the officer who came on 3 November smashed my gate post."
    assert _triage(body).action == "escalate"


@pytest.mark.parametrize("sentence", [
    "I am in every day except Tuesday mornings.",
    "I go to the club on Fridays.",
])
def test_a_day_of_the_week_said_as_a_habit_is_no_event(sentence: str) -> None:
    from mailbox.triage.markers import RECENT_EVENT
    assert not RECENT_EVENT.search(sentence)


@pytest.mark.parametrize("sentence", [
    "I am reporting the lot of you to the Electoral Commission.",
    "I reported the whole department to the local paper.",
    "If the permit is not issued within fourteen days I shall issue proceedings.",
    "We are starting court proceedings next week.",
])
def test_going_to_a_regulator_a_paper_or_law_is_the_customers_right(sentence: str) -> None:
    from mailbox.triage.markers import ESCALATION_THREAT
    assert ESCALATION_THREAT.search(sentence)


@pytest.mark.parametrize("body", [
    "I pay my council tax for that road.",
    "As a council tax payer I expect better on Quay Road.",
])
def test_the_ratepayers_standing_is_not_a_council_tax_matter(body: str) -> None:
    assert _triage(body).action == "file"


def test_a_council_tax_bill_is_still_a_council_tax_matter() -> None:
    assert _triage("My council tax bill has gone up by £300 this year.").action == "escalate"


@pytest.mark.parametrize(("sentence", "day"), [
    ("Telephone call of 27 April", "27 April"),
    ("Further to our phone call on 3 May, I still disagree.", "3 May"),
])
def test_the_date_of_a_call_dates_correspondence(sentence: str, day: str) -> None:
    from mailbox.triage.restatement import CORRESPONDENCE_DATE
    assert day not in CORRESPONDENCE_DATE.sub("", sentence)


def test_a_care_call_missed_on_a_date_is_still_an_incident() -> None:
    from mailbox.triage.restatement import CORRESPONDENCE_DATE
    missed = "The carers missed the teatime call on 14 June."
    assert "14 June" in CORRESPONDENCE_DATE.sub("", missed)


@pytest.mark.parametrize("body", [
    "Stop ringing my mobile please, email only from now on.",
    "Please contact me by email, my wife works nights.",
    "Don't phone me at home any more.",
])
def test_a_change_in_how_to_be_contacted_is_a_request(body: str) -> None:
    assert is_request(body)


@pytest.mark.parametrize(("text", "aimed"), [
    ("The whole bloody system is s***, made by people who never listen.", False),
    ("This f***ing building, and the people who run it.", False),
    ("You f***ing idiots never listen.", True),
    ("F*** off, the lot of you.", True),
])
def test_swearing_is_aimed_at_whoever_is_in_its_clause(text: str, aimed: bool) -> None:
    from mailbox.triage.rules.profanity import aimed_swearing
    assert aimed_swearing(text) is aimed


@pytest.mark.parametrize(("body", "flagged"), [
    ("My dashcam caught a white Transit dumping rubble. You can see the bloke's face and the "
     "reg clear as day.", False),
    ("Would you put your kids in a flat like that?", False),
    ("Your officer Mr Vance drives a silver Audi, I see it outside his house every morning.",
     True),
    ("I'll be putting your officer's home address on Facebook tonight.", True),
])
def test_a_strangers_car_or_a_hypothetical_family_is_no_harassment(
        body: str, flagged: bool) -> None:
    assert found_abusive_by_rules(_triage(body)) is flagged


@pytest.mark.parametrize("sentence", [
    "I have now instructed Fairley & Co, solicitors, about the fine.",
    "I've filled in the small claims form online.",
    "Let a judge decide about your parking order.",
])
def test_going_to_law_is_a_lawful_step(sentence: str) -> None:
    from mailbox.triage.restatement import takes_lawful_step
    assert takes_lawful_step(sentence)


def test_going_to_law_over_an_old_matter_is_filed() -> None:
    assert _triage("I have now instructed Fairley & Co, solicitors, about the Quay Road "
                   "fine.").action == "file"


@pytest.mark.parametrize(("body", "flagged"), [
    ("This council is rubbish, you care nothing for foreign people like me.", False),
    ("You treat disabled tenants like us as a nuisance.", False),
    ("Your officer is a foreigner who should go back where she came from.", True),
])
def test_the_writers_own_group_is_no_discrimination(body: str, flagged: bool) -> None:
    assert ("discrimination" in {h.rule for h in _triage(body).hits}) is flagged
