"""Files given twice: the same bytes are read once and listed as a repeat, never counted twice."""

from __future__ import annotations

import hashlib
import os
import stat
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from auditor.fs.regular import read_regular
from auditor.ingest.account import mask_path
from auditor.models import FileReport
from auditor.wording import Said


def repeated_files(paths: Sequence[Path], limit: int) -> dict[int, int]:
    """Index of each file whose bytes repeat an earlier file's → index of that earlier file.

    Only files that share their size with another are hashed (statements rarely do), and
    only regular files within the size limit: anything else goes to the reader, which says
    why it cannot be read.
    """
    by_size: dict[int, list[int]] = defaultdict(list)
    for index, path in enumerate(paths):
        try:
            info = os.stat(path)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and info.st_size <= limit:
            by_size[info.st_size].append(index)
    digests: list[tuple[int, str]] = []
    for group in by_size.values():
        if len(group) > 1:
            digests.extend((index, digest) for index in group
                           if (digest := _digest(paths[index], limit)) is not None)
    first: dict[str, int] = {}
    repeated: dict[int, int] = {}
    for index, digest in sorted(digests):  # in input order: the first name given is kept
        if digest in first:
            repeated[index] = first[digest]
        else:
            first[digest] = index
    return repeated


def repeat_report(path: Path, first: Path) -> FileReport:
    """How a repeated file is listed: read once, under the first name it was given."""
    return FileReport(path=str(path), repeat_of=str(first),
                      notes=(Said("note.repeat", path=mask_path(str(first))),))


def _digest(path: Path, limit: int) -> str | None:
    try:
        return hashlib.sha256(read_regular(path, limit)).hexdigest()
    except OSError:  # gone or changed meanwhile: the reader reports it
        return None
