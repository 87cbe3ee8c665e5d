"""Column helpers of normalising: each distinct cell parsed or folded once, as arrays."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np
import pandas as pd

from auditor.ingest.text import fold

T = TypeVar("T")


def as_text(column: pd.Series) -> pd.Series:
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
    codes, values = pd.factorize(as_text(column), use_na_sentinel=False)
    return codes, [str(value) for value in values]


def object_array(values: Sequence[object]) -> np.ndarray:
    """The values as a one-dimensional object array (np.array would nest tuples)."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    return array


def parse_distinct(column: pd.Series, parse: Callable[[str], T],
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


def float_array(values: list[int | None]) -> np.ndarray:
    return np.array([np.nan if v is None else float(v) for v in values], dtype=float)


def ymd_array(values: list[tuple[int | None, int, int] | None]) -> np.ndarray:
    rows = [(0, 0, 0) if v is None else (-1 if v[0] is None else v[0], v[1], v[2]) for v in values]
    return np.array(rows, dtype=np.int64).reshape(-1, 3)


def fold_column(column: pd.Series) -> pd.Series:
    """Fold each distinct descriptor once; categorical, so later look-ups work on codes."""
    codes, uniques = distinct(column)
    key_codes, keys = pd.factorize(pd.Index([fold(u) for u in uniques], dtype=object))
    categorical = pd.Categorical.from_codes(key_codes[codes], categories=keys)
    return pd.Series(categorical, index=column.index)
