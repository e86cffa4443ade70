"""The blocking steps of handling one message: claim, decide and record, then move.

Each step commits before the next begins (mailbox/claims.py says why); the
watcher runs them in a worker thread and does the telling in between. A
`Step` carries what one message needs from one step to the next.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal, Protocol

from mailbox import claims
from mailbox.backends import FolderNames, FolderRole, MailBackend
from mailbox.claims import Claim, ClaimSession, State
from mailbox.facts import RoutingSettings, gather
from mailbox.message import ParsedMessage, ParseResult
from mailbox.parse import parse_message
from mailbox.routing import Outcome, Routing, route
from mailbox.rules.base import Facts
from mailbox.telling import alert, decision_notices, to_json
from register.ids import utcnow
from register.records import Contact
from register.vocabulary import Channel

log = logging.getLogger(__name__)

LETTER_CHARS = 4000  # what is kept of each email for later triage
UNPARSED_DOMAIN = "unparsed.forewarn.invalid"


@dataclass(frozen=True, slots=True)
class WatcherSettings:
    """Everything the watcher is configured with (built from settings in app.py).

    `mailbox` is the watched mailbox's address; it names the claims and the
    lock. `handoff` says how mail for a SPOC that arrived here is sent on:
    moved to `spoc_folder` in this mailbox, or forwarded (mailbox/handoff.py).
    `alert_recipient` (an Entra id) hears about quarantined mail and outages,
    and gets escalations no officer could be found for. `second_opinion`
    lets triage's learned model flag abuse the rules missed.
    """

    mailbox: str
    folders: FolderNames = field(default_factory=FolderNames)
    default_spoc_mailbox: str = ""
    alert_recipient: str = ""
    handoff: Literal["move", "forward"] = "move"
    spoc_folder: str = "SPOC"
    poll_seconds: float = 30.0
    max_attempts: int = 3
    max_backoff_seconds: float = 300.0
    second_opinion: bool = True

    @property
    def routing(self) -> RoutingSettings:
        return RoutingSettings(
            self.mailbox, self.default_spoc_mailbox, self.alert_recipient, self.second_opinion
        )


class ClaimStore(Protocol):
    def transaction(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class Step:
    """One message between steps: where it is, its bytes, and its claim as last saved."""

    key: str
    raw: bytes
    parsed: ParseResult
    claim: Claim

    @property
    def decision(self) -> Mapping[str, Any]:
        return self.claim.decision


class Steps:
    """The blocking steps, bound to one mailbox, store and backend."""

    def __init__(self, settings: WatcherSettings, store: ClaimStore, backend: MailBackend) -> None:
        self.settings, self.store, self.backend = settings, store, backend
        self.inbox = settings.folders[FolderRole.INBOX]

    def listing(self) -> tuple[list[str], set[str]]:
        """Keys in the inbox, and those already looked at and left alone (not fetched again)."""
        keys = list(self.backend.list_keys(self.inbox))
        with self.store.transaction() as session:
            left = session.keys_in_state(self.settings.mailbox, self.inbox, State.LEFT)
        return keys, left

    def claim(self, key: str) -> Step | None:
        """Fetch, parse and claim one message; None when it has gone meanwhile."""
        raw = self.backend.fetch(self.inbox, key)
        if raw is None:
            return None
        parsed = parse_message(raw)
        message_id = _message_id(parsed)
        with self.store.transaction() as session:
            claim = claims.take(
                session, self.settings.mailbox, self.inbox, key, message_id, parsed.content_sha256
            )
        return Step(key, raw, parsed, claim)

    def decide(self, step: Step) -> Step:
        """Route the message and save the decision, contact and correspondence together."""
        received = utcnow()
        with self.store.transaction() as session:
            facts = gather(session, step.parsed, self.settings.routing, received)
            routing = route(facts)
            self._record_case(session, step, facts, routing, received)
            notices = [to_json(n) for n in decision_notices(step.claim.id, facts, routing)]
            if routing.outcome is Outcome.QUARANTINE:
                notices.append(to_json(self._quarantine_alert(step.claim.id, routing.reason)))
            record = routing.as_record() | {
                "notices": notices,
                "forward_to": _forward_to(self.settings, facts, routing),
            }
            customer = facts.customer
            claims.record_decision(
                session,
                step.claim.id,
                action=routing.outcome.value,
                decision=record,
                destination=self._destination(routing),
                person_id=customer.person.id if customer and routing.logs_contact else None,
                officer=customer.officer_id if customer else "",
            )
            if routing.outcome is Outcome.LEAVE:
                claims.record_finished(session, step.claim.id, State.LEFT)
            return _refreshed(session, step)

    def quarantine(self, step: Step) -> Step:
        """Decide to quarantine a message that has failed `max_attempts` times."""
        reason = (
            f"Quarantined after {step.claim.attempts - 1} failed attempts; the last error was: "
            f"{step.claim.last_error or 'the watcher stopped while handling it'}."
        )
        record = {
            "outcome": Outcome.QUARANTINE.value,
            "folder": FolderRole.QUARANTINE.value,
            "rules": [
                {
                    "rule": "failed_repeatedly",
                    "description": "Handling the email failed too many times",
                    "evidence": step.claim.last_error,
                }
            ],
            "reason": reason,
            "notices": [to_json(self._quarantine_alert(step.claim.id, reason))],
            "forward_to": None,
        }
        with self.store.transaction() as session:
            claims.record_decision(
                session,
                step.claim.id,
                action=Outcome.QUARANTINE.value,
                decision=record,
                destination=self.settings.folders[FolderRole.QUARANTINE],
            )
            return _refreshed(session, step)

    def notified(self, step: Step) -> None:
        with self.store.transaction() as session:
            claims.record_notified(session, step.claim.id)

    def finish(self, step: Step) -> None:
        """Move the message to its folder, then record that it is there.

        A copy of a finished email follows it to where it is now, which for
        one reopened from the digest is the folder it was returned to.
        """
        destination = claims.where_now(step.claim)
        if destination and not self.backend.move(self.inbox, step.key, destination):
            log.warning("%s had already left the inbox; recording it as moved", step.key)
        quarantined = step.claim.action == Outcome.QUARANTINE.value
        with self.store.transaction() as session:
            claims.record_finished(
                session, step.claim.id, State.QUARANTINED if quarantined else State.MOVED
            )

    def failed(self, claim_id: str, error: str) -> None:
        with self.store.transaction() as session:
            claims.record_failure(session, claim_id, error)

    def recover(self, listed: set[str]) -> int:
        """Decided claims whose message has left the inbox were moved before a crash: close them."""
        closed = 0
        with self.store.transaction() as session:
            for claim in session.claims_in_state(self.settings.mailbox, State.DECIDED):
                if claim.folder == self.inbox and claim.server_key not in listed:
                    quarantined = claim.action == Outcome.QUARANTINE.value
                    state = State.QUARANTINED if quarantined else State.MOVED
                    claims.record_finished(session, claim.id, state)
                    closed += 1
        return closed

    # ---- helpers -------------------------------------------------------------

    def _destination(self, routing: Routing) -> str:
        if routing.outcome is Outcome.TO_SPOC and self.settings.handoff == "move":
            return self.settings.spoc_folder
        return self.settings.folders[routing.folder] if routing.folder else ""

    def _quarantine_alert(self, claim_id: str, reason: str) -> Any:
        return alert(
            self.settings.alert_recipient,
            f"An email in {self.settings.mailbox} was quarantined",
            reason,
            "It is kept in the Quarantine folder; `mail-replay` puts it back once fixed.",
            record_id=claim_id,
        )

    def _record_case(
        self, session: ClaimSession, step: Step, facts: Facts, routing: Routing, at: datetime
    ) -> None:
        """Log the contact (once per email and person) and keep the text for later triage."""
        parsed = facts.parsed
        if not routing.logs_contact or parsed is None:
            return
        for customer in facts.customers:
            person_id = customer.person.id
            if not session.contact_logged(person_id, parsed.message_id):  # type: ignore[attr-defined]
                session.add(
                    Contact(
                        person_id,
                        at,
                        Channel.EMAIL,
                        _summary(parsed, routing),
                        "mailbox",
                        parsed.message_id,
                    )
                )
        if facts.triage is not None and facts.customer is not None:
            session.add_letter(  # type: ignore[attr-defined]
                person_id=facts.customer.person.id,
                message_id=parsed.message_id,
                at=parsed.date or at,
                sender=parsed.from_address,
                subject=parsed.subject[:998],
                body=parsed.body_text[:LETTER_CHARS],
                claim_id=step.claim.id,
            )


def _message_id(parsed: ParseResult) -> str:
    if isinstance(parsed, ParsedMessage):
        return parsed.message_id
    return f"<{parsed.content_sha256}@{UNPARSED_DOMAIN}>"


def _forward_to(settings: WatcherSettings, facts: Facts, routing: Routing) -> str | None:
    customer = facts.customer
    if routing.outcome is Outcome.TO_SPOC and settings.handoff == "forward" and customer:
        return customer.spoc_mailbox or None
    return None


def _summary(parsed: ParsedMessage, routing: Routing) -> str:
    what = {
        Outcome.TO_SPOC: "sent on to the SPOC mailbox",
        Outcome.ESCALATE: f"escalated ({routing.category.replace('_', ' ')})",
        Outcome.FILE: "filed as a repeat, no reply",
    }.get(routing.outcome, routing.outcome.value)
    return f"Email '{parsed.subject or '(no subject)'}': {what}."


def _refreshed(session: ClaimSession, step: Step) -> Step:
    claim = session.claim(step.claim.id)
    assert claim is not None
    return Step(step.key, step.raw, step.parsed, claim)
