"""Read a statement file: decode it whole, find its header row, split the rows below it."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from auditor.errors import StatementError

HEADER_SCAN_LINES = 60
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
LINE_END = re.compile(r"\r\n|\r|\n")
_WIDE = 64
_EXPONENT = re.compile(r"[0-9][eE][+-]?[0-9]")
_UNCLOSED = "a quoted field is not closed (unbalanced quote); the file is cut or damaged"
# Python's csv module stops at 128 KiB a field; a statement cell is never near that, and a
# larger one means an unbalanced quote swallowed the file, which must fail, not hang.
FIELD_LIMIT = 1 << 20
csv.field_size_limit(FIELD_LIMIT)
# A cell over the limit (say one 10 MB field) is refused with its line, wherever it stands:
# before, every csv.Error from split_line escaped as an internal error (exit 4).
_TOO_LARGE = (f"a cell is larger than {FIELD_LIMIT // (1 << 20)} MB: not a statement export, "
              "or a quote is not closed")
# No bank writes more than a few dozen columns; 10,000 is far past any export. A row of a
# million empty cells (1 MB) made pandas build a million columns: minutes, 1.7 GB.
MAX_CELLS = 10_000
TOO_MANY_CELLS = (f"a row has more than {MAX_CELLS:,} cells: not a statement export "
                  "(or its delimiters are not the ones the header uses)")


@dataclass(frozen=True)
class Records:
    """The cells below the header, as strings, with each record's source line number."""

    cells: pd.DataFrame  # the columns asked for, named by position; empty cells are NaN
    lines: np.ndarray  # 1-based line number of each record in the file
    overflow: np.ndarray  # True where a record has non-empty cells beyond the header
    blank: np.ndarray  # True where a record has no cell at all (a blank line, or only commas)


