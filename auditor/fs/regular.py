"""Read only regular files, and never more than a limit: the one way every input is read.

A statement, config, layout or answers path can name anything: a symlink to /dev/zero
(which grew to 23 GB in a minute), a FIFO (which hung for ever), a terminal. Those are
refused before a byte is read, and a regular file that is, or grows, past the limit is
refused without reading it all.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from auditor.wording import Said

_KINDS = ((stat.S_ISDIR, Said("file.kind.folder")), (stat.S_ISFIFO, Said("file.kind.fifo")),
          (stat.S_ISCHR, Said("file.kind.character")), (stat.S_ISBLK, Said("file.kind.block")),
          (stat.S_ISSOCK, Said("file.kind.socket")))


class NotRegularFile(OSError):
    """The path names a device, FIFO, socket or folder (symlinks followed)."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, Said("file.not_regular", kind=kind), str(path))
        self.kind = kind


class TooLarge(OSError):
    """The file is larger than the limit it was read with."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(errno.EFBIG, Said("file.too_large", limit=limit), str(path))
        self.limit = limit


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words ("a FIFO (named pipe)")."""
    return next((name for test, name in _KINDS if test(mode)), Said("file.kind.other"))


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Raises NotRegularFile, TooLarge, or the OSError of opening or reading (a missing file
    is FileNotFoundError, as for Path.read_bytes).
    """
    _check(path, os.stat(path).st_mode)  # before opening: opening some devices acts
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        _check(path, info.st_mode)  # it may have been swapped since the stat above
        if info.st_size > limit:
            raise TooLarge(path, limit)
        parts: list[bytes] = []
        total, want = 0, info.st_size + 1  # one read for the whole file, as a rule
        while total <= limit:
            chunk = handle.read(want)
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            want = limit + 1 - total
    if total > limit:  # it grew while being read
        raise TooLarge(path, limit)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _check(path: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise NotRegularFile(path, kind_of(mode))
