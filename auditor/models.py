"""Plain result types shared by the pipeline, the renderers and the command line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class FileReport:
    """What was read from one input file: the ``files`` entry of every JSON output."""

    path: str
    layout: str | None = None
    bank: str | None = None
    encoding: str | None = None
    rows: int = 0
    rejected: tuple[tuple[int, str], ...] = ()
    skipped: tuple[tuple[int, str], ...] = ()
    debit_total: int = 0
    credit_total: int = 0
    period: tuple[date, date] | None = None
    order: str | None = None
    balance_breaks: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    error: str | None = None
    internal: bool = field(default=False, compare=False)  # the error is a bug, not bad input

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (schema 1)."""
        return {
            "path": self.path,
            "layout": self.layout,
            "bank": self.bank,
            "encoding": self.encoding,
            "rows": self.rows,
            "rejected": [{"line": line, "reason": reason} for line, reason in self.rejected],
            "skipped": [{"line": line, "reason": reason} for line, reason in self.skipped],
            "debit_total": self.debit_total,
            "credit_total": self.credit_total,
            "period": None if self.period is None else
            {"from": self.period[0].isoformat(), "to": self.period[1].isoformat()},
            "order": self.order,
            "balance_breaks": list(self.balance_breaks),
            "notes": list(self.notes),
            "error": self.error,
        }