def decode(raw: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode the whole file and return (text, encoding name); BOM, UTF-8, then CP932."""
    _refuse_non_text(raw)
    if encoding:
        return _decode_as(raw, encoding), encoding
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _decode_as(raw[len(bom):], name), name
    utf16 = _utf16_without_bom(raw)
    if utf16:
        return _decode_as(raw, utf16), utf16
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        utf8_at = utf8_error.start
    try:
        return raw.decode("cp932"), "cp932"
    except UnicodeDecodeError as cp932_error:
        cp932_at = cp932_error.start
    # The line named is where the encoding that read further failed: in a CP932 file with
    # one UTF-8 line (or the reverse) that is the odd line, not line 1 as it used to be.
    raise StatementError(
        f"cannot decode: not UTF-8 (from line {_line_of(raw, utf8_at)}) nor CP932 "
        f"(from line {_line_of(raw, cp932_at)}); "
        "pass --encoding with the file's encoding, e.g. --encoding shift_jis_2004",
        line=_line_of(raw, max(utf8_at, cp932_at)),
    )


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text with no BOM shows as NUL bytes in every other position (ASCII, digits)."""
    head = raw[:4000]
    if len(head) < 8 or len(head) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > len(head) // 8 and even == 0:
        return "utf-16-le"
    if even > len(head) // 8 and odd == 0:
        return "utf-16-be"
    return None


def _decode_as(raw: bytes, encoding: str) -> str:
    try:
        text = raw.decode(encoding)
    except LookupError:
        raise StatementError(f"unknown encoding {encoding!r}; use a Python codec name such as cp932") from None
    except UnicodeDecodeError as exc:
        line = _line_of(raw, exc.start)
        raise StatementError(
            f"does not decode as {encoding}; try another --encoding or leave it out to detect it",
            line=line,
        ) from None
    return text.removeprefix("\ufeff")


def _line_of(raw: bytes, offset: int) -> int:
    # Old Mac exports end lines with CR only; counting LF there said "line 1" for every error.
    # (Not a CR|LF regex: in UTF-16 a CRLF is two bytes apart and would count twice.)
    newline = b"\n" if b"\n" in raw else b"\r"
    return raw.count(newline, 0, offset) + 1


def _refuse_non_text(raw: bytes) -> None:
    """Name the common wrong files (Excel, HTML saved as .csv) instead of failing later."""
    if not raw or raw.isspace():  # isspace stops at the first other byte; strip would copy
        raise StatementError("the file is empty")
    if raw.startswith(b"PK\x03\x04"):
        raise StatementError("this is an Excel workbook (.xlsx), not CSV: save it as CSV first")
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise StatementError("this is an old Excel file (.xls), not CSV: save it as CSV first")
    head = raw[:512].lstrip().lower()
    if head.startswith(_WEB_PAGE_HEADS):
        raise StatementError(_WEB_PAGE)


# Checked again on the decoded text: a page saved with a BOM or as UTF-16 starts with other
# bytes, and used to fall through to "no bank header found".
_WEB_PAGE_HEADS = (b"<!doctype html", b"<html", b"<?xml")
_WEB_PAGE = "this is a web page (HTML/XML), not CSV: download the CSV export"


def check_text(text: str) -> None:
    """Refuse decoded text that cannot be a statement (NUL bytes mean binary or UTF-16)."""
    if not text or text.isspace():
        raise StatementError("the file is empty")
    if text[:512].lstrip().lower().startswith(tuple(h.decode() for h in _WEB_PAGE_HEADS)):
        raise StatementError(_WEB_PAGE)
    position = text.find("\x00")
    if position >= 0:
        newline = "\n" if "\n" in text else "\r"  # CR-only line ends too, as _line_of
        line = text.count(newline, 0, position) + 1
        raise StatementError(
            "contains NUL bytes: binary data, or UTF-16 without a byte-order mark "
            "(try --encoding utf-16-le)",
            line=line,
        )


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
        raise StatementError(_TOO_LARGE, line=number) from None


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
    fast = None if exact else _records_fast(text, start, delimiter, width, numeric, verbatim,
                                            columns)
    if fast is None:
        return _records_exact(text[start:], delimiter, width, first_line, columns)
    count = len(fast)
    # Only rows whose first cell is empty can be blank: test the rest on those alone.
    maybe = fast[0].isna().to_numpy()
    blank = np.zeros(count, dtype=bool)
    blank[maybe] = fast[maybe].isna().all(axis=1).to_numpy()
    return Records(fast[columns], np.arange(first_line, first_line + count),
                   np.zeros(count, bool), blank)


def _has_exponent(text: str, start: int) -> bool:
    # The regex costs 1 s/100 MB: most statements hold no letter e at all, so look first.
    if text.find("e", start) < 0 and text.find("E", start) < 0:
        return False
    return _EXPONENT.search(text, start) is not None


def _cr_only(text: str, start: int) -> bool:
    """Lines end in CR alone (a lone CR elsewhere makes the fast path hand over instead)."""
    head = text[start:start + 65536]
    return "\r" in head and "\n" not in head


def _records_fast(text: str, start: int, delimiter: str, width: int, numeric: Collection[int],
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
    for column in numeric:
        if column < width and not pd.api.types.is_numeric_dtype(frame[column]):
            # When pandas gives up on numbers here (one as large as 9223372036854775808, say)
            # it returns empty cells as "" instead of NaN, and a blank line then counted as a
            # rejected row. Empty is empty, whatever pandas did with the rest of the column.
            cells = frame[column]
            frame[column] = cells.mask(cells.astype(object) == "")
    if not isinstance(frame.index, pd.RangeIndex):
        # The first row was wider than `width` (its physical line was cut short by a quoted
        # lone CR): pandas then silently makes its first cells the index, shifting every
        # column and losing rows. The exact reader rejects the wide row instead.
        return None
    physical = text.count("\n", start) + (0 if text.endswith("\n") else 1)
    if len(frame) != physical or _longest_cell(frame) > FIELD_LIMIT:
        return None  # pandas has no cell limit: the exact reader refuses a huge cell by line
    return frame


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
        reason = _TOO_LARGE if "field limit" in str(exc) else _UNCLOSED
        raise StatementError(reason, line=first_line + start - 1) from None
    if body.count('"') % 2:  # the csv module would read the rest of the file into one cell
        raise StatementError(_UNCLOSED, line=lines[-1] if lines else first_line)
    overflow = np.array([any(cell.strip() for cell in row[width:]) for row in rows], dtype=bool)
    blank = np.array([not any(cell for cell in row) for row in rows], dtype=bool)
    cells = pd.DataFrame(
        [(list(row) + [""] * (width - len(row)))[:width] for row in rows],
        columns=range(width), dtype=object,
    ).replace("", np.nan)
    return Records(cells[columns], np.asarray(lines, dtype=np.int64), overflow, blank)
