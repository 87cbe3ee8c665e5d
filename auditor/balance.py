"""Check a statement's running balance, in whichever order the bank writes its rows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

OLDEST_FIRST = "oldest-first"
NEWEST_FIRST = "newest-first"


@dataclass(frozen=True)
class Chain:
    """The file's row order and the rows where the balance does not follow."""

    order: str
    breaks: tuple[int, ...]  # source line numbers


def check_chain(frame: pd.DataFrame) -> Chain:
    """Find the row order whose balance chain has fewest breaks, and list the breaks.

    Top to bottom (oldest first), a row's balance is the row above's minus its debit plus its
    credit; bottom to top (newest first), it is the row below's. A break is a missing, edited
    or reordered row.
    """
    balance = frame["balance"].to_numpy(dtype=float, na_value=np.nan)
    change = (frame["credit"] - frame["debit"]).to_numpy(dtype=float)
    lines = frame["line"].to_numpy()
    if len(frame) < 2 or np.isnan(balance).all():
        return Chain(_order_by_dates(frame), ())
    down = _breaks(balance[:-1] + change[1:], balance[1:])  # row i+1 follows row i
    up = _breaks(balance[1:] + change[:-1], balance[:-1])  # row i follows row i+1
    if down.sum() < up.sum() or (down.sum() == up.sum() and _order_by_dates(frame) == OLDEST_FIRST):
        return Chain(OLDEST_FIRST, tuple(int(x) for x in lines[1:][down]))
    return Chain(NEWEST_FIRST, tuple(int(x) for x in lines[:-1][up]))


def _breaks(expected: np.ndarray, actual: np.ndarray) -> np.ndarray:
    known = ~np.isnan(expected) & ~np.isnan(actual)
    return known & (expected != actual)


def _order_by_dates(frame: pd.DataFrame) -> str:
    dates = frame["date"]
    if len(dates) > 1 and dates.iloc[0] > dates.iloc[-1]:
        return NEWEST_FIRST
    return OLDEST_FIRST
