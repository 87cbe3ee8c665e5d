"""Finish many statements of one layout at once: dated, checked and in time order together.

Each step ``finish`` takes file by file (dating, the foreign-row filter, the balance chain,
time order) is done here once over the rows of all of them, each file kept apart by which
file a row is. Only files it reads exactly as ``finish`` would are finished here: a year in
every date (none to fill in), no foreign row, at least one row read; the others are
refused, to be finished alone. Rejected rows and notes below the table are as finish says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from auditor.ingest.account import find_account, find_branch, mask
from auditor.ingest.balance import NEWEST_FIRST, OLDEST_FIRST, chain_breaks
from auditor.ingest.dating import Dating, to_dates
from auditor.ingest.layouts import Layout
from auditor.ingest.mixed import foreign_text
from auditor.ingest.normalise import Typed
from auditor.ingest.read import LINE_END
from auditor.ingest.rows import RowProblems, split_problems
from auditor.ingest.statement import Opened, ReadOptions, Statement, generic_note
from auditor.models import FileReport

# The frame's text columns, and the parsed texts they are.
_TEXTS = {"description": "description", "channel": "channel", "key": "description_key",
          "channel_key": "channel_key"}


@dataclass(frozen=True)
class Head:
    """What one statement finished together holds besides its rows."""

    path: Path
    encoding: str
    rejected: list[tuple[int, str]]
    skipped: list[tuple[int, str]]
    order: str
    breaks: tuple[int, ...]
    notes: list[str]
    account: str | None
    branch: str | None


@dataclass(frozen=True)
class Finished:
    """Statements of one layout finished together: rows starts[k]:starts[k + 1] of the
    frame are the k-th's, in its time order (``seq``), as its Statement's frame holds them."""

    layout: Layout
    members: list[int]  # the index each was given under
    heads: list[Head]
    frame: pd.DataFrame
    starts: np.ndarray

    def statement(self, k: int) -> Statement:
        """The k-th file's statement, as finish() gives it."""
        head = self.heads[k]
        rows = self.frame.iloc[int(self.starts[k]):int(self.starts[k + 1])]
        rows = rows.reset_index(drop=True)
        rows["time"] = rows["time"].to_numpy(dtype=object)  # typed as a lone file's column
        return Statement(head.path, self.layout, head.encoding, rows, head.rejected, head.skipped,
                         head.order, head.breaks, head.notes, head.account, None, head.branch)

    def reports(self) -> list[FileReport]:
        """Each file's report, as file_report gives it, from sums over the whole frame."""
        firsts = self.starts[:-1]
        debit = np.add.reduceat(self.frame["debit"].to_numpy(), firsts).tolist()
        credit = np.add.reduceat(self.frame["credit"].to_numpy(), firsts).tolist()
        days = self.frame["date"].to_numpy().astype("datetime64[D]")
        opened, closed = days[firsts].tolist(), days[self.starts[1:] - 1].tolist()
        layout = self.layout
        return [FileReport(path=str(head.path), layout=layout.id, bank=layout.bank,
                           account=mask(head.account), encoding=head.encoding,
                           rows=int(self.starts[k + 1] - self.starts[k]),
                           rejected=tuple(head.rejected), skipped=tuple(head.skipped),
                           debit_total=int(debit[k]),
                           credit_total=int(credit[k]), period=(opened[k], closed[k]),
                           order=head.order, balance_breaks=head.breaks, notes=tuple(head.notes))
                for k, head in enumerate(self.heads)]


def finish_jointly(members: Sequence[tuple[int, Opened]], both: Typed, bounds: np.ndarray,
                   options: ReadOptions, most_rows: int) -> tuple[Finished, list[int]]:
    """The members finished together, and the positions of those refused.

    Rows bounds[k]:bounds[k + 1] of ``both`` are the k-th member's non-blank records.
    """
    sizes = np.diff(bounds)
    count = len(sizes)
    owner = np.repeat(np.arange(count), sizes)
    missing = both.good & (both.ymd[:, 0] < 0) & (both.ymd[:, 1] > 0)
    ok = (sizes > 0) & (sizes < most_rows) & _none(owner, missing, count)
    when, rows = _dates(both, owner, ok, options)
    opened = [each for _, each in members]
    ok &= _none(owner, _foreign(both, owner, ok[owner] & rows.good, opened), count)
    ok &= np.bincount(owner[rows.good], minlength=count) > 0  # a file of no row reads alone
    taken = np.flatnonzero(ok)
    kept = np.flatnonzero(ok[owner] & rows.good)
    starts = np.concatenate([[0], np.cumsum(np.bincount(owner[kept], minlength=count)[taken])])
    orders, breaks = _chains(both, kept, when, starts, members[0][1].match.layout.order)
    frame = _frame(both, kept, when, starts, orders == NEWEST_FIRST)
    heads = [_head(opened[k], str(orders[at]), breaks.get(at, ()),
                   _problems(both, rows, int(bounds[k]), int(bounds[k + 1])))
             for at, k in enumerate(taken.tolist())]
    finished = Finished(opened[0].match.layout, [members[k][0] for k in taken.tolist()],
                        heads, frame, starts)
    return finished, np.flatnonzero(~ok).tolist()


def _none(owner: np.ndarray, flagged: np.ndarray, count: int) -> np.ndarray:
    """Per member: whether none of its rows is flagged."""
    return np.bincount(owner[flagged], minlength=count) == 0


