"""Standard input among a run's files: read once, audited here, never counted twice.

`scan - -`, or `scan statement.csv - < statement.csv`, gives the same bytes twice: as for a
file given twice (run/repeats.py), the first is read and the others are listed as repeats.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from auditor.fs.regular import read_regular
from auditor.fs.stdin import STDIN_NAME, Piped, is_stdin
from auditor.run.batch import Audited


def shown_names(files: Sequence[Path]) -> list[Path]:
    """The files as output names them: `-` is <stdin>."""
    return [STDIN_NAME if is_stdin(path) else path for path in files]


def with_stdin_repeats(files: Sequence[Path], piped: Piped | None, repeats: dict[int, int],
                       limit: int) -> tuple[dict[int, int], int | None]:
    """The repeats with standard input's among them, and the index of the `-` to read.

    None as the index when nothing is piped in, or when a file given earlier holds the same
    bytes (that file is read instead).
    """
    stdin = [index for index, path in enumerate(files) if is_stdin(path)]
    if piped is None or not stdin:
        return repeats, None
    same = [] if piped.error is not None else [
        index for index, path in enumerate(files)
        if not is_stdin(path) and _holds(path, piped.raw, limit)]
    group = sorted([*stdin, *same])
    merged = dict(repeats)
    for index in group[1:]:  # the earliest of the same bytes is read, whatever its name
        merged[index] = group[0]
    return merged, group[0] if is_stdin(files[group[0]]) else None


def in_order(read: Sequence[Path], outcomes: Sequence[Audited],
             piped: Audited | None) -> list[Audited]:
    """The outcomes of the files read, with standard input's where `-` stands among them.

    Shorter than read when --fail-fast stopped the others early.
    """
    others = iter(outcomes)
    merged: list[Audited] = []
    for path in read:
        outcome = piped if is_stdin(path) else next(others, None)
        if outcome is None:
            break
        merged.append(outcome)
    return merged


def _holds(path: Path, raw: bytes, limit: int) -> bool:
    """Whether a regular file holds exactly these bytes (only files of their size are read)."""
    try:
        info = os.stat(path)
        return (stat.S_ISREG(info.st_mode) and info.st_size == len(raw)
                and read_regular(path, limit) == raw)
    except OSError:
        return False
