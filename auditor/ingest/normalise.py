"""Turn a statement's string cells into typed transactions; every row parses or is rejected."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import pandas as pd

from auditor.ingest.cells import fold_column
from auditor.ingest.columns import Columns
from auditor.ingest.dating import Dating, balance_order, to_dates
from auditor.ingest.identify import HeaderMatch
from auditor.ingest.read import Records
from auditor.ingest.rows import RowProblems, split_problems
from auditor.wording import Said

_TEXTS = ("description", "channel")


@dataclass(frozen=True)
class Parsed:
    """The transactions of one statement (file order) and the rows that did not parse."""

    frame: pd.DataFrame
    rejected: list[tuple[int, str]]
    skipped: list[tuple[int, str]]
    notes: list[str]


@dataclass(frozen=True)
class Typed:
    """Non-blank records parsed column by column, not yet dated: one statement's or, read
    together, several statements' of one layout (``part`` cuts out one of them)."""

    cells: pd.DataFrame
    lines: np.ndarray
    reasons: np.ndarray  # the first problem of each row, None where it has none yet
    good: np.ndarray
    ymd: np.ndarray
    debit: np.ndarray
    credit: np.ndarray
    times: np.ndarray
    balance: np.ndarray  # float, NaN where empty
    texts: dict[str, pd.Categorical]  # description, channel and their folded keys
    label: str  # the date column's name, for the reasons of dating

    def part(self, start: int, stop: int) -> Typed:
        """Rows [start, stop) alone."""
        cut = slice(start, stop)
        return replace(self, cells=self.cells.iloc[cut], lines=self.lines[cut],
                       reasons=self.reasons[cut].copy(), good=self.good[cut].copy(),
                       ymd=self.ymd[cut], debit=self.debit[cut], credit=self.credit[cut],
                       times=self.times[cut], balance=self.balance[cut],
                       texts={role: text[cut] for role, text in self.texts.items()})


def normalise(records: Records, match: HeaderMatch, year: int | None, today: date) -> Parsed:
    """Parse every non-blank record below the header into the transaction frame."""
    return dated(typed(records, match), year, today)


def typed(records: Records, match: HeaderMatch) -> Typed:
    """Each column parsed, each distinct cell once; bad cells flag their rows."""
    keep = ~records.blank  # blank lines (or only delimiters) are no rows
    cells = records.cells[keep].reset_index(drop=True)
    rows = RowProblems(len(cells))
    rows.flag(records.overflow[keep], Said("reject.too_wide", width=match.width))
    columns = Columns(cells, match)
    ymd = columns.dates(rows)
    debit, credit = columns.amounts(rows)
    times = columns.times(rows)
    balance = columns.balances().to_numpy(dtype=float, na_value=np.nan)
    texts = {role: columns.text(role) for role in _TEXTS}
    keys = {f"{role}_key": fold_column(texts[role]) for role in _TEXTS}
    return Typed(cells, records.lines[keep], rows.reasons, rows.good, ymd, debit, credit,
                 times, balance, {name: pd.Categorical(text)
                                  for name, text in {**texts, **keys}.items()},
                 columns.label("date"))


def dated(parts: Typed, year: int | None, today: date) -> Parsed:
    """The rows dated (years a bank left out filled in by the file's order), good or not."""
    rows = RowProblems.of(parts.reasons, parts.good)
    notes: list[str] = []
    empty = np.isnan(parts.balance)  # as a nullable integer, built directly: a tenth as long
    balance = pd.arrays.IntegerArray(np.where(empty, 0, parts.balance).astype(np.int64), empty)
    order = balance_order(parts.balance, parts.debit, parts.credit, rows.good)
    when = to_dates(parts.ymd, rows, Dating(year, today, order), notes, parts.label)
    rejected, skipped = split_problems(rows, parts.lines, parts.cells)
    good = rows.good
    texts = {name: text[good] for name, text in parts.texts.items()}
    # Arrays, not Series: a Series' index would be aligned, row by row, to the frame's.
    frame = pd.DataFrame({
        "line": parts.lines[good].astype(np.int64),
        "date": when[good],
        "time": parts.times[good],
        "debit": parts.debit[good].astype(np.int64),
        "credit": parts.credit[good].astype(np.int64),
        "balance": balance[good],
        "description": texts["description"],
        "channel": texts["channel"],
        "key": texts["description_key"],
        "channel_key": texts["channel_key"],
    })
    frame.index = np.flatnonzero(good)  # the rows kept, by their position
    return Parsed(frame, rejected, skipped, notes)
