"""A bank export kept as Parquet, read as the CSV text its columns make (the same reader)."""

from __future__ import annotations

import io
from pathlib import Path

from auditor.errors import UsageError
from auditor.wording import Said

_PEEK_ROWS = 10_000  # enough to name a second account, as the first megabyte of a CSV


def is_parquet(path: Path) -> bool:
    return path.suffix.lower() == ".parquet"


def _pyarrow() -> tuple[object, object, object]:
    try:
        import pyarrow as pa
        import pyarrow.csv as pc
        import pyarrow.parquet as pq
    except ImportError:
        raise UsageError(Said("dask.missing")) from None
    return pa, pc, pq


def row_groups(path: Path) -> list[int]:
    """The rows of each row group, in order: the Dask engine's blocks of a Parquet export."""
    _, _, pq = _pyarrow()
    meta = pq.ParquetFile(path).metadata  # type: ignore[attr-defined]
    return [meta.row_group(n).num_rows for n in range(meta.num_row_groups)]


def csv_text(path: Path, group: int | None = None, head: bool = False,
             header: bool = True) -> bytes:
    """The export (one row group, or its first rows) as UTF-8 CSV, every cell a string."""
    pa, pc, pq = _pyarrow()
    source = pq.ParquetFile(path)  # type: ignore[attr-defined]
    if head:
        table = pa.Table.from_batches([next(source.iter_batches(batch_size=_PEEK_ROWS))])
    else:
        table = source.read() if group is None else source.read_row_group(group)
    table = table.cast(pa.schema([(name, pa.string()) for name in table.column_names]))
    out = io.BytesIO()
    pc.write_csv(table, out, pc.WriteOptions(include_header=header,  # type: ignore[attr-defined]
                                             quoting_style="needed"))
    return out.getvalue()
