"""A closed output ends a run as it ends `git log | head`: exit 141, not a word, nothing recorded."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, Run, recorded_alerts

Cli = Callable[..., Run]
posix = pytest.mark.skipif(os.name != "posix" or shutil.which("bash") is None
                           or shutil.which("head") is None, reason="a POSIX shell pipe")


def _piped(command: str, tmp_path: Path) -> tuple[int, str]:
    """`auditor COMMAND | head -1` in bash: the auditor's own exit code and its stderr."""
    err = tmp_path / "err.txt"
    script = (f"{sys.executable} -m auditor {command} 2>{err} | head -1 >/dev/null; "
              "exit ${PIPESTATUS[0]}")
    done = subprocess.run(["bash", "-c", script], cwd=tmp_path, check=False)
    return done.returncode, err.read_text(encoding="utf-8")



def _big_statement(folder: Path) -> Path:
    """One account's statement whose letter is far larger than a pipe holds: 600 claimed
    ドコモ口座 debits (a folder of several accounts is one letter each, into --output-dir)."""
    from datetime import date, timedelta

    header = "取引日,入出金明細ＩＤ,受入金額（円）,払出金額（円）,詳細１,詳細２,現在（貸付）高,\r\n"
    rows = "".join(f"{date(2020, 1, 1) + timedelta(days=n // 3):%Y%m%d},{n},,{1000 + n},ＲＴ,"
                   f"(ﾄﾞｺﾓｺｳｻﾞ),,\r\n" for n in range(600))
    path = folder / "big.csv"
    path.write_bytes((header + rows).encode("cp932"))
    return path


@posix
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_scan_into_head_ends_quietly_with_141(fmt: str, tmp_path: Path) -> None:
    assert _piped(f"scan {SAMPLES} -f {fmt} --lang en", tmp_path) == (141, "")


@posix
@pytest.mark.parametrize("command", ["report {big} --allow none",
                                     "report {big} --allow none -f html",
                                     "review {samples} --yes", "identify {samples} -f json",
                                     "wallets -f json"])
def test_every_command_into_head_ends_quietly_with_141(command: str, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    extra = f" --answers {answers}" if command.startswith("review") else ""
    code, err = _piped(command.format(samples=SAMPLES, big=_big_statement(tmp_path)) + extra,
                       tmp_path)
    assert code == 141, err
    # review tells of each file's notes before it asks anything: only those, never a word
    # about the pipe.
    assert [line for line in err.splitlines() if ": note: " not in line] == []


@posix
def test_new_only_into_head_records_nothing_and_the_next_run_reports_it_all(
        tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    code, err = _piped(f"scan {SAMPLES} --new-only --state {state} -f json", tmp_path)
    assert (code, err) == (141, "")
    assert recorded_alerts(state) == 0
    done = subprocess.run([sys.executable, "-m", "auditor", "scan", str(SAMPLES), "--new-only",
                           "--state", str(state), "-f", "json"], capture_output=True, check=False)
    assert done.returncode == 1
    assert len(json.loads(done.stdout)["findings"]) == recorded_alerts(state) > 0


def test_a_broken_pipe_outside_the_output_blocks_is_141_not_exit_1(
        cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer meets EPIPE from a plain echo (the allow listing) with a silent exit 1, which
    means "findings" to a script."""

    class Broken(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    config = tmp_path / "config.toml"
    config.write_text('[[allow]]\nwallet = "paypay"\n', encoding="utf-8")
    monkeypatch.setattr("sys.stdout", Broken())
    run = cli("allow", "--config", config)
    monkeypatch.undo()
    assert (run.code, run.err) == (141, "")


def test_a_full_disk_is_still_exit_2_with_its_message(cli: Cli) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    run = cli("scan", SAMPLES / "mizuho.csv", "-f", "json", "-o", "/dev/full")
    assert run.code == 2 and run.err.endswith("cannot write (No space left on device)\n")


def test_the_readme_documents_141() -> None:
    readme = (SAMPLES.parent / "README.md").read_text(encoding="utf-8")
    assert "| 141 |" in readme
