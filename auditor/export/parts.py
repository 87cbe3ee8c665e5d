"""The Dask engine's two tasks: a block of CSV to Parquet by account hash, a part audited.

Both are plain functions of plain values, so any worker of any cluster can run them; they
read and write only the export and the work folder, which every worker must see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from auditor.detect.audit import Window
from auditor.detect.rules import Context
from auditor.export.accounts import Seen, seen_in
from auditor.export.audit import audit_frame, balance_breaks, in_account_order
from auditor.export.blocks import Block
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


@dataclass(frozen=True)
class Part:
    """One part's findings (each with its account's first line, to order them) and counts."""

    findings: list[tuple[int, Finding]]
    hidden: Hidden
    accounts: int
    breaks: tuple[int, ...]
    seen: list[Seen] = field(default_factory=list)  # its accounts, for the run's ``accounts``


def part_folder(work: str, part: int) -> Path:
    return Path(work) / f"part-{part:05d}"


def convert_block(index: int, block: Block, header: bytes, work: str, parts: int,
                  options: ReadOptions, today: date) -> Converted:
    """Parse one block (the header put before it) and write its rows, by account hash."""
    try:
        export = read_block_export(block, header, options, today)
    except StatementError as exc:  # said as a result: a task that raises is logged by Dask
        return Converted(0, [], [], [], 0, 0, None, "", "", True, exc.said())
    frame = export.frame
    # The hash of the account's text, the same in every process of every machine.
    part = pd.util.hash_pandas_object(frame["account"], index=False).to_numpy() % parts
    for number, rows in frame.groupby(part, sort=False):
        folder = part_folder(work, int(number))
        folder.mkdir(parents=True, exist_ok=True)
        rows.to_parquet(folder / f"block-{index:06d}.parquet", index=False)
    period = None if frame.empty else (frame["date"].min().date(), frame["date"].max().date())
    return Converted(len(frame), export.rejected, export.skipped, list(export.notes),
                     int(frame["debit"].sum()), int(frame["credit"].sum()), period,
                     export.layout.id, export.layout.bank, export.layout.generic)


def audit_part(part: int, work: str, ctx: Context, window: Window, bank: str | None) -> Part:
    """Every account whose rows hashed to this part, audited on its whole history."""
    pieces = sorted(part_folder(work, part).glob("block-*.parquet"))  # in file order
    if not pieces:
        return Part([], Hidden(), 0, ())
    frame = pd.concat([pd.read_parquet(piece) for piece in pieces], ignore_index=True)
    for column in _CATEGORIES:  # what the rules expect, and cheaper: few distinct texts
        frame[column] = frame[column].astype("category")
    frame = in_account_order(frame)
    first = frame.groupby("account", sort=False)["line"].min().to_dict()
    audited = audit_frame(frame, ctx, window, bank)
    findings = [(int(first[f.account]), f) for f in audited.findings]  # file: a str already
    return Part(findings, audited.hidden, audited.accounts, balance_breaks(frame),
                seen_in(frame))
