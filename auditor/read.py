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
_UNCLOSED = "a quoted field is not closed (unbalanced quote); the file is cut or damaged"
# Python's csv module stops at 128 KiB a field; a statement cell is never near that, and a
# larger one means an unbalanced quote swallowed the file, which must fail, not hang.
csv.field_size_limit(1 << 20)


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
        utf8_line = _line_of(raw, utf8_error.start)
    try:
        return raw.decode("cp932"), "cp932"
    except UnicodeDecodeError as cp932_error:
        raise StatementError(
            f"cannot decode: not UTF-8 (from line {utf8_line}) nor CP932 "
            f"(from line {_line_of(raw, cp932_error.start)}); "
            "pass --encoding with the file's encoding, e.g. --encoding shift_jis_2004",
            line=_line_of(raw, cp932_error.start),
        ) from None


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
    return raw.count(b"\n", 0, offset) + 1


def _refuse_non_text(raw: bytes) -> None:
    """Name the common wrong files (Excel, HTML saved as .csv) instead of failing later."""
    if not raw or raw.isspace():  # isspace stops at the first other byte; strip would copy
        raise StatementError("the file is empty")
    if raw.startswith(b"PK\x03\x04"):
        raise StatementError("this is an Excel workbook (.xlsx), not CSV: save it as CSV first")
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise StatementError("this is an old Excel file (.xls), not CSV: save it as CSV first")
    head = raw[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")):
        raise StatementError("this is a web page (HTML/XML), not CSV: download the CSV export")


def check_text(text: str) -> None:
    """Refuse decoded text that cannot be a statement (NUL bytes mean binary or UTF-16)."""
    if not text or text.isspace():
        raise StatementError("the file is empty")
    position = text.find("\x00")
    if position >= 0:
        line = text.count("\n", 0, position) + 1
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


def split_line(line: str, delimiter: str) -> list[str]:
    """Split one header candidate line into cells."""
    return next(csv.reader([line], delimiter=delimiter), [])


def records(body: str, delimiter: str, width: int, first_line: int,
            used: Collection[int], numeric: Collection[int] = ()) -> Records:
    """Split the rows below the header; first_line is the file line number of body's start.

    Only the ``used`` columns are kept. Columns in ``numeric`` may come back as floats
    when every cell is a plain number (pandas converts them in C); any other column stays
    text for the strict parsers.
    """
    if "\r" in body and body.count("\r") != body.count("\r\n"):
        body = LINE_END.sub("\n", body)  # CR-only line ends (old Mac exports)
    columns = sorted(set(used))
    fast = _records_fast(body, delimiter, width, numeric)
    if fast is None:
        return _records_exact(body, delimiter, width, first_line, columns)
    count = len(fast)
    blank = fast.isna().all(axis=1).to_numpy()
    return Records(fast[columns], np.arange(first_line, first_line + count),
                   np.zeros(count, bool), blank)


def _records_fast(body: str, delimiter: str, width: int,
                  numeric: Collection[int]) -> pd.DataFrame | None:
    """pandas' C tokenizer: exact when every record is one physical line, else None.

    Every column is parsed (no usecols): only then does pandas refuse a row wider than
    the header, which the exact reader must see to reject it.
    """
    if not body or body.isspace():
        return pd.DataFrame(columns=range(width), dtype=object)
    try:
        frame = pd.read_csv(
            io.BytesIO(body.encode("utf-8")), sep=delimiter, header=None, names=range(width),
            dtype={i: str for i in range(width) if i not in numeric}, keep_default_na=False,
            na_values=[""], thousands=",", skip_blank_lines=False, engine="c",
            encoding="utf-8", on_bad_lines="error",
        )
    except (pd.errors.ParserError, ValueError):
        return None  # a row wider than the header: the exact reader says which
    physical = body.count("\n") + (0 if body.endswith("\n") else 1)
    return frame if len(frame) == physical else None


def _records_exact(body: str, delimiter: str, width: int, first_line: int,
                   columns: list[int]) -> Records:
    """The csv module, record by record: quoted line breaks and ragged rows handled."""
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=delimiter)
    rows: list[Sequence[str]] = []
    lines: list[int] = []
    start = 1
    try:
        for row in reader:
            rows.append(row)
            lines.append(first_line + start - 1)
            start = reader.line_num + 1
    except csv.Error:
        raise StatementError(_UNCLOSED, line=first_line + start - 1) from None
    if body.count('"') % 2:  # the csv module would read the rest of the file into one cell
        raise StatementError(_UNCLOSED, line=lines[-1] if lines else first_line)
    overflow = np.array([any(cell.strip() for cell in row[width:]) for row in rows], dtype=bool)
    blank = np.array([not any(cell for cell in row) for row in rows], dtype=bool)
    cells = pd.DataFrame(
        [(list(row) + [""] * (width - len(row)))[:width] for row in rows],
        columns=range(width), dtype=object,
    ).replace("", np.nan)
    return Records(cells[columns], np.asarray(lines, dtype=np.int64), overflow, blank)
