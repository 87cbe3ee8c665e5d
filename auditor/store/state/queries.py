"""The open state's reads and writes: which keys are new, record, forget, summary, rows."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from auditor.store.state.db import sqlite_errors, transaction
from auditor.store.state.errors import not_ours
from auditor.store.state.records import (Alert, StateSummary, StoredAlert, from_row, to_row,
                                         when)
from auditor.wording import Said

_CHUNK = 500  # keys per query: under SQLite's oldest limit of 999 bound parameters


class StateStore:
    """Reads and writes one open state database; every write is a single transaction."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    def new(self, keys: Sequence[str]) -> list[bool]:
        """For each key, whether it was never reported (a repeated key is new only once)."""
        seen: set[str] = set()
        unique = list(dict.fromkeys(keys))
        with sqlite_errors(self.path):
            for start in range(0, len(unique), _CHUNK):
                chunk = unique[start:start + _CHUNK]
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
        with transaction(self._db, self.path):
            before = self._db.total_changes
            self._db.executemany(
                "INSERT OR IGNORE INTO alerts VALUES (?, ?, ?, ?, ?, ?, ?)",
                (to_row(alert, stamp) for alert in alerts),
            )
            return self._db.total_changes - before

    def forget(self, before: date | None = None) -> int:
        """Delete alerts for transactions before that day, or all; returns how many."""
        with transaction(self._db, self.path):
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

        # One read transaction, so every figure comes from the same snapshot.
        with transaction(self._db, self.path, write=False), self._values():
            count, first, last = self._db.execute(
                "SELECT count(*), min(first_reported), max(first_reported) FROM alerts"
            ).fetchone()
            by_wallet = pairs("wallet", "2 DESC, 1")
            by_severity = pairs("severity", "2 DESC, 1")
            by_month = pairs("substr(date, 1, 7)", "1")
            return StateSummary(count, when(first), when(last), by_wallet, by_severity,
                                by_month)

    def rows(self, limit: int | None = 20) -> list[StoredAlert]:
        """The most recently reported alerts first (all of them when limit is None)."""
        with sqlite_errors(self.path), self._values():
            cursor = self._db.execute(
                "SELECT key, date, amount, wallet, severity, account, first_reported "
                "FROM alerts ORDER BY first_reported DESC, date DESC, key LIMIT ?",
                (-1 if limit is None else max(limit, 0),),
            )
            return [from_row(*row) for row in cursor]

    @contextlib.contextmanager
    def _values(self) -> Iterator[None]:
        # SQLite keeps whatever a hand edit or another program put in a column; a value
        # record() never writes is damage to report (exit 2), not a crash (it was exit 4).
        try:
            yield
        except (ValueError, TypeError, OverflowError):
            raise not_ours(self.path, Said("state.bad_value")) from None
