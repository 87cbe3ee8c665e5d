"""Shell completion: --install-completion and --show-completion, commands, options, wallet ids."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run

Cli = Callable[..., Run]
# The console script beside this interpreter: completion is for the `auditor` command.
SCRIPT = Path(sys.executable).parent / ("auditor.exe" if os.name == "nt" else "auditor")
script = pytest.mark.skipif(not SCRIPT.exists(), reason="the installed auditor script")
bash = pytest.mark.skipif(shutil.which("bash") is None or not SCRIPT.exists(),
                          reason="bash and the installed auditor script")


def _complete(line: str) -> list[str]:
    """What bash's completion function gets back for the words of line, the last one typed."""
    env = {**os.environ, "_AUDITOR_COMPLETE": "complete_bash", "COMP_WORDS": line,
           "COMP_CWORD": str(len(line.split(" ")) - 1)}
    done = subprocess.run([str(SCRIPT)], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_help_offers_both_completion_options(cli: Cli) -> None:
    out = cli("--help").out
    assert "--install-completion" in out and "--show-completion" in out


@script
def test_commands_options_choices_and_wallet_ids_complete() -> None:
    assert _complete("auditor sc") == ["scan"]
    assert _complete("auditor scan --for") == ["--format"]
    assert _complete("auditor scan --format ") == ["table", "json", "csv", "jsonl", "parquet"]
    assert _complete("auditor scan --allow pay") == ["paypay", "paypal", "payb"]
    assert _complete("auditor allow line") == ["line-pay"]
    assert _complete("auditor state ") == ["show", "forget"]
    assert _complete("auditor report --lang ") == ["ja", "en"]


@bash
def test_show_completion_prints_the_script_for_the_shell(tmp_path: Path) -> None:
    done = subprocess.run(["bash", "-c", f"'{SCRIPT}' --show-completion"], capture_output=True,
                          text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "complete -o default -F _auditor_completion auditor" in done.stdout


@bash
def test_install_completion_writes_the_script_and_sources_it(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path)}
    done = subprocess.run(["bash", "-c", f"'{SCRIPT}' --install-completion"], env=env,
                          capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    script = tmp_path / ".bash_completions" / "auditor.sh"
    assert "_AUDITOR_COMPLETE=complete_bash" in script.read_text(encoding="utf-8")
    assert str(script) in (tmp_path / ".bashrc").read_text(encoding="utf-8")
