"""Which of a run's inputs are bank exports: files named, Parquet in folders, standard input."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from auditor.errors import StatementError, UsageError
from auditor.export.detect import account_layouts, is_export, is_export_bytes
from auditor.export.parquet_input import column_names, is_parquet, is_parquet_bytes
from auditor.fs.stdin import STDIN_NAME, Piped, is_stdin
from auditor.ingest.statement import ReadOptions
from auditor.run.batch import STATEMENT_SUFFIXES

_SUFFIXES = {*STATEMENT_SUFFIXES, ".parquet"}


def with_parquet_exports(paths: Sequence[Path], options: ReadOptions) -> list[Path]:
    """The files as expand() lists them, with the Parquet exports in each folder given.

    A folder's ``.parquet`` files are taken only when their columns are an export layout's
    header: anything else there (a findings.parquet a run wrote) is left out, as before.
    """
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)  # a missing file is reported by the reader, in order
            continue
        # One walk of the folder, as expand() makes, Parquet files picked out as it goes.
        inside = sorted(p for p in path.rglob("*") if p.suffix.lower() in _SUFFIXES
                        and not p.is_dir())
        kept = [p for p in inside if not is_parquet(p)
                or (p.is_file() and _export_columns(p, options))]
        found.extend(kept or [path])  # a folder with nothing to read is reported (exit 3)
    return found


def _export_columns(path: Path, options: ReadOptions) -> bool:
    """Whether a Parquet file's columns hold an export layout's whole header.

    A file that cannot be told (damaged, or pyarrow missing) is left out, as every .parquet
    file in a folder was: it may be anything.
    """
    try:
        names = set(column_names(path))
    except (StatementError, UsageError):
        return False
    return any(set(layout.header) <= names for layout in account_layouts(options))


def is_export_input(path: Path, options: ReadOptions, piped: Piped | None = None) -> bool:
    """Whether an input is read as a bank export.

    A Parquet file named (or found in a folder) always is: no holder downloads Parquet, and
    the export reader says why one cannot be read. Standard input is when its bytes would
    be as a file's: Parquet bytes, or a CSV export's.
    """
    if is_stdin(path):
        if piped is None or piped.error is not None:
            return False
        return is_parquet_bytes(piped.raw) or is_export_bytes(piped.raw, STDIN_NAME, options)
    if is_parquet(path) and path.is_file():
        return True
    return is_export(path, options)
