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


def check_chain(frame: pd.DataFrame, usual: str | None = None) -> Chain:
    """Find the row order whose balance chain has fewest breaks, and list the breaks.

    Top to bottom (oldest first), a row's balance is the row above's minus its debit plus its
    credit; bottom to top (newest first), it is the row below's. A break is a missing, edited
    or reordered row. Where neither the balance nor the dates tell (every row on one day, no
    balance), the bank's usual order decides.
    """
    balance = frame["balance"].to_numpy(dtype=float, na_value=np.nan)
    change = (frame["credit"] - frame["debit"]).to_numpy(dtype=float)
    lines = frame["line"].to_numpy()
    down, up = chain_breaks(balance, change)
    order = order_by_balance(down, up) or _order_by_dates(frame, usual)
    if order == OLDEST_FIRST:
        return Chain(order, tuple(int(x) for x in lines[1:][down]))
    return Chain(order, tuple(int(x) for x in lines[:-1][up]))


def chain_breaks(balance: np.ndarray, change: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Masks of breaks reading down (row i+1 follows row i) and up (row i follows i+1)."""
    down = _breaks(balance[:-1] + change[1:], balance[1:])
    up = _breaks(balance[1:] + change[:-1], balance[:-1])
    return down, up


def order_by_balance(down: np.ndarray, up: np.ndarray) -> str | None:
    """The row order the balance supports, or None when it cannot tell."""
    if down.sum() == up.sum():
        return None
    return OLDEST_FIRST if down.sum() < up.sum() else NEWEST_FIRST


def _breaks(expected: np.ndarray, actual: np.ndarray) -> np.ndarray:
    known = ~np.isnan(expected) & ~np.isnan(actual)
    return known & (expected != actual)


def _order_by_dates(frame: pd.DataFrame, usual: str | None) -> str:
    dates = frame["date"]
    if len(dates) > 1 and dates.iloc[0] != dates.iloc[-1]:
        return NEWEST_FIRST if dates.iloc[0] > dates.iloc[-1] else OLDEST_FIRST
    return usual or OLDEST_FIRST