def _dates(both: Typed, owner: np.ndarray, ok: np.ndarray,
           options: ReadOptions) -> tuple[np.ndarray, RowProblems]:
    """Each row's date (NaT where it has none), and each row's problems, as dated() finds them.

    The members left give every year, so no year is filled in: a row's date is its own.
    Rows of members already refused are not dated.
    """
    when = np.full(len(owner), np.datetime64("NaT"), dtype="datetime64[D]")
    rows = RowProblems.of(both.reasons, both.good)
    chosen = ok[owner]
    some = RowProblems.of(both.reasons[chosen], both.good[chosen])
    dated = to_dates(both.ymd[chosen], some, Dating(options.year, date.today(), None), [],
                     both.label)
    rows.reasons[chosen], rows.good[chosen] = some.reasons, some.good
    when[chosen] = np.where(some.good, dated, np.datetime64("NaT"))
    return when, rows


def _problems(both: Typed, rows: RowProblems, start: int,
              stop: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """A member's rejected rows and the bank's notes below its table (split_problems)."""
    if rows.good[start:stop].all():
        return [], []
    mine = RowProblems.of(rows.reasons[start:stop], rows.good[start:stop])
    return split_problems(mine, both.lines[start:stop], both.cells.iloc[start:stop])


def _foreign(both: Typed, owner: np.ndarray, rows: np.ndarray,
             opened: Sequence[Opened]) -> np.ndarray:
    """Which of the rows have UTF-8 text read as another encoding, in members that check it."""
    foreign = np.zeros(len(owner), dtype=bool)
    encodings = [each.decoded.encoding if each.decoded.check_rows else None for each in opened]
    for encoding in {name for name in encodings if name}:
        checked = rows & np.array([name == encoding for name in encodings])[owner]
        if not checked.any():
            continue
        for column in ("description", "channel"):
            text = both.texts[column]
            codes = np.asarray(text.codes)
            values = text.categories
            used = pd.unique(codes[checked]).tolist()
            odd = [i for i in used if i >= 0 and foreign_text(str(values[i]), encoding)]
            if odd:
                foreign |= checked & np.isin(codes, odd)
    return foreign


def _chains(both: Typed, rows: np.ndarray, when: np.ndarray, starts: np.ndarray,
            usual: str | None) -> tuple[np.ndarray, dict[int, tuple[int, ...]]]:
    """Each member's row order and balance breaks, as check_chain finds them."""
    balance = both.balance[rows]
    change = (both.credit[rows].astype(np.int64) - both.debit[rows].astype(np.int64))
    owner = np.repeat(np.arange(len(starts) - 1), np.diff(starts))
    down, up = chain_breaks(balance, change.astype(float))
    within = owner[1:] == owner[:-1]
    down, up = down & within, up & within
    ends = starts[1:] - 1
    downs = np.concatenate([[0], np.cumsum(down)])
    ups = np.concatenate([[0], np.cumsum(up)])
    down_n, up_n = downs[ends] - downs[starts[:-1]], ups[ends] - ups[starts[:-1]]
    days = when[rows]
    first, last = days[starts[:-1]], days[ends]
    by_dates = np.where((first == last) | (ends == starts[:-1]), usual or OLDEST_FIRST,
                        np.where(first > last, NEWEST_FIRST, OLDEST_FIRST))
    orders = np.where(down_n < up_n, OLDEST_FIRST,
                      np.where(down_n > up_n, NEWEST_FIRST, by_dates)).astype(object)
    lines = both.lines[rows]
    breaks: dict[int, list[int]] = {}
    for pair in np.flatnonzero(down | up).tolist():
        newest = orders[owner[pair]] == NEWEST_FIRST
        if (up if newest else down)[pair]:
            breaks.setdefault(int(owner[pair]), []).append(int(lines[pair if newest else pair + 1]))
    return orders, {k: tuple(found) for k, found in breaks.items()}


def _frame(both: Typed, rows: np.ndarray, when: np.ndarray, starts: np.ndarray,
           newest: np.ndarray) -> pd.DataFrame:
    """The members' rows, each member's in its time order, as _in_time_order puts them."""
    owner = np.repeat(np.arange(len(starts) - 1), np.diff(starts))
    at = np.arange(len(rows))
    placed = np.where(newest[owner], starts[:-1][owner] + starts[1:][owner] - 1 - at, at)
    times = both.times[rows]
    present = pd.notna(times)
    rank = np.full(len(rows), -1, dtype=np.int64)  # no time first, as na_position="first"
    if present.any():
        rank[present] = np.unique(times[present].astype(str), return_inverse=True)[1]
    day = when[rows].astype(np.int64)
    # One stable sort for all: a member in date order with no time keeps its rows' order.
    placed = placed[np.lexsort((rank[placed], day[placed], owner))]
    taken = rows[placed]
    empty = np.isnan(both.balance[taken])
    balance = np.where(empty, 0, both.balance[taken]).astype(np.int64)
    return pd.DataFrame({
        "line": both.lines[taken].astype(np.int64),
        "date": when[taken],
        "time": pd.Series(times[placed], dtype=object),
        "debit": both.debit[taken].astype(np.int64),
        "credit": both.credit[taken].astype(np.int64),
        "balance": pd.arrays.IntegerArray(balance, empty),
        **{column: both.texts[text][taken] for column, text in _TEXTS.items()},
        "seq": (at - starts[:-1][owner]).astype(np.int64),
    })


def _head(opened: Opened, order: str, breaks: tuple[int, ...],
          problems: tuple[list[tuple[int, str]], list[tuple[int, str]]]) -> Head:
    match, decoded = opened.match, opened.decoded
    preamble = LINE_END.split(decoded.text[:match.header_start])
    rejected, skipped = problems
    return Head(opened.path, decoded.encoding, sorted([*decoded.rejected, *rejected]), skipped,
                order, breaks, [*generic_note(match), *decoded.note()],
                find_account(preamble, opened.path), find_branch(preamble))
