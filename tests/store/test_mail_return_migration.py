"""Migration 0011: a reopened email's failed moves back, counted on its claim, with the error.

Each test starts from an empty database of its own migrated to 0010, holds
a claim as the application did then (reopened, on its way back, with the
officer's feedback), and upgrades; on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from store.mail_repo import SqlMailStore
from store.migrate import current_revisions, head_revisions, upgrade
from tests.databases import migrate_to

BEFORE = "0010_restriction_proposer"
NEW_COLUMNS = {"return_attempts", "return_error"}


def _tables(engine: sa.Engine) -> tuple[sa.Table, sa.Table]:
    found = sa.MetaData()
    return (
        sa.Table("mail_claim", found, autoload_with=engine),
        sa.Table("mail_feedback", found, autoload_with=engine),
    )


def _fill_as_before(engine: sa.Engine) -> None:
    claim, feedback = _tables(engine)
    assert not NEW_COLUMNS & set(claim.c.keys())
    now = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            sa.insert(claim),
            {"id": "claim-1", "mailbox": "spoc@council.example", "folder": "INBOX",
             "server_key": "k1", "message_id": "<m2@example.org>", "content_sha256": "0" * 64,
             "state": "moved", "attempts": 1, "last_error": "", "action": "file",
             "decision": {"reason": "Filed: repeats earlier mail."}, "destination": "Filed",
             "officer": "aad-officer", "claimed_at": now, "decided_at": now,
             "reopened_by": "aad-officer", "reopened_at": now, "return_state": "returning",
             "returned_to": "Escalated"},
        )  # fmt: skip
        connection.execute(
            sa.insert(feedback),
            {"id": "feedback-1", "claim_id": "claim-1", "officer": "aad-officer",
             "kind": "new_issue", "note": "", "at": now},
        )  # fmt: skip


@pytest.fixture
def held(engine: sa.Engine) -> sa.Engine:
    """The database at 0010, holding the claim and its feedback."""
    migrate_to(engine, BEFORE)
    _fill_as_before(engine)
    return engine


def test_a_claim_held_before_starts_with_no_failed_move_back(held: sa.Engine) -> None:
    upgrade(held)

    assert current_revisions(held) == head_revisions()
    with SqlMailStore(held).transaction() as session:
        held = session.claim("claim-1")
    assert held is not None
    assert (held.return_state, held.return_attempts, held.return_error) == ("returning", 0, "")


def test_the_downgrade_drops_the_columns_and_keeps_the_claim_and_its_feedback(
    held: sa.Engine,
) -> None:
    upgrade(held)

    migrate_to(held, BEFORE, down=True)

    claim, feedback = _tables(held)
    assert not NEW_COLUMNS & set(claim.c.keys())
    with held.connect() as connection:
        held = [connection.execute(sa.select(sa.func.count()).select_from(t)).scalar()
                for t in (claim, feedback)]  # fmt: skip
    assert held == [1, 1]
