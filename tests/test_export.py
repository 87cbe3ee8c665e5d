"""A bank's export of many accounts: detected, each account audited alone, nothing lost."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from auditor.detect.audit import examine
from auditor.detect.rules import Context
from auditor.detect.wallets import load_catalogue
from auditor.export.detect import is_export
from auditor.export.scan import audit_export
from auditor.detect.audit import Window
from auditor.ingest.statement import ReadOptions, read_statement
from tests.conftest import ROOT, SAMPLES, Run

sys.path[:0] = [str(ROOT / "benchmarks" / "bank"), str(ROOT / "benchmarks" / "corpus")]
from bank_model import Bank  # noqa: E402
from bank_write import write_export  # noqa: E402

HEADER = ('"照会口座","番号","勘定日","（起算日）","出金金額（円）","入金金額（円）","小切手区分",'
          '"残高（円）","取引区分","明細区分","金融機関名","支店名","摘要"\r\n')


def row(account: str, number: int, day: str, out: str, into: str, balance: str,
        text: str) -> str:
    kind = "出金" if out else "入金"
    cell = f"本店営業部 普通 {account}" if account else ""
    return (f'"{cell}","{number}","{day}","","{out}","{into}","","{balance}",'
            f'"{kind}","振替","","","{text}"\r\n')


# Account 1111111: four ドコモ口座 debits in one day, two of them identical (never merged).
# Account 2222222: its own life, one row whose amount is no number (line 8).
# A row with no account at all (line 11). Account 3333333: one more ドコモ口座 hit.
ROWS = [
    row("1111111", 1, "2020年08月01日", "", "300,000", "300,000", "ｷﾕｳﾖ"),
    row("1111111", 2, "2020年09月01日", "100,000", "", "200,000", "ﾄﾞｺﾓｺｳｻﾞ"),
    row("1111111", 3, "2020年09月01日", "90,000", "", "110,000", "ﾄﾞｺﾓｺｳｻﾞ"),
    row("1111111", 4, "2020年09月01日", "90,000", "", "20,000", "ﾄﾞｺﾓｺｳｻﾞ"),
    row("2222222", 1, "2020年08月03日", "", "250,000", "250,000", "ｷﾕｳﾖ"),
    row("2222222", 2, "2020年08月20日", "12,000", "", "238,000", "ﾄｳｷﾖｳﾃﾞﾝﾘﾖｸ"),
    row("2222222", 3, "2020年08月21日", "1O,000", "", "228,000", "ｽｰﾊﾟｰ"),
    row("1111111", 5, "2020年09月01日", "20,000", "", "0", "ﾄﾞｺﾓｺｳｻﾞ"),
    row("3333333", 1, "2020年07月01日", "", "500,000", "500,000", "ｷﾕｳﾖ"),
    row("", 9, "2020年07月02日", "1,000", "", "499,000", "ｺﾝﾋﾞﾆ"),
    row("3333333", 2, "2020年09月02日", "100,000", "", "400,000", "ﾄﾞｺﾓｺｳｻﾞ"),
]
EXPORT = (HEADER + "".join(ROWS)).encode("cp932")


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    path = tmp_path / "bank.csv"
    path.write_bytes(EXPORT)
    return path


def test_an_export_is_told_from_one_holders_download(export_file: Path, tmp_path: Path) -> None:
    assert is_export(export_file, ReadOptions())
    assert not is_export(SAMPLES / "kyoto.csv", ReadOptions())  # the same columns, one account
    one = tmp_path / "one.csv"
    one.write_bytes((HEADER + "".join(ROWS[:4])).encode("cp932"))
    assert not is_export(one, ReadOptions())
    assert not is_export(SAMPLES / "mufg.csv", ReadOptions())


def test_each_account_is_audited_on_its_own_rows(export_file: Path, cli: Callable[..., Run],
                                                 ) -> None:
    run = cli("scan", export_file, "--format", "json", "--lang", "en")
    assert run.code == 3, run.err  # rows were rejected
    result = json.loads(run.out)
    (report,) = result["files"]
    assert report["layout"] == "kyoto-export" and report["rows"] == 9
    assert [(r["line"], r["reason"]) for r in report["rejected"]] == [
        (8, "amount not a number in column 出金金額（円）"), (11, "no account in column 照会口座")]
    assert report["rows"] + len(report["rejected"]) == len(ROWS)  # nothing lost
    found = [(f["account"], f["line"], f["amount"]) for f in result["findings"]]
    # Both identical ¥90,000 debits are findings; the export's own lines are given.
    assert found == [("***1111", 3, 100000), ("***1111", 4, 90000), ("***1111", 5, 90000),
                     ("***1111", 9, 20000), ("***3333", 12, 100000)]
    assert "1111111" not in run.out + run.err


def test_campaigns_count_the_accounts_of_an_export(export_file: Path, tmp_path: Path,
                                                  cli: Callable[..., Run]) -> None:
    cli("scan", export_file, "--output-dir", tmp_path / "out", "--quiet")
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    (campaign,) = summary["campaigns"]
    assert (campaign["wallet"], campaign["accounts"], campaign["findings"]) == (
        "docomo-koza", 2, 5)
    lines = (tmp_path / "out" / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["account"] for line in lines} == {"***1111", "***3333"}


def test_findings_are_those_of_each_account_scanned_alone(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    write_export(Bank(accounts=120, hit_share=0.2, seed="x"), path, "date")  # days interleaved
    ctx = Context(load_catalogue(), frozenset())
    report, findings, *_ = audit_export(path, ReadOptions(), ctx, Window())
    assert report.error is None and not report.rejected and findings
    lines = path.read_bytes().split(b"\r\n")
    by_account: dict[bytes, list[int]] = {}
    for number, line in enumerate(lines[1:-1], start=2):
        by_account.setdefault(line.split(b",")[0], []).append(number)
    expected = []
    for account, numbers in by_account.items():
        alone = tmp_path / "alone.csv"
        alone.write_bytes(b"\r\n".join([lines[0], *(lines[n - 1] for n in numbers), b""]))
        statement = read_statement(alone, ReadOptions(today=date(2021, 1, 1)))
        expected += [(account.decode("cp932").strip('"'), numbers[f.line - 2], f.rules, f.score)
                     for f in examine(statement, ctx).findings]
    got = [(f.account, f.line, f.rules, f.score) for f in findings]
    assert sorted(got) == sorted(expected)


@pytest.mark.parametrize("rows", [ROWS, ROWS[:4], ROWS[4:7], ROWS[8:9], ROWS[9:10], ROWS[9:],
                                  [ROWS[0], ROWS[9]], []])
def test_raw_cells_never_name_fewer_accounts_than_the_parse(rows: list[str], tmp_path: Path) -> None:
    # Detection trusts a count below two from the raw cells without parsing the file.
    from auditor.export.detect import _raw_accounts, account_layouts
    from auditor.export.read import parse_export
    from auditor.ingest.mixed import decode_rows

    decoded = decode_rows((HEADER + "".join(rows)).encode("cp932"))
    raw = _raw_accounts(decoded.text, account_layouts(ReadOptions()))
    parsed = parse_export(decoded, tmp_path / "bank.csv", ReadOptions())
    assert raw is not None and raw >= parsed.frame["account"].nunique()
    path = tmp_path / "bank.csv"
    path.write_bytes((HEADER + "".join(rows)).encode("cp932"))
    assert is_export(path, ReadOptions()) == (parsed.frame["account"].nunique() > 1)
