"""The audit trail is append-only: the store offers no way to change it, nor does the database."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from register.audit import AuditAction, AuditEntry
from store.repository import SqlRegisterStore
from store.tables import AuditPrunePermitRow, table
from tests.samples import SampleRegister


def _lookup(subject_id: str, minute: int) -> AuditEntry:
    return AuditEntry(
        actor="5f0c1e2a-0000-4000-8000-00000000aa02",
        action=AuditAction.LOOKUP,
        subject_type="person",
        subject_id=subject_id,
        reason="pre-visit check",
        detail="found by postcode",
        at=datetime(2025, 8, 1, 9, minute, tzinfo=UTC),
    )


def test_entries_are_kept_in_time_order_per_subject(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    later, earlier = _lookup(sample_register.gary.id, 30), _lookup(sample_register.gary.id, 5)
    with store.transaction() as session:
        session.audit(later)
        session.audit(earlier)
        session.audit(_lookup(sample_register.dana.id, 10))
    with store.transaction() as session:
        assert session.audit_for("person", sample_register.gary.id) == [earlier, later]
        assert session.counts()["audit_entries"] == 3


def test_an_audit_entry_is_written_with_the_change_or_not_at_all(
    store: SqlRegisterStore, sample_register: SampleRegister
) -> None:
    with pytest.raises(RuntimeError), store.transaction() as session:
        session.audit(_lookup(sample_register.gary.id, 1))
        raise RuntimeError("look-up failed after auditing")
    with store.transaction() as session:
        assert session.audit_for("person", sample_register.gary.id) == []


def test_the_session_offers_no_way_to_change_or_remove_an_entry(store: SqlRegisterStore) -> None:
    with store.transaction() as session:
        offered = {name for name in dir(session) if not name.startswith("_")}
        with pytest.raises(TypeError, match="does not store AuditEntry"):
            session.update(_lookup("someone", 1))  # type: ignore[arg-type]
    assert not {name for name in offered if "delete" in name or "remove" in name}


@pytest.mark.parametrize(
    "statement",
    ["UPDATE audit_entry SET reason = 'tidied'", "DELETE FROM audit_entry"],
)
def test_the_database_refuses_to_change_an_entry(store: SqlRegisterStore, statement: str) -> None:
    with store.transaction() as session:
        session.audit(_lookup("someone", 1))
    with (
        pytest.raises(sa.exc.DatabaseError, match="append-only"),
        store.engine.begin() as connection,
    ):
        connection.exec_driver_sql(statement)
    with store.transaction() as session:
        assert [e.reason for e in session.audit_for("person", "someone")] == ["pre-visit check"]


PERMIT = table(AuditPrunePermitRow)
PERMIT_AT = datetime(2025, 9, 1, tzinfo=UTC)


def _delete_under_permit(store: SqlRegisterStore, where: str) -> int:
    """Delete entries by hand in a transaction holding a prune permit, as audit retention does."""
    with store.engine.begin() as connection:
        connection.execute(sa.insert(PERMIT).values(id="permit", prunes_before=PERMIT_AT))
        deleted = connection.exec_driver_sql(f"DELETE FROM audit_entry WHERE {where}").rowcount
        connection.execute(sa.delete(PERMIT))
    return int(deleted)


def test_a_permit_lets_only_older_entries_go(store: SqlRegisterStore) -> None:
    """Audit retention's permit covers entries dated before it, and only in its transaction."""
    with store.transaction() as session:
        session.audit(_lookup("old", 1))  # 1 August 2025, before the permit's date
        session.audit(replace(_lookup("young", 1), at=PERMIT_AT))
    with pytest.raises(sa.exc.DatabaseError, match="append-only"):
        _delete_under_permit(store, "subject_id = 'young'")
    assert _delete_under_permit(store, "subject_id = 'old'") == 1
    with store.transaction() as session:
        assert [e.subject_id for e in session.audit_for("person", "young")] == ["young"]
        assert session.audit_for("person", "old") == []


def test_no_permit_lets_a_deletion_record_go(store: SqlRegisterStore) -> None:
    """A tombstone proves what retention deleted: it stays, however old."""
    tombstone = replace(_lookup("gone", 1), action=AuditAction.DELETE, reason="retention: test")
    with store.transaction() as session:
        session.audit(tombstone)
    with pytest.raises(sa.exc.DatabaseError, match="append-only"):
        _delete_under_permit(store, "subject_id = 'gone'")
    with store.transaction() as session:
        assert session.audit_for("person", "gone") == [tombstone]
