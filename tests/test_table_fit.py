"""The findings table fits its width: golden files at 80, 120 and 200 columns, ja and en.

The golden files are `tests/golden/tables/<scan>-<lang>-<width>.txt`: what `auditor scan`
prints on stdout for a sample (one file; three files, with an account column), with COLUMNS
set to the width. After a change of layout, rewrite them and read each diff by eye:

    .venv/bin/python -m pytest tests/test_table_fit.py --update-golden
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from auditor.detect.wallets import load_catalogue
from auditor.models import FileReport, Finding, Reason, Refund, ScanResult, Severity
from auditor.render.findings import findings_table
from auditor.wording import yen
from tests.conftest import GOLDEN, ROOT, Run

TABLES = GOLDEN / "tables"
SCANS = {
    "one": ["sample_statements/mizuho.csv", "--allow", "line-pay", "--allow", "merpay"],
    # An account by number, two by file name; bank times; a refund.
    "many": ["sample_statements/mizuho.csv", "sample_statements/paypay_bank.csv",
             "sample_statements/shinsei_en.csv", "--allow", "line-pay", "--allow", "merpay",
             "--allow", "kyash"],
}
WIDTHS = (80, 120, 200)
LANGS = ("en", "ja")


def _scan(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, name: str, lang: str,
          width: int | None) -> Run:
    monkeypatch.chdir(ROOT)
    if width is not None:
        monkeypatch.setenv("COLUMNS", str(width))
    run = cli("scan", *SCANS[name], "--lang", lang)
    assert run.code == 1, run.err
    return run


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(SCANS))
def test_table_matches_golden(cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch,
                              update_golden: bool, name: str, lang: str, width: int) -> None:
    out = _scan(cli, monkeypatch, name, lang, width).out
    assert max(cell_len(line) for line in out.splitlines()) <= width
    golden = TABLES / f"{name}-{lang}-{width}.txt"
    if update_golden or not golden.exists():
        TABLES.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"wrote missing golden file {golden.name}; review and commit it")
    assert out == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_the_run_tables_on_stderr_fit_80_columns(cli: Callable[..., Run],
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 lang: str) -> None:
    err = _scan(cli, monkeypatch, "many", lang, 80).err
    *tables, summary = err.splitlines()  # the summary is a message, not a table
    assert max(cell_len(line) for line in tables) <= 80
    tables = "\n".join(tables)
    for label in ("***2345", "paypay_bank.csv", "shinsei_en.csv"):  # each account whole
        assert re.search(rf"^{re.escape(label)}  .*¥[\d,]+$", tables, re.MULTILINE), label
    assert "  2020-06-05 –  " in tables and re.search(r"^ +2020-09-25$", tables, re.MULTILINE)


def _widest(command: list[str], columns: str | None) -> int:
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    if columns is not None:
        env["COLUMNS"] = columns
    done = subprocess.run([sys.executable, "-m", "auditor", *command], capture_output=True,
                          text=True, encoding="utf-8", env=env, cwd=ROOT, check=False)
    assert done.returncode == 1, done.stderr
    return max(cell_len(line) for line in done.stdout.splitlines())


def test_piped_output_is_80_wide_unless_columns_says_otherwise() -> None:
    command = ["scan", *SCANS["one"], "--lang", "en"]
    assert 72 < _widest(command, None) <= 80  # its longest reasons wrap at 80
    assert 80 < _widest(command, "120") <= 120
    assert _widest(command, "not a number") <= 80


def test_at_a_terminal_the_width_is_the_terminal_s() -> None:
    """A terminal 100 columns wide: reasons that wrap at 80 run on to 100, and no further."""
    import fcntl
    import pty
    import struct

    termios = pytest.importorskip("termios")  # a terminal of a given size: POSIX only
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    with subprocess.Popen([sys.executable, "-m", "auditor", "scan", *SCANS["one"], "--lang", "en"],
                          stdin=subprocess.DEVNULL, stdout=slave, stderr=subprocess.DEVNULL,
                          env={**env, "NO_COLOR": "1"}, cwd=ROOT) as child:
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed its end
                break
            if not chunk:
                break
            chunks.append(chunk)
    os.close(master)
    assert child.returncode == 1
    text = re.sub(r"\x1b\[[0-9;]*m", "", b"".join(chunks).decode("utf-8"))
    assert 80 < max(cell_len(line) for line in text.splitlines()) <= 100


def test_wallet_ids_and_files_are_whole_at_80_columns(cli: Callable[..., Run],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """What --allow takes, and the totals identify prints, are never cut short."""
    monkeypatch.chdir(ROOT)
    listing = cli("wallets").out
    assert max(cell_len(line) for line in listing.splitlines()) <= 80
    for wallet in WALLETS:
        assert re.search(rf"^{re.escape(wallet)}  ", listing, re.MULTILINE), wallet
    files = cli("identify", "sample_statements/mizuho.csv", "sample_statements/paypay_bank.csv")
    assert max(cell_len(line) for line in files.out.splitlines()) <= 80
    for totals in ("55         0  ¥1,274,900  ¥1,094,418  2020-06-05 –       0",
                   "50         0  ¥1,275,960  ¥1,296,509  2022-06-02 –       0"):
        assert totals in files.out


# --- any descriptor, at 80 columns -----------------------------------------------------------

WALLETS = sorted(load_catalogue().ids)
REASON = Reason("unrecognised-wallet", Severity.medium,
                "¥100,000 was charged to docomo Koza, a service not on your list of wallets "
                "you use", "利用登録していないドコモ口座へ¥100,000がチャージされています")
SEVERITIES = {Severity.high: 100, Severity.medium: 55, Severity.low: 15}


@st.composite
def findings(draw: st.DrawFn) -> Finding:
    severity = draw(st.sampled_from(list(SEVERITIES)))
    refund = draw(st.none() | st.builds(Refund, st.integers(1, 99_999),
                                        st.dates(date(2000, 1, 1), date(2099, 12, 31))))
    return Finding(
        file=draw(st.sampled_from(["a.csv", "mufg_普通預金_***1808_2020-08.csv", "b.csv"])),
        line=draw(st.integers(1, 99_999)),
        date=date(2020, 8, 27) + timedelta(days=draw(st.integers(-5000, 5000))),
        time=draw(st.none() | st.times().map(lambda t: t.strftime("%H:%M:%S"))),
        amount=draw(st.integers(1, 99_999_999)), description=draw(st.text(max_size=300)),
        wallet=draw(st.none() | st.sampled_from(WALLETS)), score=SEVERITIES[severity],
        severity=severity, reasons=(REASON,) * draw(st.integers(1, 3)),
        answer=draw(st.sampled_from([None, "mine", "not-sure"])), refund=refund)


@settings(max_examples=60, deadline=None)
@given(st.lists(findings(), min_size=1, max_size=6), st.sampled_from(LANGS),
       st.booleans())
def test_at_80_columns_no_date_wallet_or_amount_is_cut(shown: list[Finding], lang: str,
                                                       several: bool) -> None:
    files = tuple(FileReport(path=name) for name in ("a.csv", "b.csv")[:1 + several])
    result = ScanResult(files=files, findings=tuple(shown))
    out = io.StringIO()
    Console(file=out, width=80, color_system=None).print(findings_table(result, lang))
    lines = out.getvalue().splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    # A finding's first line ends with its wallet, amount and severity, each whole.
    rows = [line for line in lines if ROW_END.search(line)]
    assert len(rows) == len(shown)
    for row, finding in zip(rows, shown, strict=True):
        start = finding.date.isoformat() + (f"  {finding.time}" if finding.time else "")
        assert re.search(rf"(^|\S +){start}(  |$)", row), row
        end = (rf"  {re.escape(finding.wallet or '?')} +{re.escape(yen(finding.amount))}  "
               rf"\S+ \({SEVERITIES[finding.severity]}\)$")
        assert re.search(end, row), row


ROW_END = re.compile(r"  \S+ +¥[\d,]+  \S+ \(\d+\)$")


def test_a_descriptor_with_no_room_goes_under_its_row_whole() -> None:
    long = "ﾄﾞｺﾓｺｳｻﾞ ﾁｬｰｼﾞ" + "Ｘ" * 60
    result = ScanResult(files=(FileReport(path="a.csv"), FileReport(path="paypay_bank.csv")),
                        findings=(Finding("paypay_bank.csv", 3, date(2020, 8, 27), "02:41:07",
                                          1_234_567, long, "shiharai-hisho", 55,
                                          Severity.medium, (REASON,)),))
    out = io.StringIO()
    Console(file=out, width=80, color_system=None).print(findings_table(result, "en"))
    text = out.getvalue()
    assert "paypay_bank.csv  2020-08-27  02:41:07  shiharai-hisho  ¥1,234,567  medium (55)" in text
    assert "".join(line.strip() for line in text.splitlines()).count("Ｘ" * 60) == 1
    assert "  Description (as printed): ﾄﾞｺﾓｺｳｻﾞ ﾁｬｰｼﾞ" in text
