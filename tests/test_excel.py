"""--excel: CSV that Japanese Excel opens without mojibake, still formula-safe; plain CSV unchanged."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from tests.conftest import SAMPLES, Run
from tests.test_hostile import HEADER, raw_controls

Cli = Callable[..., Run]
MIZUHO = SAMPLES / "mizuho.csv"
BOM = b"\xef\xbb\xbf"


def test_excel_csv_starts_with_one_bom_and_is_otherwise_the_plain_csv(
        cli: Cli, tmp_path: Path) -> None:
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    assert cli("scan", MIZUHO, "-f", "csv", "-o", plain).code == 1
    assert cli("scan", MIZUHO, "--excel", "-o", excel).code == 1  # --excel alone is CSV
    assert not plain.read_bytes().startswith(BOM)  # programs reading plain UTF-8 see no change
    raw = excel.read_bytes()
    assert raw.startswith(BOM) and not raw[3:].startswith(BOM)
    assert raw[3:] == plain.read_bytes()
    with excel.open(encoding="utf-8-sig", newline="") as handle:  # as pandas and csvkit read it
        rows = list(csv.DictReader(handle))
    assert rows and rows[0]["wallet"] == "docomo-koza"


def test_excel_csv_on_stdout_too(cli: Cli) -> None:
    run = cli("scan", MIZUHO, "-f", "csv", "--excel")
    assert run.code == 1 and run.out.startswith("\ufefffile,")
    assert run.out.count("\ufeff") == 1


def test_excel_keeps_formulas_inert(cli: Cli, tmp_path: Path) -> None:
    statement = tmp_path / "s.csv"
    rows = [HEADER, '"2020/7/1","振込１","キユウヨ","","9000000","","","",""',
            '"2020/8/1","口座振替","=HYPERLINK(""http://evil.example"",""ﾄﾞｺﾓｺｳｻﾞ"")","1000",'
            '"","","","",""', '"2020/8/2","口座振替","＠ﾄﾞｺﾓｺｳｻﾞ","2000","","","","",""']
    statement.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"))
    run = cli("scan", statement, "--excel")
    assert run.code == 1, run.err
    text = run.out.removeprefix("\ufeff")
    assert not raw_controls(text, allowed="\r\n")
    records = list(csv.DictReader(io.StringIO(text, newline="")))
    assert sorted(r["description"] for r in records) == [
        "'=HYPERLINK(\"http://evil.example\",\"ﾄﾞｺﾓｺｳｻﾞ\")", "'＠ﾄﾞｺﾓｺｳｻﾞ"]


def test_excel_output_dir_marks_both_csv_files_and_not_the_json(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli("scan", MIZUHO, "-f", "json", "--excel", "--output-dir", out, "-q").code == 1
    for name in ("findings.csv", "files.csv"):
        assert (out / name).read_bytes().startswith(BOM), name
    for name in ("findings.jsonl", "summary.json"):
        assert not (out / name).read_bytes().startswith(BOM), name
    plain = tmp_path / "plain"
    assert cli("scan", MIZUHO, "--output-dir", plain, "-q").code == 1
    assert not (plain / "findings.csv").read_bytes().startswith(BOM)


def test_excel_with_json_and_nowhere_for_csv_is_a_usage_error(cli: Cli) -> None:
    run = cli("scan", MIZUHO, "--excel", "-f", "json")
    assert run.code == 2 and run.out == ""
    assert run.err == ("auditor: --excel writes CSV, not json: use it with --format csv, or "
                       "with --output-dir for the CSV files there\n")
