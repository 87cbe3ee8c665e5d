"""Files in period order: by first day, and within a day by which one starts earlier."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cmp_to_key

import numpy as np

from auditor.stitch.rows import Rows, agree


def in_period_order(rows: Sequence[Rows]) -> list[int]:
    """Indexes of the files, the earliest period first; files with no row last.

    Two files that begin on one day are ordered by their rows, not by the day alone: the one
    holding the other's first row later in that day began earlier (a download cut in the
    middle of a day), else the one ending first goes first; ties keep the order given.
    """
    def compare(a: int, b: int) -> int:
        x, y = rows[a], rows[b]
        if not len(x) or not len(y) or x.day[0] != y.day[0]:
            return _by(_first(x, a), _first(y, b))
        if not bool(agree(x, 0, y, 0)[0]):
            if _holds_later(x, y):
                return -1
            if _holds_later(y, x):
                return 1
        return _by((x.day[-1], a), (y.day[-1], b))

    return sorted(range(len(rows)), key=cmp_to_key(compare))


def _first(rows: Rows, index: int) -> tuple[float, int]:
    return (float(rows.day[0]) if len(rows) else np.inf), index


def _by(x: tuple[float, int], y: tuple[float, int]) -> int:
    return -1 if x < y else int(x > y)


def _holds_later(x: Rows, y: Rows) -> bool:
    """Whether y's first row is among x's rows of its first day, after x's first row."""
    same_day = int(np.searchsorted(x.day, x.day[0] + 1))
    if same_day < 2:
        return False
    index = np.arange(1, same_day)
    return bool(agree(x, index, y, np.zeros(len(index), np.int64))[0].any())
