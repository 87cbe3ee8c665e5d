"""An empty result says what the options hid: --since, --until and --new-only, counted."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from auditor.detect.audit import Window
from auditor.hidden import Hidden
from tests.conftest import Run

Cli = Callable[..., Run]
HEADER = '"日付","内容","出金金額(円)","入金金額(円)","残高(円)","メモ"\r\n'
# 住信SBI lists the newest first: two docomo Koza debits in August, a Kyash one in September.
ROWS = [("2020/09/03", "ＫＹＡＳＨ", 30_000), ("2020/08/20", "ﾄﾞｺﾓｺｳｻﾞ", 90_000),
        ("2020/08/20", "ﾄﾞｺﾓｺｳｻﾞ", 90_000), ("2020/08/01", "給与", 1_000)]
NONE = {"since": 0, "until": 0, "reported_before": 0}


def _sumishin(rows: list[tuple[str, str, int]]) -> bytes:
    lines = [f'"{day}","{text}","{amount:,}",,"","-"\r\n' for day, text, amount in rows]
    return (HEADER + "".join(lines)).encode("cp932")


@pytest.fixture
def statement(tmp_path: Path) -> Path:
    path = tmp_path / "meisai.csv"
    path.write_bytes(_sumishin(ROWS))
    return path


def _json(run: Run) -> dict:
    return json.loads(run.out)


def test_since_counts_and_says_what_it_hid(cli: Cli, statement: Path) -> None:
    run = cli("scan", statement, "--since", "2020-09-01", "-f", "json")
    data = _json(run)
    assert [f["date"] for f in data["findings"]] == ["2020-09-03"]
    assert data["summary"]["hidden"] == {**NONE, "since": 2}
    assert "auditor: 2 findings before 2020-09-01 not shown (--since)\n" in run.err


def test_everything_hidden_is_not_called_nothing_found(cli: Cli, statement: Path) -> None:
    run = cli("scan", statement, "--since", "2021-01-01")
    assert run.code == 0 and run.out == ""
    assert run.err.splitlines()[-2:] == [
        "auditor: 3 findings before 2021-01-01 not shown (--since)", "no suspicious debits shown"]
    assert "no suspicious debits found" not in run.err


def test_until_counts_what_came_after(cli: Cli, statement: Path) -> None:
    run = cli("scan", statement, "--until", "2020-08-31", "-f", "json")
    assert _json(run)["summary"]["hidden"] == {**NONE, "until": 1}
    assert "auditor: 1 finding after 2020-08-31 not shown (--until)\n" in run.err


def test_since_and_until_each_count_their_own(cli: Cli, statement: Path) -> None:
    run = cli("scan", statement, "--since", "2020-08-21", "--until", "2020-08-31", "-f", "json")
    data = _json(run)
    assert data["findings"] == []
    assert data["summary"]["hidden"] == {**NONE, "since": 2, "until": 1}
    assert "2 findings before 2020-08-21 not shown (--since)" in run.err
    assert "1 finding after 2020-08-31 not shown (--until)" in run.err


def test_new_only_counts_what_was_reported_before(cli: Cli, statement: Path,
                                                  tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    first = cli("scan", statement, "--new-only", "--state", state, "-f", "json")
    assert first.code == 1 and _json(first)["summary"]["hidden"] == NONE
    assert "not shown" not in first.err
    again = cli("scan", statement, "--new-only", "--state", state, "-f", "json")
    assert again.code == 0 and _json(again)["findings"] == []
    assert _json(again)["summary"]["hidden"] == {**NONE, "reported_before": 3}
    assert ("auditor: 3 findings an earlier --new-only run reported not shown (--new-only)\n"
            in again.err)


def test_new_only_and_since_together(cli: Cli, statement: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    cli("scan", statement, "--new-only", "--state", state, "--since", "2020-09-01", "-q")
    run = cli("scan", statement, "--new-only", "--state", state, "--since", "2020-09-01",
              "-f", "json")
    assert _json(run)["summary"]["hidden"] == {"since": 2, "until": 0, "reported_before": 1}


def test_nothing_hidden_says_nothing_more(cli: Cli, statement: Path) -> None:
    run = cli("scan", statement, "-f", "json")
    assert _json(run)["summary"]["hidden"] == NONE and "not shown" not in run.err


def test_quiet_says_nothing_but_json_still_counts(cli: Cli, statement: Path) -> None:
    run = cli("scan", statement, "--since", "2021-01-01", "-q", "-f", "json",
              "-o", statement.with_suffix(".json"))
    assert run.err == ""
    saved = json.loads(statement.with_suffix(".json").read_text("utf-8"))
    assert saved["summary"]["hidden"] == {**NONE, "since": 3}


def test_japanese(cli: Cli, statement: Path) -> None:
    run = cli("scan", statement, "--since", "2021-01-01", "--lang", "ja")
    assert run.err.splitlines()[-2:] == ["auditor: 2021-01-01より前の検出3件は表示していません（--since）",
                                         "表示する不審な出金はありません"]


def test_one_account_of_two_files_counts_each_row_once(cli: Cli, tmp_path: Path) -> None:
    august, september = tmp_path / "meisai1.csv", tmp_path / "meisai2.csv"
    august.write_bytes(_sumishin(ROWS[1:]))
    september.write_bytes(_sumishin(ROWS[:3]))  # the August top-ups again, and Kyash
    whole = _json(cli("scan", august, september, "--same-account", "-f", "json"))
    assert whole["summary"]["findings"] == 3 and whole["summary"]["accounts"] == 1
    run = cli("scan", august, september, "--same-account", "--since", "2021-01-01", "-f", "json")
    assert _json(run)["summary"]["hidden"] == {**NONE, "since": 3}


def test_window_hidden_counts_by_side() -> None:
    window = Window(date(2020, 8, 21), date(2020, 8, 31))
    days = [date(2020, 8, 20), date(2020, 8, 21), date(2020, 8, 31), date(2020, 9, 1)]
    assert window.hidden(days) == Hidden(since=1, until=1)
    assert Window().hidden(days) == Hidden() and not Hidden()
