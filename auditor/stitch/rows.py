"""A statement's rows as stitching compares them: the cells that name one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

Index = int | slice | np.ndarray


@dataclass(frozen=True)
class Rows:
    """One statement's rows, oldest first, as arrays of what two files must agree on.

    The bank's own row numbers and IDs are not among them (the frame holds none): a bank
    numbers the rows of each download, so one transaction carries another number in each.
    """

    day: np.ndarray  # days since 1970
    time: np.ndarray  # "" where the bank prints no time
    description: np.ndarray
    channel: np.ndarray
    debit: np.ndarray
    credit: np.ndarray
    balance: np.ndarray  # float, NaN where none is printed

    @classmethod
    def of(cls, frame: pd.DataFrame) -> Rows:
        time = frame["time"].astype(object)
        return cls(
            day=frame["date"].to_numpy("datetime64[D]").astype(np.int64),
            time=time.where(time.notna(), "").to_numpy(dtype=object),
            description=frame["description"].to_numpy(dtype=object),
            channel=frame["channel"].to_numpy(dtype=object),
            debit=frame["debit"].to_numpy(dtype=np.int64),
            credit=frame["credit"].to_numpy(dtype=np.int64),
            balance=frame["balance"].to_numpy(dtype=float, na_value=np.nan),
        )

    def __len__(self) -> int:
        return len(self.day)

    def take(self, index: Index) -> Rows:
        return Rows(*(column[index] for column in self._columns()))

    @classmethod
    def concat(cls, parts: Sequence[Rows]) -> Rows:
        return cls(*(np.concatenate(columns) for columns in zip(*(p._columns() for p in parts),
                                                               strict=True)))

    def _columns(self) -> tuple[np.ndarray, ...]:
        return (self.day, self.time, self.description, self.channel, self.debit, self.credit,
                self.balance)

    @property
    def opening(self) -> float:
        """The balance before the first row: its balance less its credit, plus its debit."""
        if not len(self):
            return np.nan
        return float(self.balance[0] - self.credit[0] + self.debit[0])

    @property
    def closing(self) -> float:
        return float(self.balance[-1]) if len(self) else np.nan

    def before(self, index: int) -> float:
        """The balance before row ``index``: the row above's, or the opening for the first."""
        return float(self.balance[index - 1]) if index else self.opening


def agree(a: Rows, at: Index, b: Rows, bt: Index) -> tuple[np.ndarray, np.ndarray]:
    """Row by row, whether a's rows ``at`` and b's rows ``bt`` are one transaction, and
    whether a balance printed in both confirmed it (same place in both balance chains).

    Exact: the same date, time, descriptor, channel, debit and credit, and the same running
    balance wherever both files print one. Never fuzzy: one yen or one character apart is
    another transaction.
    """
    same = ((a.day[at] == b.day[bt]) & (a.debit[at] == b.debit[bt])
            & (a.credit[at] == b.credit[bt]) & (a.time[at] == b.time[bt])
            & (a.description[at] == b.description[bt]) & (a.channel[at] == b.channel[bt]))
    ab, bb = a.balance[at], b.balance[bt]
    printed = ~np.isnan(ab) & ~np.isnan(bb)
    same &= ~printed | (ab == bb)
    return same, same & printed
