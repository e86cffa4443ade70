"""Filing a terminated call on the case and telling the service manager immediately."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.conversations.context import Context
from bot.conversations.incident_saving import told_words
from bot.conversations.notices import call_notices, tell
from bot.conversations.outcome import Outcome, finished, say
from bot.conversations.ports import ConversationSession
from bot.conversations.saving import Saved, matched_person, save
from register.errors import InvalidInput
from register.records import TerminatedCall
from register.vocabulary import Behaviour, Channel


async def file_call(
    ctx: Context, call: dict[str, Any], behaviours: Sequence[Behaviour], at: datetime
) -> Outcome:
    def work(session: ConversationSession) -> Saved:
        person = matched_person(session, call["caller"])
        record = TerminatedCall(
            occurred_at=at,
            staff_id=ctx.staff.aad_object_id,
            warned_first=bool(call["warned"]),
            reason=call["reason"],
            caller=call["caller"],
            person_id=person.id if person else None,
            behaviours=tuple(behaviours),
            service=ctx.staff.service,
        )
        return save(session, ctx.staff, record, person, Channel.PHONE)

    try:
        saved = await ctx.unit_of_work(work)
    except InvalidInput as problem:
        return finished(say(f"Sorry, I couldn't file that: {problem} Nothing was saved."))
    assert isinstance(saved.record, TerminatedCall)
    who = saved.person_name or call["caller"]
    notices = call_notices(saved.record, who, ctx.staff, saved.managers, ctx.timezone)
    told = await tell(ctx, notices, saved.managers, saved.record)
    filed = "The note is filed on the case." if saved.person_name else "The note is filed."
    return finished(say(f"Thank you. {filed} {told_words(told)}"))
