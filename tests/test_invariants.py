"""Properties that hold for any input: nothing lost, no formula exported, no account shown,
the same answer twice, the same answer in any same-day order, and --new-only idempotent."""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
import uuid
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.run.batch import BatchOptions
from tests.conftest import scan
from auditor.models import ScanResult
from auditor.ingest.dating import calendar_days as _calendar_days
from auditor.detect.rules import Context
from auditor.store.state import open_state
from auditor.ingest.statement import ReadOptions, read_statement
from auditor.detect.wallets import load_catalogue
from tests.conftest import Run

Cli = Callable[..., Run]
HEADER = ["日付", "摘要", "摘要内容", "支払い金額", "預かり金額", "差引残高", "メモ", "未資金化区分", "入払区分"]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")

_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                max_size=12)
_DATES = st.one_of(st.sampled_from([
    "2020/9/1", "2020/09/30", "2020/13/1", "2020/2/30", "20200901", "R02.05.01", "令和2年5月1日",
    "4月30日", "2020-09-01 12:00", "", " ", "※このデータは控えです", "合計", "0000/01/01",
]), _TEXT)
_AMOUNTS = st.one_of(st.sampled_from([
    "1,000", "90000", "", "-", "12a", "△500", "(300)", "1e5", "1.23457E+10", "inf", "nan",
    "99999999999999999999", "１，０００", "¥1,000", "\\7,000", "2.000000", "1.5", "-0",
]), st.integers(-10**7, 10**7).map(str), _TEXT)
_PAYEES = st.one_of(st.sampled_from(["ﾄﾞｺﾓｺｳｻﾞ", "ＲＴＫ　ペイペイ", "ヤマダ　タロウ", "PAYPAY"]),
                    _TEXT)


@st.composite
def _rows(draw: st.DrawFn) -> list[list[str]]:
    """Rows under the MUFG header: plausible, garbage, ragged, blank; cells may hold quotes,
    commas and line breaks (written with proper CSV quoting)."""
    rows = []
    for _ in range(draw(st.integers(0, 25))):
        width = draw(st.sampled_from([0, 1, 3, 8, 9, 9, 9, 9, 10, 14]))
        cells = []
        for position in range(width):
            strategy = {0: _DATES, 2: _PAYEES, 3: _AMOUNTS, 4: _AMOUNTS, 5: _AMOUNTS}.get(
                position, _TEXT)
            cells.append(draw(strategy))
        rows.append(cells)
    return rows


def _csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue()


def _records_below_header(text: str) -> int:
    """The oracle: records Python's csv module reads below the header, blank ones left out."""
    body = text.split("\r\n", 1)[1]
    return sum(1 for record in csv.reader(io.StringIO(body, newline="")) if any(record))


