"""Tell a bank's export of many accounts from one holder's statement, by its first lines."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from auditor.errors import StatementError
from auditor.ingest.layouts import Layout, export_layouts
from auditor.ingest.statement import ReadOptions
from auditor.export.parquet_input import csv_text, is_parquet

PEEK_BYTES = 1 << 20  # an export names a second account well within its first megabyte
_HEADER_LINES = 30  # a preamble before the header is a few lines at most
_QUICK_BYTES = 4096  # the header is in here: most files are ruled out on these bytes alone


def account_layouts(options: ReadOptions) -> tuple[Layout, ...]:
    """The layouts that make an export: the holder's own with an account column, then ours."""
    own = tuple(layout for layout in options.layouts if layout.column("account"))
    return (*own, *export_layouts())


def is_export(path: Path, options: ReadOptions) -> bool:
    """Whether the file is an export: an export layout's header, and two accounts or more.

    A file of one account in such a layout is a holder's download and read as one (the
    京都銀行 download has the same columns). Anything that cannot be read here is left to
    the statement reader, which says why.
    """
    layouts = account_layouts(options)
    if not layouts or str(path) == "-" or not path.is_file():  # never open a FIFO to look
        return False
    if is_parquet(path):
        try:  # one cut short or damaged is no export here: the reader says why
            return _accounts_in(csv_text(path, head=True), path, options, layouts) > 1
        except StatementError:
            return False
    try:
        with path.open("rb") as handle:
            head = handle.read(_QUICK_BYTES)
            if not any(_names_account(head, layout) for layout in layouts):
                return False
            head += handle.read(PEEK_BYTES - _QUICK_BYTES)
    except OSError:
        return False
    return _accounts_in(head[:head.rfind(b"\n") + 1] or head, path, options, layouts) > 1


def is_export_bytes(raw: bytes, path: Path, options: ReadOptions) -> bool:
    """Whether CSV bytes piped in are an export, as a file of the same bytes would be."""
    layouts = account_layouts(options)
    if not layouts:
        return False
    head = raw[:PEEK_BYTES]
    if not any(_names_account(head[:_QUICK_BYTES], layout) for layout in layouts):
        return False
    return _accounts_in(head[:head.rfind(b"\n") + 1] or head, path, options, layouts) > 1


def _names_account(head: bytes, layout: Layout) -> bool:
    name = layout.column("account")[0]
    encodings = {*layout.encodings, "utf-8", "cp932"}
    return any(_encoded(name, encoding) in head for encoding in encodings)


def _encoded(text: str, encoding: str) -> bytes:
    try:
        return text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return b"\x00"  # no statement holds a NUL: matches nothing


def _accounts_in(head: bytes, path: Path, options: ReadOptions,
                 layouts: tuple[Layout, ...]) -> int:
    from auditor.export.read import parse_export
    from auditor.ingest.mixed import decode_rows

    decoded = decode_rows(head, options.encoding)
    # A holder's download in an export's columns (京都銀行's) names one account: the raw
    # cells say so at a fraction of a full parse, which a folder of thousands would pay for
    # each such file. Raw cells never name fewer accounts than the parse finds, so only a
    # file they show two in is parsed to be sure.
    if (raw := _raw_accounts(decoded.text, layouts)) is not None and raw < 2:
        return raw
    try:
        export = parse_export(decoded, path, options)
    except StatementError:
        return 0
    return int(export.frame["account"].nunique())


def _raw_accounts(text: str, layouts: tuple[Layout, ...]) -> int | None:
    """Distinct non-blank cells under the first export header found; None when none is."""
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines[:_HEADER_LINES]):
        cells = [cell.strip().lstrip("\ufeff") for cell in next(csv.reader([line]), [])]
        for layout in layouts:
            names = [name for name in layout.column("account") if name in cells]
            # The whole header, not a preamble line that happens to hold the same word.
            if names and set(layout.header) <= set(cells):
                column = cells.index(names[0])
                rows = csv.reader(io.StringIO("".join(lines[number + 1:])))
                return len({row[column].strip() for row in rows
                            if len(row) > column and row[column].strip()})
    return None
