"""Where two downloads of one account overlap: exact, row for row, never fuzzy.

A row of the later file counts as already seen only when the earlier file ends with the
same run of rows the later one starts with: same date, time, descriptor, amounts and (where
both print one) running balance, in the same order. Identical repeats inside one download
are never merged: they are the fraud signal.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# What makes two rows the same transaction as printed; a bank's own row numbers are not here.
SAME = ("date", "time", "description", "debit", "credit")


@dataclass(frozen=True)
class Overlap:
    """The later file's first `rows` rows are the earlier's rows from `start` on."""

    start: int
    rows: int
    by_balance: bool  # aligned on the running balance; else the longest identical run


def has_balance(frame: pd.DataFrame) -> bool:
    """Whether every row of the frame prints a running balance."""
    return "balance" in frame and len(frame) > 0 and bool(frame["balance"].notna().all())


def overlap(earlier: pd.DataFrame, later: pd.DataFrame) -> Overlap:
    """Where `later` starts inside `earlier`, and how many of its rows are shared.

    The later file's rows must repeat the earlier's from that place to the earlier's end (or
    to the later's own end, when one download lies inside the other); the earliest such
    place wins, which is the longest run.
    """
    by_balance = has_balance(earlier) and has_balance(later)
    if earlier.empty or later.empty:
        return Overlap(len(earlier), 0, by_balance)
    columns = [*SAME, "balance"] if by_balance else list(SAME)
    # Only rows dated from the later file's first day on can be shared.
    first = int((earlier["date"] < later["date"].iloc[0]).sum())
    head = int((later["date"] <= earlier["date"].iloc[-1]).sum())
    a = _comparable(earlier.iloc[first:], columns)
    b = _comparable(later.iloc[:head], columns)
    for start in range(len(a)):
        size = min(len(a) - start, len(b))
        if size and np.array_equal(a[start:start + size], b[:size]):
            return Overlap(first + start, size, by_balance)
    return Overlap(len(earlier), 0, by_balance)


def _comparable(frame: pd.DataFrame, columns: list[str]) -> np.ndarray:
    """The compared cells as one object array, missing values as one marker."""
    cells = frame[columns].astype(object)
    return cells.where(cells.notna(), "\x00").to_numpy()
