"""scan --new-only: each finding is reported once, whatever overlaps, and never lost."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run

Cli = Callable[..., Run]
HEADER = '"日付","内容","出金金額(円)","入金金額(円)","残高(円)","メモ"\r\n'


def _sumishin(*rows: tuple[str, str, int]) -> bytes:
    """住信SBI, newest first, no balance: rows of (2020/09/01, 内容, debit)."""
    lines = [f'"{day}","{text}","{amount:,}",,"","-"\r\n' for day, text, amount in rows]
    return (HEADER + "".join(reversed(lines))).encode("cp932")


AUGUST = [("2020/08/01", "給与", 1_000), ("2020/08/20", "ﾄﾞｺﾓｺｳｻﾞ", 90_000),
          ("2020/08/20", "ﾄﾞｺﾓｺｳｻﾞ", 90_000)]
SEPTEMBER = [("2020/08/20", "ﾄﾞｺﾓｺｳｻﾞ", 90_000), ("2020/08/20", "ﾄﾞｺﾓｺｳｻﾞ", 90_000),
             ("2020/09/03", "ＫＹＡＳＨ", 30_000)]


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state.sqlite3"


def _scan(cli: Cli, state: Path, *paths: Path, extra: tuple[str, ...] = ()) -> tuple[Run, list]:
    run = cli("scan", *paths, "--new-only", "--state", state, "-f", "json", *extra)
    findings = json.loads(run.out)["findings"] if run.out else []
    return run, findings


def test_second_run_reports_nothing_again(cli: Cli, state: Path, tmp_path: Path) -> None:
    august = tmp_path / "august.csv"
    august.write_bytes(_sumishin(*AUGUST))
    first, found = _scan(cli, state, august)
    assert first.code == 1 and len(found) == 2  # two identical debits are two alerts
    again, found = _scan(cli, state, august)
    assert again.code == 0 and found == []


def test_overlapping_statement_adds_only_the_new_top_up(cli: Cli, state: Path,
                                                        tmp_path: Path) -> None:
    august, september = tmp_path / "meisai1.csv", tmp_path / "meisai2.csv"
    august.write_bytes(_sumishin(*AUGUST))
    september.write_bytes(_sumishin(*SEPTEMBER))
    _scan(cli, state, august)
    run, found = _scan(cli, state, august, september)
    assert run.code == 1
    assert [(f["date"], f["amount"], f["wallet"]) for f in found] == [("2020-09-03", 30_000, "kyash")]


def test_a_third_identical_debit_is_a_new_alert(cli: Cli, state: Path, tmp_path: Path) -> None:
    august = tmp_path / "a.csv"
    august.write_bytes(_sumishin(*AUGUST))
    _scan(cli, state, august)
    three = tmp_path / "b.csv"
    three.write_bytes(_sumishin(*AUGUST, ("2020/08/20", "ﾄﾞｺﾓｺｳｻﾞ", 90_000)))
    _, found = _scan(cli, state, three)
    assert [(f["date"], f["amount"]) for f in found] == [("2020-08-20", 90_000)]


def test_output_failure_records_nothing(cli: Cli, state: Path, tmp_path: Path) -> None:
    august = tmp_path / "august.csv"
    august.write_bytes(_sumishin(*AUGUST))
    failed = cli("scan", august, "--new-only", "--state", state, "-o", tmp_path / "no" / "x.json")
    assert failed.code == 2
    _, found = _scan(cli, state, august)
    assert len(found) == 2  # not lost: reported on the next run that could write


def test_a_busy_state_exits_2_and_changes_nothing(cli: Cli, state: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.store.state.opening
    from auditor.store.state import open_state

    # open_state reads it when called; the scan passes no wait of its own.
    monkeypatch.setattr(auditor.store.state.opening, "DEFAULT_WAIT", 0.2)
    august = tmp_path / "august.csv"
    august.write_bytes(_sumishin(*AUGUST))
    with open_state(state, wait=0.2):
        run = cli("scan", august, "--new-only", "--state", state)
    assert run.code == 2 and "in use by another auditor run" in run.err
    _, found = _scan(cli, state, august)
    assert len(found) == 2


def test_quiet_cron_run_prints_nothing_but_errors(cli: Cli, state: Path, tmp_path: Path) -> None:
    august = tmp_path / "august.csv"
    august.write_bytes(_sumishin(*AUGUST))
    out = tmp_path / "new.json"
    run = cli("scan", august, "--new-only", "--state", state, "--quiet", "-f", "json", "-o", out)
    assert (run.code, run.out, run.err) == (1, "", "")
    assert len(json.loads(out.read_text(encoding="utf-8"))["findings"]) == 2


def test_state_show_after_a_run(cli: Cli, state: Path, tmp_path: Path) -> None:
    august = tmp_path / "august.csv"
    august.write_bytes(_sumishin(*AUGUST))
    _scan(cli, state, august)
    shown = json.loads(cli("state", "show", "--state", state, "--format", "json").out)
    assert shown["alerts"] == 2
