"""Turn SQLAlchemy's exceptions into the core's, in words staff can act on.

Callers of the store catch `register.errors` only. The original exception is
chained (`raise ... from`), so the log keeps the database's own message and
the traceback while the person in Teams sees a sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc

from register.errors import InvalidInput, StoreUnavailable

# PostgreSQL SQLSTATEs and SQLite messages for the same four broken rules.
_INTEGRITY_WORDS = (
    ("23505", "UNIQUE constraint failed", "a record with the same identifier is already saved"),
    ("23503", "FOREIGN KEY constraint failed", "it refers to a record that is not in the register"),
    ("23502", "NOT NULL constraint failed", "a required value is missing"),
    ("23514", "CHECK constraint failed", "a value is outside what the register allows"),
)


@contextmanager
def translated(action: str) -> Iterator[None]:
    """Run a block, re-raising database failures as InvalidInput or StoreUnavailable.

    `action` starts the message, e.g. "Could not save the person".
    """
    try:
        yield
    except exc.IntegrityError as error:
        raise InvalidInput(f"{action}: {_integrity_words(error)}.") from error
    except exc.DataError as error:
        raise InvalidInput(f"{action}: a value is too long or not in the right form.") from error
    except exc.DBAPIError as error:
        raise StoreUnavailable(f"{action}: {_unavailable_words(error)}.") from error
    except exc.StatementError as error:
        # Raised before the database saw anything, e.g. a time without a zone.
        if isinstance(error.orig, ValueError):
            raise InvalidInput(f"{action}: {error.orig}.") from error
        raise StoreUnavailable(f"{action}: the database refused the operation.") from error


def _integrity_words(error: exc.IntegrityError) -> str:
    sqlstate = getattr(error.orig, "sqlstate", None)
    message = str(error.orig)
    for code, sqlite_text, words in _INTEGRITY_WORDS:
        if sqlstate == code or sqlite_text in message:
            return words
    return "it breaks a rule of the register"


def _unavailable_words(error: exc.DBAPIError) -> str:
    message = str(error.orig).lower()
    if "locked" in message or "busy" in message:
        return "the database is busy; please try again in a moment"
    if "no such table" in message or ("relation" in message and "does not exist" in message):
        return "the database has not been set up (Forewarn migrates it when it starts)"
    if isinstance(error, exc.OperationalError | exc.InterfaceError):
        return "the database could not be reached"
    return "the database refused the operation"
