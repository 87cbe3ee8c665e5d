"""One account's downloads joined in period order into one timeline, each row once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from auditor.stitch.overlap import overlap

QUIET_LIMIT = pd.Timedelta(days=21)  # without balances: a silence this long may be a gap
Seen = tuple[tuple[int, int], ...]  # (file index, file line) of each place a row appears


@dataclass(frozen=True)
class Join:
    """Where file `later` continues file `earlier`: rows shared, gap or balance break."""

    earlier: int
    later: int
    shared: int  # rows of `later` already in `earlier`
    by_balance: bool
    gap: tuple[date, date] | None  # days with rows missing: between the two files' rows
    balance_break: bool  # the later file's opening balance is not where the earlier ended


@dataclass(frozen=True)
class Timeline:
    """The stitched rows (the frame the rules read) and where each row was seen."""

    frame: pd.DataFrame  # columns of a statement frame, plus `file` (index into the files)
    seen: list[Seen]  # by row of frame: every (file, line) it appears at, first one first
    joins: list[Join] = field(default_factory=list)

    @property
    def matched_without_balance(self) -> int:
        """Rows counted once on an identical run alone (no balance column to align on)."""
        return sum(join.shared for join in self.joins if not join.by_balance)


def stitch(frames: list[pd.DataFrame], periods: list[tuple[date, date] | None]) -> Timeline:
    """Join the files (frames oldest first within each) into one timeline.

    Files are taken in the order of their periods (the longer first where two start on one
    day). Each file is aligned with the file reaching furthest so far: its rows that repeat
    that file's rows are counted once and remembered as seen in both.
    """
    order = sorted(range(len(frames)), key=lambda i: _period_order(periods[i], i))
    parts: list[pd.DataFrame] = []
    seen: list[list[tuple[int, int]]] = []
    at: dict[int, list[int]] = {}  # file → the timeline row of each of its rows
    joins: list[Join] = []
    reach: int | None = None  # the file whose rows end last
    for index in order:
        frame, rows = frames[index], []
        found = None if reach is None else _join(frames[reach], frame, reach, index, periods)
        if found is not None:
            join, start = found
            joins.append(join)
            rows = at[reach][start:start + join.shared]
            for row, line in zip(rows, frame["line"].iloc[:join.shared].tolist(), strict=True):
                seen[row].append((index, int(line)))
        rest = frame.iloc[len(rows):]
        at[index] = rows + list(range(len(seen), len(seen) + len(rest)))
        parts.append(rest.assign(file=index))
        seen.extend([(index, int(line))] for line in rest["line"].tolist())
        if not frame.empty and (reach is None or _ends_later(frame, frames[reach])):
            reach = index
    return Timeline(_joined(parts), [tuple(places) for places in seen], joins)


def _period_order(period: tuple[date, date] | None, index: int) -> tuple[object, ...]:
    if period is None:
        return (date.max, 0, index)
    return (period[0], -period[1].toordinal(), index)


def _ends_later(frame: pd.DataFrame, reach: pd.DataFrame) -> bool:
    return frame["date"].iloc[-1] >= reach["date"].iloc[-1]


def _joined(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The new rows of every file, in the order taken, numbered afresh (seq)."""
    joined = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    if not joined.empty:
        joined["seq"] = range(len(joined))
    return joined


def _join(earlier: pd.DataFrame, later: pd.DataFrame, a: int, b: int,
          periods: list[tuple[date, date] | None]) -> tuple[Join, int]:
    """How later continues earlier, and where in earlier its shared rows start."""
    found = overlap(earlier, later)
    broken = found.by_balance and _balance_break(earlier, later, found.start)
    # A missing period shows as a break in the balance chain. Without balances it can only be
    # guessed: two files with no row in common and no row for three weeks between them (a
    # quiet week or two in an overlap is no missing month).
    missing = broken if found.by_balance else (found.rows == 0
                                               and _silence(earlier, later) >= QUIET_LIMIT)
    return Join(a, b, found.rows, found.by_balance,
                _gap(periods[a], periods[b]) if missing else None, broken), found.start


def _gap(earlier: tuple[date, date] | None, later: tuple[date, date] | None
         ) -> tuple[date, date] | None:
    """The days between two periods that neither covers, if any."""
    if earlier is None or later is None or later[0] <= earlier[1] + timedelta(days=1):
        return None
    return earlier[1] + timedelta(days=1), later[0] - timedelta(days=1)


def _silence(earlier: pd.DataFrame, later: pd.DataFrame) -> pd.Timedelta:
    return later["date"].iloc[0] - earlier["date"].iloc[-1]


def opening_balance(frame: pd.DataFrame) -> int:
    """The balance before the frame's first row."""
    first = frame.iloc[0]
    return int(first["balance"]) - int(first["credit"]) + int(first["debit"])


def _balance_break(earlier: pd.DataFrame, later: pd.DataFrame, before: int) -> bool:
    """Whether the later file starts from another balance than the earlier had there."""
    expected = int(earlier["balance"].iloc[before - 1]) if before else opening_balance(earlier)
    return opening_balance(later) != expected
