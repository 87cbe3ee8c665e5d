"""Cut a large export into byte blocks at line breaks, each with its first line's number.

CP932 is safe to cut at a newline byte: its trail bytes run 0x40-0xFC and never equal
0x0A, nor the quote (0x22) that is counted to find a line break inside a quoted cell.
UTF-8 continuation bytes are 0x80-0xBF, so the same holds for it.
"""

from __future__ import annotations

import mmap
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from auditor.errors import StatementError
from auditor.export.parquet_input import csv_text, is_parquet, row_groups
from auditor.wording import Said

BLOCK_BYTES = 32 << 20  # a worker holds a few blocks' rows at a time, however large the file
_NEWLINE, _QUOTE = 0x0A, 0x22


@dataclass(frozen=True)
class Block:
    """Bytes [start, end) of the file, whose first line is line ``first_line``."""

    path: str
    start: int
    end: int
    first_line: int


def header_of(path: Path) -> bytes:
    """The file's first line (the header row), line break included."""
    if is_parquet(path):
        return csv_text(path, head=True).split(b"\n", 1)[0] + b"\n"
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    end = head.find(b"\n")
    if end < 0:
        raise StatementError(Said("export.not_export"))
    return head[:end + 1]


def blocks(path: Path, size: int | None = None) -> list[Block]:
    """The file below its header, cut at line breaks into blocks of about ``size`` bytes."""
    return list(iter_blocks(path, size))


def iter_blocks(path: Path, size: int | None = None) -> Iterator[Block]:
    """The blocks of ``blocks``, each as soon as it is found: its work can start meanwhile.

    Reads the file once, to count each block's lines: line numbers in findings and rejected
    rows are the file's own.
    """
    if is_parquet(path):  # a block a row group, its first line the row's number + 1
        counts = row_groups(path)
        yield from (Block(str(path), n, n + 1, 2 + sum(counts[:n])) for n in range(len(counts)))
        return
    size = size or BLOCK_BYTES
    start = len(header_of(path))
    line = 2
    with path.open("rb") as handle:
        total = os.fstat(handle.fileno()).st_size
        if total <= start:
            return
        # Mapped, not read: only the newline bytes are looked at, and nothing is copied.
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as view:
            while start < total:
                end = _cut(view, start, min(start + size, total), total)
                yield Block(str(path), start, end, line)
                line += int(np.count_nonzero(np.frombuffer(view, np.uint8, end - start, start)
                                             == _NEWLINE))
                _release(view, start, end)
                start = end


def _release(view: mmap.mmap, start: int, end: int) -> None:
    """A cut block's pages given back: a mapped page once read counts in this
    process's memory until it is, and the whole export would be counted so by its end
    (the page cache keeps them for the workers all the same)."""
    if hasattr(mmap, "MADV_DONTNEED"):  # Linux and macOS; elsewhere the pages just stay
        first = start - start % mmap.PAGESIZE  # the pages before it went with its block
        view.madvise(mmap.MADV_DONTNEED, first, max(0, end - end % mmap.PAGESIZE - first))


def _cut(view: mmap.mmap, start: int, end: int, total: int) -> int:
    """Just past the last line break in [start, end), or past the first one after it when
    one line is longer than a block; the file's end for its last block."""
    if end >= total:
        return total
    cut = view.rfind(b"\n", start, end) + 1
    if cut:
        return cut
    after = view.find(b"\n", end)
    return total if after < 0 else after + 1


def read_block(block: Block) -> bytes:
    """A CSV block's bytes, refused if a quoted cell in it holds a line break (a Parquet
    export's row group is read whole, by export.read)."""
    with open(block.path, "rb") as handle:
        handle.seek(block.start)
        data = handle.read(block.end - block.start)
    check_quotes(data, block.first_line)
    return data


def check_quotes(data: bytes, first_line: int) -> None:
    """Every line holds an even number of quotes, or a cell runs over a line break."""
    raw = np.frombuffer(data, np.uint8)
    if not len(raw):
        return
    # Parity of the quotes so far, one byte a byte: a running sum would take 8 bytes each.
    inside = np.bitwise_xor.accumulate((raw == _QUOTE).view(np.uint8))
    ends = np.flatnonzero(raw == _NEWLINE)
    odd = inside[ends].astype(bool)
    if odd.any():
        raise StatementError(Said("export.quoted_newline", line=first_line + int(np.argmax(odd))))
    if inside[-1]:  # the last line ends inside a quoted cell
        raise StatementError(Said("export.quoted_newline", line=first_line + len(ends)))
