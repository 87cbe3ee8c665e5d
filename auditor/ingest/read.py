"""Split a decoded statement: find its first lines, split the rows below the header."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from auditor.errors import StatementError
from auditor.ingest.fastpath import records_fast
from auditor.ingest.limits import MAX_CELLS, TOO_LARGE, TOO_MANY_CELLS, UNCLOSED

HEADER_SCAN_LINES = 60
LINE_END = re.compile(r"\r\n|\r|\n")
_EXPONENT = re.compile(r"[0-9][eE][+-]?[0-9]")


@dataclass(frozen=True)
class Records:
    """The cells below the header, as strings, with each record's source line number."""

    cells: pd.DataFrame  # the columns asked for, named by position; empty cells are NaN
    lines: np.ndarray  # 1-based line number of each record in the file
    overflow: np.ndarray  # True where a record has non-empty cells beyond the header
    blank: np.ndarray  # True where a record has no cell at all (a blank line, or only commas)


def first_lines(text: str, count: int = HEADER_SCAN_LINES) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the first lines, ends excluding the line break."""
    spans, start = [], 0
    for match in LINE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
        if len(spans) == count:
            return spans
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def split_line(line: str, delimiter: str, number: int | None = None) -> list[str]:
    """Split one header candidate line (file line ``number``) into cells."""
    if line.count(delimiter) >= MAX_CELLS:  # counted before splitting: that is the slow part
        raise StatementError(TOO_MANY_CELLS, line=number)
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:  # one physical line: the only csv.Error left is a cell over the limit
        raise StatementError(TOO_LARGE, line=number) from None


def records(text: str, start: int, delimiter: str, width: int, first_line: int,
            used: Collection[int], numeric: Collection[int] = (),
            verbatim: Collection[int] = (), exact: bool = False) -> Records:
    """Split the rows below the header: text from offset ``start``, file line ``first_line``.

    (An offset, not a slice: copying a large statement's text costs a tenth of a second.)
    Only the ``used`` columns are kept. Columns in ``numeric`` may come back as floats
    when every cell is a plain number (pandas converts them in C). Other columns come back
    as categoricals (statements repeat their dates and payees), and those in ``verbatim``
    (descriptors) always keep their text exactly as written. ``exact`` skips the fast
    path: for a first row wider than the header, which pandas would make an index of.
    """
    if _cr_only(text, start):
        text, start = LINE_END.sub("\n", text[start:]), 0  # old Mac exports: CR alone
    columns = sorted(set(used))
    if _has_exponent(text, start):
        # pandas reads "1.23457E+10" (an amount Excel re-saved) as a whole number of yen;
        # the strict parser refuses it, as it does on the exact path. Text columns, then.
        numeric = ()
    fast = None if exact else fast_records(text, start, delimiter, width, numeric, verbatim,
                                            columns)
    if fast is None:
        return _records_exact(text[start:], delimiter, width, first_line, columns)
    return replace(fast, lines=fast.lines + first_line)


def fast_records(text: str, start: int, delimiter: str, width: int, numeric: Collection[int],
                 verbatim: Collection[int], columns: list[int]) -> Records | None:
    """The C tokenizer's records, lines numbered from 0; None where it would not be exact."""
    fast = records_fast(text, start, delimiter, width, numeric, verbatim, columns)
    if fast is None:
        return None
    count = len(fast)
    # Only rows whose first cell is empty can be blank: test the rest on those alone.
    maybe = fast[0].isna().to_numpy()
    blank = np.zeros(count, dtype=bool)
    blank[maybe] = fast[maybe].isna().all(axis=1).to_numpy()
    return Records(fast[columns], np.arange(count), np.zeros(count, bool), blank)


def plain_body(text: str, start: int) -> bool:
    """Whether the body below the header can be read together with others' bodies: lines end
    in LF or CRLF, and no number is written with an exponent (see records)."""
    return not _cr_only(text, start) and not _has_exponent(text, start)


def _has_exponent(text: str, start: int) -> bool:
    # The regex costs 1 s/100 MB: most statements hold no letter e at all, so look first.
    if text.find("e", start) < 0 and text.find("E", start) < 0:
        return False
    return _EXPONENT.search(text, start) is not None


def _cr_only(text: str, start: int) -> bool:
    """Lines end in CR alone (a lone CR elsewhere makes the fast path hand over instead)."""
    head = text[start:start + 65536]
    return "\r" in head and "\n" not in head


def _records_exact(body: str, delimiter: str, width: int, first_line: int,
                   columns: list[int]) -> Records:
    """The csv module, record by record: quoted line breaks and ragged rows handled."""
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    rows: list[Sequence[str]] = []
    lines: list[int] = []
    start = 1
    try:
        for row in reader:
            if len(row) > MAX_CELLS:
                raise StatementError(TOO_MANY_CELLS, line=first_line + start - 1)
            rows.append(row)
            lines.append(first_line + start - 1)
            start = reader.line_num + 1
    except csv.Error as exc:
        # The csv module says "field larger than field limit" for a huge cell, and names
        # nothing else that way; anything else here is a quote that never closes.
        reason = TOO_LARGE if "field limit" in str(exc) else UNCLOSED
        raise StatementError(reason, line=first_line + start - 1) from None
    if body.count('"') % 2:  # the csv module would read the rest of the file into one cell
        raise StatementError(UNCLOSED, line=lines[-1] if lines else first_line)
    overflow = np.array([any(cell.strip() for cell in row[width:]) for row in rows], dtype=bool)
    blank = np.array([not any(cell for cell in row) for row in rows], dtype=bool)
    cells = pd.DataFrame(
        [(list(row) + [""] * (width - len(row)))[:width] for row in rows],
        columns=range(width), dtype=object,
    ).replace("", np.nan)
    return Records(cells[columns], np.asarray(lines, dtype=np.int64), overflow, blank)
