"""Temporary files beside their target, named so that a later run can sweep a killed run's."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import socket
import stat
import tempfile
from functools import cache
from pathlib import Path

# .findings.jsonl.auditor-1a2b3c4d-4242-k3j9x_2q.tmp: the target's name, this host (hashed:
# the name itself need not be in the folder), the writing process and mkstemp's random part.
_TAG = "auditor"


@cache
def _host() -> str:
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.{_TAG}-([0-9a-f]{{8}})-([0-9]+)-[A-Za-z0-9_]+\.tmp")


def make_temp(directory: Path, name: str) -> tuple[int, str]:
    """mkstemp beside the target `name` (0o600), after sweeping dead runs' leftovers of it.

    Raises OSError as mkstemp does.
    """
    sweep(directory, name)
    return tempfile.mkstemp(dir=directory, prefix=f".{name}.{_TAG}-{_host()}-{os.getpid()}-",
                            suffix=".tmp")


def sweep(directory: Path, name: str) -> list[str]:
    """Delete the temporary files for `name` that a run on this host left when it was killed.

    Only files of this exact shape, written on this host by a process that no longer
    exists, and only regular files: a live run's temporary file is never touched. Returns
    the names removed (best effort: a folder that cannot be listed removes nothing).
    """
    if os.name != "posix":  # no safe way to ask whether a process lives (os.kill would end it)
        return []
    pattern, removed = _pattern(name), []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return []
    for entry in entries:
        found = pattern.fullmatch(entry.name)
        if not found or found[1] != _host() or _alive(int(found[2])):
            continue
        with contextlib.suppress(OSError):
            if stat.S_ISREG(entry.stat(follow_symlinks=False).st_mode):
                os.unlink(entry.path)
                removed.append(entry.name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # signal 0 only asks
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # another user's (EPERM), or no pid at all: leave it
        return True
    return True
