"""Faults around a run: unwritable output, a full disk, Ctrl-C, a damaged or locked state.

Each ends with a one-line message and its exit code, leaves no half-written file, and never
loses state: after a failed or interrupted --new-only run the state is byte for byte what it
was, so the next run that can finish reports everything.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

import auditor.fs.atomic
import auditor.fs.tempfiles
import auditor.run.chunks
import auditor.run.pipeline
import auditor.store.state.opening
import auditor.store.state.queries
from tests.conftest import SAMPLES, Run

Cli = Callable[..., Run]
YUCHO_HEADER = "取引日,入出金明細ＩＤ,受入金額（円）,払出金額（円）,詳細１,詳細２,現在（貸付）高,\r\n"


def _statement(day: int, amount: int) -> bytes:
    rows = "".join(f"202009{day:02d},{n},,{amount},ＲＴ,(ﾄﾞｺﾓｺｳｻﾞ),,\r\n" for n in (1, 2))
    return (YUCHO_HEADER + rows).encode("cp932")


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    """Four statements a.csv … d.csv, each with two ドコモ口座 debits (two alerts each);
    four, so that -j 2 really runs a pool of workers."""
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for index, name in enumerate("abcd"):
        path = folder / f"{name}.csv"
        path.write_bytes(_statement(index + 1, 10_000 * (index + 1)))
        paths.append(path)
    return paths


@pytest.fixture
def state(tmp_path: Path, cli: Cli, files: list[Path]) -> Path:
    """A state that already holds a.csv's two alerts."""
    path = tmp_path / "state" / "state.sqlite3"
    run = cli("scan", files[0], "--new-only", "--state", path, "-f", "json")
    assert run.code == 1 and len(json.loads(run.out)["findings"]) == 2
    return path


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    """Temporary files an interrupted write would leave behind."""
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(".tmp"))


def new_alerts(cli: Cli, state: Path, files: list[Path]) -> int:
    """What the next --new-only run over every file reports (nothing lost: all but a.csv's)."""
    run = cli("scan", *files, "--new-only", "--state", state, "-f", "json", "-j", "1")
    assert run.code == 1, run.err
    return len(json.loads(run.out)["findings"])


# --- output that cannot be written ------------------------------------------------------


