"""Turn a statement's string cells into typed transactions; every row parses or is rejected."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

import numpy as np
import pandas as pd

from auditor.ingest.balance import NEWEST_FIRST, chain_breaks, order_by_balance
from auditor.ingest.identify import HeaderMatch
from auditor.ingest.read import Records
from auditor.ingest.text import fold
from auditor.ingest.values import MAX_YEN, parse_amount, parse_date, parse_time
from auditor.ingest.years import infer_years

T = TypeVar("T")
FIRST_YEAR, LAST_YEAR = 1678, 2261  # whole years within pandas' nanosecond timestamps
_NOTE_HEADS = ("※", "*", "＊", "注", "合計", "計", "TOTAL", "以上")


@dataclass(frozen=True)
class Parsed:
    """The transactions of one statement (file order) and the rows that did not parse."""

    frame: pd.DataFrame
    rejected: list[tuple[int, str]]
    skipped: list[tuple[int, str]]
    notes: list[str]


class _Rows:
    """Per-row reasons: the first problem found in a row is the one reported."""

    def __init__(self, count: int) -> None:
        self.reasons = np.full(count, None, dtype=object)
        self.good = np.ones(count, dtype=bool)  # kept alongside: isna() on objects is slow

    def flag(self, mask: np.ndarray, reason: str) -> None:
        first = mask & self.good
        self.reasons[first] = reason
        self.good &= ~first


def normalise(records: Records, match: HeaderMatch, year: int | None, today: date) -> Parsed:
    """Parse every non-blank record below the header into the transaction frame."""
    keep = ~records.blank  # blank lines (or only delimiters) are no rows
    cells = records.cells[keep].reset_index(drop=True)
    lines, overflow = records.lines[keep], records.overflow[keep]
    rows = _Rows(len(cells))
    rows.flag(overflow, f"row has more cells than the header's {match.width}")
    columns = _Columns(cells, match)
    ymd = columns.dates(rows)
    debit, credit = columns.amounts(rows)
    times = columns.times(rows)
    balance = columns.balances()
    notes: list[str] = []
    order = _balance_order(balance, debit, credit, rows.good)
    when = _to_dates(ymd, rows, _Dating(year, today, order), notes, columns.label("date"))
    rejected, skipped = _split_problems(rows, lines, cells)
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
    frame["key"] = _fold_column(frame["description"])
    frame["channel_key"] = _fold_column(frame["channel"])
    return Parsed(frame, rejected, skipped, notes)


class _Columns:
    """The layout's roles read from the cells, each distinct value parsed once."""

    def __init__(self, cells: pd.DataFrame, match: HeaderMatch) -> None:
        self.cells = cells
        self.match = match
        self.names = match.layout.columns

    def _joined(self, role: str) -> pd.Series:
        """The role's cells; several columns (PayPay銀行's date parts) joined with "/"."""
        positions = self.match.positions[role]
        if len(positions) == 1:
            return self.cells[positions[0]]
        first = _text(self.cells[positions[0]])
        return first.str.cat([_text(self.cells[p]) for p in positions[1:]], sep="/")

    def _numbers(self, role: str) -> tuple[np.ndarray, np.ndarray]:
        """Yen per row (NaN where empty) and a mask of cells that are not amounts."""
        column = self.cells[self.match.positions[role][0]]
        if pd.api.types.is_numeric_dtype(column):  # converted by the C tokenizer
            values = column.to_numpy(dtype=float)
            # inf and huge numbers too, as parse_amount refuses them: int64 would wrap them.
            return values, ~np.isnan(values) & ((values != np.round(values))
                                                | (np.abs(values) >= MAX_YEN))
        return _parse_distinct(self._joined(role), parse_amount, _float_array)

    def label(self, role: str) -> str:
        return "/".join(self.names[role])

    def dates(self, rows: _Rows) -> np.ndarray:
        """Return an int array of (year or -1, month, day) per row; bad dates are flagged."""
        parsed, bad = _parse_distinct(self._joined("date"), parse_date, _ymd_array)
        rows.flag(bad, f"date not recognised in column {self.label('date')}")
        return parsed

    def times(self, rows: _Rows) -> np.ndarray:
        if "time" not in self.match.positions:
            return np.full(len(self.cells), None, dtype=object)
        parsed, bad = _parse_distinct(self._joined("time"), parse_time)
        rows.flag(bad, f"time not recognised in columns {self.label('time')}")
        return parsed

    def _amount(self, role: str, rows: _Rows) -> np.ndarray:
        """Return float yen per row, NaN where the cell is empty; bad amounts are flagged."""
        parsed, bad = self._numbers(role)
        rows.flag(bad, f"amount not a number in column {self.label(role)}")
        return np.where(bad, np.nan, parsed)

    def amounts(self, rows: _Rows) -> tuple[np.ndarray, np.ndarray]:
        """Return (debit, credit) in yen; a row with neither amount is rejected."""
        if "amount" in self.match.positions:
            signed = self._amount("amount", rows)
            rows.flag(np.isnan(signed), f"no amount in column {self.label('amount')}")
            signed = np.nan_to_num(signed)
            return np.where(signed < 0, -signed, 0), np.where(signed > 0, signed, 0)
        out = self._amount("withdrawal", rows)
        into = self._amount("deposit", rows)
        both_empty = np.isnan(out) & np.isnan(into)
        rows.flag(both_empty, f"no amount in column {self.label('withdrawal')} "
                              f"or {self.label('deposit')}")
        # Old SMBC exports write withdrawals negative; the amount is the magnitude.
        return np.abs(np.nan_to_num(out)), np.abs(np.nan_to_num(into))

    def balances(self) -> pd.Series:
        if "balance" not in self.match.positions:
            return pd.Series(pd.NA, index=range(len(self.cells)), dtype="Int64")
        parsed, bad = self._numbers("balance")
        # A balance that does not parse is left empty: the chain check reports the gap.
        return pd.Series(np.where(bad, np.nan, parsed), dtype="Float64").astype("Int64")

    def text(self, role: str) -> pd.Series:
        """The role's text as printed, "" where empty (categorical: payees repeat)."""
        if role not in self.match.positions:
            return pd.Series(pd.Categorical.from_codes(np.zeros(len(self.cells), int), [""]))
        codes, uniques = distinct(self._joined(role))  # the uniques are distinct texts
        return pd.Series(pd.Categorical.from_codes(codes, categories=uniques))


