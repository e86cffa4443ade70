"""Helpers for the watcher tests: a register with one SPOC customer, and a watcher on it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from mailbox.backends import MailBackend
from mailbox.telling import LoggingNotifier
from mailbox.watcher import PassSummary, Watcher, WatcherSettings, build_watcher
from store.mail_repo import CLAIM, SqlMailStore
from store.repository import SqlRegisterStore
from tests.mailbox.spoc_cases import MANAGER, OFFICER, SPOC_MAILBOX, SpocCase, spoc_case


@dataclass
class Desk:
    """The SPOC desk under test: the store, one customer, the notices sent, the watcher."""

    store: SqlMailStore
    case: SpocCase
    notifier: LoggingNotifier
    watcher: Watcher

    def run_once(self) -> PassSummary:
        return asyncio.run(self.watcher.run_once())

    def contacts(self) -> list[Any]:
        with self.store.transaction() as session:
            return list(session.contacts_for_person(self.case.person.id))

    def claims(self) -> list[Any]:
        with self.store.engine.connect() as db:
            rows = db.execute(sa.select(CLAIM).order_by(CLAIM.c.claimed_at))
            return [row._mapping for row in rows]


def desk(
    store: SqlRegisterStore, backend: MailBackend, mailbox: str = SPOC_MAILBOX, **settings: Any
) -> Desk:
    mail_store = SqlMailStore(store.engine)
    case = spoc_case("Jane Customer", "Jane@Example.org", "jane.alt@example.net")
    mail_store.bulk_add([OFFICER, MANAGER, *case.records()])
    notifier = LoggingNotifier()
    config = WatcherSettings(mailbox, alert_recipient="aad-operator", **settings)
    return Desk(mail_store, case, notifier, build_watcher(config, mail_store, notifier, backend))


def folder_counts(backend: MailBackend, *folders: str) -> dict[str, int]:
    return {folder: len(backend.list_keys(folder)) for folder in folders}
