"""The --new-only state: which findings were already reported, kept in a locked SQLite file."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.ingest.account import mask
from auditor.errors import AuditorError
from auditor.exitcodes import ExitCode
from auditor.fs.locks import LockBusy, file_lock
from auditor.store.secret import private_key, rekey
from auditor.fs.tempfiles import make_temp

if TYPE_CHECKING:
    from auditor.models import Finding

ENV_VAR = "AUDITOR_STATE"
FILE_NAME = "state.sqlite3"
DEFAULT_WAIT = 5.0  # seconds a run waits for another run to release the state
# 1: keys were plain SHA-256 hex; 2: keyed with the install's secret (auditor.store.secret).
SCHEMA_VERSION = 2
# Written into the SQLite header (PRAGMA application_id) so the file names its owner.
APPLICATION_ID = 0x41554454  # "AUDT"
_ACCOUNT_CHARS = frozenset("0123456789abcdefghijklmnopqrstuvwxyz")
_MASKED = re.compile(r"\*\*\*[0-9a-z]{0,4}")
_ALERT_COLUMNS = ("key", "date", "amount", "wallet", "severity", "account", "first_reported")
_SCHEMA = (
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
# SQLite primary result codes (exc.sqlite_errorcode & 0xff).
_BUSY_CODES = {5, 6}  # SQLITE_BUSY, SQLITE_LOCKED
_DAMAGED_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
# PERM, READONLY, IOERR, FULL, CANTOPEN, PROTOCOL, NOLFS: the file system's say, not a bug.
_SYSTEM_CODES = {3, 8, 10, 13, 14, 15, 22}


class StateBusy(AuditorError):
    """Another run holds the state; this run changed nothing and may simply be retried."""

    exit_code = ExitCode.USAGE

    def __init__(self, path: Path, holder: str = "another auditor run") -> None:
        super().__init__(f"the state database {path} is in use by {holder}; try again later")
        self.path = path


class StateError(AuditorError):
    """A state file that is not ours, is damaged or cannot be opened; it is never changed."""

    exit_code = ExitCode.USAGE

    def __init__(self, message: str, path: Path) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class Alert:
    """What the state keeps of one reported finding: a hash and a few facts, no text."""

    key: str
    date: date
    amount: int
    wallet: str | None
    severity: str
    masked_account: str | None = None

    @classmethod
    def for_finding(cls, account: str | None, finding: Finding) -> Alert:
        """The alert a finding on this account raises (account may be None)."""
        return cls(alert_key(account, finding), finding.date, finding.amount, finding.wallet,
                   str(finding.severity), mask_account(account))


@dataclass(frozen=True)
class StoredAlert(Alert):
    """An alert as read back from the state, with when it was first reported."""

    first_reported: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form `auditor state show` prints (no key: it names nothing to a reader)."""
        return {
            "date": self.date.isoformat(), "amount": self.amount, "wallet": self.wallet,
            "severity": self.severity, "account": self.masked_account,
            "first_reported": None if self.first_reported is None
            else self.first_reported.isoformat(),
        }


@dataclass(frozen=True)
class StateSummary:
    """Totals over the whole state; the groups are (name, count) pairs, largest first."""

    count: int
    first_reported: datetime | None
    last_reported: datetime | None
    by_wallet: tuple[tuple[str | None, int], ...]
    by_severity: tuple[tuple[str, int], ...]
    by_month: tuple[tuple[str, int], ...]  # month of the transaction, YYYY-MM, oldest first

    def to_dict(self) -> dict[str, Any]:
        return {
            "alerts": self.count,
            "first_reported": _iso(self.first_reported),
            "last_reported": _iso(self.last_reported),
            "by_wallet": [{"wallet": w, "count": n} for w, n in self.by_wallet],
            "by_severity": [{"severity": s, "count": n} for s, n in self.by_severity],
            "by_month": [{"month": m, "count": n} for m, n in self.by_month],
        }


EMPTY_SUMMARY = StateSummary(0, None, None, (), (), ())


# --- where and what -----------------------------------------------------------------


def default_state_path(explicit: Path | None = None) -> Path:
    """explicit (--state) beats $AUDITOR_STATE beats the per-user state folder."""
    if explicit is not None:
        return Path(explicit).expanduser()
    named = os.environ.get(ENV_VAR)
    if named:  # an empty variable counts as unset, as for AUDITOR_CONFIG
        return Path(named).expanduser()
    if os.name == "posix":
        base = os.environ.get("XDG_STATE_HOME", "")
        # The XDG spec says to ignore a relative value: it would move with the cwd.
        root = Path(base) if os.path.isabs(base) else Path.home() / ".local" / "state"
        return root / "auditor" / FILE_NAME
    from typer import get_app_dir

    return Path(get_app_dir("auditor")) / FILE_NAME