def _text(column: pd.Series) -> pd.Series:
    """The column as text with empty cells as "" (copying only when it must)."""
    if isinstance(column.dtype, pd.CategoricalDtype) or not pd.api.types.is_string_dtype(column):
        column = column.astype(str).where(column.notna(), "")
    return column.fillna("") if column.hasnans else column


def distinct(column: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Codes per row and the distinct texts ("" for empty cells), from a categorical for free."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        codes = column.cat.codes.to_numpy()
        uniques = [str(value) for value in column.cat.categories] + [""]
        return np.where(codes < 0, len(uniques) - 1, codes), uniques
    codes, values = pd.factorize(_text(column), use_na_sentinel=False)
    return codes, [str(value) for value in values]


def object_array(values: Sequence[object]) -> np.ndarray:
    """The values as a one-dimensional object array (np.array would nest tuples)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def _parse_distinct(column: pd.Series, parse: Callable[[str], T],
                    pack: Callable[[list[T | None]], np.ndarray] | None = None,
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Parse each distinct value once (statements repeat dates, amounts and payees)."""
    codes, uniques = distinct(column)
    values: list[T | None] = []
    bad = np.zeros(len(uniques), dtype=bool)
    for index, text in enumerate(uniques):
        try:
            values.append(parse(text))
        except ValueError:
            values.append(None)
            bad[index] = True
    packed = (pack or object_array)(values)
    return packed[codes], bad[codes]


def _float_array(values: list[int | None]) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def _ymd_array(values: list[tuple[int | None, int, int] | None]) -> np.ndarray:
    rows = [(0, 0, 0) if v is None else (-1 if v[0] is None else v[0], v[1], v[2]) for v in values]
    return np.array(rows, dtype=np.int64).reshape(-1, 3)


@dataclass(frozen=True)
class _Dating:
    """What fills in a missing year: the user's --year, the file's date, the row order."""

    year: int | None
    today: date
    order: str | None


def _balance_order(balance: pd.Series, debit: np.ndarray, credit: np.ndarray,
                   good: np.ndarray) -> str | None:
    values = balance.to_numpy(dtype=float, na_value=np.nan)[good]
    down, up = chain_breaks(values, (credit - debit)[good].astype(float))
    return order_by_balance(down, up)


def _to_dates(ymd: np.ndarray, rows: _Rows, dating: _Dating, notes: list[str],
              label: str) -> np.ndarray:
    """Turn (year, month, day) into datetime64[D], filling in years a bank left out."""
    valid = rows.good & (ymd[:, 1] > 0)
    years, months, days = ymd[:, 0].copy(), np.maximum(ymd[:, 1], 1), np.maximum(ymd[:, 2], 1)
    missing = valid & (years < 0)
    # A year the file itself gives (9999/12/31) is out of range whatever --year says.
    rows.flag(valid & ~missing & ((years < FIRST_YEAR) | (years > LAST_YEAR)),
              f"year out of range ({FIRST_YEAR} to {LAST_YEAR}) in column {label}")
    valid &= rows.good
    if missing.any():
        newest_first = None if dating.order is None else dating.order == NEWEST_FIRST
        years[missing] = infer_years(months[missing], days[missing], dating.year, dating.today,
                                     notes, newest_first)
    # Each distinct date once (a year of statements holds a few hundred): one number per
    # row names its date, and the calendar works on those alone.
    stamps = (np.where(valid, years, 2000) * 1_000_000 + np.minimum(months, 999) * 1000
              + np.minimum(days, 999))
    codes, distinct_stamps = pd.factorize(stamps)
    when = _calendar_days(distinct_stamps // 1_000_000, distinct_stamps // 1000 % 1000,
                          distinct_stamps % 1000)[codes]
    rows.flag(valid & np.isnat(when), "date does not exist in the year taken for it; pass --year")
    return when


def _calendar_days(years: np.ndarray, months: np.ndarray, days: np.ndarray) -> np.ndarray:
    """datetime64[D] per row, NaT where the day does not exist (30 February, 31 April).

    Plain arithmetic on arrays: pandas' to_datetime on year/month/day columns took a tenth
    of a second per million rows. Years that nanosecond timestamps cannot hold are NaT too,
    as they were there (time-of-day arithmetic later works in nanoseconds).
    """
    real = ((years >= FIRST_YEAR) & (years <= LAST_YEAR) & (months >= 1) & (months <= 12)
            & (days >= 1))
    safe_years, safe_months = np.where(real, years, 2000), np.where(real, months, 1)
    month_start = ((safe_years - 1970) * 12 + safe_months - 1).astype("datetime64[M]")
    when = month_start.astype("datetime64[D]") + (np.where(real, days, 1) - 1)
    # A day past the month's end lands in the next month: that date does not exist.
    real &= when < (month_start + 1).astype("datetime64[D]")
    return np.where(real, when, np.datetime64("NaT", "D"))


def _split_problems(rows: _Rows, lines: np.ndarray,
                    cells: pd.DataFrame) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """Rejected rows, and the note or total lines a bank prints after the table."""
    bad = np.flatnonzero(~rows.good)
    last_good = int(np.flatnonzero(rows.good)[-1]) if rows.good.any() else -1
    rejected: list[tuple[int, str]] = []
    skipped: list[tuple[int, str]] = []
    for index in bad:
        reason = str(rows.reasons[index])
        if index > last_good and _looks_like_note(cells.iloc[index], reason):
            skipped.append((int(lines[index]), "note line after the table"))
        else:
            rejected.append((int(lines[index]), reason))
    return rejected, skipped


def _looks_like_note(row: pd.Series, reason: str) -> bool:
    filled = [str(cell).strip() for cell in row.dropna() if str(cell).strip()]
    first = filled[0].upper() if filled else ""
    return reason.startswith("date") and (len(filled) <= 2 or first.startswith(_NOTE_HEADS))


def _fold_column(column: pd.Series) -> pd.Series:
    """Fold each distinct descriptor once; categorical, so later look-ups work on codes."""
    codes, uniques = distinct(column)
    key_codes, keys = pd.factorize(pd.Index([fold(u) for u in uniques], dtype=object))
    categorical = pd.Categorical.from_codes(key_codes[codes], categories=keys)
    return pd.Series(categorical, index=column.index)
