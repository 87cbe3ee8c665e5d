"""Shared fixtures: sample paths, a CLI runner, and a writer of statement bytes."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from auditor.detect.audit import Window
from auditor.detect.rules import Context
from auditor.ingest.statement import ReadOptions
from auditor.models import ScanResult
from auditor.run.batch import BatchOptions
from auditor.run.pipeline import ScanJob, run_scan

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_statements"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite tests/golden/*.json from the current output.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def statement_file(tmp_path: Path) -> Callable[[bytes, str], Path]:
    """Write raw statement bytes to a file and return its path."""

    def write(raw: bytes, name: str = "statement.csv") -> Path:
        path = tmp_path / name
        path.write_bytes(raw)
        return path

    return write


@pytest.fixture(autouse=True)
def _isolated_user(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test reads or writes the real user's config, state, answers or secret; English.

    Its own MonkeyPatch: a test's monkeypatch.undo() must not hand it the real home. HOME
    and the Windows folders too: an earlier auditor's folders there would be used.
    """
    patch = pytest.MonkeyPatch()
    home = tmp_path_factory.mktemp("home")
    patch.setenv("HOME", str(home))
    for variable, folder in (("APPDATA", "Roaming"), ("LOCALAPPDATA", "Local")):
        patch.setenv(variable, str(home / folder))  # what typer read
        patch.setenv(f"WIN_PD_OVERRIDE_{variable}", str(home / folder))  # platformdirs
    patch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    patch.setenv("XDG_STATE_HOME", str(home / "state"))
    patch.setenv("XDG_DATA_HOME", str(home / "data"))
    for variable in ("AUDITOR_CONFIG", "AUDITOR_STATE", "AUDITOR_ANSWERS", "AUDITOR_SECRET",
                     "NO_COLOR", "COLUMNS"):
        patch.delenv(variable, raising=False)
    patch.setenv("LANG", "C.UTF-8")
    patch.delenv("LC_ALL", raising=False)
    patch.delenv("LC_MESSAGES", raising=False)
    yield
    patch.undo()


@dataclass(frozen=True)
class Run:
    """What one command-line run printed and returned."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run `auditor ARGS` through the console-script entry point, as a user would."""
    from auditor.cli import main

    def run(*args: str | Path) -> Run:
        monkeypatch.setattr(sys, "argv", ["auditor", *map(str, args)])
        capsys.readouterr()
        try:
            main()
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def scan(paths: list[Path], options: ReadOptions, ctx: Context, window: Window = Window(),
         batch: BatchOptions = BatchOptions()) -> ScanResult:
    """The scan every command runs (auditor.run.pipeline), without the command line."""
    return run_scan(ScanJob(paths, options, ctx, window, batch))


def recorded_alerts(state: Path) -> int:
    """How many alerts a --new-only state holds (0 when no run made it yet)."""
    import sqlite3

    if not state.exists():
        return 0
    with sqlite3.connect(state) as db:
        return db.execute("SELECT count(*) FROM alerts").fetchone()[0]
