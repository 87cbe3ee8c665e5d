"""Where one download meets the next: the rows they share, the balance, the days between."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from auditor.stitch.overlap import Match
from auditor.stitch.rows import Rows

_EPOCH = date(1970, 1, 1)


class Chain(StrEnum):
    """Whether the balance runs on from the timeline into the file joined to it."""

    continues = "continues"
    breaks = "breaks"  # rows are missing between them, or one of them was edited
    unknown = "unknown"  # no balance printed to tell


@dataclass(frozen=True)
class Join:
    """One file joined to its account's timeline, after the file holding its last row."""

    before: str
    after: str
    matched: int  # rows in both files, counted once
    unchained: int  # of them, matched on date, time, text and amounts alone (no balance)
    chain: Chain
    missing: int | None = None  # yen the balance moved by with no row for it (breaks only)
    uncovered: tuple[date, date] | None = None  # days between the files that neither holds

    @property
    def gap(self) -> bool:
        """Days no file covers, and no balance shows that nothing happened on them."""
        return self.uncovered is not None and self.chain is not Chain.continues

    @property
    def broken(self) -> bool:
        return self.chain is Chain.breaks


def judge(before: str, after: str, last: Rows, new: Rows, match: Match | None) -> Join:
    """The join of ``new`` to a timeline whose last row is ``last`` (one row)."""
    if match is not None:
        chain = Chain.continues if match.unchained == 0 else Chain.unknown
        return Join(before, after, match.rows, match.unchained, chain)
    expected, found = last.closing, new.opening
    if math.isnan(expected) or math.isnan(found):
        chain, missing = Chain.unknown, None
    elif expected == found:
        chain, missing = Chain.continues, None
    else:
        chain, missing = Chain.breaks, int(found - expected)
    first, last_day = int(last.day[-1]) + 1, int(new.day[0]) - 1
    uncovered = (day(first), day(last_day)) if first <= last_day else None
    return Join(before, after, 0, 0, chain, missing, uncovered)


def day(number: int) -> date:
    """A date from its number of days since 1970."""
    return _EPOCH + timedelta(days=number)
