"""A statement piped in as `-`: read once from standard input, as bytes, under the size limit.

Bytes, not text: the reader detects CP932, UTF-8 or UTF-16 from them as it does for a file.
Read once, in the process that runs the command (a worker's stdin is the null device), and
kept: review scans again after each allow, and standard input cannot be read twice.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from auditor.errors import UsageError
from auditor.fs.regular import TooLarge
from auditor.wording import Said

STDIN = "-"  # the argument that names standard input, as for cat, sort and git
STDIN_NAME = Path("<stdin>")  # how it is named in output and messages
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Piped:
    """Standard input as it was read: its bytes, or the error that stopped the reading."""

    raw: bytes = b""
    error: OSError | None = None


def is_stdin(path: Path | str) -> bool:
    """Whether a path argument is `-`, standard input."""
    return os.fspath(path) == STDIN


def take_stdin(paths: Iterable[Path], limit: int, stream: BinaryIO | None = None) -> Piped | None:
    """Standard input read once when a path is `-`, else None; a terminal is refused (exit 2).

    A statement is never typed in: at a terminal the run would only wait, so it says how to
    pipe one in instead.
    """
    if not any(is_stdin(path) for path in paths):
        return None
    source = stream if stream is not None else _stdin()
    if source is None or source.isatty():
        raise UsageError(Said("error.stdin_terminal"))
    try:
        return Piped(read_stdin(limit, source))
    except OSError as exc:
        return Piped(error=exc)


def read_stdin(limit: int, stream: BinaryIO) -> bytes:
    """At most limit bytes of the stream; TooLarge once it holds more (the rest is not read)."""
    parts: list[bytes] = []
    total = 0
    while total <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
    if total > limit:
        raise TooLarge(STDIN_NAME, limit)
    return b"".join(parts)


def _stdin() -> BinaryIO | None:
    return getattr(sys.stdin, "buffer", None) if sys.stdin is not None else None
