"""Exclusive advisory locks on sidecar files, for the state and for shared files a run rewrites."""

# A lock is held on an open file, so a process forked while it is held (a scan's worker)
# would keep it for as long as it lives, past its parent's death. Every child closes its
# inherited copies at once; closing them does not release the parent's lock.
#
# Why not the filelock library: the state lock is held across a run whose workers are
# forked, and a worker must neither keep the lock nor release it. Only filelock's 2026
# releases do that (before, a child releasing its inherited copy unlocked the parent's
# lock), and they are some 15,000 lines that add about 10 ms of imports to every locking
# run and, on Python 3.12+, a process-wide audit hook. What we would keep either way (the
# messages, 0600, a lock file never deleted) is most of this module.

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:  # POSIX
    msvcrt = None  # type: ignore[assignment]

_POLL = 0.05  # seconds between tries while another process holds the lock
_HELD: set[int] = set()  # descriptors of the locks this process holds


class LockBusy(Exception):
    """Another process held the lock for the whole wait."""


@contextlib.contextmanager
def file_lock(lock_path: Path, wait: float) -> Iterator[None]:
    """Hold an exclusive lock on lock_path (created 0o600, never deleted) for the block.

    Never deleted: that would let two processes lock two different files. Polls until
    `wait` seconds have passed, then raises LockBusy; a lock file that cannot be opened
    raises the OSError.
    """
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
    handle = os.fdopen(fd, "r+b", buffering=0)
    try:
        deadline = time.monotonic() + max(wait, 0.0)
        while not _try_lock(handle):
            if time.monotonic() >= deadline:
                raise LockBusy(str(lock_path))
            time.sleep(_POLL)
        _HELD.add(fd)
        try:
            yield
        finally:
            _HELD.discard(fd)
            _unlock(handle)
    finally:
        handle.close()


@contextlib.contextmanager
def shared_file_lock(path: Path, wait: float, what: str) -> Iterator[None]:
    """Lock `path` (through path.lock beside it) while a run re-reads, merges and rewrites it.

    Every writer of a file several runs share (the config, the answers) goes through here,
    so none of them writes over what another saved a moment before. Another run holding it
    for the whole wait, or a lock that cannot be made, is a UsageError (exit 2).
    """
    from auditor.errors import UsageError
    from auditor.fs.reason import os_reason
    from auditor.wording import Said

    lock_path = path.with_name(path.name + ".lock")
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(file_lock(lock_path, wait))
        except LockBusy:
            raise UsageError(Said("lock.busy", path=path, what=what)) from None
        except OSError as exc:
            reason = os_reason(exc.errno, exc.strerror or type(exc).__name__)
            raise UsageError(Said("lock.cannot", path=lock_path, what=what,
                                  reason=reason)) from None
        yield


def _try_lock(handle: IO[bytes]) -> bool:
    if fcntl is not None:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            return False
        return True
    if msvcrt is not None:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    # Neither exists (no mainstream platform): SQLite's own locking, with its busy timeout,
    # still keeps each state transaction whole; only the run-wide exclusion is lost.
    return True


def _unlock(handle: IO[bytes]) -> None:
    if fcntl is not None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    elif msvcrt is not None:
        handle.seek(0)
        with contextlib.suppress(OSError):
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)


def _drop_inherited() -> None:
    """In a forked child: let go of every inherited lock, without unlocking the parent's.

    /dev/null is put in each descriptor's place rather than closing it: the number stays
    taken, so the lock's file object closing it later cannot close some other file.
    """
    if not _HELD:
        return
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in tuple(_HELD):
            with contextlib.suppress(OSError):
                os.dup2(devnull, fd)
        os.close(devnull)
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_inherited)
