"""Worker processes end with their parent, even when the parent is killed outright.

A worker left behind by `kill -9` of a scan went on auditing for nobody and, through the
lock it inherited, kept every later run out of the state. On Linux the kernel sends the
worker SIGKILL when its parent dies (PR_SET_PDEATHSIG); everywhere, a thread in the worker
also checks the parent is there, and ends the worker within a second when it is not.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_WATCH_EVERY = 0.5  # seconds


def die_with_parent(parent: int) -> None:
    """Run first in a worker: arrange to end when `parent` (its parent's pid) ends."""
    # Signals meant for the run are the parent's to handle; a worker just stops.
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    _ask_the_kernel()
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="parent-watch", daemon=True).start()


def _ask_the_kernel() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no libc to be had: the watch thread still works
        pass


def _watch(parent: int) -> None:
    # A dead parent's children are handed to init (or a subreaper): the ppid changes.
    while os.getppid() == parent:
        time.sleep(_WATCH_EVERY)
    os._exit(1)
