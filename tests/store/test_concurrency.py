"""Units of work running side by side queue for each other instead of failing.

Each thread reads then writes, the pattern that makes SQLite fail with
"database is locked" when a transaction upgrades a read lock; store.db
begins every SQLite transaction IMMEDIATE so they wait their turn instead.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from register.audit import AuditAction, AuditEntry
from register.ports import RegisterStore
from register.subjects import Person
from store.repository import SqlRegisterStore


def test_the_store_implements_the_core_port(store: SqlRegisterStore) -> None:
    port: RegisterStore = store  # checked by mypy; at run time, just that it opens
    with port.transaction() as session:
        assert session.counts()["people"] == 0


def test_concurrent_units_of_work_all_commit(store: SqlRegisterStore) -> None:
    def register_and_audit(n: int) -> None:
        for i in range(10):
            with store.transaction() as session:
                session.person_by_email(f"visitor{n}.{i}@example.com")
                person = Person(f"Visitor {n}-{i}", emails=(f"visitor{n}.{i}@example.com",))
                session.add(person)
                session.audit(
                    AuditEntry("system:test", AuditAction.CREATE, "person", person.id, "test")
                )

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(register_and_audit, range(4)))
    with store.transaction() as session:
        assert session.counts()["people"] == 40
        assert session.counts()["audit_entries"] == 40
