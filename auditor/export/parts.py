"""The Dask engine's two tasks: a block of CSV to Parquet by account hash, a part audited.

Both are plain functions of plain values, so any worker of any cluster can run them; they
read and write only the export and the work folder, which every worker must see.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from auditor.detect.audit import Window
from auditor.detect.rules import Context
from auditor.export.accounts import Seen, seen_in
from auditor.export.audit import audit_frame, balance_breaks, in_account_order
from auditor.export.blocks import Block
from auditor.export.output import json_lines
from auditor.export.read import read_block_export
from auditor.errors import StatementError
from auditor.hidden import Hidden
from auditor.ingest.statement import ReadOptions
from auditor.models import Finding

_CATEGORIES = ("description", "channel", "key", "channel_key")


@dataclass(frozen=True)
class Converted:
    """What a block held: its rows' count and totals, and the rows that were not read."""

    rows: int
    rejected: list[tuple[int, str]]
    skipped: list[tuple[int, str]]
    notes: list[str]
    debit_total: int
    credit_total: int
    period: tuple[date, date] | None
    layout: str
    bank: str
    generic: bool
    error: str | None = None  # why the block could not be read at all (its one line)
    groups: dict[int, int] = field(default_factory=dict)  # part -> row group of its rows


@dataclass(frozen=True)
class Part:
    """One part's findings (each with its account's first line, to order them) and counts."""

    findings: list[tuple[int, Finding]]
    hidden: Hidden
    accounts: int
    breaks: tuple[int, ...]
    seen: list[Seen] = field(default_factory=list)  # its accounts, for the run's ``accounts``
    lines: str | None = None  # the file of each finding's JSON line, when asked for


def block_file(work: str, index: int) -> Path:
    return Path(work) / f"block-{index:06d}.parquet"


@contextmanager
def _no_collection() -> Iterator[None]:
    """The cyclic collector paused for a task: it would walk every object of the task's
    frames and findings again and again (a third of a part's time), for cycles that hardly
    ever form; reference counting frees the rest as ever."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def convert_block(index: int, block: Block, header: bytes, work: str, parts: int,
                  options: ReadOptions, today: date) -> Converted:
    """Parse one block (the header put before it) and write its rows, by account hash."""
    with _no_collection():
        return _convert(index, block, header, work, parts, options, today)


def _convert(index: int, block: Block, header: bytes, work: str, parts: int,
             options: ReadOptions, today: date) -> Converted:
    try:
        export = read_block_export(block, header, options, today)
    except StatementError as exc:  # said as a result: a task that raises is logged by Dask
        return Converted(0, [], [], [], 0, 0, None, "", "", True, exc.said())
    frame = export.frame
    groups = _write_by_part(frame, block_file(work, index), parts)
    period = None if frame.empty else (frame["date"].min().date(), frame["date"].max().date())
    return Converted(len(frame), export.rejected, export.skipped, list(export.notes),
                     int(frame["debit"].sum()), int(frame["credit"].sum()), period,
                     export.layout.id, export.layout.bank, export.layout.generic,
                     groups=groups)


def _write_by_part(frame: pd.DataFrame, path: Path, parts: int) -> dict[int, int]:
    """The block's rows as one Parquet file, a row group a part (rows in file order within
    it): one file and one conversion a block, not one per block and part. Returns each
    part's row group."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if frame.empty:
        return {}
    # The hash of the account's text, the same in every process of every machine.
    part = pd.util.hash_pandas_object(frame["account"], index=False).to_numpy() % parts
    counts = np.bincount(part, minlength=parts)
    table = pa.Table.from_pandas(frame, preserve_index=False).take(
        np.argsort(part, kind="stable"))
    groups: dict[int, int] = {}
    # Uncompressed: read once, soon, from the page cache; compressing took a third longer.
    with pq.ParquetWriter(path, table.schema, compression="none") as writer:
        offset = 0
        for number in np.flatnonzero(counts).tolist():
            size = int(counts[number])
            writer.write_table(table.slice(offset, size), row_group_size=size)
            groups[number], offset = len(groups), offset + size
    return groups


def lines_file(work: str, number: int) -> Path:
    return Path(work) / f"lines-{number:06d}.jsonl"


def audit_part(pieces: list[tuple[int, int]], work: str, ctx: Context, window: Window,
               bank: str | None, lines: str | None = None, number: int = 0) -> Part:
    """Every account whose rows hashed to this part, audited on its whole history.

    pieces: (block, row group) of each block that holds rows of the part, in file order.
    lines: the language to write each finding's JSON line in, here rather than all of
    them in the one process that gathers them; into the work folder (the part's ``number``
    names the file), so that process never holds them all but copies them in order.
    """
    if not pieces:
        return Part([], Hidden(), 0, ())
    with _no_collection():
        part = _audit(pieces, work, ctx, window, bank)
        if lines is not None:
            path = lines_file(work, number)
            with path.open("w", encoding="utf-8", newline="\n") as out:
                out.writelines(json_lines((f for _, f in part.findings), lines))
            part = replace(part, lines=str(path))
        return part


def _audit(pieces: list[tuple[int, int]], work: str, ctx: Context, window: Window,
           bank: str | None) -> Part:
    frame = _read_part(pieces, work)
    for column in _CATEGORIES:  # what the rules expect, and cheaper: few distinct texts
        frame[column] = frame[column].astype("category")
    frame = in_account_order(frame)
    first = frame.groupby("account", sort=False)["line"].min().to_dict()
    audited = audit_frame(frame, ctx, window, bank)
    findings = [(int(first[f.account]), f) for f in audited.findings]  # file: a str already
    return Part(findings, audited.hidden, audited.accounts, balance_breaks(frame),
                seen_in(frame))


def _read_part(pieces: list[tuple[int, int]], work: str) -> pd.DataFrame:
    """The part's rows from each block's file, as one frame (as pandas reads Parquet)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    tables = [pq.ParquetFile(block_file(work, index)).read_row_group(group)
              for index, group in pieces]
    # A block whose rows all lack a time has a column of nulls: it joins the others' text.
    frame = pa.concat_tables(tables, promote_options="default").to_pandas()
    # As the export's reader gives it: text, or None where the bank gave no time.
    time = frame["time"]
    frame["time"] = time.astype(object).where(time.notna(), None)
    return frame
