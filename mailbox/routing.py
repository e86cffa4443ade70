"""The watcher's routing policy, as one table read from top to bottom.

After GNU Mailman: the first rule in `ROUTES` that fires decides what
happens to the message; `FLAGS` never decide where a message goes, they
add who else is told (abusive language reaches the manager whether the
email is filed or escalated). The last row, `unsure`, always fires, so when
nothing else decides the email is escalated: when unsure, a person reads it.

Each row says what happens, which folder role the message ends in, whether
the email counts as contact on the customer's case, who is told, and the
sentence that starts the reason stored with the decision. `route` returns
every rule that fired (triage's own rules included), so "why was this
email filed?" is answered from the record.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mailbox.backends import FolderRole
from mailbox.rules.abusive import Abusive
from mailbox.rules.automatic import Automatic
from mailbox.rules.base import Facts, Rule
from mailbox.rules.not_under_spoc import NotUnderSpoc
from mailbox.rules.outside_spoc_mailbox import OutsideSpocMailbox
from mailbox.rules.shared_address import SharedAddress
from mailbox.rules.triage_escalates import TriageEscalates
from mailbox.rules.triage_files import TriageFiles
from mailbox.rules.unparseable import Unparseable
from mailbox.rules.unsure import Unsure
from mailbox.triage import RuleHit
from mailbox.triage.second_opinion import only_learned


class Outcome(StrEnum):
    QUARANTINE = "quarantine"  # kept aside with an alert; `mail-replay` puts it back
    LEAVE = "leave"  # not ours: left exactly as it was
    AUTOMATIC = "automatic"  # machine mail: recorded, not contact, not escalated
    TO_SPOC = "to_spoc"  # a SPOC customer wrote elsewhere: moved or forwarded to the SPOC
    ESCALATE = "escalate"  # the SPOC officer is told at once
    FILE = "file"  # a repeat: filed, logged on the case, in the daily digest, no reply


@dataclass(frozen=True, slots=True)
class Route:
    """If `rule` fires: do `outcome`, end in `folder`, and say `says` first in the reason."""

    rule: Rule
    outcome: Outcome
    folder: FolderRole | None
    logs_contact: bool
    tells_officer: bool
    says: str


ROUTES: tuple[Route, ...] = (
    Route(
        Unparseable(),
        Outcome.QUARANTINE,
        FolderRole.QUARANTINE,
        False,
        False,
        "Quarantined because the email could not be read",
    ),
    Route(
        NotUnderSpoc(),
        Outcome.LEAVE,
        None,
        False,
        False,
        "Left where it was because the sender has no SPOC arrangement",
    ),
    Route(
        Automatic(),
        Outcome.AUTOMATIC,
        FolderRole.AUTOMATIC,
        False,
        False,
        "Moved to the automatic-mail folder, not escalated and not counted as contact, "
        "because mail software wrote it",
    ),
    Route(
        OutsideSpocMailbox(),
        Outcome.TO_SPOC,
        FolderRole.PROCESSED,
        True,
        False,
        "Sent on to the SPOC and logged as contact, because it reached the wrong mailbox",
    ),
    Route(
        SharedAddress(),
        Outcome.ESCALATE,
        FolderRole.ESCALATED,
        True,
        True,
        "Escalated because the address is shared and a person must say whose email it is",
    ),
    # Triage explains its own decision ("Escalated: raises something new: ...").
    Route(TriageEscalates(), Outcome.ESCALATE, FolderRole.ESCALATED, True, True, ""),
    Route(TriageFiles(), Outcome.FILE, FolderRole.FILED, True, False, ""),
    Route(
        Unsure(),
        Outcome.ESCALATE,
        FolderRole.ESCALATED,
        True,
        True,
        "Escalated because no rule could decide, and when unsure a person reads it",
    ),
)


FLAGS: tuple[Rule, ...] = (Abusive(),)


def folder_for(outcome: Outcome) -> FolderRole:
    """The folder every row with `outcome` ends in: where an officer finds that kind of email.

    An email reopened from the digest goes where the table puts escalations
    (mailbox/reopening.py), so it is read from the table, not repeated there.
    """
    roles = {r.folder for r in ROUTES if r.outcome is outcome and r.folder is not None}
    if len(roles) != 1:
        raise ValueError(f"the routing table has no one folder for {outcome.value}: {roles}")
    return roles.pop()


@dataclass(frozen=True, slots=True)
class Routing:
    """What the table decided for one message, ready to store as JSON and act on."""

    outcome: Outcome
    folder: FolderRole | None
    logs_contact: bool
    tells_officer: bool
    tells_manager: bool
    category: str
    hits: tuple[RuleHit, ...]
    new_sentences: tuple[str, ...]
    reason: str

    def as_record(self) -> dict[str, Any]:
        """The decision as kept on the claim: plain JSON an operator can read."""
        return {
            "outcome": self.outcome.value,
            "folder": self.folder.value if self.folder else None,
            "category": self.category,
            "abusive": self.tells_manager,
            "rules": [
                {"rule": h.rule, "description": h.description, "evidence": h.evidence}
                for h in self.hits
            ],
            "new_sentences": list(self.new_sentences),
            "reason": self.reason,
        }


def route(facts: Facts) -> Routing:
    """Go down the table; the first rule that fires decides, flags only add who is told."""
    fired = [(r, h) for r in ROUTES if (h := r.rule.check(facts)) is not None]
    chosen, deciding = fired[0]
    flags = tuple(h for rule in FLAGS if (h := rule.check(facts)) is not None)
    triage_hits = facts.triage.hits if facts.triage else ()
    # The catch-all always fires; it is recorded only when it decided.
    kept = tuple(h for r, h in fired if r is chosen or not isinstance(r.rule, Unsure))
    hits = kept + tuple(triage_hits) + flags
    # Abuse is only judged in the SPOC mailbox, where triage runs; quarantined,
    # left and automatic mail tell no one but the operator.
    tells_manager = bool(flags) and chosen.logs_contact
    return Routing(
        outcome=chosen.outcome,
        folder=chosen.folder,
        logs_contact=chosen.logs_contact,
        tells_officer=chosen.tells_officer,
        tells_manager=tells_manager,
        category=facts.triage.category if facts.triage else chosen.outcome.value,
        hits=hits,
        new_sentences=facts.triage.new_sentences if facts.triage else (),
        reason=_reason(chosen, deciding, flags, only_learned(triage_hits)),
    )


def _reason(chosen: Route, deciding: RuleHit, flags: tuple[RuleHit, ...], learned: bool) -> str:
    """One or two sentences a SPOC officer can read: what was done, and why."""
    said = f"{chosen.says}: {deciding.evidence}" if chosen.says else deciding.evidence
    reason = said.rstrip(".") + "."
    if flags and learned:
        reason += (
            " Language that may be abusive was found by the learned second opinion"
            " (not the rules); the manager has been asked to read it and judge."
        )
    elif flags:
        reason += " Abusive language was found and the manager has been told."
    return reason
