"""review and report say what --since and --until hid, as scan does."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.test_hidden import ROWS, _sumishin

Cli = Callable[..., Run]


@pytest.fixture
def statement(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "meisai.csv"
    path.write_bytes(_sumishin(ROWS))
    return path


def test_review_since_asks_only_what_is_shown_and_says_what_it_hid(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, statement: Path) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("n\n"))
    run = cli("review", statement, "--since", "2020-09-01")
    assert run.code == 0 and "(1/1)" in run.out and "2020-09-03" in run.out
    assert "auditor: 2 findings before 2020-09-01 not shown (--since)\n" in run.err
    assert "reviewed 1 finding(s)" in run.err


def test_review_until_that_hides_everything_says_so(cli: Cli, monkeypatch: pytest.MonkeyPatch,
                                                    statement: Path) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    run = cli("review", statement, "--until", "2020-08-01", "--lang", "ja")
    assert run.code == 0 and run.out == ""
    assert "2020-08-01より後の検出3件は表示していません（--until）" in run.err
    assert "確認する検出はありません" in run.err


def test_report_says_what_since_and_until_hid(cli: Cli, statement: Path,
                                              tmp_path: Path) -> None:
    run = cli("report", statement, "--since", "2020-08-21", "--until", "2020-08-31",
              "-o", tmp_path / "draft.md", "--lang", "en")
    assert run.code == 0
    assert "auditor: 2 findings before 2020-08-21 not shown (--since)\n" in run.err
    assert "auditor: 1 finding after 2020-08-31 not shown (--until)\n" in run.err


def test_report_with_nothing_hidden_says_nothing_of_it(cli: Cli, statement: Path,
                                                       tmp_path: Path) -> None:
    run = cli("report", statement, "-o", tmp_path / "draft.md", "--lang", "en")
    assert "not shown" not in run.err
