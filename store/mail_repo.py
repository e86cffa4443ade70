"""The mailbox watcher's unit of work: the register session plus claims and case history.

`SqlMailStore` opens `MailSession`s: everything a `SqlSession` can do (look
up people and restrictions, log contacts) and the watcher's own tables, in
the same transaction. That is what lets the watcher record a decision, the
contact-log entry and the correspondence together: either all of them are
saved and the claim says "decided", or none is and the message is decided
afresh. It implements `mailbox.claims.ClaimSession`; the values it returns
are plain dataclasses, so the store does not depend on the mailbox package.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from register.decided_mail import DecidedMail, FiredRule
from register.ids import new_id, utcnow
from register.staff import StaffMember
from store import mapping as m
from store import tables as t
from store.mail_lock import MailboxLock
from store.repository import SqlRegisterStore
from store.session import CONTACT, STAFF, SqlSession
from store.tables_mail import CorrespondenceRow, KnownIssueRow, MailClaimRow, MailFeedbackRow

CLAIM = t.table(MailClaimRow)
LETTER = t.table(CorrespondenceRow)
ISSUE = t.table(KnownIssueRow)
FEEDBACK = t.table(MailFeedbackRow)


@dataclass(frozen=True, slots=True)
class MailClaim:
    """One row of `mail_claim`; see store/tables_mail.py for what each column means."""

    id: str
    mailbox: str
    folder: str
    server_key: str
    message_id: str
    content_sha256: str
    state: str
    attempts: int
    last_error: str
    action: str
    decision: Mapping[str, Any]
    destination: str
    person_id: str | None
    officer: str
    claimed_at: datetime
    decided_at: datetime | None
    notified_at: datetime | None
    finished_at: datetime | None
    reopened_by: str
    reopened_at: datetime | None
    return_state: str
    returned_to: str
    returned_at: datetime | None
    return_attempts: int
    return_error: str


@dataclass(frozen=True, slots=True)
class CaseLetter:
    """An email already on a customer's case, as triage reads it."""

    person_id: str
    message_id: str
    at: datetime
    sender: str
    subject: str
    body: str
    claim_id: str | None = None
    id: str = field(default_factory=new_id)


@dataclass(frozen=True, slots=True)
class CaseIssue:
    """A matter already considered for a customer (summary, status, outcome)."""

    person_id: str
    summary: str
    status: str
    outcome: str = ""
    id: str = field(default_factory=new_id)


@dataclass(frozen=True, slots=True)
class IssueImport:
    """What an import of known issues did: issues added, updated, and already as the file says."""

    added: int
    updated: int
    unchanged: int


def _same_matter(summary: str) -> str:
    """A summary as compared on re-import: without case or runs of spaces."""
    return " ".join(summary.casefold().split())


class DecidedMailReading(SqlSession):
    """Reading one decided email as staff see it; the bot's session reads it too ("Open record")."""

    def decided_mail(self, claim_id: str) -> DecidedMail | None:
        """The claim's decision, with the subject and sender kept on the customer's case."""
        claim = self._one(CLAIM, _claim, CLAIM.c.id == claim_id)
        if claim is None or claim.decided_at is None:
            return None
        statement = sa.select(LETTER).where(LETTER.c.claim_id == claim_id).order_by(LETTER.c.id)
        letter = self._run("Could not read the correspondence", statement.limit(1)).first()
        reopener = self.staff_member(claim.reopened_by) if claim.reopened_by else None
        return _decided(claim, letter, reopener.name if reopener else "")


