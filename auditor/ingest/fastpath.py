"""The fast path of splitting rows: pandas' C tokenizer, used only where it is exact."""

from __future__ import annotations

import io
from collections.abc import Collection

import pandas as pd

from auditor.ingest.limits import FIELD_LIMIT

_WIDE = 64


def records_fast(text: str, start: int, delimiter: str, width: int, numeric: Collection[int],
                  verbatim: Collection[int], used: Collection[int]) -> pd.DataFrame | None:
    """pandas' C tokenizer: exact when every record is one physical line, else None.

    Every column is parsed (no usecols): only then does pandas refuse a row wider than
    the header, which the exact reader must see to reject it.
    """
    if len(text) - start < 65536 and not text[start:].strip("\r\n"):  # (no large copies)
        # Only line breaks: no record. (Not isspace(): a line of spaces is a record, as it
        # is anywhere else in the file, and was dropped without a trace when it was alone.)
        return pd.DataFrame(columns=range(width), dtype=object)
    data = text.encode("utf-8")
    offset = len(text[:start].encode("utf-8"))  # where the body starts in the bytes
    # Categoricals: statements repeat their dates and payees, and pandas builds them in C.
    # On exports with very many columns each costs more than plain text, so there only
    # the columns we read are categorical.
    wide = width > _WIDE
    dtypes: dict[int, str] = {i: "category" if i in used or not wide else "str"
                              for i in range(width) if i not in numeric}
    try:
        frame = _read_csv(data, offset, delimiter, width, dtypes)
        # pandas turns an all-digit categorical into numbers ("000123" → 123): a descriptor
        # must stay as printed, so such a column is read again as plain text.
        changed = [i for i in verbatim if not _is_text(frame[i])]
        if changed:
            frame = _read_csv(data, offset, delimiter, width,
                              {**dtypes, **{i: "str" for i in changed}})
    except (pd.errors.ParserError, ValueError):
        return None  # a row wider than the header: the exact reader says which
    _empty_as_missing(frame, numeric, width)
    if not isinstance(frame.index, pd.RangeIndex):
        # The first row was wider than `width` (its physical line was cut short by a quoted
        # lone CR): pandas then silently makes its first cells the index, shifting every
        # column and losing rows. The exact reader rejects the wide row instead.
        return None
    physical = text.count("\n", start) + (0 if text.endswith("\n") else 1)
    if len(frame) != physical or _longest_cell(frame) > FIELD_LIMIT:
        return None  # pandas has no cell limit: the exact reader refuses a huge cell by line
    return frame


def _empty_as_missing(frame: pd.DataFrame, numeric: Collection[int], width: int) -> None:
    """Empty cells of a numeric column pandas gave up on are missing, not ""."""
    for column in numeric:
        if column < width and not pd.api.types.is_numeric_dtype(frame[column]):
            # When pandas gives up on numbers here (one as large as 9223372036854775808, say)
            # it returns empty cells as "" instead of NaN, and a blank line then counted as a
            # rejected row. Empty is empty, whatever pandas did with the rest of the column.
            cells = frame[column]
            frame[column] = cells.mask(cells.astype(object) == "")


def _read_csv(data: bytes, offset: int, delimiter: str, width: int,
              dtypes: dict[int, str]) -> pd.DataFrame:
    handle = io.BytesIO(data)  # shares the bytes; pandas reads on from the position
    handle.seek(offset)
    return pd.read_csv(
        handle, sep=delimiter, header=None, names=range(width), dtype=dtypes,
        keep_default_na=False, na_values=[""], thousands=",", skip_blank_lines=False,
        engine="c", encoding="utf-8", on_bad_lines="error",
    )


def _is_text(column: pd.Series) -> bool:
    if isinstance(column.dtype, pd.CategoricalDtype):
        categories = column.cat.categories
        return categories.empty or pd.api.types.is_string_dtype(categories)
    return True


def _longest_cell(frame: pd.DataFrame) -> int:
    """The longest text cell (distinct values of categoricals; vectorised for the rest)."""
    longest = 0
    for name in frame.columns:
        column = frame[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            # A few distinct values: plain Python beats pandas' string methods on them.
            categories = column.cat.categories
            longest = max(longest, max(map(len, map(str, categories)), default=0))
            continue
        if not pd.api.types.is_string_dtype(column) and column.dtype != object:
            continue  # numbers
        lengths = column.dropna().astype(str).str.len()
        longest = max(longest, int(lengths.max()) if len(lengths) else 0)
    return longest
