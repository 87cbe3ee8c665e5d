"""A bank export kept as Parquet, read as the CSV text its columns make (the same reader).

A Parquet file has no lines: a row's line is its row number plus one (the header being line
1), whatever line breaks its cells hold, in-process and on Dask alike. The CSV text made
for the reader puts such a cell's line breaks on lines of their own, so the reader's lines
are taken back to rows (``read.by_row``).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from auditor.errors import StatementError, UsageError
from auditor.wording import Said

MAGIC = b"PAR1"  # a Parquet file's first (and last) four bytes
_PEEK_ROWS = 10_000  # enough to name a second account, as the first megabyte of a CSV
Source = Path | bytes  # a file, or its bytes (piped in, or read under --max-size)


def is_parquet(path: Path) -> bool:
    return path.suffix.lower() == ".parquet"


def is_parquet_bytes(raw: bytes) -> bool:
    """Whether bytes are a Parquet file's (standard input has no name to tell it by)."""
    return raw[:4] == MAGIC


def _pyarrow() -> tuple[Any, Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.csv as pc
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(Said("dask.missing")) from None
    return pa, pc, pq


def _opened(source: Source) -> Any:
    """The Parquet file, or the one-line error of a file cut short or not Parquet at all."""
    _, _, pq = _pyarrow()
    try:
        return pq.ParquetFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise StatementError(Said("parquet.unreadable")) from exc


def row_groups(path: Path) -> list[int]:
    """The rows of each row group, in order: the Dask engine's blocks of a Parquet export."""
    meta = _opened(path).metadata
    return [meta.row_group(n).num_rows for n in range(meta.num_row_groups)]


def column_names(source: Source) -> list[str]:
    """The columns' names, from the file's footer alone (no row is read)."""
    return list(_opened(source).schema_arrow.names)


def csv_text(source: Source, group: int | None = None, head: bool = False) -> bytes:
    """The export (one row group, or its first rows) as UTF-8 CSV, every cell a string."""
    return _as_csv(_table(source, group, head))


def _table(source: Source, group: int | None, head: bool) -> Any:
    pa, _, _ = _pyarrow()
    opened = _opened(source)
    try:
        if head:
            first = next(opened.iter_batches(batch_size=_PEEK_ROWS), None)
            table = (opened.schema_arrow.empty_table() if first is None
                     else pa.Table.from_batches([first]))
        else:
            table = opened.read() if group is None else opened.read_row_group(group)
        return table.cast(pa.schema([(name, pa.string()) for name in table.column_names]))
    except (OSError, ValueError, TypeError, NotImplementedError) as exc:  # a damaged column
        raise StatementError(Said("parquet.unreadable")) from exc


def _as_csv(table: Any) -> bytes:
    _, pc, _ = _pyarrow()
    out = io.BytesIO()
    pc.write_csv(table, out, pc.WriteOptions(include_header=True, quoting_style="needed"))
    return out.getvalue()
