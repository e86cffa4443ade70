"""Migration 0010: who proposed each restriction, copied from the audit trail onto the record.

Each test starts from an empty database of its own, migrated only to the
revision before 0010, fills it as the application did then (restrictions,
and their proposers only in the audit trail), then upgrades. It runs on
SQLite and PostgreSQL, because the backfill is SQL both must run as written
(the `engine` fixture: tests/store/conftest.py).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic.script import ScriptDirectory

from register.audit import AuditAction, AuditEntry
from register.restrictions import Officer, Restriction, RestrictionType, Status
from register.reviews import Review
from register.subjects import Person
from store import mapping as m
from store.migrate import alembic_config, current_revisions, head_revisions, upgrade
from store.proposers import proposers
from store.repository import SqlRegisterStore
from store.session import SqlSession
from tests.databases import migrate_to

REVISION = "0010_restriction_proposer"
BEFORE = ScriptDirectory.from_config(alembic_config()).get_revision(REVISION).down_revision
assert isinstance(BEFORE, str)


PERSON = Person("Rhian Running")
DECIDER = Officer("Dee Decider", "Director of Governance")


def _restriction(stage: str, start: date) -> Restriction:
    return Restriction(
        RestrictionType.SPOC,
        PERSON.id,
        stage,
        "Over 200 emails in six weeks.",
        DECIDER,
        start,
        params={"officer": "Jo Bloggs"},
        status=Status.ACTIVE,
    )


PROPOSED = _restriction("stage-1", date(2019, 3, 4))  # two create entries: the first counts
IMPORTED = _restriction("stage-2", date(2020, 5, 6))  # never had a create entry
PRUNED = _restriction("stage-2", date(2021, 7, 8))  # its create entry is about another record


def _entry(actor: str, action: AuditAction, subject: str, at: datetime) -> AuditEntry:
    return AuditEntry(actor, action, "restriction", subject, "restriction proposed", at=at)


def _fill_as_before(engine: sa.Engine) -> None:
    """Restrictions as the schema before 0010 held them: no proposer column."""
    old = sa.Table("restriction", sa.MetaData(), autoload_with=engine)
    assert "proposed_by" not in old.c
    with engine.begin() as connection:
        session = SqlSession(connection)
        session.add(PERSON)
        for restriction in (PROPOSED, IMPORTED, PRUNED):
            values = m.restriction_values(restriction)
            values.pop("proposed_by")
            connection.execute(sa.insert(old), values)
        session.add(Review(PROPOSED.id, date(2019, 9, 4)))
        for entry in (
            _entry("aad-later", AuditAction.CREATE, PROPOSED.id, datetime(2019, 3, 5, tzinfo=UTC)),
            _entry("aad-first", AuditAction.CREATE, PROPOSED.id, datetime(2019, 3, 1, tzinfo=UTC)),
            _entry("aad-viewer", AuditAction.VIEW, IMPORTED.id, datetime(2019, 1, 1, tzinfo=UTC)),
            AuditEntry("aad-x", AuditAction.CREATE, "incident", PRUNED.id, "logged"),
        ):
            session.audit(entry)


def test_the_upgrade_copies_each_proposer_from_the_first_create_entry(engine: sa.Engine) -> None:
    migrate_to(engine, BEFORE)
    _fill_as_before(engine)

    upgrade(engine)

    assert current_revisions(engine) == head_revisions()
    with engine.connect() as connection:
        assert proposers(connection) == {PROPOSED.id: "aad-first"}
    store = SqlRegisterStore(engine)
    with store.transaction() as session:
        assert session.restriction(PROPOSED.id) == replace(PROPOSED, proposed_by="aad-first")
        assert session.restriction(IMPORTED.id) == IMPORTED  # proposed_by None
        assert session.restriction(PRUNED.id) == PRUNED


def test_the_downgrade_drops_the_column_and_keeps_every_restriction_and_review(
    engine: sa.Engine,
) -> None:
    migrate_to(engine, BEFORE)
    _fill_as_before(engine)
    upgrade(engine)

    migrate_to(engine, BEFORE, down=True)

    old = sa.Table("restriction", sa.MetaData(), autoload_with=engine)
    assert "proposed_by" not in old.c
    with engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(old)).scalar() == 3
        reviews = connection.execute(sa.text("SELECT count(*) FROM review")).scalar()
    assert reviews == 1
