"""Write output files all at once: readers see the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from auditor.errors import AuditorError, UsageError
from auditor.exitcodes import ExitCode
from auditor.fs.reason import os_reason
from auditor.fs.streams import ReaderGone, in_place, is_special, wait_delivered
from auditor.fs.tempfiles import make_temp
from auditor.wording import Said

# New files get owner-only bits: reports and configs describe a bank account. The kernel
# still applies the umask on creation, so a stricter umask wins.
NEW_FILE_MODE = 0o600


class OutputError(UsageError):
    """An output path the tool cannot write; the user must fix the path or the disk."""


class OutputExistsError(OutputError, FileExistsError):
    """The target exists and the caller did not ask to overwrite it."""


class OutputClosed(OutputError):
    """The output's reader went away before it had everything (`| head`): exit 141, quietly.

    The message is never printed (the command line ends silently, as `git log | head` does);
    it says what happened to a caller that catches the error.
    """

    exit_code = ExitCode.CLOSED


def atomic_write_text(
    path: Path, text: str, *, overwrite: bool = True, encoding: str = "utf-8"
) -> None:
    """Write text to path atomically; see atomic_output for the guarantees."""
    with atomic_output(path, overwrite=overwrite, encoding=encoding) as out:
        out.write(text)


@contextlib.contextmanager
def atomic_output(
    path: Path, *, overwrite: bool = True, encoding: str = "utf-8", newline: str | None = ""
) -> Iterator[TextIO]:
    """Yield a text stream whose content replaces path only if the block ends cleanly.

    newline="" writes line ends exactly as given (csv-friendly, the same on every OS).
    An existing target keeps its permission bits; a new one gets NEW_FILE_MODE. A device
    or FIFO (/dev/null, /dev/stdout, >(cmd)) is written in place, never renamed over.
    """
    if is_special(Path(path)):
        with _special_output(Path(path), encoding, newline) as out:
            yield out
        return
    target = _target(Path(path))
    _refuse_existing(path, target, overwrite)
    fd, temp = _create_temp(path, target)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        _publish(path, Path(temp), target, overwrite)
    except BaseException as exc:
        _discard(temp)
        if isinstance(exc, OSError) and _ours(exc, temp):
            raise OutputError(_message(path, exc)) from exc
        raise
    _sync_directory(target.parent)


@contextlib.contextmanager
def _special_output(path: Path, encoding: str, newline: str | None) -> Iterator[TextIO]:
    # Nothing there can be half-written or destroyed, so --force is not needed either.
    try:
        with in_place(path, encoding, newline) as out:
            yield out
    except OSError as exc:
        if isinstance(exc, AuditorError) or (exc.filename is not None
                                             and os.fspath(exc.filename) != os.fspath(path)):
            raise
        raise _failed(exc, _message(path, exc)) from None
    except SystemExit:  # Rich's answer to a broken pipe; the output did not get out
        raise OutputClosed(Said("output.cannot_write", path=path, reason=_BROKEN_PIPE)) from None


@contextlib.contextmanager
def stdout_output() -> Iterator[TextIO]:
    """sys.stdout for a block, flushed when it ends; a failed write or flush is an OutputError.

    Flushing here rather than at exit matters: scan --new-only records its alerts only once
    the output is written, and a full disk or a closed pipe used to surface only in Python's
    exit-time flush ("Exception ignored", exit 120) after the alerts were recorded, so they
    were never reported anywhere. A write that fails at once was exit 4, "internal error".
    Into a pipe, the block ends only once the reader has read it all (`| head -1` quits
    early: OutputClosed, exit 141, not success). Rich meets a broken pipe with
    SystemExit(1): OutputClosed too. A full disk is an OutputError (exit 2).
    """
    try:
        yield sys.stdout
        sys.stdout.flush()
        with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
            wait_delivered(sys.stdout.fileno())
    except OSError as exc:
        silence_stdout()
        raise _failed(exc, Said("output.stdout", reason=_reason(exc))) from None
    except SystemExit:
        silence_stdout()
        raise OutputClosed(Said("output.stdout", reason=_BROKEN_PIPE)) from None


def _failed(exc: OSError, message: str) -> OutputError:
    """The error for a failed write: OutputClosed when the reader went away, else OutputError."""
    closed = isinstance(exc, BrokenPipeError | ReaderGone) or exc.errno == errno.EPIPE
    return OutputClosed(message) if closed else OutputError(message)


# Rich meets a closed pipe with SystemExit, which carries no error of its own to name.
_BROKEN_PIPE = os_reason(errno.EPIPE, "Broken pipe")


def _reason(exc: OSError) -> object:
    return os_reason(exc.errno, exc.strerror or (os.strerror(exc.errno) if exc.errno
                                                 else type(exc).__name__))


def silence_stdout() -> None:
    """Point stdout at the null device, so nothing left in its buffer fails again at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _target(path: Path) -> Path:
    # Replacing a symlink would cut it (dotfile managers link configs); write where it points.
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _refuse_existing(shown: Path, target: Path, overwrite: bool) -> None:
    # Checked before any work so the user is not made to wait for a refusal.
    if target.is_dir():
        raise OutputError(Said("output.cannot_write", path=shown,
                               reason=os_reason(errno.EISDIR, "is a directory")))
    if not overwrite and (os.path.lexists(shown) or os.path.lexists(target)):
        raise OutputExistsError(Said("output.exists", path=shown))


def _create_temp(shown: Path, target: Path) -> tuple[int, str]:
    # Same directory as the target, so os.replace is a rename and never a copy.
    try:
        fd, temp = make_temp(target.parent, target.name)
    except OSError as exc:
        raise OutputError(_message(shown, exc)) from exc
    try:
        _chmod(fd, temp, _mode_for(target))
    except OSError as exc:
        os.close(fd)
        _discard(temp)
        raise OutputError(_message(shown, exc)) from exc
    return fd, temp


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        return NEW_FILE_MODE


def _chmod(fd: int, temp: str, mode: int) -> None:
    if mode == NEW_FILE_MODE:
        return  # mkstemp already created it 0o600 minus the umask; keep the umask's say
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # Windows: only the read-only flag exists, and it is taken from the path
        os.chmod(temp, mode)


def _publish(shown: Path, temp: Path, target: Path, overwrite: bool) -> None:
    if overwrite:
        os.replace(temp, target)
        return
    # A hard link fails if the target appeared since the early check, closing that race.
    try:
        os.link(temp, target)
    except FileExistsError:
        raise OutputExistsError(Said("output.exists", path=shown)) from None
    except OSError:  # no hard links here (FAT, some network shares): best effort instead
        if os.path.lexists(target):
            raise OutputExistsError(Said("output.exists", path=shown)) from None
        os.replace(temp, target)
        return
    temp.unlink()


def _ours(exc: OSError, temp: str) -> bool:
    """Whether an OSError came from writing the output rather than from the caller's code.

    Write, flush and fsync errors carry no file name; an error naming some other file
    (say, an input the block was reading) is the caller's and passes through unchanged.
    """
    if isinstance(exc, AuditorError):
        return False
    return exc.filename is None or os.fspath(exc.filename) == temp


def _message(shown: Path, exc: OSError) -> str:
    # strerror only: the exception's str() may carry paths of temp files the user never named.
    return Said("output.cannot_write", path=shown, reason=_reason(exc))


def _discard(temp: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temp)


def _sync_directory(directory: Path) -> None:
    # Makes the rename itself durable. Windows cannot open directories and some file
    # systems refuse fsync on them; the data is already safe, so both are skipped.
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