def state_is_explicit(explicit: Path | None = None) -> bool:
    """Whether the user named the state file (--state or $AUDITOR_STATE)."""
    return explicit is not None or bool(os.environ.get(ENV_VAR))


def _canonical_account(account: str | None) -> str:
    """The account as keys and masks use it: NFKC, lower case, ASCII letters and digits.

    So "123-4567", "1234567" and "１２３４５６７" are one account.
    """
    if not account:
        return ""
    folded = unicodedata.normalize("NFKC", account).lower()
    return "".join(char for char in folded if char in _ACCOUNT_CHARS)


def alert_key(account: str | None, finding: Finding) -> str:
    """The keyed hash (auditor.store.secret) of the account and the finding's identity
    (date|time|amount|key|n): without the install's secret it names nothing."""
    return private_key(_canonical_account(account) + "\x1f" + finding.identity())


def mask_account(account: str | None) -> str | None:
    """***4567, as everywhere in the tool (auditor.ingest.account.mask); None when there is none."""
    return mask(account) if _canonical_account(account) else None


# --- the store ----------------------------------------------------------------------


class StateStore:
    """Reads and writes one open state database; every write is a single transaction."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    def new(self, keys: Sequence[str]) -> list[bool]:
        """For each key, whether it was never reported (a repeated key is new only once)."""
        seen: set[str] = set()
        unique = list(dict.fromkeys(keys))
        with self._errors():
            for start in range(0, len(unique), 500):
                chunk = unique[start:start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(f"SELECT key FROM alerts WHERE key IN ({marks})", chunk)
                seen.update(row[0] for row in rows)
        result = []
        for key in keys:
            result.append(key not in seen)
            seen.add(key)
        return result

    def record(self, alerts: Iterable[Alert], now: datetime | None = None) -> int:
        """Insert the alerts all at once or not at all; returns how many were new."""
        # Always UTC, so that the text sorts in time order.
        moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
        stamp = moment.isoformat(timespec="seconds")
        with self._transaction():
            before = self._db.total_changes
            self._db.executemany(
                "INSERT OR IGNORE INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?)",
                (_row(alert, stamp) for alert in alerts),
            )
            return self._db.total_changes - before

    def forget(self, before: date | None = None) -> int:
        """Delete alerts for transactions before that day, or all; returns how many."""
        with self._transaction():
            if before is None:
                cursor = self._db.execute("DELETE FROM alerts")
            else:
                cursor = self._db.execute("DELETE FROM alerts WHERE date < ?",
                                          (before.isoformat(),))
            return cursor.rowcount

    def summary(self) -> StateSummary:
        """Counts by wallet, severity and transaction month, and the reporting span."""
        def pairs(column: str, order: str) -> tuple[tuple[Any, int], ...]:
            query = f"SELECT {column}, count(*) FROM alerts GROUP BY 1 ORDER BY {order}"
            return tuple((name, count) for name, count in self._db.execute(query))

        with self._transaction(write=False), self._values():  # one snapshot for all
            count, first, last = self._db.execute(
                "SELECT count(*), min(first_reported), max(first_reported) FROM alerts"
            ).fetchone()
            by_wallet = pairs("wallet", "2 DESC, 1")
            by_severity = pairs("severity", "2 DESC, 1")
            by_month = pairs("substr(date, 1, 7)", "1")
            return StateSummary(count, _when(first), _when(last), by_wallet, by_severity,
                                by_month)

    def rows(self, limit: int | None = 20) -> list[StoredAlert]:
        """The most recently reported alerts first (all of them when limit is None)."""
        with self._errors(), self._values():
            cursor = self._db.execute(
                "SELECT key, date, amount, wallet, severity, account, first_reported "
                "FROM alerts ORDER BY first_reported DESC, date DESC, key LIMIT ?",
                (-1 if limit is None else max(limit, 0),),
            )
            return [_stored(*row) for row in cursor]

    @contextlib.contextmanager
    def _values(self) -> Iterator[None]:
        # SQLite keeps whatever a hand edit or another program put in a column; a value
        # record() never writes is damage to report (exit 2), not a crash (it was exit 4).
        try:
            yield
        except (ValueError, TypeError, OverflowError):
            raise _not_ours(self.path, "damaged: an alert holds a value auditor never "
                                       "writes") from None

    @contextlib.contextmanager
    def _transaction(self, write: bool = True) -> Iterator[None]:
        # IMMEDIATE takes SQLite's write lock before the first statement. Any exception
        # inside, or a COMMIT that fails (disk full, a reader that never lets go), rolls
        # every statement of the block back.
        with self._errors():
            self._db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            mapped = _state_error(exc, self.path)
            if mapped is None:
                raise
            raise mapped from None


def _row(alert: Alert, stamp: str) -> tuple[Any, ...]:
    # Checked row by row inside the transaction: one bad alert undoes the whole record().
    if alert.masked_account is not None and not _MASKED.fullmatch(alert.masked_account):
        raise ValueError("masked_account must look like ***1234 (use mask_account)")
    if not re.fullmatch(r"[0-9a-f]{64}", alert.key):
        raise ValueError("an alert key must be 64 hex digits (use alert_key)")
    return (alert.key, alert.date.isoformat(), alert.amount, alert.wallet, str(alert.severity),
            alert.masked_account, stamp)


def _stored(key: Any, day: Any, amount: Any, wallet: Any, severity: Any, account: Any,
            reported: Any) -> StoredAlert:
    """One alert row, every value checked for the type record() writes."""
    texts = (key, day, severity, reported)
    if (not all(isinstance(v, str) for v in texts) or type(amount) is not int
            or not isinstance(wallet, str | None) or not isinstance(account, str | None)):
        raise TypeError("an alert row holds a value of the wrong type")
    return StoredAlert(key, date.fromisoformat(day), amount, wallet, severity,
                       _remasked(account), _when(reported))


def _remasked(account: str | None) -> str | None:
    # record() stores only masks; this keeps a hand-edited file from showing more.
    if account is None or _MASKED.fullmatch(account):
        return account
    return mask_account(account) or "***"


def _when(text: str | None) -> datetime | None:
    if text is not None and not isinstance(text, str):
        raise TypeError("first_reported is not text")
    return None if text is None else datetime.fromisoformat(text)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


# --- opening ------------------------------------------------------------------------


@contextlib.contextmanager
def open_state(path: Path, wait: float | None = None) -> Iterator[StateStore]:
    """Lock the state for the whole block, creating or validating it first.

    A second run waits up to `wait` seconds (DEFAULT_WAIT when None), then gets StateBusy.
    A file that is not an auditor state database of a known schema gives StateError and is
    left byte for byte.
    """
    # Read when called, not when defined, so that the one constant governs every caller.
    wait = DEFAULT_WAIT if wait is None else wait
    path = Path(path)
    _make_directory(path.parent, path)
    with _locked(path.with_name(path.name + ".lock"), path, wait):
        if not os.path.lexists(path):
            _create(path, wait)
        connection = _connect(path, wait)
        try:
            if _validate(connection, path) < SCHEMA_VERSION:
                _migrate(connection, path)
            yield StateStore(connection, path)
        finally:
            connection.close()


def _make_directory(directory: Path, path: Path) -> None:
    # Owner-only, like the config folder: the state says which accounts were attacked.
    missing = []
    for folder in (directory, *directory.parents):
        if folder.exists():
            break
        missing.append(folder)
    try:
        for folder in reversed(missing):
            folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise StateError(f"{path}: cannot create the state folder "
                         f"({exc.strerror or type(exc).__name__})", path) from None


@contextlib.contextmanager
def _locked(lock_path: Path, path: Path, wait: float) -> Iterator[None]:
    """The run-wide lock: a sidecar, since SQLite owns the database's own locks and the
    lock must also cover creating the database."""
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(file_lock(lock_path, wait))
        except LockBusy:
            raise StateBusy(path) from None
        except OSError as exc:
            raise StateError(f"{lock_path}: cannot open the state lock "
                             f"({exc.strerror or type(exc).__name__})", path) from None
        yield


def _create(path: Path, wait: float) -> None:
    """Build a new database beside path and link it into place: never half a database."""
    try:
        fd, temp = make_temp(path.parent, path.name)  # named so a killed run's is swept
    except OSError as exc:
        raise StateError(f"{path}: cannot create the state database "
                         f"({exc.strerror or type(exc).__name__})", path) from None
    os.close(fd)  # mkstemp made it 0o600; SQLite gives its journals the same bits
    try:
        connection = _connect(Path(temp), wait, shown=path)
        try:
            with StateStore(connection, path)._transaction():
                for statement in _SCHEMA:
                    connection.execute(statement)
                connection.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        finally:
            connection.close()
        _publish(Path(temp), path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
    _sync_directory(path.parent)


def _publish(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path)  # fails rather than replace a file that appeared meanwhile
    except FileExistsError:
        pass  # someone else's file now; _validate decides what it is
    except OSError:  # no hard links here (FAT, some shares); we hold the lock, so this is safe
        if not os.path.lexists(path):
            os.replace(temp, path)


def _sync_directory(directory: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _connect(path: Path, wait: float, shown: Path | None = None) -> sqlite3.Connection:
    # mode=rw: never let SQLite create (or recreate) the file; _create does that.
    uri = Path(os.path.abspath(path)).as_uri() + "?mode=rw"
    try:
        connection = sqlite3.connect(uri, uri=True, timeout=max(wait, 0.0),
                                     isolation_level=None)
    except sqlite3.Error as exc:
        mapped = _state_error(exc, shown or path)
        if mapped is None:
            raise
        raise mapped from None
    try:
        # Deleted alerts are overwritten with zeros, so `forget` really forgets.
        connection.execute("PRAGMA secure_delete = ON")
    except BaseException:
        connection.close()
        raise
    return connection


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Schema 1 to 2: key every plain SHA-256 key with the secret, in one transaction.

    Each alert keeps its place (so nothing is reported again), and no plain key is left in
    the file: secure_delete zeroes what the update frees, and VACUUM rebuilds the file.
    """
    rekey("0" * 64)  # an unusable secret is its own error (exit 2), before anything changes
    connection.create_function("auditor_rekey", 1, _rekeyed, deterministic=True)
    with StateStore(connection, path)._transaction():
        connection.execute("UPDATE alerts SET key = auditor_rekey(key)")
        connection.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))
    with StateStore(connection, path)._errors():
        connection.execute("VACUUM")


