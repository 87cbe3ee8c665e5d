"""The cells of a statement by role (date, amounts, balance, text), parsed into arrays."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from auditor.ingest.cells import as_text, distinct, float_array, parse_distinct, ymd_array
from auditor.ingest.identify import HeaderMatch
from auditor.ingest.values import MAX_YEN, parse_amount, parse_date, parse_time
from auditor.wording import Said

if TYPE_CHECKING:
    from auditor.ingest.rows import RowProblems


class Columns:
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
        first = as_text(self.cells[positions[0]])
        return first.str.cat([as_text(self.cells[p]) for p in positions[1:]], sep="/")

    def _numbers(self, role: str) -> tuple[np.ndarray, np.ndarray]:
        """Yen per row (NaN where empty) and a mask of cells that are not amounts."""
        column = self.cells[self.match.positions[role][0]]
        if pd.api.types.is_numeric_dtype(column):  # converted by the C tokenizer
            values = column.to_numpy(dtype=float)
            # inf and huge numbers too, as parse_amount refuses them: int64 would wrap them.
            return values, ~np.isnan(values) & ((values != np.round(values))
                                                | (np.abs(values) >= MAX_YEN))
        return parse_distinct(self._joined(role), parse_amount, float_array)

    def label(self, role: str) -> str:
        return "/".join(self.names[role])

    def dates(self, rows: RowProblems) -> np.ndarray:
        """Return an int array of (year or -1, month, day) per row; bad dates are flagged."""
        parsed, bad = parse_distinct(self._joined("date"), parse_date, ymd_array)
        rows.flag(bad, Said("reject.date", column=self.label("date")))
        return parsed

    def times(self, rows: RowProblems) -> np.ndarray:
        if "time" not in self.match.positions:
            return np.full(len(self.cells), None, dtype=object)
        parsed, bad = parse_distinct(self._joined("time"), parse_time)
        rows.flag(bad, Said("reject.time", column=self.label("time")))
        return parsed

    def _amount(self, role: str, rows: RowProblems) -> np.ndarray:
        """Return float yen per row, NaN where the cell is empty; bad amounts are flagged."""
        parsed, bad = self._numbers(role)
        rows.flag(bad, Said("reject.amount", column=self.label(role)))
        return np.where(bad, np.nan, parsed)

    def amounts(self, rows: RowProblems) -> tuple[np.ndarray, np.ndarray]:
        """Return (debit, credit) in yen; a row with neither amount is rejected."""
        if "amount" in self.match.positions:
            signed = self._amount("amount", rows)
            rows.flag(np.isnan(signed), Said("reject.no_amount", column=self.label("amount")))
            signed = np.nan_to_num(signed)
            return np.where(signed < 0, -signed, 0), np.where(signed > 0, signed, 0)
        out = self._amount("withdrawal", rows)
        into = self._amount("deposit", rows)
        both_empty = np.isnan(out) & np.isnan(into)
        rows.flag(both_empty, Said("reject.no_amounts", withdrawal=self.label("withdrawal"),
                                   deposit=self.label("deposit")))
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
