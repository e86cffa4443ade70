"""The unit of work the bot's conversations run in.

It is the look-up session (so checks find candidates and audit in one
transaction) plus what a conversation needs besides: the managers to tell
about a new record, a record by its id for a manager's "Open record", and
the person's unfinished conversation. Saving an incident, its contact log
entry, its audit entry and clearing the conversation happen in one
transaction: either the incident is on the record and the conversation is
over, or neither.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa

from register.records import Incident, TerminatedCall
from register.risks import PremiseRisk
from register.staff import Role, StaffMember
from store import mapping as m
from store.conversation_state import ConversationStates
from store.lookup_queries import Spellings, SqlLookupSession, SqlLookupStore
from store.mail_repo import DecidedMailReading
from store.session import CALL, INCIDENT, RISK, STAFF


class SqlConversationSession(SqlLookupSession, DecidedMailReading):
    """A look-up session that can also find managers, records by id, and conversation state.

    It reads a decided email too (`DecidedMailReading`), for an escalation card's "Open record".
    """

    def __init__(self, connection: sa.Connection, spellings: Spellings) -> None:
        super().__init__(connection, spellings)
        self._states = ConversationStates(connection)

    def staff_in_service(self, service: str, role: Role) -> list[StaffMember]:
        """Staff of a service (compared without case) who hold a role, by name."""
        where = sa.and_(
            sa.func.lower(STAFF.c.service) == service.casefold(), STAFF.c.role == role.value
        )
        return self._many(STAFF, m.staff_member_from, where, STAFF.c.name)

    def incident(self, incident_id: str) -> Incident | None:
        return self._one(INCIDENT, m.incident_from, INCIDENT.c.id == incident_id)

    def terminated_call(self, call_id: str) -> TerminatedCall | None:
        return self._one(CALL, m.terminated_call_from, CALL.c.id == call_id)

    def premise_risk(self, risk_id: str) -> PremiseRisk | None:
        return self._one(RISK, m.premise_risk_from, RISK.c.id == risk_id)

    def saved_conversation(self, aad_id: str) -> tuple[str, dict[str, Any]] | None:
        with self._step("Could not read the conversation"):
            return self._states.load(aad_id)

    def keep_conversation(
        self, aad_id: str, flow: str, state: dict[str, Any], at: datetime
    ) -> None:
        with self._step("Could not keep the conversation"):
            self._states.save(aad_id, flow, state, at)

    def forget_conversation(self, aad_id: str) -> None:
        with self._step("Could not clear the conversation"):
            self._states.clear(aad_id)


class SqlConversationStore(SqlLookupStore):
    """Opens conversation units of work: a look-up session that also keeps chat state."""

    def _new_session(self, connection: sa.Connection) -> SqlConversationSession:
        return SqlConversationSession(connection, self.spellings)
