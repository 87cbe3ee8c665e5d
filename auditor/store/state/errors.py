"""The state's errors, and which SQLite failures are the user's to hear about."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from auditor.errors import AuditorError
from auditor.exitcodes import ExitCode
from auditor.wording import Said

# SQLite primary result codes (exc.sqlite_errorcode & 0xff).
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_DAMAGED_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
# PERM, READONLY, IOERR, FULL, CANTOPEN, PROTOCOL, NOLFS: the file system's say, not a bug.
_SYSTEM_CODES = {3, 8, 10, 13, 14, 15, 22}


class StateBusy(AuditorError):
    """Another run holds the state; this run changed nothing and may simply be retried."""

    exit_code = ExitCode.USAGE

    def __init__(self, path: Path, holder: str = Said("state.another_run")) -> None:
        super().__init__(Said("state.busy", path=path, holder=holder))
        self.path = path


class StateError(AuditorError):
    """A state file that is not ours, is damaged or cannot be opened; it is never changed."""

    exit_code = ExitCode.USAGE

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


def not_ours(path: Path, why: str) -> StateError:
    """The error for a file that is not a state database this auditor can use as it is."""
    return StateError(Said("state.not_ours", path=path, why=why), path)


def from_sqlite(exc: sqlite3.Error, path: Path) -> AuditorError | None:
    """The user-facing error for a SQLite failure, or None for a bug (re-raise it)."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    if primary in _BUSY_CODES:
        return StateBusy(path, Said("state.another_program"))
    if primary in _DAMAGED_CODES:
        why = Said("state.not_a_database") if primary == 26 else Said("state.damaged",
                                                                       detail=str(exc))
        return not_ours(path, why)
    if primary in _SYSTEM_CODES:
        # A failed transaction was rolled back (or is, when the connection closes).
        return StateError(Said("state.cannot_use", path=path, detail=str(exc)), path)
    return None
