"""The candidate finder for look-ups, over the register's indexed key columns.

Every query here is an indexed equality (or IN) on `property.postcode_key`,
`property.street_key`, `property.house_key`, `person.name_key` or
`person_alias.name_key`. Typo tolerance never touches the tables: a
misspelt street or name is matched in memory against the register's
distinct spellings (`register.spelling`), and the spellings found are then
fetched by index. An exactly typed street or name is always looked up in
the database first, so a property added a second ago is found at once; the
in-memory spellings, which only serve typos, are reloaded when they are
older than `max_age` seconds or when `refresh()` is called (after an
import, say), and learn any exact spelling the database shows them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import sqlalchemy as sa

from register.addresses import name_key
from register.spelling import NameSpellings, StreetSpellings
from register.subjects import Person, Property
from store import mapping as m
from store.repository import SqlRegisterStore
from store.session import ALIAS, PERSON, PROPERTY, SqlSession

MOST_PROPERTIES = 500  # a street-only query on a long street lists this many at most
SPELLINGS_MAX_AGE = 900.0  # seconds


class Spellings:
    """The register's street and name spellings, shared by every look-up of one store."""

    def __init__(self, max_age: float = SPELLINGS_MAX_AGE) -> None:
        self.max_age = max_age
        self._lock = threading.Lock()
        self._streets: StreetSpellings | None = None
        self._names: NameSpellings | None = None
        self._loaded_at = 0.0

    def refresh(self) -> None:
        """Forget the spellings; the next look-up that needs them reloads them."""
        with self._lock:
            self._streets = self._names = None

    def learn_streets(self, streets: set[str]) -> None:
        """Add streets the database just showed, in case they are newer than the copy."""
        with self._lock:
            for street in streets if self._streets is not None else ():
                self._streets.add(street)

    def streets(self, connection: sa.Connection) -> StreetSpellings:
        self._reload_if_stale(connection)
        assert self._streets is not None
        return self._streets

    def names(self, connection: sa.Connection) -> NameSpellings:
        self._reload_if_stale(connection)
        assert self._names is not None
        return self._names

    def _reload_if_stale(self, connection: sa.Connection) -> None:
        with self._lock:
            fresh = time.monotonic() - self._loaded_at < self.max_age
            if fresh and self._streets is not None and self._names is not None:
                return
            streets = connection.execute(sa.select(PROPERTY.c.street_key).distinct()).scalars()
            names = connection.execute(
                sa.union(sa.select(PERSON.c.name_key), sa.select(ALIAS.c.name_key))
            ).scalars()
            self._streets = StreetSpellings(streets)
            self._names = NameSpellings(names)
            self._loaded_at = time.monotonic()


class SqlLookupSession(SqlSession):
    """A register session that can also find look-up candidates (`CandidateFinder`)."""

    def __init__(self, connection: sa.Connection, spellings: Spellings) -> None:
        super().__init__(connection)
        self._spellings = spellings

    def known_streets(self, spellings: Sequence[str], fuzzy: Sequence[str]) -> list[str]:
        """Streets spelt exactly as typed (asked of the database), else the nearest spellings."""
        if not spellings:
            return []
        statement = sa.select(PROPERTY.c.street_key).where(PROPERTY.c.street_key.in_(spellings))
        exact = set(self._run("Could not search streets", statement.distinct()).scalars())
        if exact:
            self._spellings.learn_streets(exact)
            return sorted(exact, key=len, reverse=True)
        with self._step("Could not load the register's spellings"):
            return self._spellings.streets(self._connection).closest(spellings, fuzzy)

    def properties_on_streets(self, streets: Sequence[str], number: str) -> list[Property]:
        where = PROPERTY.c.street_key.in_(streets)
        if number:
            where = sa.and_(where, _house_or_its_flats(number))
        return self._properties(where)

    def properties_called(self, house_name: str) -> list[Property]:
        # Equality only: a LIKE for the flats inside would scan every property
        # (neither database can use a plain index for it); flats in a named
        # house are still found through their street.
        return self._properties(PROPERTY.c.house_key == house_name)

    def people_like(self, name: str) -> list[Person]:
        """The people with exactly this name or alias; failing that, the nearest spellings."""
        key = name_key(name)
        exact = self.people_with_name_keys([key])
        if exact:
            return exact
        with self._step("Could not load the register's spellings"):
            keys = self._spellings.names(self._connection).closest(key)
        return self.people_with_name_keys(keys) if keys else []

    def _properties(self, where: sa.ColumnElement[bool]) -> list[Property]:
        statement = sa.select(PROPERTY).where(where).limit(MOST_PROPERTIES)
        rows = self._run("Could not search addresses", statement)
        return [m.property_from(row) for row in rows]


def _house_or_its_flats(building: str) -> sa.ColumnElement[bool]:
    """'12' matches house key '12' and '12 flat 3' (see `ParsedAddress.house_key`).

    Used only beside a street condition, which the index narrows first.
    """
    flats = PROPERTY.c.house_key.startswith(f"{building} flat ", autoescape=True)
    return sa.or_(PROPERTY.c.house_key == building, flats)


class SqlLookupStore(SqlRegisterStore):
    """Opens look-up units of work (`register.lookup_ports.LookupStore`) on a register store.

    The unit of work is SqlRegisterStore's, with a session that can also find
    candidates, so the audit entry commits with the look-up.
    """

    def __init__(self, store: SqlRegisterStore, spellings: Spellings | None = None) -> None:
        super().__init__(store.engine)
        self.spellings = spellings or Spellings()

    def _new_session(self, connection: sa.Connection) -> SqlLookupSession:
        return SqlLookupSession(connection, self.spellings)

    def refresh(self) -> None:
        """Call after adding properties or people in bulk, so typos find them at once."""
        self.spellings.refresh()
