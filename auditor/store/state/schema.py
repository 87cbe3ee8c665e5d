"""The state database's tables: creating them, checking a file is ours, migrating it."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from auditor.store.secret import rekey
from auditor.store.state.db import sqlite_errors, transaction
from auditor.store.state.errors import StateError, not_ours
from auditor.store.state.records import is_plain_key
from auditor.wording import Said

# 1: keys were plain SHA-256 hex; 2: keyed with the install's secret (auditor.store.secret).
SCHEMA_VERSION = 2
# Written into the SQLite header (PRAGMA application_id) so the file names its owner.
APPLICATION_ID = 0x41554454  # "AUDT"
ALERT_COLUMNS = ("key", "date", "amount", "wallet", "severity", "account", "first_reported")
SCHEMA_SQL = (
    "CREATE TABLE schema_version (version INTEGER NOT NULL)",
    # No statement text: the key is a hash, and the account is masked to its last 4 digits.
    "CREATE TABLE alerts ("
    " key TEXT PRIMARY KEY NOT NULL,"       # alert_key(): HMAC-SHA-256 hex
    " date TEXT NOT NULL,"                  # transaction date, YYYY-MM-DD
    " amount INTEGER NOT NULL,"             # yen
    " wallet TEXT,"                         # catalogue id, or NULL
    " severity TEXT NOT NULL,"              # low | medium | high
    " account TEXT,"                        # ***4567, or NULL
    " first_reported TEXT NOT NULL"         # UTC, ISO 8601
    ") WITHOUT ROWID",
    "CREATE INDEX alerts_by_date ON alerts (date)",
    "CREATE INDEX alerts_by_reported ON alerts (first_reported)",
)


def create_tables(connection: sqlite3.Connection, path: Path) -> None:
    """Make an empty database of the current schema, in one transaction."""
    with transaction(connection, path):
        for statement in SCHEMA_SQL:
            connection.execute(statement)
        connection.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def validate(connection: sqlite3.Connection, path: Path) -> int:
    """Read-only checks; anything unexpected is a StateError and the file stays as it is.

    Returns the file's schema version (1 or 2)."""
    with sqlite_errors(path):
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check(3)")]
        if problems != ["ok"]:
            raise not_ours(path, Said("state.integrity"))
        if application_id != APPLICATION_ID:
            empty = os.path.getsize(path) == 0
            raise not_ours(path, Said("state.empty") if empty else Said("state.not_created"))
        version = _version(connection, path)
        columns = tuple(row[1] for row in connection.execute("PRAGMA table_info(alerts)"))
        if columns != ALERT_COLUMNS:
            raise not_ours(path, Said("state.alerts_table"))
        return version


def _version(connection: sqlite3.Connection, path: Path) -> int:
    try:
        versions = [row[0] for row in connection.execute("SELECT version FROM schema_version")]
    except sqlite3.OperationalError:
        raise not_ours(path, Said("state.no_version_table")) from None
    if len(versions) != 1 or not isinstance(versions[0], int):
        raise not_ours(path, Said("state.no_single_version"))
    if versions[0] > SCHEMA_VERSION:
        raise StateError(Said("state.newer", path=path, version=versions[0],
                              known=SCHEMA_VERSION), path)
    if versions[0] < 1:
        raise not_ours(path, Said("state.unknown_schema", version=versions[0]))
    return versions[0]


def migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Schema 1 to 2: key every plain SHA-256 key with the secret, in one transaction.

    Each alert keeps its place (so nothing is reported again), and no plain key is left in
    the file: secure_delete zeroes what the update frees, and VACUUM rebuilds the file.
    """
    rekey("0" * 64)  # an unusable secret is its own error (exit 2), before anything changes
    connection.create_function("auditor_rekey", 1, _rekeyed, deterministic=True)
    with transaction(connection, path):
        connection.execute("UPDATE alerts SET key = auditor_rekey(key)")
        connection.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))
    with sqlite_errors(path):
        connection.execute("VACUUM")


def _rekeyed(key: object) -> object:
    # Only what schema 1 wrote is converted; anything else is left for validate-style checks.
    return rekey(key) if is_plain_key(key) else key
