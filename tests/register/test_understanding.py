"""Reading staff's own words: times, behaviours, channels, who and where, answers, intents."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from register.understanding import read_account
from register.understanding.answers import Topic, topic_to_change, unknown, yes_no
from register.understanding.behaviours import read_behaviours
from register.understanding.calls import read_reason, read_warned
from register.understanding.channels import read_channel
from register.understanding.intents import Intent, read_intent
from register.understanding.subjects import read_address, read_person
from register.understanding.times import SLACK, WEEKDAYS, read_when
from register.vocabulary import Behaviour as B
from register.vocabulary import Channel as C

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 3, 4, 16, 30, tzinfo=LONDON)  # a Wednesday afternoon
moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(LONDON)
)


@pytest.mark.parametrize(
    ("said", "on", "at"),
    [
        ("at 2pm", date(2026, 3, 4), time(14, 0)),
        ("at 14:30", date(2026, 3, 4), time(14, 30)),
        ("about 2.30", date(2026, 3, 4), time(14, 30)),
        ("at 5pm", date(2026, 3, 3), time(17, 0)),  # later than now: yesterday
        ("this morning", date(2026, 3, 4), time(10, 0)),
        ("yesterday afternoon", date(2026, 3, 3), time(15, 0)),
        ("last night", date(2026, 3, 3), time(22, 0)),
        ("last Tuesday", date(2026, 3, 3), None),
        ("last Wednesday", date(2026, 2, 25), None),
        ("on Friday at noon", date(2026, 2, 27), time(12, 0)),
        ("10 mins ago", date(2026, 3, 4), time(16, 20)),
        ("half an hour ago", date(2026, 3, 4), time(16, 0)),
        ("3rd March at 9am", date(2026, 3, 3), time(9, 0)),
        ("on 5 March", date(2025, 3, 5), None),  # not yet this year: last year's
        ("02/03/2026 at 11:15", date(2026, 3, 2), time(11, 15)),
        ("just now", date(2026, 3, 4), time(16, 30)),
        ("he shouted at me", None, None),
        ("at 12 Mill Lane", None, None),  # a house number is not a time
    ],
)
def test_times_staff_say(said: str, on: date | None, at: time | None) -> None:
    when = read_when(said, NOW)
    assert (when.on, when.at) == (on, at)


@given(now=moments, hour=st.integers(0, 23), minute=st.integers(0, 59))
def test_a_bare_time_is_never_in_the_future(now: datetime, hour: int, minute: int) -> None:
    when = read_when(f"it happened at {hour:02d}:{minute:02d}", now)
    assert when.on is not None and when.at == time(hour, minute)
    happened = datetime.combine(when.on, when.at, LONDON)
    assert happened <= now + SLACK
    assert now - happened <= timedelta(days=1, minutes=SLACK.seconds // 60)


@given(now=moments, minutes=st.integers(1, 600))
def test_minutes_ago_counts_back_from_now(now: datetime, minutes: int) -> None:
    when = read_when(f"{minutes} mins ago", now)
    expected = (now - timedelta(minutes=minutes)).replace(second=0, microsecond=0)
    assert (when.on, when.at) == (expected.date(), expected.time())


@given(now=moments, day=st.sampled_from(WEEKDAYS))
def test_last_weekday_is_that_day_within_the_past_week(now: datetime, day: str) -> None:
    when = read_when(f"last {day.title()}", now)
    assert when.on is not None and WEEKDAYS[when.on.weekday()] == day
    assert 1 <= (now.date() - when.on).days <= 7


@given(st.text(max_size=300))
def test_nothing_typed_breaks_the_readers(text: str) -> None:
    read_account(text, NOW)
    read_intent(text)
    yes_no(text)
    topic_to_change(text)
    read_warned(text)


@pytest.mark.parametrize(
    ("said", "behaviours"),
    [
        ("he shouted and swore at me", {B.SHOUTING, B.OFFENSIVE_LANGUAGE}),
        (
            "kept yelling, called me a f-ing idiot",
            {B.SHOUTING, B.OFFENSIVE_LANGUAGE, B.VERBAL_ABUSE},
        ),
        ("she threatened to come back and sort me out", {B.THREATS}),
        ("he pushed me and spat at my colleague", {B.VIOLENCE}),
        ("made racist remarks about my accent", {B.DISCRIMINATORY_LANGUAGE}),
        ("homophobic comments at the counter", {B.DISCRIMINATORY_LANGUAGE}),
        ("he filmed me secretly on his phone", {B.COVERT_RECORDING}),
        ("squared up to me and blocked the door", {B.PHYSICAL_INTIMIDATION}),
        ("smashed the screen at reception", {B.DAMAGE_TO_PROPERTY}),
        ("said he'd kill himself unless we rehoused him", {B.SELF_HARM_THREATS}),
        ("threatened to kill himself", {B.SELF_HARM_THREATS}),
        ("posted about me on facebook", {B.SOCIAL_MEDIA_ABUSE}),
        ("insisted on speaking to my manager only", {B.INSISTING_ON_SPECIFIC_OFFICER}),
        ("he didn't threaten me but he yelled", {B.SHOUTING}),
        ("asked about his council tax bill", set()),
    ],
)
def test_behaviours_from_everyday_words(said: str, behaviours: set[B]) -> None:
    assert set(read_behaviours(said)) == behaviours


@given(verb=st.sampled_from(["shout", "swear", "threaten", "push", "spit"]))
def test_a_denied_behaviour_is_not_tagged(verb: str) -> None:
    assert read_behaviours(f"he didn't {verb} at me") == ()


@pytest.mark.parametrize(
    ("said", "channel"),
    [
        ("he rang and shouted", C.PHONE),
        ("on the phone this morning", C.PHONE),
        ("at reception at 2pm", C.FACE_TO_FACE),
        ("came into the office", C.FACE_TO_FACE),
        ("at his house on Mill Lane", C.HOME_VISIT),
        ("during a home visit", C.HOME_VISIT),
        ("in an email", C.EMAIL),
        ("wrote a letter", C.LETTER),
        ("on Facebook", C.SOCIAL_MEDIA),
        ("he rang reception", C.PHONE),  # the first channel named wins
        ("he shouted", None),
    ],
)
def test_channels(said: str, channel: C | None) -> None:
    assert read_channel(said) is channel


@pytest.mark.parametrize(
    ("said", "person", "address"),
    [
        ("Mr Dale shouted at me at reception", "Mr Dale", ""),
        ("can I take a call from Gary Rowe?", "Gary Rowe", ""),
        ("a call from mrs j smith", "Mrs J Smith", ""),
        ("check 12 Mill Lane OX1 1AY", "", "12 Mill Lane OX1 1AY"),
        ("at Flat 3, 22 Station Road yesterday", "", "Flat 3, 22 Station Road"),
        (
            "Gary Rowe pushed me at 14 mill lane, Little Burford",
            "Gary Rowe",
            "14 mill lane, Little Burford",
        ),
        ("he lives on Orchard Close", "", "Orchard Close"),
        ("postcode ZZ1 4AB", "", "ZZ1 4AB"),
        ("Yesterday Afternoon he rang", "", ""),
        ("went to Little Burford and shouted", "", ""),
    ],
)
def test_who_and_where(said: str, person: str, address: str) -> None:
    assert (read_person(said), read_address(said)) == (person, address)


@pytest.mark.parametrize(
    ("said", "answer"),
    [("yes", True), ("Yep", True), ("y", True), ("they were", True), ("no", False),
     ("nope", False), ("Nah", False), ("n", False), ("don't know", None), ("purple", None),
     ("it was 3pm", None)],
)  # fmt: skip
def test_yes_and_no(said: str, answer: bool | None) -> None:
    assert yes_no(said) is answer


def test_unknown_answers_and_what_to_change() -> None:
    assert unknown("dunno") and unknown("Don't know") and not unknown("Gary")
    assert topic_to_change("change the time") is Topic.WHEN
    assert topic_to_change("the address is wrong") is Topic.WHERE
    assert topic_to_change("can you change who it was") is Topic.WHO
    assert topic_to_change("no, it was 3pm") is None


def test_warnings_and_reasons_for_ending_a_call() -> None:
    assert read_warned("I warned him twice") is True
    assert read_warned("I ended it without warning") is False
    assert read_warned("I didn't warn her") is False
    assert read_warned("he was swearing") is None
    assert read_reason("I hung up because he kept swearing.") == "he kept swearing"


@pytest.mark.parametrize(
    ("said", "intent", "rest"),
    [
        ("help", Intent.HELP, ""),
        ("Cancel", Intent.CANCEL, ""),
        ("start again", Intent.START_AGAIN, ""),
        ("check 12 Mill Lane", Intent.CHECK, "12 Mill Lane"),
        ("check", Intent.CHECK, ""),
        ("ZZ1 4AB", Intent.CHECK, "ZZ1 4AB"),
        (
            "can I take a call from Gary Rowe?",
            Intent.CONTACT_CHECK,
            "can I take a call from Gary Rowe?",
        ),
        ("log an incident", Intent.LOG_INCIDENT, ""),
        ("Mr Dale shouted at me", Intent.LOG_INCIDENT, "Mr Dale shouted at me"),
        ("terminated call", Intent.TERMINATED_CALL, ""),
        ("I hung up on Gary Rowe", Intent.TERMINATED_CALL, "I hung up on Gary Rowe"),
        (
            "the meeting ended and he punched me",
            Intent.LOG_INCIDENT,
            "the meeting ended and he punched me",
        ),
        ("what's the weather", Intent.UNKNOWN, "what's the weather"),
    ],
)
def test_intents(said: str, intent: Intent, rest: str) -> None:
    assert read_intent(said) == (intent, rest) or (
        read_intent(said).intent,
        read_intent(said).rest,
    ) == (intent, rest)


def test_one_sentence_gives_the_whole_account() -> None:
    account = read_account(
        "Mr Dale shouted and swore at me at reception at 2pm, he threatened to come back", NOW
    )
    assert (account.when.on, account.when.at) == (date(2026, 3, 4), time(14, 0))
    assert account.channel is C.FACE_TO_FACE and account.person == "Mr Dale"
    assert set(account.behaviours) == {B.SHOUTING, B.OFFENSIVE_LANGUAGE, B.THREATS}
