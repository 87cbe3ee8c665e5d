"""`-` reads the statement from standard input, as bytes: named <stdin>, read once, size-limited."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.cli import app
from auditor.errors import UsageError
from auditor.fs.regular import TooLarge
from auditor.fs.stdin import read_stdin, take_stdin
from tests.conftest import SAMPLES, Run

Cli = Callable[..., Run]
MIZUHO = SAMPLES / "mizuho.csv"  # CP932, a ドコモ口座 burst


def _auditor(*args: str | Path, stdin: bytes | int | None = None,
             timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """`auditor ARGS` as its own process with a real pipe (or file) as its standard input."""
    command = [sys.executable, "-m", "auditor", *map(str, args)]
    if isinstance(stdin, int):
        return subprocess.run(command, stdin=stdin, capture_output=True, timeout=timeout,
                              check=False, start_new_session=True)
    return subprocess.run(command, input=stdin, capture_output=True, timeout=timeout,
                          check=False, start_new_session=True)


def _findings(out: bytes | str) -> list[tuple[object, ...]]:
    return [(f["line"], f["date"], f["amount"], f["wallet"], f["score"])
            for f in json.loads(out)["findings"]]


def test_scan_dash_reads_cp932_from_a_pipe_and_names_it_stdin(cli: Cli) -> None:
    done = _auditor("scan", "-", "-f", "json", "--lang", "en", stdin=MIZUHO.read_bytes())
    assert done.returncode == 1, done.stderr
    data = json.loads(done.stdout)
    assert [f["path"] for f in data["files"]] == ["<stdin>"]
    assert data["files"][0]["encoding"] == "cp932"
    assert {f["file"] for f in data["findings"]} == {"<stdin>"}
    assert _findings(done.stdout) == _findings(cli("scan", MIZUHO, "-f", "json").out)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_any_encoding_is_detected_from_the_bytes(runner: CliRunner, encoding: str) -> None:
    raw = MIZUHO.read_bytes().decode("cp932").encode(encoding)
    piped = runner.invoke(app, ["scan", "-", "-f", "json"], input=raw)
    from_file = runner.invoke(app, ["scan", str(MIZUHO), "-f", "json"])
    assert piped.exit_code == 1
    assert _findings(piped.stdout) == _findings(from_file.stdout)


def test_stdin_over_max_size_is_refused_without_reading_it_all() -> None:
    """/dev/zero never ends: the limit must stop the reading, as it does for a file."""
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    with open("/dev/zero", "rb") as zero:
        done = _auditor("scan", "-", "--max-size", "1", stdin=zero.fileno(), timeout=60)
    assert done.returncode == 3
    assert done.stderr.decode().splitlines()[0] == (
        "auditor: <stdin>: larger than the 1 MB limit; raise it with --max-size if this "
        "really is one statement")


def test_read_stdin_takes_up_to_the_limit_and_no_more() -> None:
    assert read_stdin(5, io.BytesIO(b"12345")) == b"12345"
    stream = io.BytesIO(b"x" * 100)
    with pytest.raises(TooLarge):
        read_stdin(10, stream)
    assert stream.tell() == 11  # one byte past the limit tells, the rest stays unread


def test_a_terminal_is_refused_with_how_to_pipe_one_in(
        cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.BytesIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(Terminal()))
    run = cli("scan", "-")
    assert run.code == 2
    assert run.err == ("auditor: standard input is a terminal: pipe a statement in "
                       "(auditor scan - < statement.csv), or give its file name\n")
    with pytest.raises(UsageError):
        take_stdin([Path("-")], 10, Terminal())
    assert take_stdin([MIZUHO], 10, Terminal()) is None  # no `-`: stdin is never looked at


def test_dash_twice_or_beside_the_same_file_counts_once() -> None:
    raw = MIZUHO.read_bytes()
    once = _auditor("scan", "-", "-f", "json", stdin=raw)
    for args in (("-", "-"), (MIZUHO, "-"), ("-", MIZUHO)):
        done = _auditor("scan", *args, "-f", "json", stdin=raw)
        data = json.loads(done.stdout)
        assert _findings(done.stdout) == _findings(once.stdout), args
        notes = [f["notes"] for f in data["files"]]
        assert notes[0] == [] and notes[1][0].startswith("the same bytes as "), args


def test_report_dash_fingerprints_the_bytes_piped_in() -> None:
    raw = MIZUHO.read_bytes()
    done = _auditor("report", "-", "--lang", "en", stdin=raw)
    assert done.returncode == 0, done.stderr
    draft = done.stdout.decode("utf-8")
    assert hashlib.sha256(raw).hexdigest() in draft
    assert "\\<stdin\\>" in draft  # the file's name, Markdown-escaped


def test_review_dash_with_yes_records_the_answers(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    done = _auditor("review", "-", "--yes", "--answers", answers, "--lang", "en",
                    stdin=MIZUHO.read_bytes())
    assert done.returncode == 0, done.stderr
    assert "reviewed 4 finding(s)" in done.stderr.decode()
    assert answers.exists()


def test_review_dash_with_no_terminal_for_the_answers_stops_cleanly(tmp_path: Path) -> None:
    """The statement used stdin up; the answers come from the terminal, and here (its own
    session, as under cron) there is none: the end of input, not a hang."""
    done = _auditor("review", "-", "--answers", tmp_path / "answers.json", "--lang", "en",
                    stdin=MIZUHO.read_bytes(), timeout=60)
    assert done.returncode == 0, done.stderr
    assert "input ended with 4 finding(s) not asked" in done.stderr.decode()


def test_identify_and_new_only_take_stdin_too(tmp_path: Path) -> None:
    raw = MIZUHO.read_bytes()
    identify = _auditor("identify", "-", "-f", "json", stdin=raw)
    assert json.loads(identify.stdout)["files"][0]["path"] == "<stdin>"
    state = tmp_path / "state.sqlite3"
    first = _auditor("scan", "-", "--new-only", "--state", state, "-f", "json", stdin=raw)
    again = _auditor("scan", "-", "--new-only", "--state", state, "-f", "json", stdin=raw)
    assert len(_findings(first.stdout)) == 4 and _findings(again.stdout) == []


@pytest.mark.parametrize("command", [["scan", str(MIZUHO), "-f", "json"],
                                     ["report", str(MIZUHO), "--lang", "en"]])
def test_output_dash_is_standard_output_not_a_file_named_dash(
        command: list[str], cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    to_stdout = cli(*command)
    dashed = cli(*command, "-o", "-")
    assert dashed.code == to_stdout.code
    assert dashed.out == to_stdout.out and dashed.out.strip()
    assert not (tmp_path / "-").exists()
