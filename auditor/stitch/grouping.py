"""Which statements are one account's: the same number, a balance chain, or the holder says so."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd

from auditor.ingest.layouts import Layout
from auditor.ingest.statement import Statement
from auditor.stitch.order import in_period_order
from auditor.stitch.rows import Rows, agree


class Why(StrEnum):
    """The reason a file joined its account."""

    number = "same account number"
    chain = "balance chain"  # no number: its opening balance is where the other file stood
    told = "same account, as told"


@dataclass(frozen=True)
class Link:
    """A file joined to another file of its account, and why."""

    file: str
    to: str
    why: Why


@dataclass(frozen=True)
class Group:
    """One account's statements (indexes into those given), in period order."""

    members: tuple[int, ...]
    links: tuple[Link, ...]


def family(statement: Statement) -> tuple[str, tuple[str, ...]]:
    """Files of one bank can be one account; unknown banks only with the same columns."""
    return family_of(statement.layout)


def family_of(layout: Layout) -> tuple[str, tuple[str, ...]]:
    """The family of a layout's files (see family)."""
    return layout.bank, layout.header if layout.generic else ()


def runs_on(earlier: Rows, later: Rows) -> bool:
    """Whether the later file's opening balance is where the earlier file stood on its first day.

    Exact: the balance before the later file's first row (its balance, less its credit, plus
    its debit) equals the earlier file's balance at a boundary on that day; if the earlier
    file goes on past that boundary, its next row is the later file's first row.
    """
    opening = later.opening
    if not len(earlier) or math.isnan(opening):
        return False
    first = later.day[0]
    low, high = np.searchsorted(earlier.day, [first, first + 1])
    for at in range(int(low), int(high) + 1):
        if earlier.before(at) == opening and (at == len(earlier)
                                              or bool(agree(earlier, at, later, 0)[0])):
            return True
    return False


@dataclass(frozen=True)
class Ends:
    """What a balance chain could join a file by: where it opens, and where it stood when.

    Small to send from a worker: a run can then tell, before reading any file again, which
    unnumbered files might continue which. ``runs_on`` asks that the later file's opening
    balance be the earlier file's balance at a boundary on the later file's first day;
    this asks the same of balances and days alone, so it never misses a join it makes.
    """

    opening: float  # NaN without a balance
    first: int  # the first row's day (days since 1970)
    change: int  # the first row's credit less its debit
    # At each boundary: (balance, from day, to day, the change of the row after it, None at
    # the end): a later file continues there only with that row as its first.
    stood: tuple[tuple[float, int, int, int | None], ...]

    @classmethod
    def of(cls, frame: pd.DataFrame) -> Ends:
        balance = frame["balance"].to_numpy(dtype=float, na_value=np.nan)
        if not len(balance):
            return cls(math.nan, 0, 0, ())
        day = frame["date"].to_numpy("datetime64[D]").astype(np.int64)
        change = (frame["credit"] - frame["debit"]).to_numpy(np.int64)
        opening = float(balance[0] - change[0])
        # Boundary k lies between row k-1 and row k: the balance before row k, on any day
        # from the day of row k-1 to the day of row k (open before the first, after the last).
        before = np.concatenate([[opening], balance])
        low = np.concatenate([[np.iinfo(np.int64).min], day])
        high = np.concatenate([day, [np.iinfo(np.int64).max]])
        after: list[int | None] = [*change.tolist(), None]
        known = ~np.isnan(before)
        return cls(opening, int(day[0]), int(change[0]), tuple(
            (b, lo, hi, after[k]) for k, (b, lo, hi) in enumerate(zip(
                before.tolist(), low.tolist(), high.tolist(), strict=True)) if known[k]))


    @classmethod
    def each(cls, frame: pd.DataFrame, starts: np.ndarray) -> list[Ends]:
        """Ends.of for each file of a frame of files end to end (rows starts[k]:starts[k + 1])."""
        balance = frame["balance"].to_numpy(dtype=float, na_value=np.nan)
        day = frame["date"].to_numpy("datetime64[D]").astype(np.int64)
        change = (frame["credit"] - frame["debit"]).to_numpy(np.int64)
        openings = (balance[starts[:-1]] - change[starts[:-1]]).tolist()
        balances, days, changes = balance.tolist(), day.tolist(), change.tolist()
        low, high = np.iinfo(np.int64).min, np.iinfo(np.int64).max
        found = []
        for k, opening in enumerate(openings):
            a, b = int(starts[k]), int(starts[k + 1])
            before, after = [opening, *balances[a:b]], [*changes[a:b], None]
            lows, highs = [low, *days[a:b]], [*days[a:b], high]
            found.append(cls(opening, days[a], changes[a], tuple(
                (each, lows[at], highs[at], after[at]) for at, each in enumerate(before)
                if each == each)))  # NaN, a row without a balance, is no boundary
        return found


def groups(statements: Sequence[Statement], rows: Sequence[Rows],
           same_account: bool = False) -> list[Group]:
    """The accounts among the statements, each with why its files belong together."""
    order = in_period_order(rows)
    by_family: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for index in order:
        by_family.setdefault(family(statements[index]), []).append(index)
    found: list[Group] = []
    for members in by_family.values():
        if same_account:
            names = [str(statements[i].path) for i in members]
            found.append(Group(tuple(members), tuple(
                Link(name, to, Why.told) for to, name in zip(names, names[1:]))))
        else:
            found += _Joiner(statements, rows, members).groups()
    return sorted(found, key=lambda group: min(group.members))


class _Joiner:
    """Union-find over one family's files, in period order; never two numbers in one group."""

    def __init__(self, statements: Sequence[Statement], rows: Sequence[Rows],
                 members: list[int]) -> None:
        self.statements, self.rows, self.members = statements, rows, members
        self.parent = {i: i for i in members}
        self.own = {i: statements[i].account_id for i in members}  # "" when not known
        self.number = dict(self.own)  # by root: the number of its group, if any
        self.links: list[tuple[int, Link]] = []

    def groups(self) -> list[Group]:
        last_of: dict[str, int] = {}
        for index in self.members:  # the same number: joined to the previous file with it
            number = self.own[index]
            if number in last_of:
                self._join(last_of[number], index, Why.number)
            if number:
                last_of[number] = index
        for k, later in enumerate(self.members):  # no number: a balance chain, nearest first
            for earlier in reversed(self.members[:k]):
                if ((not self.own[earlier] or not self.own[later])
                        and self._root(earlier) != self._root(later)
                        and runs_on(self.rows[earlier], self.rows[later])):
                    self._join(earlier, later, Why.chain)
        roots: dict[int, list[int]] = {}
        for index in self.members:
            roots.setdefault(self._root(index), []).append(index)
        return [Group(tuple(members), tuple(link for file, link in self.links
                                            if self._root(file) == root))
                for root, members in roots.items()]

    def _root(self, index: int) -> int:
        while self.parent[index] != index:
            index = self.parent[index]
        return index

    def _join(self, earlier: int, later: int, why: Why) -> None:
        a, b = self._root(earlier), self._root(later)
        if a == b or (self.number[a] and self.number[b] and self.number[a] != self.number[b]):
            return
        self.parent[b] = a
        self.number[a] = self.number[a] or self.number[b]
        self.links.append((later, Link(str(self.statements[later].path),
                                       str(self.statements[earlier].path), why)))