@settings(max_examples=50, deadline=None)
@given(rows=_rows())
def test_every_row_read_is_parsed_rejected_or_skipped(rows: list[list[str]]) -> None:
    text = _csv_text(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "statement.csv"
        path.write_bytes(text.encode("utf-8"))
        statement = read_statement(path, ReadOptions(year=2020))
    parsed = list(statement.frame["line"])
    rejected = [line for line, _ in statement.rejected]
    skipped = [line for line, _ in statement.skipped]
    assert len(parsed) + len(rejected) + len(skipped) == _records_below_header(text)
    lines = parsed + rejected + skipped
    assert len(set(lines)) == len(lines)  # one row, one line number
    # Lines as the reader counts them: CRLF, LF or a lone CR (old Mac exports) ends one.
    assert all(2 <= line <= len(re.findall(r"\r\n|\r|\n", text)) for line in lines)
    for _, reason in statement.rejected:  # a column name, never a cell value
        assert reason.startswith(("date", "amount", "no amount", "time", "row has more"))


def _statement_bytes(rows: list[tuple[int, str, int]], preamble: str = "") -> bytes:
    """A ゆうちょ statement: (day of September 2020, payee, debit) rows."""
    header = "取引日,入出金明細ＩＤ,受入金額（円）,払出金額（円）,詳細１,詳細２,現在（貸付）高,\r\n"
    body = "".join(f"202009{day:02d},{n},,{amount},ＲＴ,({payee}),,\r\n"
                   for n, (day, payee, amount) in enumerate(rows, start=1))
    return (preamble + header + body).encode("cp932")


_WALLET_ROWS = st.lists(st.tuples(
    st.integers(1, 30),
    st.sampled_from(["ﾄﾞｺﾓｺｳｻﾞ", "ﾍﾟｲﾍﾟｲ", "ﾒﾙﾍﾟｲ", "ｷｬｯｼｭ", "ﾔﾏﾀﾞ ﾀﾛｳ", "ﾃﾞﾝｷﾀﾞｲ"]),
    st.sampled_from([1_000, 3_000, 20_000, 90_000, 100_000])), min_size=1, max_size=12)


def _write(folder: Path, name: str, raw: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(raw)
    return path


@st.composite
def _descriptors(draw: st.DrawFn) -> str:
    text = draw(st.text(st.characters(blacklist_categories=("Cs",),
                                      blacklist_characters="\x00\r\n\","), max_size=15))
    lead = draw(st.sampled_from(["", " ", "\u3000", "\t", *TRIGGERS[:4], *TRIGGERS[7:]]))
    return lead + draw(st.sampled_from(["ﾄﾞｺﾓｺｳｻﾞ", "ﾍﾟｲﾍﾟｲ"])) + text


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(payees=st.lists(_descriptors(), min_size=1, max_size=6),
       name=st.sampled_from(["=cmd.csv", "+1.csv", "-x.csv", "@a.csv", "＝b.csv", "ok.csv"]))
def test_no_exported_csv_cell_starts_a_formula(cli: Cli, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               payees: list[str], name: str) -> None:
    folder = _fresh(tmp_path)
    monkeypatch.chdir(folder)  # a relative path, so the file cell starts with the name
    rows = [(day + 1, payee, 10_000) for day, payee in enumerate(payees)]
    header = "取引日,入出金明細ＩＤ,受入金額（円）,払出金額（円）,詳細１,詳細２,現在（貸付）高,\r\n"
    body = "".join(f'202009{day:02d},{n},,{amount},ＲＴ,"{payee}",,\r\n'
                   for n, (day, payee, amount) in enumerate(rows, start=1))
    _write(folder, name, (header + body).encode("utf-8"))
    run = cli("scan", "-f", "csv", "--output-dir", "out", "--", name)
    exported = [run.out, *(p.read_text(encoding="utf-8")
                           for p in (folder / "out").glob("*.csv"))]
    for text in exported:
        header_row, *records = list(csv.reader(io.StringIO(text, newline="")))
        for record in records:
            for column, cell in zip(header_row, record, strict=True):
                if re.fullmatch(r"-?\d+", cell) and column not in ("description", "file",
                                                                     "path", "error"):
                    continue  # numeric cells stay numbers
                assert not cell.lstrip(" \u3000").startswith(TRIGGERS), (column, cell)


@st.composite
def _accounts(draw: st.DrawFn) -> tuple[str, str]:
    """A ゆうちょ account (記号 1xxxx, 番号 8 digits) and a file name that may carry it.

    Digits 1-9 only, so that no amount, date or count the outputs print by right (100000,
    20200901, 2 files) can contain a run of the account's digits by chance.
    """
    digits = st.text("123456789", min_size=1, max_size=1)
    kigo = "1" + "".join(draw(st.lists(digits, min_size=4, max_size=4)))
    bango = "".join(draw(st.lists(digits, min_size=8, max_size=8)))
    name = draw(st.sampled_from([f"{kigo}-{bango}.csv", f"{kigo}{bango}.csv",
                                 f"meisai_{kigo}{bango}_20200930.csv", f"{kigo}_{bango}.csv",
                                 f"口座{bango}.csv", "statement.csv"]))
    return f"{kigo}-{bango}", name


def _leaks(account: str, text: str) -> list[str]:
    """Runs of 5 or more digits in the text that are 5 consecutive digits of the account."""
    digits = account.replace("-", "")
    # SHA-256 hex digests (the draft's list of source files) are not numbers the tool prints.
    text = re.sub(r"\b[0-9a-f]{64}\b", "", text)
    return [found for found in re.findall(r"[0-9]{5,}", text)
            if any(found[i:i + 5] in digits for i in range(len(found) - 4))]


def _outputs(cli: Cli, folder: Path, path: Path, formats: dict[str, str]) -> list[str]:
    """Everything a holder could see: scan (with --output-dir and --new-only), report,
    state show and identify, in the formats asked for."""
    state = folder / "state.sqlite3"
    runs = [cli("scan", path, "-f", "json", "--new-only", "--state", state,
                "--output-dir", folder / "out"),
            cli("scan", path, "-f", formats["scan"]),
            cli("report", path, "--format", formats["report"], "--lang", formats["lang"]),
            cli("state", "show", "--state", state, "--format", formats["state"])]
    if "identify" in formats:
        runs.append(cli("identify", path, "--format", formats["identify"]))
    assert "***" in runs[0].out  # the account is there, masked
    texts = [text for run in runs for text in (run.out, run.err)]
    return texts + [p.read_text(encoding="utf-8") for p in (folder / "out").iterdir()]


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(account=_accounts(), rows=_WALLET_ROWS, scan=st.sampled_from(["csv", "table"]),
       report=st.sampled_from(["md", "html"]), lang=st.sampled_from(["ja", "en"]),
       shown=st.sampled_from(["json", "table"]))
def test_no_output_shows_more_than_the_last_4_digits(
        cli: Cli, tmp_path: Path, account: tuple[str, str], rows: list[tuple[int, str, int]],
        scan: str, report: str, lang: str, shown: str) -> None:
    number, name = account
    folder = _fresh(tmp_path)
    preamble = f"お客さま口座情報\r\nお客さま口座番号：{number}\r\n"
    path = _write(folder / "in", name, _statement_bytes(rows, preamble))
    formats = {"scan": scan, "report": report, "lang": lang, "state": shown}
    kigo = number.split("-")[0]
    for text in _outputs(cli, folder, path, formats):
        assert not _leaks(number, text), text
        # Nor 4 more digits from the 記号 beside the 番号's (as in "***8370_***5826.csv").
        assert "***" + kigo[-4:] not in text or kigo[-4:] == number[-4:], text


def test_every_output_masks_the_account_of_the_preamble_and_the_file_name(
        cli: Cli, tmp_path: Path) -> None:
    """The same through every format at once. The name holds the number as 記号-番号: masked
    group by group it used to show 8 of its digits ("***8370-***5826")."""
    name = "18370-73915826.csv"
    rows = [(1, "ﾄﾞｺﾓｺｳｻﾞ", 100_000), (1, "ﾄﾞｺﾓｺｳｻﾞ", 90_000), (2, "ﾒﾙﾍﾟｲ", 3_000)]
    preamble = "お客さま口座情報\r\nお客さま口座番号：18370-73915826\r\n"
    path = _write(tmp_path / "in", name, _statement_bytes(rows, preamble))
    texts = []
    for index, (scan, report, lang, shown) in enumerate([("csv", "md", "ja", "json"),
                                                         ("table", "html", "en", "table")]):
        formats = {"scan": scan, "report": report, "lang": lang, "state": shown,
                   "identify": ("json", "table")[index]}
        texts += _outputs(cli, tmp_path / str(index), path, formats)
    for text in texts:
        assert not _leaks("18370-73915826", text), text
    assert any("***5826" in text for text in texts)


def _fresh(tmp_path: Path) -> Path:
    """A new folder for one Hypothesis example (tmp_path is shared by all of them), named
    without digits: outputs print paths, and a random digit run could look like a leak."""
    folder = tmp_path / uuid.uuid4().hex.translate(str.maketrans("0123456789", "ghijklmnop"))
    folder.mkdir()
    return folder


def _scan_in_process(path: Path) -> ScanResult:
    return scan([path], ReadOptions(year=2020), Context(load_catalogue(), frozenset({"paypay"})),
                batch=BatchOptions(jobs=1))


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=_WALLET_ROWS)
def test_scanning_the_same_input_twice_gives_the_same_findings(
        tmp_path: Path, rows: list[tuple[int, str, int]]) -> None:
    path = _write(_fresh(tmp_path), "a.csv", _statement_bytes(rows))
    first, second = _scan_in_process(path), _scan_in_process(path)
    assert first == second
    assert first.to_dict("en") == second.to_dict("en")


def _content(result: ScanResult) -> Counter[tuple]:
    return Counter((f.date, f.time, f.amount, f.description, f.wallet, f.severity, f.rules)
                   for f in result.findings)


def _alerts(run: Run) -> int:
    assert run.code in (0, 1), run.err
    return len(json.loads(run.out)["findings"])


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=_WALLET_ROWS, more=_WALLET_ROWS, data=st.data())
def test_new_only_twice_adds_nothing_even_in_another_same_day_order(
        cli: Cli, tmp_path: Path, rows: list[tuple[int, str, int]],
        more: list[tuple[int, str, int]], data: st.DataObject) -> None:
    """Two overlapping statements, then the same again with the bank's re-download that lists
    each day's rows in another order: the second --new-only run adds nothing, since the state
    is keyed by content and occurrence, never by file or line. (One run for both, to keep the
    suite fast; row order within a day is also a property in test_audit.py.)"""
    folder = _fresh(tmp_path)
    state = folder / "state.sqlite3"
    overlapping = rows + more
    paths = [_write(folder, "a.csv", _statement_bytes(rows)),
             _write(folder, "b.csv", _statement_bytes(overlapping))]
    days = sorted({day for day, _, _ in overlapping})
    reordered = [row for day in days
                 for row in data.draw(st.permutations([r for r in overlapping if r[0] == day]))]
    redownload = _write(folder, "b-again.csv", _statement_bytes(reordered))
    assert _content(_scan_in_process(redownload)) == _content(_scan_in_process(paths[1]))
    first = cli("scan", *paths, "-f", "json", "--new-only", "--state", state)
    reported = _alerts(first)
    assert reported >= 1  # each row is a top-up-shaped ゆうちょ ＲＴ debit: always a finding
    again = cli("scan", *paths, redownload, "-f", "json", "--new-only", "--state", state)
    assert (_alerts(again), again.code) == (0, 0)
    with open_state(state) as store:
        assert store.summary().count == reported


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(1600, 2300), st.integers(-1, 14), st.integers(-1, 33)),
                min_size=1, max_size=50))
def test_calendar_days_agree_with_the_calendar(parts: list[tuple[int, int, int]]) -> None:
    # Dates are built by array arithmetic; each must be the day datetime.date makes of the
    # same parts, and NaT exactly where that day does not exist (or is out of range).
    years, months, days = (np.array(column, dtype=np.int64) for column in zip(*parts))
    got = _calendar_days(years, months, days)
    for (year, month, day), when in zip(parts, got, strict=True):
        try:
            expected = date(year, month, day) if 1678 <= year <= 2261 else None
        except ValueError:
            expected = None
        assert (None if np.isnat(when) else when.item()) == expected
