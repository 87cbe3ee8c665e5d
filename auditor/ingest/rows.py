"""Per-row problems: the reason a row is rejected, or skipped as a note after the table."""

from __future__ import annotations

import numpy as np
import pandas as pd

from auditor.wording import Said

_NOTE_HEADS = ("※", "*", "＊", "注", "合計", "計", "TOTAL", "以上")
_NOTE_LINE = Said("reject.note_line")
# A row whose date cell is no date, below the last good row, may be the bank's note or total.
_DATE_REASONS = ("reject.date", "reject.no_such_day")


class RowProblems:
    """Per-row reasons: the first problem found in a row is the one reported."""

    def __init__(self, count: int) -> None:
        self.reasons = np.full(count, None, dtype=object)
        self.good = np.ones(count, dtype=bool)  # kept alongside: isna() on objects is slow

    @classmethod
    def of(cls, reasons: np.ndarray, good: np.ndarray) -> RowProblems:
        """Problems found so far, copied: flagging more leaves the originals as they were."""
        rows = cls(0)
        rows.reasons, rows.good = reasons.copy(), good.copy()
        return rows

    def flag(self, mask: np.ndarray, reason: Said) -> None:
        first = mask & self.good
        self.reasons[first] = reason
        self.good &= ~first


def split_problems(rows: RowProblems, lines: np.ndarray,
                    cells: pd.DataFrame) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Rejected rows, and the note or total lines a bank prints after the table."""
    bad = np.flatnonzero(~rows.good)
    last_good = int(np.flatnonzero(rows.good)[-1]) if rows.good.any() else -1
    rejected: list[tuple[int, str]] = []
    skipped: list[tuple[int, str]] = []
    for index in bad:
        reason = rows.reasons[index]  # what was said, so it can be said in either language
        if index > last_good and _looks_like_note(cells.iloc[index], reason):
            skipped.append((int(lines[index]), _NOTE_LINE))
        else:
            rejected.append((int(lines[index]), reason))
    return rejected, skipped


def _looks_like_note(row: pd.Series, reason: Said) -> bool:
    filled = [str(cell).strip() for cell in row.dropna() if str(cell).strip()]
    first = filled[0].upper() if filled else ""
    return reason.key in _DATE_REASONS and (len(filled) <= 2 or first.startswith(_NOTE_HEADS))
