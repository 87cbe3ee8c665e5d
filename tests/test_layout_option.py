"""--layout is binding: a file whose header row is not the layout's says so instead of being
read silently with another layout (a built-in one, or the generic guess)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.errors import StatementError
from auditor.ingest.layouts import load_layout_file
from auditor.ingest.statement import ReadOptions, read_statement
from tests.conftest import ROOT, SAMPLES, Run

Cli = Callable[..., Run]
LAYOUTS = ROOT / "auditor" / "data" / "layouts"
OWN = """id = "bank77"
bank = "七十七銀行"
header = ["取引日", "摘要", "お引出し金額", "お預け入れ金額", "差引残高", "メモ"]

[columns]
date = "取引日"
description = "摘要"
withdrawal = "お引出し金額"
deposit = "お預け入れ金額"
balance = "差引残高"
"""


@pytest.fixture
def own(tmp_path: Path) -> Path:
    """A layout for the bank the generic sample stands for (its header exactly)."""
    path = tmp_path / "bank77.toml"
    path.write_text(OWN, encoding="utf-8")
    return path


def test_the_layout_reads_the_file_it_describes(cli: Cli, own: Path) -> None:
    run = cli("identify", SAMPLES / "generic_77.csv", "--layout", own, "-f", "json")
    assert run.code == 0, run.err
    assert json.loads(run.out)["files"][0]["layout"] == "bank77"


def test_a_file_of_a_built_in_layout_says_which_it_is(cli: Cli, own: Path) -> None:
    run = cli("scan", SAMPLES / "mizuho.csv", "--layout", own, "-f", "json")
    assert run.code == 3
    assert json.loads(run.out)["findings"] == []  # not read with a layout the user did not ask for
    assert run.err.splitlines()[0] == (
        f"auditor: {SAMPLES / 'mizuho.csv'}: its header row is not that of --layout "
        "bank77.toml but of the built-in mizuho layout: without --layout it is read as mizuho")


def test_a_file_no_layout_knows_is_not_read_with_the_generic_guess(
        cli: Cli, own: Path, tmp_path: Path) -> None:
    """Its header had a typo: the generic layout read it, and the layout was never used."""
    typo = tmp_path / "typo.toml"
    typo.write_text(OWN.replace('"メモ"]', '"メモ欄"]'), encoding="utf-8")
    run = cli("scan", SAMPLES / "generic_77.csv", "--layout", typo)
    assert run.code == 3
    assert run.err.splitlines()[0] == (
        f"auditor: {SAMPLES / 'generic_77.csv'}: its header row is not that of --layout "
        "typo.toml (nor of any bank layout auditor has): check the layout's header")
    assert "note: unknown bank" not in run.err


def test_every_file_is_checked_and_the_others_still_read(cli: Cli, own: Path) -> None:
    run = cli("scan", SAMPLES / "generic_77.csv", SAMPLES / "mufg.csv", "--layout", own,
              "-f", "json", "-j", "1")
    assert run.code == 3
    files = json.loads(run.out)["files"]
    assert [f["layout"] for f in files] == ["bank77", None]
    assert files[1]["error"].startswith("its header row is not that of --layout bank77.toml")


def test_an_own_layout_with_a_built_in_header_wins(tmp_path: Path) -> None:
    """A copy of mufg.toml with other columns: it lost to the built-in one on encoding."""
    copy = tmp_path / "mine.toml"
    copy.write_text((LAYOUTS / "mufg.toml").read_text(encoding="utf-8")
                    .replace('id = "mufg"', 'id = "mine"').replace("encodings = [\"cp932\"]\n", ""),
                    encoding="utf-8")
    options = ReadOptions(layouts=(load_layout_file(copy),))
    assert read_statement(SAMPLES / "mufg.csv", options).layout.id == "mine"


def test_two_layouts_are_named_both(own: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text(OWN.replace("bank77", "other").replace('"メモ"]', '"備考"]')
                     .replace("取引日", "日付"), encoding="utf-8")
    options = ReadOptions(layouts=(load_layout_file(own), load_layout_file(other)))
    with pytest.raises(StatementError, match=r"--layout bank77\.toml, other\.toml but of the "
                                             r"built-in mufg layout"):
        read_statement(SAMPLES / "mufg.csv", options)


def test_no_layout_option_reads_as_before(cli: Cli) -> None:
    run = cli("identify", SAMPLES / "generic_77.csv", "-f", "json")
    assert run.code == 0 and json.loads(run.out)["files"][0]["layout"] == "generic"
