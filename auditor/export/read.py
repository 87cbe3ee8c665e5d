"""Read a bank export: every row with its account, in file order, or rejected by line."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from auditor.ingest.decode import check_text
from auditor.ingest.identify import HeaderMatch, identify
from auditor.ingest.layouts import Layout
from auditor.ingest.mixed import Decoded, decode_rows
from auditor.ingest.normalise import normalise
from auditor.ingest.read import records
from auditor.ingest.statement import ReadOptions, read_bytes, without_foreign_rows
from auditor.errors import StatementError
from auditor.export.blocks import Block, read_block
from auditor.export.detect import account_layouts
from auditor.export.parquet_input import csv_text, is_parquet, is_parquet_bytes
from auditor.wording import Said


@dataclass(frozen=True)
class Export:
    """An export's rows: the normalised columns plus ``account`` and ``file``, in file order."""

    path: Path
    layout: Layout
    encoding: str
    frame: pd.DataFrame
    rejected: list[tuple[int, str]]
    skipped: list[tuple[int, str]]
    notes: list[str] = field(default_factory=list)
    # Each record's first line below the header, in order, as the text was read (before
    # line_offset): where the rows of a Parquet export's CSV text start.
    starts: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64), repr=False)


def read_export(path: Path, options: ReadOptions, raw: bytes | None = None) -> Export:
    """Read a whole export file (under --max-size, as every statement is), or bytes piped in."""
    if raw is None:
        raw = read_bytes(path, options.max_bytes)
    if is_parquet(path) or is_parquet_bytes(raw):
        export = by_row(parse_export(decode_rows(csv_text(raw), options.encoding), path,
                                     options))
        if export.frame.empty and not export.rejected and not export.skipped:
            # Its columns and no row: said, as of a statement, rather than a silent "clean".
            export.notes.append(Said("note.no_rows", line=1))
        return export
    return parse_export(decode_rows(raw, options.encoding), path, options)


def read_block_export(block: Block, header: bytes, options: ReadOptions,
                      today: date) -> Export:
    """One block of an export cut for Dask: CSV bytes at line breaks, or a Parquet row group."""
    path = Path(block.path)
    if is_parquet(path):  # a row group is whole rows: its cells may hold line breaks
        decoded = decode_rows(csv_text(path, block.start), options.encoding)
        return by_row(parse_export(decoded, path, options, today=today), block.first_line - 2)
    decoded = decode_rows(header + read_block(block), options.encoding)
    return parse_export(decoded, path, options, block.first_line - 2, today)


def by_row(export: Export, offset: int = 0) -> Export:
    """A Parquet export's lines as its rows' numbers plus one (the header being line 1).

    Its CSV text holds a record per row, in order, but a cell's line breaks put the records
    after it on later lines: each line is taken back to the record that starts at or
    before it, whatever the reader counted as a line.
    """
    starts = export.starts

    def row_line(lines: np.ndarray) -> np.ndarray:
        return np.searchsorted(starts, lines, side="right") + 1 + offset

    frame = export.frame
    frame["line"] = row_line(frame["line"].to_numpy())
    moved = [list(zip(row_line(np.array([line for line, _ in found], dtype=np.int64)).tolist(),
                      (why for _, why in found), strict=True))
             for found in (export.rejected, export.skipped)]
    return replace(export, frame=frame, rejected=moved[0], skipped=moved[1])


def parse_export(decoded: Decoded, path: Path, options: ReadOptions,
                 line_offset: int = 0, today: date | None = None) -> Export:
    """Parse decoded text that starts with the export's header row.

    line_offset: how many lines of the file come before this text's second line, less one
    (a block of a file split for Dask carries its header again, and its own line numbers).
    """
    text = decoded.text
    check_text(text)
    match = identify(text, decoded.encoding, account_layouts(options))
    if "account" not in match.positions:
        raise StatementError(Said("export.not_export"))
    cells = records(text, match.body_start, match.delimiter, match.width, match.line + 1,
                    used=match.used_positions(), numeric=match.amount_positions(),
                    verbatim=match.text_positions(), exact=match.ragged)
    day = today or options.today or date.today()
    parsed = without_foreign_rows(normalise(cells, match, options.year, day), decoded)
    accounts = _accounts(cells.cells, cells.lines, match)
    frame = parsed.frame
    frame["account"] = accounts.reindex(frame["line"].to_numpy()).to_numpy()
    missing = frame["account"].isna().to_numpy()
    no_account = Said("export.no_account", column=match.layout.column("account")[0])
    rejected = sorted([*parsed.rejected,
                       *((int(line), no_account) for line in frame["line"][missing])])
    frame = frame[~missing].reset_index(drop=True)
    frame["account"] = frame["account"].astype(str)
    frame["file"] = str(path)
    if line_offset:
        frame["line"] += line_offset
        rejected = [(line + line_offset, why) for line, why in rejected]
    skipped = [(line + line_offset, why) for line, why in parsed.skipped]
    return Export(path, match.layout, decoded.encoding, frame, rejected, skipped,
                  list(parsed.notes), np.asarray(cells.lines, dtype=np.int64))


def _accounts(cells: pd.DataFrame, lines: np.ndarray, match: HeaderMatch) -> pd.Series:
    """Each line's account as the bank wrote it (with its 店番 where kept apart), or NaN."""
    number = _cell_text(cells[match.positions["account"][0]])
    if "branch" in match.positions:
        branch = _cell_text(cells[match.positions["branch"][0]])
        number = (branch + "-" + number).where(branch.notna(), number)
    return pd.Series(number.to_numpy(), index=lines)


def _cell_text(column: pd.Series) -> pd.Series:
    """Each cell stripped, or NaN where empty: worked out once per distinct text."""
    codes, distinct = pd.factorize(column)  # an account's number repeats on all its rows
    # A missing cell is code -1, which picks the last entry: a missing cell's own result.
    once = pd.Series([*distinct, None], dtype=object)
    return _stripped(once).take(codes).set_axis(column.index)


def _stripped(column: pd.Series) -> pd.Series:
    text = column.astype(object).where(column.notna(), None).astype("string").str.strip()
    return text.where(text.str.len() > 0).astype(object)
