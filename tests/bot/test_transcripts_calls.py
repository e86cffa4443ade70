"""Logging a terminated call, as chat transcripts over the real store (both databases)."""

from __future__ import annotations

from register.notices import NoticeKind
from store.conversation_session import SqlConversationStore
from store.repository import SqlRegisterStore
from tests.bot.transcript import FakeNotifier, Transcript, run
from tests.samples import SampleRegister


def test_a_call_ended_without_a_warning_is_recorded_honestly_and_the_manager_told(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    priya, tom, gary = sample_register.frontline, sample_register.manager, sample_register.gary
    chat = Transcript(store)

    async def scenario() -> None:
        seen = await chat.say(priya, "terminated call")
        assert seen.text == "Who was the caller? A name is best, or say “don't know”."
        seen = await chat.say(priya, "gary rowe")
        assert seen.text == "Did you warn the caller that you would end the call? (yes or no)"
        seen = await chat.say(priya, "no")
        assert seen.texts[0].startswith("Thanks for saying so. I'll record that no warning")
        assert seen.texts[1] == "Why did you end the call? A sentence is fine."
        seen = await chat.say(priya, "He kept swearing at me and would not stop")
        assert "Warned first: No" in seen.text and "Caller: Gary Rowe" in seen.text
        done = await chat.say(priya, "yes")
        assert done.text == "Thank you. The note is filed on the case. I've told Tom Hale."

    run(scenario())
    (notice,) = chat.notifier.notices
    assert (notice.kind, notice.recipient, notice.urgent) == (
        NoticeKind.TERMINATED_CALL,
        tom.id,
        True,
    )
    assert notice.title == "A call was ended without a warning"
    with SqlConversationStore(store).transaction() as session:
        call = session.terminated_call(notice.record_id)
        contacts = session.contacts_for_person(gary.id)
    assert call is not None
    assert (call.warned_first, call.person_id, call.caller) == (False, gary.id, "Gary Rowe")
    assert call.manager_told_at is not None
    assert contacts[-1].summary.startswith("Call ended by staff without a warning")


def test_a_call_described_in_one_sentence_and_a_manager_out_of_reach(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    priya, tom = sample_register.frontline, sample_register.manager
    chat = Transcript(store, FakeNotifier(unreachable={tom.id}))

    async def scenario() -> None:
        seen = await chat.say(
            priya, "I hung up on Mr Dale after I warned him, because he was racist to me"
        )
        assert "Warned first: Yes" in seen.text and "Why it ended: he was racist to me" in seen.text
        seen = await chat.say(priya, "no, it was 3pm")
        assert "When: Wed 4 Mar 2026, 15:00" in seen.text
        done = await chat.say(priya, "yes")
        assert "couldn't reach Tom Hale in Teams, so please tell them too" in done.text

    run(scenario())
    with SqlConversationStore(store).transaction() as session:
        call = session.terminated_call(chat.notifier.notices[0].record_id)
    assert call is not None and call.manager_told_at is None and call.person_id is None