class MailSession(DecidedMailReading):
    """A register session that can also claim messages and read and write case history."""

    # ---- claims ------------------------------------------------------------

    def claim_by_content(self, mailbox: str, message_id: str, sha256: str) -> MailClaim | None:
        where = sa.and_(
            CLAIM.c.mailbox == mailbox,
            CLAIM.c.message_id == message_id,
            CLAIM.c.content_sha256 == sha256,
        )
        return self._one(CLAIM, _claim, where)

    def claim(self, claim_id: str) -> MailClaim | None:
        return self._one(CLAIM, _claim, CLAIM.c.id == claim_id)

    def new_claim(
        self, mailbox: str, folder: str, server_key: str, message_id: str, sha256: str
    ) -> MailClaim:
        """Insert a claim in state 'claimed' with its first attempt counted."""
        values = {
            "id": new_id(),
            "mailbox": mailbox,
            "folder": folder,
            "server_key": server_key,
            "message_id": message_id,
            "content_sha256": sha256,
            "state": "claimed",
            "attempts": 1,
            "last_error": "",
            "action": "",
            "decision": {},
            "destination": "",
            "person_id": None,
            "officer": "",
            "claimed_at": utcnow(),
            "reopened_by": "",
            "return_state": "",
            "returned_to": "",
            "return_attempts": 0,
            "return_error": "",
        }
        self._run("Could not claim the message", sa.insert(CLAIM).values(**values))
        claim = self.claim(str(values["id"]))
        assert claim is not None
        return claim

    def update_claim(self, claim_id: str, expect_state: str | None = None, **values: Any) -> bool:
        """Change a claim; with `expect_state`, only if it is still in that state."""
        statement = sa.update(CLAIM).where(CLAIM.c.id == claim_id).values(**values)
        if expect_state is not None:
            statement = statement.where(CLAIM.c.state == expect_state)
        return self._run("Could not update the message's claim", statement).rowcount == 1

    def claims_in_state(self, mailbox: str, state: str) -> list[MailClaim]:
        where = sa.and_(CLAIM.c.mailbox == mailbox, CLAIM.c.state == state)
        return self._many(CLAIM, _claim, where, CLAIM.c.claimed_at)

    def keys_in_state(self, mailbox: str, folder: str, state: str) -> set[str]:
        statement = sa.select(CLAIM.c.server_key).where(
            CLAIM.c.mailbox == mailbox, CLAIM.c.folder == folder, CLAIM.c.state == state
        )
        return set(self._run("Could not read the message claims", statement).scalars())

    def claims_to_return(self, mailbox: str) -> list[MailClaim]:
        """Moved claims an officer reopened whose email the watcher has still to move back."""
        return self._returns(mailbox, "requested", "returning")

    def failed_returns(self, mailbox: str) -> list[MailClaim]:
        """Reopened emails the watcher gave up moving back, for an operator to retry."""
        return self._returns(mailbox, "failed")

    def _returns(self, mailbox: str, *states: str) -> list[MailClaim]:
        where = sa.and_(
            CLAIM.c.mailbox == mailbox,
            CLAIM.c.return_state.in_(states),
            CLAIM.c.state == "moved",
        )
        return self._many(CLAIM, _claim, where, CLAIM.c.reopened_at)

    def claims_decided_between(
        self, action: str, start: datetime, end: datetime
    ) -> list[MailClaim]:
        where = sa.and_(
            CLAIM.c.action == action, CLAIM.c.decided_at >= start, CLAIM.c.decided_at < end
        )
        return self._many(CLAIM, _claim, where, CLAIM.c.decided_at)

    # ---- the case file -------------------------------------------------------

    def contact_logged(self, person_id: str, reference: str) -> bool:
        """Whether this email is on the person's contact log already (routed, then triaged)."""
        statement = sa.select(sa.func.count()).where(
            CONTACT.c.person_id == person_id, CONTACT.c.reference == reference
        )
        return bool(self._run("Could not read the contact log", statement).scalar())

    def add_letter(self, **fields: Any) -> None:
        """Keep one email on the case; `fields` are CaseLetter's (plain values, no store type)."""
        letter = CaseLetter(**fields)
        values = {name: getattr(letter, name) for name in CaseLetter.__slots__}
        self._run("Could not save the correspondence", sa.insert(LETTER).values(**values))

    def letters_for(self, person_id: str, limit: int) -> list[CaseLetter]:
        """The customer's latest `limit` emails, oldest first."""
        statement = (
            sa.select(LETTER)
            .where(LETTER.c.person_id == person_id)
            .order_by(LETTER.c.at.desc(), LETTER.c.id)
            .limit(limit)
        )
        rows = self._run("Could not read the correspondence", statement)
        letters = [CaseLetter(**{k: getattr(r, k) for k in CaseLetter.__slots__}) for r in rows]
        return letters[::-1]

    def add_issues(self, issues: Iterable[CaseIssue]) -> int:
        """Add known issues (the import path); returns how many."""
        now = utcnow()
        rows = [
            {name: getattr(issue, name) for name in CaseIssue.__slots__} | {"updated_at": now}
            for issue in issues
        ]
        if rows:
            self._run("Could not save the known issues", sa.insert(ISSUE), rows)
        return len(rows)

    def update_issues(self, issues: Iterable[CaseIssue]) -> None:
        """Set the status and outcome of known issues already held (the re-import path)."""
        now = utcnow()
        for issue in issues:
            statement = (
                sa.update(ISSUE)
                .where(ISSUE.c.id == issue.id)
                .values(status=issue.status, outcome=issue.outcome, updated_at=now)
            )
            self._run("Could not save the known issues", statement)

    def issues_for(self, person_id: str) -> list[CaseIssue]:
        statement = sa.select(ISSUE).where(ISSUE.c.person_id == person_id).order_by(ISSUE.c.id)
        rows = self._run("Could not read the known issues", statement)
        return [CaseIssue(**{k: getattr(r, k) for k in CaseIssue.__slots__}) for r in rows]

    def staff_named(self, name: str) -> StaffMember | None:
        """A member of staff by name, compared without case (SPOC params name the officer)."""
        where = sa.func.lower(STAFF.c.name) == name.strip().lower()
        return self._one(STAFF, m.staff_member_from, where)

    def add_feedback(self, claim_id: str, officer: str, kind: str, note: str) -> str:
        feedback_id = new_id()
        values = {"id": feedback_id, "claim_id": claim_id, "officer": officer, "kind": kind}
        statement = sa.insert(FEEDBACK).values(**values, note=note, at=utcnow())
        self._run("Could not save the feedback", statement)
        return feedback_id

    def feedback_for(self, claim_id: str) -> list[dict[str, Any]]:
        statement = sa.select(FEEDBACK).where(FEEDBACK.c.claim_id == claim_id)
        rows = self._run("Could not read the feedback", statement.order_by(FEEDBACK.c.at))
        return [dict(row._mapping) for row in rows]


