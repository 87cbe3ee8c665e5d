"""Outputs that are not regular files: written in place, and a pipe's reader must take it all.

A character device (/dev/null), a FIFO, /dev/stdout or a process substitution (>(gzip))
cannot be replaced by a rename: renaming over /dev/null as root would destroy it, and
/dev/stdout resolves to a pipe no path names. Such targets are opened and written as they
are. A pipe accepts up to its buffer's size even when its reader is about to quit
(`| head -1`), so success is claimed only once the reader has read everything (or, still
there, has stopped reading for a while: see wait_delivered).
"""

from __future__ import annotations

import array
import contextlib
import errno
import os
import select
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from auditor.wording import Said

try:
    import fcntl
    import termios
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    termios = None  # type: ignore[assignment]


PATIENCE = 5.0  # seconds a reader may read nothing before its pipe counts as delivered


class ReaderGone(OSError):
    """The pipe's reader closed it before reading everything written."""

    def __init__(self, unread: int) -> None:
        super().__init__(errno.EPIPE, Said("output.reader_gone", count=unread))


def is_special(path: Path) -> bool:
    """Whether path exists and is neither a regular file nor a folder (links followed)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


@contextlib.contextmanager
def in_place(path: Path, encoding: str, newline: str | None) -> Iterator[TextIO]:
    """Yield a text stream on an existing device or FIFO; errors are OSError.

    O_NONBLOCK only for the open: a FIFO nobody reads is ENXIO at once instead of a hang.
    """
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0))
    if fcntl is not None:
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
    with os.fdopen(fd, "w", encoding=encoding, newline=newline) as out:
        yield out
        out.flush()
        wait_delivered(out.fileno())


def wait_delivered(fd: int, patience: float = PATIENCE) -> None:
    """For a pipe, return once its reader has read all of it; ReaderGone if it quit first.

    A reader that is still there but has read nothing for `patience` seconds is taken to
    have it (it may be waiting for this process to end before it reads, as some callers
    of subprocess do). Anything but a pipe (a file, a terminal, a platform without
    FIONREAD) returns at once.
    """
    try:
        if not stat.S_ISFIFO(os.fstat(fd).st_mode):
            return
    except OSError:
        return
    left = _unread(fd)
    if not left or not hasattr(select, "poll"):
        return
    poller = select.poll()
    poller.register(fd, 0)  # no events asked for: POLLERR (reader gone) is always reported
    delay, progress = 1, time.monotonic()
    while True:
        gone = bool(poller.poll(delay))
        now_left = _unread(fd)
        if not now_left:
            return
        if gone:
            raise ReaderGone(now_left)
        if now_left < left:
            left, progress = now_left, time.monotonic()
        elif time.monotonic() - progress > patience:
            return
        delay = min(delay * 2, 50)  # ms: quick for a fast reader, cheap for a slow one


def _unread(fd: int) -> int | None:
    """Bytes still in the pipe, or None where the system cannot tell."""
    if fcntl is None or termios is None:
        return None
    count = array.array("i", [0])
    try:
        fcntl.ioctl(fd, termios.FIONREAD, count)
    except OSError:
        return None
    return count[0]
