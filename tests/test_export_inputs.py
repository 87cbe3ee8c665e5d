"""A bank export however it comes: identify, its accounts, standard input, Parquet, lines."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from auditor.models import Finding, Severity
from auditor.report.accounts import split
from auditor.run.accounts import counted
from auditor.stitch.summary import AccountSummary
from tests.conftest import SAMPLES, Run
from tests.test_export import EXPORT, HEADER, ROWS, row

Cli = Callable[..., Run]
FOUND = [("***1111", 3), ("***1111", 4), ("***1111", 5), ("***1111", 9), ("***3333", 12)]


def _table(raw: bytes = EXPORT) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(raw), encoding="cp932", dtype=str, keep_default_na=False)


def _parquet(tmp_path: Path, table: pd.DataFrame, name: str = "bank.parquet") -> Path:
    pytest.importorskip("pyarrow")
    path = tmp_path / name
    table.to_parquet(path, index=False)
    return path


def _json(cli: Cli, *args: str | Path) -> tuple[int, dict, str]:
    run = cli(*args, "-f", "json", "--lang", "en")
    return run.code, json.loads(run.out), run.err


def _piped(monkeypatch: pytest.MonkeyPatch, raw: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))


# --- identify ---

def test_identify_says_an_export_is_one_with_its_accounts(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "bank.csv"
    path.write_bytes(EXPORT)
    code, listed, _ = _json(cli, "identify", path)
    (entry,) = listed["files"]
    assert code == 3  # two rows are rejected, as scan says
    assert (entry["layout"], entry["accounts"], entry["rows"]) == ("kyoto-export", 3, 9)
    assert [r["line"] for r in entry["rejected"]] == [8, 11]
    assert entry["notes"] == ["a bank export of 3 accounts: each audited on its own history"]
    scanned = json.loads(cli("scan", path, "-f", "json").out)["files"][0]
    assert entry == scanned  # the same files entry as scan's
    en = cli("identify", path, "--lang", "en")
    assert "Layout: kyoto-export (京都銀行); Bank export: 3 accounts; Encoding: cp932" in en.out
    ja = cli("identify", path, "--lang", "ja")
    assert "レイアウト：kyoto-export (京都銀行)。銀行の一括出力：3口座。" in ja.out
    assert "1111111" not in en.out + en.err + ja.out + ja.err


def test_identify_of_a_holders_download_has_no_accounts_key(cli: Cli) -> None:
    _, listed, _ = _json(cli, "identify", SAMPLES / "kyoto.csv")
    assert listed["files"][0]["layout"] == "kyoto" and "accounts" not in listed["files"][0]
    assert "Bank export" not in cli("identify", SAMPLES / "kyoto.csv", "--lang", "en").out


# --- the accounts of an export in the summary ---

def test_each_account_of_an_export_is_in_accounts(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "bank.csv"
    path.write_bytes(EXPORT)
    _, result, _ = _json(cli, "scan", path)
    shown = [(a["account"], [Path(f).name for f in a["files"]], a["rows"], a["period"],
              a["findings"], a["at_risk"]) for a in result["accounts"]]
    assert shown == [
        ("***1111", ["bank.csv"], 5, {"from": "2020-08-01", "to": "2020-09-01"}, 4, 300000),
        ("***2222", ["bank.csv"], 2, {"from": "2020-08-03", "to": "2020-08-20"}, 0, 0),
        ("***3333", ["bank.csv"], 2, {"from": "2020-07-01", "to": "2020-09-02"}, 1, 100000)]
    assert result["summary"]["accounts"] == 3
    assert sum(a["rows"] for a in result["accounts"]) == result["files"][0]["rows"]
    run = cli("scan", path, "--lang", "en")
    assert "Accounts" in run.err and "***2222" in run.err
    assert "1111111" not in run.out + run.err


def test_an_export_beside_statements_adds_its_accounts_after_theirs(tmp_path: Path,
                                                                    cli: Cli) -> None:
    path = tmp_path / "bank.csv"
    path.write_bytes(EXPORT)
    _, result, _ = _json(cli, "scan", SAMPLES / "mizuho.csv", path)
    assert [a["account"] for a in result["accounts"]][1:] == ["***1111", "***2222", "***3333"]
    assert [f["account"] for f in result["findings"] if f["file"] == str(path)] == [
        account for account, _ in FOUND]


def _finding(file: str, account: str | None, amount: int) -> Finding:
    from datetime import date

    return Finding(file=file, line=2, date=date(2020, 9, 1), time=None, amount=amount,
                   description="ﾄﾞｺﾓｺｳｻﾞ", wallet="docomo-koza", score=90,
                   severity=Severity.high, reasons=(), account=account)


def test_findings_of_one_file_are_counted_by_their_own_account() -> None:
    accounts = [AccountSummary("***1111", None, ("bank.csv",), None, 5, number="1111111"),
                AccountSummary("***2222", None, ("bank.csv",), None, 2, number="2222222"),
                AccountSummary("***5678", None, ("a.csv",), None, 9)]
    found = [_finding("bank.csv", "1111111", 100), _finding("bank.csv", "2222222", 20),
             _finding("bank.csv", "1111111", 1), _finding("a.csv", None, 7)]
    got = counted(list(enumerate(accounts)), found)  # what --new-only recounts
    assert [(a.findings, a.at_risk) for a in got] == [(2, 101), (1, 20), (1, 7)]
    parts = split(accounts, found, (), ())  # one letter per account, an export's too
    assert [(p.label, [f.amount for f in p.findings]) for p in parts] == [
        ("***1111", [100, 1]), ("***2222", [20]), ("***5678", [7])]


# --- standard input ---

def test_an_export_piped_in_is_read_as_the_file_is(tmp_path: Path, cli: Cli,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bank.csv"
    path.write_bytes(EXPORT)
    _, from_file, _ = _json(cli, "scan", path)
    _piped(monkeypatch, EXPORT)
    code, piped, _ = _json(cli, "scan", "-")
    assert code == 3
    assert piped["files"][0]["path"] == "<stdin>"
    assert piped["files"][0]["layout"] == "kyoto-export"
    assert [(f["account"], f["line"]) for f in piped["findings"]] == FOUND
    assert [{**a, "files": []} for a in piped["accounts"]] == [
        {**a, "files": []} for a in from_file["accounts"]]
    _piped(monkeypatch, EXPORT)
    _, listed, _ = _json(cli, "identify", "-")
    assert listed["files"][0]["accounts"] == 3


def test_an_export_piped_in_beside_the_same_file_counts_once(tmp_path: Path, cli: Cli,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    path = tmp_path / "bank.csv"
    path.write_bytes(EXPORT)
    _piped(monkeypatch, EXPORT)
    _, result, _ = _json(cli, "scan", path, "-")
    assert [(f["path"], f["repeat_of"]) for f in result["files"]] == [
        (str(path), None), ("<stdin>", str(path))]
    assert len(result["findings"]) == len(FOUND) and len(result["accounts"]) == 3


def test_a_parquet_export_piped_in_is_read_as_parquet(tmp_path: Path, cli: Cli,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = _parquet(tmp_path, _table())
    _piped(monkeypatch, path.read_bytes())
    code, result, _ = _json(cli, "scan", "-")
    assert code == 3 and [(f["account"], f["line"]) for f in result["findings"]] == FOUND


def test_a_statement_piped_in_is_still_a_statement(cli: Cli,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _piped(monkeypatch, (SAMPLES / "kyoto.csv").read_bytes())  # an export's columns, one account
    _, result, _ = _json(cli, "scan", "-")
    assert result["files"][0]["layout"] == "kyoto" and "accounts" not in result["files"][0]


# --- Parquet exports in folders ---

def test_a_parquet_export_in_a_folder_is_scanned_as_when_named(tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    path = _parquet(folder, _table())
    (folder / "mizuho.csv").write_bytes((SAMPLES / "mizuho.csv").read_bytes())
    # Other Parquet files are not exports: a run's own findings, a table of one column.
    pd.DataFrame({"file": ["x"], "line": [2]}).to_parquet(folder / "found.parquet")
    (folder / "cut.parquet").write_bytes(path.read_bytes()[:100])
    _, named, _ = _json(cli, "scan", folder / "mizuho.csv", path)
    _, found, _ = _json(cli, "scan", folder)
    assert [f["path"] for f in found["files"]] == [str(folder / "mizuho.csv"), str(path)]
    assert found == named


def test_a_folder_of_a_parquet_export_alone_is_read(tmp_path: Path, cli: Cli) -> None:
    _parquet(tmp_path, _table())
    code, result, _ = _json(cli, "scan", tmp_path)
    assert code == 3 and [(f["account"], f["line"]) for f in result["findings"]] == FOUND
    _, listed, _ = _json(cli, "identify", tmp_path)
    assert [f["layout"] for f in listed["files"]] == ["kyoto-export"]


# --- line numbers ---

def _broken_descriptor(rows: list[str], at: int, text: str) -> list[str]:
    """Row ``at`` with a line break in its descriptor (a quoted cell)."""
    cells = rows[at].rsplit(",", 1)
    return [*rows[:at], f'{cells[0]},"{text}"\r\n', *rows[at + 1:]]


def test_a_quoted_line_break_moves_later_csv_rows_to_their_physical_lines(
        tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "bank.csv"
    rows = _broken_descriptor(ROWS, 0, "ｷﾕｳﾖ\r\n(8月分)")  # one more physical line
    path.write_bytes((HEADER + "".join(rows)).encode("cp932"))
    _, result, _ = _json(cli, "scan", path)
    assert [(f["account"], f["line"]) for f in result["findings"]] == [
        (account, line + 1) for account, line in FOUND]
    assert [r["line"] for r in result["files"][0]["rejected"]] == [9, 12]


@pytest.mark.parametrize("breaks", ["\n", "\r\n", "\r", "\n\n\r"])
def test_a_parquet_rows_line_is_its_number_plus_one(tmp_path: Path, cli: Cli,
                                                    breaks: str) -> None:
    table = _table()
    table.loc[0, "摘要"] = f"ｷﾕｳﾖ{breaks}(8月分)"
    table.loc[6, "摘要"] = f"ｽｰﾊﾟｰ{breaks}"  # the rejected row: its line holds still too
    code, result, _ = _json(cli, "scan", _parquet(tmp_path, table))
    assert code == 3
    assert [(f["account"], f["line"]) for f in result["findings"]] == FOUND
    assert [r["line"] for r in result["files"][0]["rejected"]] == [8, 11]


def test_a_blank_parquet_row_keeps_the_lines_after_it(tmp_path: Path, cli: Cli) -> None:
    table = _table()
    blank = pd.DataFrame([[""] * table.shape[1]], columns=table.columns)
    table = pd.concat([table.iloc[:2], blank, table.iloc[2:]], ignore_index=True)
    table.loc[0, "摘要"] = "ｷﾕｳﾖ\n"
    _, result, _ = _json(cli, "scan", _parquet(tmp_path, table))
    lines = [line if line < 4 else line + 1 for _, line in FOUND]
    assert [f["line"] for f in result["findings"]] == lines


# --- bad inputs: one line, the documented code, no cell ---

def test_bad_parquet_exports_say_why_in_one_line(tmp_path: Path, cli: Cli) -> None:
    good = _parquet(tmp_path, _table())
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    empty = tmp_path / "empty.parquet"
    empty.write_bytes(b"")
    other = _parquet(tmp_path, _table().rename(columns={"照会口座": "口座"}), "other.parquet")
    for path, said in ((cut, "not a readable Parquet file"), (empty, "not a readable Parquet"),
                       (other, "not a bank export")):
        for command in ("scan", "identify"):
            run = cli(command, path, "--lang", "en")
            assert run.code == 3, run.err
            (line,) = [x for x in run.err.splitlines() if path.name in x]
            assert said in line and "Traceback" not in run.err
            assert "1111111" not in run.err and "ﾄﾞｺﾓ" not in run.err


def test_a_parquet_export_of_no_rows_reads_as_none(tmp_path: Path, cli: Cli) -> None:
    code, result, err = _json(cli, "scan", _parquet(tmp_path, _table().head(0)))
    assert code == 0 and result["files"][0]["rows"] == 0 and result["accounts"] == []
    assert "no transactions below the header (line 1)" in err


def test_an_export_row_with_no_account_is_rejected_not_lost(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "bank.csv"
    path.write_bytes((HEADER + "".join([*ROWS, row("", 10, "2020年09月03日", "5", "",
                                                     "1", "ｺﾝﾋﾞﾆ")])).encode("cp932"))
    _, result, _ = _json(cli, "scan", path)
    (entry,) = result["files"]
    assert entry["rows"] + len(entry["rejected"]) == len(ROWS) + 1


def test_an_export_given_twice_is_read_once(tmp_path: Path, cli: Cli) -> None:
    path = tmp_path / "bank.csv"
    path.write_bytes(EXPORT)
    copy = tmp_path / "bank (1).csv"
    copy.write_bytes(EXPORT)
    _, result, _ = _json(cli, "scan", path, copy)
    assert [f["repeat_of"] for f in result["files"]] == [None, str(path)]
    assert len(result["findings"]) == len(FOUND) and len(result["accounts"]) == 3


def test_parquet_piped_in_is_an_export_as_a_parquet_file_is(tmp_path: Path, cli: Cli,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    path = _parquet(tmp_path, _table((HEADER + "".join(ROWS[:4])).encode("cp932")))
    _, named, _ = _json(cli, "scan", path)  # one account: still an export, as named
    _piped(monkeypatch, path.read_bytes())
    _, piped, _ = _json(cli, "scan", "-")
    assert piped["files"][0]["accounts"] == named["files"][0]["accounts"] == 1
    assert piped["findings"] == [{**f, "file": "<stdin>"} for f in named["findings"]] != []