def _rekeyed(key: object) -> object:
    # Only what schema 1 wrote is converted; anything else stays for _row-style checks.
    if isinstance(key, str) and re.fullmatch(r"[0-9a-f]{64}", key):
        return rekey(key)
    return key


def _validate(connection: sqlite3.Connection, path: Path) -> int:
    """Read-only checks; anything unexpected is a StateError and the file stays as it is.

    Returns the file's schema version (1 or 2)."""
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check(3)")]
        if problems != ["ok"]:
            raise _not_ours(path, "damaged: the integrity check failed")
        if application_id != APPLICATION_ID:
            empty = os.path.getsize(path) == 0
            raise _not_ours(path, "an empty file" if empty else "it was not created by auditor")
        try:
            versions = [row[0] for row in connection.execute("SELECT version FROM schema_version")]
        except sqlite3.OperationalError:
            raise _not_ours(path, "no schema_version table") from None
        if len(versions) != 1 or not isinstance(versions[0], int):
            raise _not_ours(path, "no single schema version")
        if versions[0] > SCHEMA_VERSION:
            raise StateError(f"{path} was written by a newer auditor (schema {versions[0]}, "
                             f"this one knows {SCHEMA_VERSION}); upgrade auditor", path)
        if versions[0] < 1:
            raise _not_ours(path, f"unknown schema {versions[0]}")
        columns = tuple(row[1] for row in connection.execute("PRAGMA table_info(alerts)"))
        if columns != _ALERT_COLUMNS:
            raise _not_ours(path, "the alerts table is not the expected one")
        return versions[0]
    except sqlite3.Error as exc:
        mapped = _state_error(exc, path)
        if mapped is None:
            raise
        raise mapped from None


def _not_ours(path: Path, why: str) -> StateError:
    return StateError(f"{path} is not a valid auditor state database ({why}); "
                      "move it aside to start afresh", path)


def _state_error(exc: sqlite3.Error, path: Path) -> AuditorError | None:
    """The user-facing error for a SQLite failure, or None for a bug (re-raise it)."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = None if code is None else code & 0xFF
    if primary in _BUSY_CODES:
        return StateBusy(path, "another program")
    if primary in _DAMAGED_CODES:
        why = "not a database" if primary == 26 else f"damaged: {exc}"
        return _not_ours(path, why)
    if primary in _SYSTEM_CODES:
        # A failed transaction was rolled back (or is, when the connection closes).
        return StateError(f"{path}: cannot use the state database ({exc}); "
                          "nothing was changed", path)
    return None