class SqlMailStore(SqlRegisterStore):
    """The register store whose units of work are `MailSession`s."""

    def _new_session(self, connection: sa.Connection) -> MailSession:
        return MailSession(connection)

    def import_known_issues(self, rows: Iterable[Mapping[str, str]]) -> IssueImport:
        """Add or update known issues from rows with person_id, summary, status and outcome.

        The import path for the SPOC officer's list, which they keep in a
        spreadsheet and import again after each change: a row whose summary
        (compared without case or extra spaces) the customer already has
        updates that issue's status and outcome instead of adding a second
        copy. One transaction, all or nothing.
        """
        wanted = [
            CaseIssue(row["person_id"], row["summary"], row["status"], row.get("outcome", ""))
            for row in rows
        ]
        with self.transaction() as session:
            held: dict[tuple[str, str], CaseIssue] = {}
            for person_id in sorted({issue.person_id for issue in wanted}):
                for issue in session.issues_for(person_id):
                    held.setdefault((person_id, _same_matter(issue.summary)), issue)
            added: list[CaseIssue] = []
            changed: list[CaseIssue] = []
            for issue in wanted:
                key = (issue.person_id, _same_matter(issue.summary))
                before = held.get(key)
                if before is None:
                    added.append(issue)
                    held[key] = issue
                elif (before.status, before.outcome) != (issue.status, issue.outcome):
                    held[key] = replace(before, status=issue.status, outcome=issue.outcome)
                    changed.append(held[key])
            session.add_issues(added)
            session.update_issues({issue.id: issue for issue in changed}.values())
            unchanged = len(wanted) - len(added) - len(changed)
            return IssueImport(len(added), len({i.id for i in changed}), unchanged)

    def watcher_lock(self, mailbox: str) -> MailboxLock:
        """The lock that makes this process the one watcher of `mailbox` (mailbox/lock.py)."""
        return MailboxLock(self.engine, mailbox)


def _claim(row: Any) -> MailClaim:
    return MailClaim(**{name: getattr(row, name) for name in MailClaim.__slots__})


def _decided(claim: MailClaim, letter: Any, reopened_by: str) -> DecidedMail:
    """The claim's JSON decision (mailbox.routing.Routing.as_record) as plain values."""
    decision = claim.decision
    rules = tuple(
        FiredRule(str(r.get("rule", "")), str(r.get("description", "")), str(r.get("evidence", "")))
        for r in decision.get("rules", [])
    )
    return DecidedMail(
        claim_id=claim.id,
        message_id=claim.message_id,
        officer=claim.officer,
        person_id=claim.person_id,
        action=claim.action,
        category=str(decision.get("category", claim.action)),
        reason=str(decision.get("reason", "")),
        rules=rules,
        new_sentences=tuple(str(s) for s in decision.get("new_sentences", [])),
        received_at=claim.claimed_at,
        subject=letter.subject if letter else "",
        sender=letter.sender if letter else "",
        sent_at=letter.at if letter else None,
        reopened_by=reopened_by,
        reopened_at=claim.reopened_at,
    )
