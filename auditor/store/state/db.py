"""SQLite plumbing for the state: connecting, transactions, and errors mapped to ours."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from auditor.store.state.errors import from_sqlite


@contextlib.contextmanager
def sqlite_errors(path: Path) -> Iterator[None]:
    """Turn a SQLite failure the user can act on into StateBusy or StateError; a bug stays."""
    try:
        yield
    except sqlite3.Error as exc:
        mapped = from_sqlite(exc, path)
        if mapped is None:
            raise
        raise mapped from None


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection, path: Path,
                write: bool = True) -> Iterator[None]:
    """One transaction: committed at the end of the block, rolled back by any exception."""
    # IMMEDIATE takes SQLite's write lock before the first statement. Any exception
    # inside, or a COMMIT that fails (disk full, a reader that never lets go), rolls
    # every statement of the block back.
    with sqlite_errors(path):
        connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise


def connect(path: Path, wait: float, shown: Path | None = None) -> sqlite3.Connection:
    """Open an existing database file (never create it), waiting `wait` s for SQLite's locks.

    Errors name `shown` (the state's own path while a new one is built beside it) or path.
    """
    # mode=rw: never let SQLite create (or recreate) the file; opening.create does that.
    uri = Path(os.path.abspath(path)).as_uri() + "?mode=rw"
    with sqlite_errors(shown or path):
        connection = sqlite3.connect(uri, uri=True, timeout=max(wait, 0.0),
                                     isolation_level=None)
    try:
        # Deleted alerts are overwritten with zeros, so `forget` really forgets.
        connection.execute("PRAGMA secure_delete = ON")
    except BaseException:
        connection.close()
        raise
    return connection
