"""Opening the state: its folder, the run-wide lock, a new database made whole, checks."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from auditor.fs.locks import LockBusy, file_lock
from auditor.fs.reason import os_reason
from auditor.fs.tempfiles import make_temp
from auditor.store.state.db import connect
from auditor.store.state.errors import StateBusy, StateError
from auditor.store.state.queries import StateStore
from auditor.store.state.schema import SCHEMA_VERSION, create_tables, migrate, validate
from auditor.wording import Said

DEFAULT_WAIT = 5.0  # seconds a run waits for another run to release the state


@contextlib.contextmanager
def open_state(path: Path, wait: float | None = None) -> Iterator[StateStore]:
    """Lock the state for the whole block, creating or validating it first.

    A second run waits up to `wait` seconds (DEFAULT_WAIT when None), then gets StateBusy.
    A file that is not an auditor state database of a known schema gives StateError and is
    left byte for byte.
    """
    # Read when called, not when defined, so that the one constant governs every caller.
    wait = DEFAULT_WAIT if wait is None else wait
    path = Path(path)
    _make_directory(path.parent, path)
    with _locked(path.with_name(path.name + ".lock"), path, wait):
        if not os.path.lexists(path):
            _create(path, wait)
        connection = connect(path, wait)
        try:
            if validate(connection, path) < SCHEMA_VERSION:
                migrate(connection, path)
            yield StateStore(connection, path)
        finally:
            connection.close()


def _make_directory(directory: Path, path: Path) -> None:
    # Owner-only, like the config folder: the state says which accounts were attacked.
    missing = []
    for folder in (directory, *directory.parents):
        if folder.exists():
            break
        missing.append(folder)
    try:
        for folder in reversed(missing):
            folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise StateError(Said("state.cannot_create_folder", path=path, reason=_reason(exc)),
                         path) from None


@contextlib.contextmanager
def _locked(lock_path: Path, path: Path, wait: float) -> Iterator[None]:
    """The run-wide lock: a sidecar, since SQLite owns the database's own locks and the
    lock must also cover creating the database."""
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(file_lock(lock_path, wait))
        except LockBusy:
            raise StateBusy(path) from None
        except OSError as exc:
            raise StateError(Said("state.cannot_lock", path=lock_path, reason=_reason(exc)),
                             path) from None
        yield


def _create(path: Path, wait: float) -> None:
    """Build a new database beside path and link it into place: never half a database."""
    try:
        fd, temp = make_temp(path.parent, path.name)  # named so a killed run's is swept
    except OSError as exc:
        raise StateError(Said("state.cannot_create", path=path, reason=_reason(exc)),
                         path) from None
    os.close(fd)  # mkstemp made it 0o600; SQLite gives its journals the same bits
    try:
        connection = connect(Path(temp), wait, shown=path)
        try:
            create_tables(connection, path)
        finally:
            connection.close()
        _publish(Path(temp), path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
    _sync_directory(path.parent)


def _reason(exc: OSError) -> object:
    return os_reason(exc.errno, exc.strerror or type(exc).__name__)


def _publish(temp: Path, path: Path) -> None:
    try:
        os.link(temp, path)  # fails rather than replace a file that appeared meanwhile
    except FileExistsError:
        pass  # someone else's file now; validate() decides what it is
    except OSError:  # no hard links here (FAT, some shares); we hold the lock, so this is safe
        if not os.path.lexists(path):
            os.replace(temp, path)


def _sync_directory(directory: Path) -> None:
    # The new name must survive a power cut as surely as the file it names.
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