def test_output_dir_that_is_a_file_is_exit_2_and_records_nothing(
        cli: Cli, tmp_path: Path, files: list[Path], state: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("not a folder", encoding="utf-8")
    before = fingerprint(state)
    run = cli("scan", *files, "-j", "1", "--new-only", "--state", state,
              "--output-dir", blocker, "-q")
    assert run.code == 2 and run.out == ""
    assert run.err == f"auditor: {blocker}: cannot create the folder (File exists)\n"
    assert blocker.read_text(encoding="utf-8") == "not a folder"
    assert fingerprint(state) == before


def test_output_dir_refusing_new_files_keeps_the_old_ones(
        cli: Cli, tmp_path: Path, files: list[Path], state: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Permission denied inside the folder, simulated (root ignores chmod)."""
    out = tmp_path / "out"
    assert cli("scan", files[0], "--output-dir", out, "-q").code == 1
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    real = auditor.fs.tempfiles.tempfile.mkstemp

    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        if Path(str(kwargs.get("dir"))) == out:
            raise PermissionError(errno.EACCES, "Permission denied", str(out))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(auditor.fs.tempfiles.tempfile, "mkstemp", mkstemp)
    before = fingerprint(state)
    run = cli("scan", *files, "-j", "1", "--new-only", "--state", state, "--output-dir", out, "-q")
    assert run.code == 2
    assert run.err == f"auditor: {out / 'findings.csv'}: cannot write (Permission denied)\n"
    assert {p.name: p.read_bytes() for p in out.iterdir()} == old
    assert fingerprint(state) == before


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="running as root: permissions are not enforced")
def test_output_dir_not_writable_for_real(cli: Cli, tmp_path: Path, files: list[Path]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    out.chmod(0o500)
    try:
        run = cli("scan", *files, "-j", "1", "--output-dir", out, "-q")
    finally:
        out.chmod(0o700)
    assert run.code == 2 and "cannot write (Permission denied)" in run.err
    assert list(out.iterdir()) == []


def _disk_full(*_: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_disk_full_on_fsync_keeps_the_old_output_and_the_state(
        cli: Cli, tmp_path: Path, files: list[Path], state: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "findings.json"
    target.write_text("previous run\n", encoding="utf-8")
    before = fingerprint(state)
    monkeypatch.setattr(os, "fsync", _disk_full)
    run = cli("scan", *files, "-j", "1", "--new-only", "--state", state, "-f", "json", "-o", target)
    monkeypatch.undo()
    assert run.code == 2 and run.out == ""
    assert f"auditor: {target}: cannot write (No space left on device)\n" in run.err
    assert "Traceback" not in run.err
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert leftovers(tmp_path) == []
    assert fingerprint(state) == before


def test_disk_full_in_the_middle_of_a_write_leaves_no_half_file(
        cli: Cli, tmp_path: Path, files: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.fdopen

    class Filling(io.TextIOWrapper):
        written = 0

        def write(self, text: str) -> int:
            Filling.written += len(text)
            if Filling.written > 300:  # the disk fills up after the first few hundred bytes
                raise OSError(errno.ENOSPC, "No space left on device")
            return super().write(text)

    def fdopen(fd: int, mode: str = "r", *args: object, **kwargs: object) -> object:
        if mode == "w":
            return Filling(real(fd, "wb"), encoding=str(kwargs.get("encoding")), newline="")
        return real(fd, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "fdopen", fdopen)
    target = tmp_path / "findings.csv"
    run = cli("scan", *files, "-j", "1", "-f", "csv", "-o", target)
    assert run.code == 2 and "cannot write (No space left on device)" in run.err
    assert not target.exists() and leftovers(tmp_path) == []


class FullStdout(io.StringIO):
    """A stdout on a full disk: writes are buffered and flushing them fails, as a file's
    would (or, with fail_on_write, a write fails at once, as an unbuffered one would)."""

    def __init__(self, fail_on_write: bool = False) -> None:
        super().__init__()
        self.fail_on_write = fail_on_write
        self.pending = 0

    def write(self, text: str) -> int:
        if self.fail_on_write:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.pending += len(text)
        return super().write(text)

    def flush(self) -> None:
        if self.pending:  # an empty buffer flushes fine (multiprocessing flushes at fork)
            raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize(("fmt", "fail_on_write"), [("json", False), ("csv", True),
                                                     ("table", False)])
def test_disk_full_on_stdout_records_nothing(
        cli: Cli, files: list[Path], state: Path, monkeypatch: pytest.MonkeyPatch,
        fail_on_write: bool, fmt: str) -> None:
    """Regression: the alerts were recorded before stdout's buffer was flushed at exit, so a
    full disk (or a closed pipe) lost them: never printed, and never reported again."""
    before = fingerprint(state)
    monkeypatch.setattr("sys.stdout", FullStdout(fail_on_write))
    run = cli("scan", *files, "-j", "1", "--new-only", "--state", state, "-f", fmt)
    monkeypatch.undo()
    assert run.code == 2
    assert "auditor: standard output: cannot write (No space left on device)\n" in run.err
    assert "Traceback" not in run.err and "internal error" not in run.err
    assert fingerprint(state) == before
    assert new_alerts(cli, state, files) == 6


@pytest.mark.parametrize("command", ["report", "identify"])
def test_disk_full_on_stdout_for_other_commands_is_exit_2(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """Not exit 4 "internal error (OSError)", nor exit 120 with "Exception ignored"."""
    monkeypatch.setattr("sys.stdout", FullStdout())
    run = cli(command, SAMPLES / "mizuho.csv")
    assert run.code == 2
    assert run.err.startswith("auditor: standard output: cannot write (No space left on device)")


# --- Ctrl-C -------------------------------------------------------------------------------


def _interrupt_on_third(paths: list[Path], *args: object, **kwargs: object) -> object:
    """audit_chunk, but Ctrl-C arrives while the third file is audited (in a worker too)."""
    if any(path.name == "c.csv" for path in paths):
        raise KeyboardInterrupt
    return REAL_AUDIT_CHUNK(paths, *args, **kwargs)  # type: ignore[arg-type]


REAL_AUDIT_CHUNK = auditor.run.chunks.audit_chunk


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_during_a_batch(cli: Cli, tmp_path: Path, files: list[Path], state: Path,
                               monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    target = tmp_path / "findings.json"
    out = tmp_path / "out"
    before = fingerprint(state)
    monkeypatch.setattr(auditor.run.pipeline, "audit_chunk", _interrupt_on_third)
    run = cli("scan", *files, "--new-only", "--state", state, "-j", jobs, "-f", "json",
              "-o", target, "--output-dir", out)
    monkeypatch.undo()
    assert (run.code, run.out, run.err) == (130, "", "auditor: interrupted\n")
    assert not target.exists() and not out.exists() and leftovers(tmp_path) == []
    assert fingerprint(state) == before
    assert new_alerts(cli, state, files) == 6


def test_ctrl_c_while_the_output_is_written(cli: Cli, tmp_path: Path, files: list[Path],
                                            state: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.render.findings_csv

    real = auditor.render.findings_csv.write_csv

    def half_then_interrupt(result: object, out: io.TextIOBase, lang: str,
                            excel: bool = False) -> None:
        real(result, out, lang, excel)  # type: ignore[arg-type]
        raise KeyboardInterrupt

    target = tmp_path / "findings.csv"
    target.write_text("previous run\n", encoding="utf-8")
    before = fingerprint(state)
    monkeypatch.setattr(auditor.render.findings_csv, "write_csv", half_then_interrupt)
    run = cli("scan", *files, "-j", "1", "--new-only", "--state", state, "-f", "csv", "-o", target)
    monkeypatch.undo()
    assert (run.code, run.err) == (130, "auditor: interrupted\n")
    assert target.read_text(encoding="utf-8") == "previous run\n"
    assert leftovers(tmp_path) == [] and fingerprint(state) == before


def test_ctrl_c_while_the_state_is_recorded(cli: Cli, files: list[Path], state: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The output was written, the record is rolled back: reported again, never lost."""
    real = auditor.store.state.queries.to_row
    calls = []

    def row_then_interrupt(alert: object, stamp: str) -> tuple:
        calls.append(alert)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(alert, stamp)  # type: ignore[arg-type]

    with sqlite3.connect(state) as db:
        count = db.execute("SELECT count(*) FROM alerts").fetchone()[0]
    monkeypatch.setattr(auditor.store.state.queries, "to_row", row_then_interrupt)
    run = cli("scan", *files, "-j", "1", "--new-only", "--state", state, "-f", "json")
    monkeypatch.undo()
    assert (run.code, run.err) == (130, "auditor: interrupted\n")
    with sqlite3.connect(state) as db:
        assert db.execute("SELECT count(*) FROM alerts").fetchone()[0] == count
    assert new_alerts(cli, state, files) == 6


# --- the state database ---------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["garbage", "truncated", "zeroed-header"])
def test_a_damaged_state_stops_the_run_before_any_output(
        cli: Cli, tmp_path: Path, files: list[Path], state: Path, damage: str) -> None:
    raw = state.read_bytes()
    broken = {"garbage": b"this is not a database\n" * 40, "truncated": raw[:len(raw) // 2],
              "zeroed-header": bytes(100) + raw[100:]}[damage]
    state.write_bytes(broken)
    target = tmp_path / "findings.json"
    run = cli("scan", *files, "-j", "1", "--new-only", "--state", state, "-f", "json", "-o", target)
    assert run.code == 2 and run.out == "" and not target.exists()
    (line,) = run.err.splitlines()
    assert line.startswith(f"auditor: {state} is not a valid auditor state database (")
    assert line.endswith("); move it aside to start afresh")
    assert state.read_bytes() == broken  # left as it was, for the holder to look at


def test_a_state_locked_by_another_program(cli: Cli, tmp_path: Path, files: list[Path],
                                           state: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(auditor.store.state.opening, "DEFAULT_WAIT", 0.2)
    before = fingerprint(state)
    target = tmp_path / "findings.json"
    holder = sqlite3.connect(state, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        run = cli("scan", *files, "-j", "1", "--new-only", "--state", state, "-f", "json",
                  "-o", target)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert run.code == 2 and not target.exists()
    assert run.err == (f"auditor: the state database {state} is in use by another program; "
                       "try again later\n")
    assert fingerprint(state) == before
    monkeypatch.undo()
    assert new_alerts(cli, state, files) == 6


def test_a_state_folder_that_cannot_be_created(cli: Cli, tmp_path: Path,
                                               files: list[Path]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    run = cli("scan", *files, "-j", "1", "--new-only", "--state", blocker / "state.sqlite3")
    assert run.code == 2 and run.out == "" and "Traceback" not in run.err
    assert run.err == (f"auditor: {blocker / 'state.sqlite3.lock'}: cannot open the state lock "
                       "(Not a directory)\n")


@pytest.mark.parametrize(("column", "value"), [("date", "not a date"), ("amount", "lots"),
                                               ("first_reported", "yesterday"),
                                               ("amount", 12.5)])
def test_a_state_row_with_bad_values_is_exit_2(cli: Cli, state: Path, column: str,
                                               value: object) -> None:
    """`state show` on a row no auditor wrote was exit 4 (ValueError in fromisoformat)."""
    with sqlite3.connect(state) as db:
        db.execute(f"UPDATE alerts SET {column} = ?", (value,))
    before = fingerprint(state)
    for fmt in ("table", "json"):
        run = cli("state", "show", "--state", state, "-f", fmt)
        assert (run.code, run.out) == (2, "")
        assert run.err == (f"auditor: {state} is not a valid auditor state database (damaged: "
                           "an alert holds a value auditor never writes); move it aside to "
                           "start afresh\n")
    assert fingerprint(state) == before
