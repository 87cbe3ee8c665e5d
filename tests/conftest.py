"""Shared fixtures: sample paths, a CLI runner, and a writer of statement bytes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

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
