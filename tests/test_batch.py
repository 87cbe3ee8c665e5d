"""Many files at once: parallel runs, bad files, size limit, output folder, campaigns, accounts."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.detect.audit import Window
from auditor.run.batch import BatchOptions, expand
from tests.conftest import scan
from auditor.detect.campaigns import campaigns, run_summary
from auditor.detect.rules import Context
from auditor.ingest.statement import ReadOptions
from auditor.detect.wallets import load_catalogue
from tests.conftest import SAMPLES, Run

Cli = Callable[..., Run]
YUCHO_HEADER = "取引日,入出金明細ＩＤ,受入金額（円）,払出金額（円）,詳細１,詳細２,現在（貸付）高,\r\n"


def _yucho(account: str, rows: list[tuple[str, int, str]]) -> bytes:
    preamble = f"お客さま口座情報\r\nお客さま口座番号：{account}\r\n"
    body = "".join(f"{day},1,,{amount},ＲＴ,{payee},,\r\n" for day, amount, payee in rows)
    return (preamble + YUCHO_HEADER + body).encode("cp932")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three customers hit by ドコモ口座 in September 2020, one clean, one broken file."""
    root = tmp_path / "customers"
    root.mkdir()
    for number, account in enumerate(("10010-11111111", "10020-22222222", "10030-33333333")):
        rows = [("20200901", 100_000, "(ﾄﾞｺﾓｺｳｻﾞ)"), (f"2020090{number + 2}", 90_000, "(ﾄﾞｺﾓｺｳｻﾞ)")]
        (root / f"c{number}.csv").write_bytes(_yucho(account, rows))
    (root / "clean.csv").write_bytes(_yucho("10040-44444444", [("20200901", 3_000, "(ﾍﾟｲﾍﾟｲ)")]))
    (root / "sub").mkdir()
    (root / "sub" / "broken.csv").write_bytes(b"PK\x03\x04 a workbook")
    (root / "notes.md").write_text("not a statement", encoding="utf-8")
    return root


def _ctx(*allowed: str) -> Context:
    return Context(load_catalogue(), frozenset(allowed))


def test_expand_walks_folders_for_statement_files(folder: Path) -> None:
    assert [p.name for p in expand([folder])] == ["c0.csv", "c1.csv", "c2.csv", "clean.csv",
                                                  "broken.csv"]


def test_parallel_run_equals_serial_run(folder: Path) -> None:
    serial = scan([folder], ReadOptions(), _ctx("paypay"), batch=BatchOptions(jobs=1))
    parallel = scan([folder], ReadOptions(), _ctx("paypay"), batch=BatchOptions(jobs=2))
    assert parallel == serial
    assert [r.path for r in parallel.files] == [str(p) for p in expand([folder])]


def test_one_bad_file_never_stops_the_run(folder: Path) -> None:
    result = scan([folder], ReadOptions(), _ctx("paypay"), batch=BatchOptions(jobs=2))
    failed = [r for r in result.files if r.error]
    assert [Path(r.path).name for r in failed] == ["broken.csv"]
    assert {Path(f.file).name for f in result.findings} == {"c0.csv", "c1.csv", "c2.csv"}


def test_fail_fast_stops_at_the_first_bad_file(folder: Path, tmp_path: Path) -> None:
    ordered = tmp_path / "ordered"
    ordered.mkdir()
    shutil.copy(folder / "sub" / "broken.csv", ordered / "a.csv")
    shutil.copy(folder / "c0.csv", ordered / "b.csv")
    result = scan([ordered], ReadOptions(), _ctx(), batch=BatchOptions(fail_fast=True))
    assert [Path(r.path).name for r in result.files] == ["a.csv"]
    assert "--fail-fast" in result.files[0].notes[-1]


def test_oversized_files_are_refused_with_a_reason(folder: Path) -> None:
    result = scan([folder / "c0.csv"], ReadOptions(max_bytes=10), _ctx())
    assert result.files[0].error and "MB limit" in result.files[0].error


def test_accounts_are_found_and_masked(folder: Path) -> None:
    result = scan([folder], ReadOptions(), _ctx())
    assert [r.account for r in result.files[:4]] == ["***1111", "***2222", "***3333", "***4444"]
    assert len(set(result.account_ids[:4])) == 4


def test_campaign_counts_distinct_accounts_and_dates(folder: Path) -> None:
    result = scan([folder], ReadOptions(), _ctx("paypay"))
    (campaign,) = campaigns(result)
    assert (campaign.wallet, campaign.accounts, campaign.findings, campaign.amount) == (
        "docomo-koza", 3, 6, 570_000)
    assert (campaign.first.isoformat(), campaign.last.isoformat()) == ("2020-09-01", "2020-09-04")
    summary = run_summary(result)
    assert summary["campaigns"][0]["accounts"] == 3
    assert summary["top_accounts"][0]["account"].startswith("***")


def test_same_account_in_two_files_is_one_account(folder: Path, tmp_path: Path) -> None:
    shutil.copy(folder / "c0.csv", tmp_path / "c0-again.csv")
    result = scan([folder / "c0.csv", tmp_path / "c0-again.csv", folder / "c1.csv"],
                  ReadOptions(), _ctx())
    assert campaigns(result)[0].accounts == 2


def test_batch_command_writes_the_output_folder(cli: Cli, folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = cli("scan", folder, "--allow", "paypay", "--output-dir", out, "--quiet", "-j", "2")
    assert run.code == 3  # the broken workbook
    assert run.out == ""  # --quiet: data only where asked for
    assert "broken.csv" in run.err and "finding" not in run.err
    assert sorted(p.name for p in out.iterdir()) == ["files.csv", "findings.csv", "findings.jsonl",
                                                     "summary.json"]
    files = list(csv.DictReader((out / "files.csv").open(encoding="utf-8", newline="")))
    assert [row["status"] for row in files] == ["audited"] * 4 + ["failed"]
    assert files[-1]["error"].startswith("this is an Excel workbook")
    lines = (out / "findings.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6 and all(json.loads(line)["account"].startswith("***") for line in lines)
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["campaigns"]


def test_no_output_carries_a_full_account_number(cli: Cli, folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = cli("scan", folder, "--output-dir", out, "-f", "json")
    texts = [run.out, run.err, *(p.read_text(encoding="utf-8") for p in out.iterdir())]
    for account in ("11111111", "22222222", "33333333", "1111111", "10010"):
        assert all(account not in text for text in texts)


def test_terminal_summary_for_many_files(cli: Cli) -> None:
    run = cli("scan", SAMPLES, "--year", "2023")
    assert "By wallet" in run.err and "Campaigns" in run.err


def test_window_applies_in_workers(folder: Path) -> None:
    from datetime import date

    result = scan([folder], ReadOptions(), _ctx(), Window(since=date(2020, 9, 3)),
                  BatchOptions(jobs=2))
    assert {f.date.isoformat() for f in result.findings} == {"2020-09-03", "2020-09-04"}
