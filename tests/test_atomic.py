"""Atomic output: the target holds the old content or the new, and failures are one line."""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
import tempfile
from pathlib import Path

import pytest

from auditor.fs.atomic import OutputError, OutputExistsError, atomic_output, atomic_write_text
from auditor.errors import UsageError

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_write_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    atomic_write_text(target, "first\n")
    atomic_write_text(target, "second\r\n")
    assert target.read_bytes() == b"second\r\n"  # no newline translation on any OS
    assert _leftovers(tmp_path) == []


def test_context_manager_writes_all_chunks(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with atomic_output(target) as out:
        out.write("日本語 ")
        out.write("text")
    assert target.read_text(encoding="utf-8") == "日本語 text"


def test_failure_inside_block_keeps_old_file_and_removes_temp(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError, match="boom"), atomic_output(target) as out:
        out.write("half of the new")
        raise RuntimeError("boom")
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


def test_failure_before_target_exists_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "new.csv"
    with pytest.raises(KeyboardInterrupt), atomic_output(target) as out:
        out.write("x")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_overwrite_false_refuses_existing(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OutputExistsError) as caught:
        atomic_write_text(target, "new", overwrite=False)
    assert str(caught.value) == f"{target} exists; pass --force to overwrite"
    assert isinstance(caught.value, UsageError) and isinstance(caught.value, FileExistsError)
    assert caught.value.exit_code == 2
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


def test_overwrite_false_creates_new(tmp_path: Path) -> None:
    target = tmp_path / "new.csv"
    atomic_write_text(target, "new", overwrite=False)
    assert target.read_text(encoding="utf-8") == "new"
    assert _leftovers(tmp_path) == []


def test_overwrite_false_loses_race_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "raced.csv"
    with pytest.raises(OutputExistsError), atomic_output(target, overwrite=False) as out:
        out.write("mine")
        target.write_text("theirs", encoding="utf-8")  # another process got there first
    assert target.read_text(encoding="utf-8") == "theirs"
    assert _leftovers(tmp_path) == []


def test_missing_directory_is_output_error_naming_path(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "out.csv"
    with pytest.raises(OutputError) as caught:
        atomic_write_text(target, "x")
    assert str(caught.value) == f"{target}: cannot write (No such file or directory)"
    assert caught.value.exit_code == 2


def test_directory_as_target_is_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        atomic_write_text(tmp_path, "x")


@posix_only
def test_unwritable_directory_is_output_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as root: permissions are not enforced")
        with pytest.raises(OutputError) as caught:
            atomic_write_text(locked / "out.csv", "x")
    finally:
        locked.chmod(0o700)
    assert str(caught.value) == f"{locked / 'out.csv'}: cannot write (Permission denied)"
    assert "\n" not in str(caught.value)


def test_permission_denied_is_output_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same failure as above, simulated, so it is covered when tests run as root.
    def denied(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path / ".x.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    target = tmp_path / "out.csv"
    with pytest.raises(OutputError) as caught:
        atomic_write_text(target, "x")
    assert str(caught.value) == f"{target}: cannot write ({os.strerror(errno.EACCES)})"
    assert not target.exists()


class _FullDisk(io.FileIO):
    """A file on a full disk: every write that reaches the OS fails with ENOSPC."""

    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _full_fdopen(fd: int, mode: str = "r", *args: object, **kwargs: object) -> io.TextIOWrapper:
    encoding = str(kwargs.get("encoding", "utf-8"))
    newline = kwargs.get("newline")
    assert newline is None or isinstance(newline, str)
    raw = _FullDisk(fd, "w", closefd=True)
    return io.TextIOWrapper(io.BufferedWriter(raw), encoding=encoding, newline=newline)


@pytest.mark.parametrize("size", [10, 1_000_000], ids=["fails-at-flush", "fails-mid-block"])
def test_disk_full_is_output_error_and_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: int
) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(os, "fdopen", _full_fdopen)
    with pytest.raises(OutputError) as caught, atomic_output(target) as out:
        out.write("秘密" * size)
    assert str(caught.value) == f"{target}: cannot write ({os.strerror(errno.ENOSPC)})"
    assert "秘密" not in str(caught.value)
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


def test_fsync_failure_is_output_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.csv"

    def failing(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(OutputError, match="cannot write"):
        atomic_write_text(target, "x")
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_unrelated_oserror_in_block_passes_through(tmp_path: Path) -> None:
    # Reading a missing input inside the block is the caller's error, not the output's.
    with pytest.raises(FileNotFoundError), atomic_output(tmp_path / "out.csv"):
        (tmp_path / "missing-input.csv").read_text(encoding="utf-8")
    assert list(tmp_path.iterdir()) == []


@posix_only
def test_existing_mode_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "shared.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@posix_only
def test_new_file_is_private(tmp_path: Path) -> None:
    target = tmp_path / "new.csv"
    atomic_write_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) & 0o077 == 0


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"
