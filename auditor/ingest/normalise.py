"""Turn a statement's string cells into typed transactions; every row parses or is rejected."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Parsed:
    """The transactions of one statement (file order) and the rows that did not parse."""

    frame: pd.DataFrame
    rejected: list[tuple[int, str]]
    skipped: list[tuple[int, str]]
    notes: list[str]


def normalise(records: Records, match: HeaderMatch, year: int | None, today: date) -> Parsed:
    """Parse every non-blank record below the header into the transaction frame."""
    keep = ~records.blank  # blank lines (or only delimiters) are no rows
    cells = records.cells[keep].reset_index(drop=True)
    lines, overflow = records.lines[keep], records.overflow[keep]
    rows = RowProblems(len(cells))
    rows.flag(overflow, Said("reject.too_wide", width=match.width))
    columns = Columns(cells, match)
    ymd = columns.dates(rows)
    debit, credit = columns.amounts(rows)
    times = columns.times(rows)
    balance = columns.balances()
    notes: list[str] = []
    order = balance_order(balance, debit, credit, rows.good)
    when = to_dates(ymd, rows, Dating(year, today, order), notes, columns.label("date"))
    rejected, skipped = split_problems(rows, lines, cells)
    good = rows.good
    frame = pd.DataFrame({
        "line": lines[good].astype(np.int64),
        "date": when[good],
        "time": times[good],
        "debit": debit[good].astype(np.int64),
        "credit": credit[good].astype(np.int64),
        "balance": balance[good],
        "description": columns.text("description")[good],
        "channel": columns.text("channel")[good],
    })
    frame["key"] = fold_column(frame["description"])
    frame["channel_key"] = fold_column(frame["channel"])
    return Parsed(frame, rejected, skipped, notes)
