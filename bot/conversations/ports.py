"""What the conversations need from the store, as Protocols (the store implements them).

The conversations run look-ups, so their unit of work is a look-up
session; on top of that they find the managers to tell, read one record by
id for a manager's "Open record", and keep each person's unfinished
conversation between messages. Proposals and approvals also write decision
papers (a skipped step, a letter record) in the same unit of work, so it is
a decision session too. `store.conversation_session` implements it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, Protocol

from register.access import Refusal
from register.decided_mail import DecidedMail
from register.decision_ports import DecisionSession
from register.lookup_ports import LookupSession
from register.notices import Notice
from register.records import Incident, TerminatedCall
from register.risks import PremiseRisk
from register.staff import Role, StaffMember


class ConversationSession(LookupSession, DecisionSession, Protocol):
    def staff_in_service(self, service: str, role: Role) -> Sequence[StaffMember]:
        """Staff of a service who hold a role (the managers to tell of a new record)."""

    def incident(self, incident_id: str) -> Incident | None: ...

    def terminated_call(self, call_id: str) -> TerminatedCall | None: ...

    def premise_risk(self, risk_id: str) -> PremiseRisk | None:
        """A premise risk by id (a risk review reminder's "Open record")."""

    def decided_mail(self, claim_id: str) -> DecidedMail | None:
        """An email the watcher decided, by its claim id (an escalation's "Open record")."""

    def saved_conversation(self, aad_id: str) -> tuple[str, dict[str, Any]] | None:
        """(flow, state) of this person's unfinished conversation, if any."""

    def keep_conversation(
        self, aad_id: str, flow: str, state: dict[str, Any], at: datetime
    ) -> None: ...

    def forget_conversation(self, aad_id: str) -> None: ...


class ConversationStore(Protocol):
    """Opens units of work; leaving the block commits, an exception rolls back."""

    def transaction(self) -> AbstractContextManager[ConversationSession]: ...


# "This has a new issue" on a filed email in the digest: (claim id, who pressed, their note)
# -> the escalation to deliver, or a refusal. The mailbox package implements it
# (mailbox.digest.mark_new_issue); app.py passes it in, so the bot never imports the watcher.
Reescalate = Callable[[str, StaffMember, str], Notice | Refusal]
