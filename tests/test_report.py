"""auditor report: the draft letter's sections in both languages, masking, escaping,
self-contained HTML, review answers, and safe writing."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor import __version__
from auditor.models import Finding, Reason, Severity
from auditor.report.claim import (Debit, Holder, SourceFile, Status, build_claim, mask_account,
                                  mask_digit_runs, status_of)
from auditor.report.html import h, render_html
from auditor.report.markdown import md_escape, render_markdown
from auditor.report.sections import build_document
from auditor.report.timeline import Point, timeline_svg
from auditor.detect.wallets import load_catalogue
from tests.conftest import SAMPLES, Run

Cli = Callable[..., Run]
Write = Callable[..., Path]
MIZUHO = SAMPLES / "mizuho.csv"  # four ドコモ口座 debits on 2020-08-27; the holder uses LINE Pay
MUFG_HEADER = ('"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高","メモ",'
               '"未資金化区分","入払区分"')
HOSTILE = ("ドコモコウザ<script>alert(1)</script>", "ドコモコウザ | pipe |",
           "ドコモコウザ[x](http://evil)", '=HYPERLINK("http://evil","ドコモコウザ")',
           "ドコモコウザ\x1b[2J\u202e")


@pytest.fixture(autouse=True)
def _no_user_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never read the real user's answers file."""
    monkeypatch.setenv("AUDITOR_ANSWERS", str(tmp_path / "no-answers.json"))


def draft(cli: Cli, *args: str | Path) -> str:
    run = cli("report", *args)
    assert run.code == 0, run.err
    return run.out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def claimed_rows(markdown: str) -> list[list[str]]:
    """The numbered rows of the Markdown claims table, split on unescaped pipes."""
    rows = [line for line in markdown.splitlines() if re.match(r"\| \d+ \|", line)]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def scan_at_risk(cli: Cli, *args: str | Path) -> tuple[int, int, date, date]:
    """What `auditor scan` finds at medium severity or higher: count, yen, first and last day."""
    data = json.loads(cli("scan", *args, "-f", "json").out)
    medium_up = [f for f in data["findings"] if f["severity"] in ("medium", "high")]
    days = sorted(date.fromisoformat(f["date"]) for f in medium_up)
    return len(medium_up), sum(f["amount"] for f in medium_up), days[0], days[-1]


# --- the sections -------------------------------------------------------------------


def test_japanese_markdown_draft_has_every_section(cli: Cli) -> None:
    text = draft(cli, MIZUHO, "--allow", "line-pay")  # Japanese by default, whatever LANG says
    count, total, first, last = scan_at_risk(cli, MIZUHO, "--allow", "line-pay")
    assert text.startswith("# 不正利用に関する調査・補償のお願い（下書き）\n")
    assert "作成日：" in text and "みずほ銀行　御中" in text
    for label in ("氏名", "住所", "電話番号", "生年月日"):
        assert f"| {label} | ＿＿＿" in text  # blanks to fill in
    assert f"への出金が{count}件、合計{total:,}円ありました" in text
    assert f"| 合計金額 | {total:,}円 |" in text
    assert f"{first.year}年{first.month}月{first.day}日から{last.year}年{last.month}月" in text
    assert f"| 最後の出金 | {last.year}年{last.month}月{last.day}日 |" in text
    assert "ドコモ口座：4件 300,000円" in text
    assert len(claimed_rows(text)) == count
    assert f"被害額 {total:,}円 を補償（返金）してください" in text
    for request in ("調査し", "直ちに停止・解除し", "書面でご回答ください"):
        assert request in text
    assert "登録したことも、利用したこともありません" in text
    assert "警察相談専用電話 #9110" in text and "| 受理番号 | ＿＿＿" in text
    assert "全額を補償" in text and "0120-885-360" in text
    assert sha256(MIZUHO) in text and f"auditor {__version__}" in text


def test_english_markdown_draft_has_every_section(cli: Cli) -> None:
    text = draft(cli, MIZUHO, "--allow", "line-pay", "--lang", "en", "--name", "Taro Yamada")
    count, total, first, last = scan_at_risk(cli, MIZUHO, "--allow", "line-pay")
    assert text.startswith("# Request for investigation and compensation of unauthorised "
                           "debits (draft)\n")
    assert "To: Mizuho Bank" in text and "| Name | Taro Yamada |" in text
    assert "| Address | ＿＿＿" in text
    assert (f"Between {first.day} {first:%B %Y} and {last.day} {last:%B %Y}, {count} debit(s) "
            f"totalling ¥{total:,}") in text
    assert f"| **Total** | **¥{total:,}** |" in text
    assert "docomo Koza: 4 debit(s), ¥300,000" in text
    for request in ("investigate these transactions", "stop and remove every link",
                    f"refund the ¥{total:,} taken", "reply in writing"):
        assert request in text
    assert "police consultation line (#9110)" in text
    assert "| Receipt number (受理番号) | ＿＿＿" in text
    assert "compensated the victims in full" in text
    assert sha256(MIZUHO) in text and f"auditor {__version__}" in text


def test_table_rows_show_descriptor_service_amount_and_reasons(cli: Cli) -> None:
    rows = claimed_rows(draft(cli, MIZUHO, "--allow", "line-pay", "--lang", "en"))
    docomo = [row for row in rows if row[3] == "ドコモコウザ"]  # exactly as printed
    assert [row[5] for row in docomo] == ["¥100,000", "¥90,000", "¥90,000", "¥20,000"]
    assert {row[1] for row in docomo} == {"2020-08-27"} and {row[4] for row in docomo} == {
        "docomo Koza"}
    assert all("one of 4 debits to docomo Koza" in row[6] for row in docomo)
    assert [row[0] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]


def test_mizuho_draft_claims_the_four_docomo_debits(cli: Cli) -> None:
    rows = claimed_rows(draft(cli, MIZUHO, "--allow", "line-pay", "--lang", "en"))
    docomo = [row for row in rows if row[4] == "docomo Koza"]
    assert len(docomo) == 4 and len(rows) > 4  # among others (Merpay)
    assert sum(int(row[5].strip("¥").replace(",", "")) for row in docomo) == 300_000


def test_html_draft_in_both_languages(cli: Cli) -> None:
    ja = draft(cli, MIZUHO, "--allow", "line-pay", "--format", "html")
    en = draft(cli, MIZUHO, "--allow", "line-pay", "--format", "html", "--lang", "en")
    assert '<html lang="ja">' in ja and "不正利用に関する調査・補償のお願い（下書き）" in ja
    assert '<html lang="en">' in en and "Request for investigation and compensation" in en
    for page in (ja, en):
        assert sha256(MIZUHO) in page and __version__ in page and "#9110" in page
        assert len(re.findall(r'<tr><td class="num">\d+</td>', page)) == 8  # claimed, numbered
    assert "出金の推移" in ja and "Debits over the statement period" in en


def test_draft_goes_to_stdout_or_only_to_the_file(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "draft.md"
    run = cli("report", MIZUHO, "-a", "line-pay", "-o", target)
    assert run.code == 0 and run.out == ""
    assert target.read_text(encoding="utf-8").startswith("# 不正利用")
    assert "8" in run.err  # the summary for the terminal


def test_unreadable_input_still_gives_a_draft_and_exit_3(cli: Cli, tmp_path: Path) -> None:
    run = cli("report", tmp_path / "missing.csv", MIZUHO, "-a", "line-pay")
    assert run.code == 3 and "ドコモコウザ" in run.out and "missing.csv" in run.err


def test_a_crash_on_one_file_writes_no_draft(cli: Cli, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.run.batch
    import auditor.run.units

    real = auditor.run.batch.examine

    def crash_on_mizuho(statement: object, *args: object, **kwargs: object) -> object:
        if getattr(statement, "path", None) == MIZUHO:
            raise RuntimeError("bug")
        return real(statement, *args, **kwargs)  # type: ignore[arg-type]

    # A file is audited as it is read (large runs) or once its account is known (small ones).
    monkeypatch.setattr(auditor.run.batch, "examine", crash_on_mizuho)
    monkeypatch.setattr(auditor.run.units, "examine", crash_on_mizuho)
    target = tmp_path / "draft.md"
    run = cli("report", SAMPLES / "mufg.csv", MIZUHO, "-o", target)
    assert run.code == 4 and run.out == "" and not target.exists()
    assert "mizuho.csv" in run.err and "no draft was written" in run.err


# --- masking ------------------------------------------------------------------------


@pytest.mark.parametrize(("given", "shown", "secrets"), [
    ("1234567", "***4567", ("1234567", "123456")),
    ("123-4567890", "***7890", ("123-4567890", "4567890", "1234567890", "456789")),
])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_account_shows_only_its_last_4_digits(cli: Cli, given: str, shown: str,
                                              secrets: tuple[str, ...], fmt: str) -> None:
    text = draft(cli, MIZUHO, "-a", "line-pay", "--account", given, "--format", fmt)
    assert shown in text
    for secret in secrets:
        assert secret not in text


def test_account_digits_in_a_file_name_are_masked(cli: Cli, statement_file: Write) -> None:
    path = statement_file(MIZUHO.read_bytes(), "8313360_20200926.csv")
    for fmt, shown in (("md", r"\*\*\*3360\_20200926.csv"), ("html", "***3360_20200926.csv")):
        text = draft(cli, path, "-a", "line-pay", "--format", fmt)
        assert "8313360" not in text and shown in text


def test_a_bad_account_is_refused_without_repeating_it(cli: Cli) -> None:
    run = cli("report", MIZUHO, "--account", "12ab3456")
    assert run.code == 2 and "--account" in run.err and "12ab3456" not in run.err


def test_mask_account() -> None:
    assert mask_account("1234567") == "***4567"
    assert mask_account("１２３－４５６７８９０") == "***7890"  # full-width
    assert mask_account("***4567") == "***4567"  # masking twice changes nothing
    assert mask_account("123") == "***"  # too short to show any of it
    with pytest.raises(ValueError, match="only digits") as error:
        mask_account("SECRET99")
    assert "SECRET" not in str(error.value)


def test_mask_digit_runs_keeps_dates() -> None:
    assert mask_digit_runs("0012345_20200926.csv") == "***2345_20200926.csv"
    assert mask_digit_runs("statement.csv") == "statement.csv"


@pytest.mark.parametrize(("name", "shown"), [
    ("mufg_201808.csv", "mufg_201808.csv"), ("statement_2020-08.csv", "statement_2020-08.csv"),
    ("722-6505215_202003.csv", "***5215_202003.csv"), ("2020-08-27.csv", "2020-08-27.csv"),
    ("1234567_202013.csv", "***2013.csv"), ("201808123.csv", "***8123.csv")])
def test_a_month_in_a_file_name_stays_a_month(name: str, shown: str) -> None:
    # 202013 is no month: it is masked with the number it follows, as any other digits.
    assert mask_digit_runs(name) == shown


# --- escaping -----------------------------------------------------------------------


def hostile_statement(statement_file: Write) -> Path:
    lines = [MUFG_HEADER, '"2020/8/1","振込１","キユウヨ","","300000","","","",""']
    for day, text in enumerate(HOSTILE, start=20):
        quoted = text.replace('"', '""')
        lines.append(f'"2020/8/{day}","口座振替","{quoted}","20000","","","","",""')
    return statement_file(("\r\n".join(lines) + "\r\n").encode("utf-8"), "hostile.csv")


def test_hostile_descriptors_are_inert_in_markdown(cli: Cli, statement_file: Write) -> None:
    text = draft(cli, hostile_statement(statement_file), "--lang", "en")
    assert "\x1b" not in text and "\u202e" not in text
    assert "<script>" not in text and r"\<script\>alert\(1\)\</script\>" in text
    assert "| pipe |" not in text and r"\| pipe \|" in text
    assert "[x](http://evil)" not in text and r"\[x\]\(http://evil\)" in text
    assert r'| \=HYPERLINK\("http://evil","ドコモコウザ"\) |' in text
    assert r"ドコモコウザ\\u001b\[2J\\u202e" in text
    rows = claimed_rows(text)
    assert len(rows) == len(HOSTILE) and {len(row) for row in rows} == {7}


def test_hostile_descriptors_are_inert_in_html(cli: Cli, statement_file: Write) -> None:
    text = draft(cli, hostile_statement(statement_file), "--format", "html")
    assert "\x1b" not in text and "\u202e" not in text
    assert "<script" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "=HYPERLINK(&quot;http://evil&quot;,&quot;ドコモコウザ&quot;)" in text
    assert "ドコモコウザ\\u001b[2J\\u202e" in text
    assert not re.search(r"\b(?:href|src)\s*=", text)


def test_md_escape() -> None:
    assert md_escape("a|b\\c*d_e`f#g<h>i[j](k)") == r"a\|b\\c\*d\_e\`f\#g\<h\>i\[j\]\(k\)"
    for lead in ("-", "+", "="):
        assert md_escape(f"{lead}1") == f"\\{lead}1"
    assert md_escape("1. x") == r"1\. x"
    assert md_escape("a\nb\r\u2028c") == r"a\\u000ab\\u000d\\u2028c"


def test_html_escape() -> None:
    assert h("<a href='x'>\"&\x07") == "&lt;a href=&#x27;x&#x27;&gt;&quot;&amp;\\u0007"


@given(st.text())
@settings(max_examples=300)
def test_escaped_text_never_carries_markup_or_controls(text: str) -> None:
    unsafe = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}  # controls, bidi marks, separators
    for escaped in (md_escape(text), h(text)):
        assert not {unicodedata.category(c) for c in escaped} & unsafe
    bare = re.sub(r"\\.", "", md_escape(text))  # drop every escaped character
    assert not set("|<>[]()`*_#\\") & set(bare)
    assert not set("<>\"'") & set(h(text))


# --- self-contained HTML ------------------------------------------------------------


def test_html_is_self_contained_and_prints_on_a4(cli: Cli) -> None:
    text = draft(cli, MIZUHO, "-a", "line-pay", "--format", "html")
    assert "http://" not in text and "https://" not in text
    for resource in ("<script", "<link", "@import", "url(", "@font-face", "<img", "<iframe"):
        assert resource not in text
    assert "@page" in text and "size: A4" in text and "print-color-adjust: exact" in text
    assert "break-inside: avoid" in text
    assert "Content-Security-Policy" in text and "default-src 'none'" in text


def test_html_has_a_timeline_of_the_claimed_debits_in_red(cli: Cli) -> None:
    text = draft(cli, MIZUHO, "-a", "line-pay", "--format", "html", "--lang", "en")
    svg = text[text.index("<svg"):text.index("</svg>")]
    assert svg.count('<circle') == 8  # one dot per claimed debit
    assert svg.count('fill="#d0021b"/>') == 8 + 1  # the dots and the legend swatch
    assert "Jul 2020" in svg and ">Aug<" in svg and ">Sep<" in svg
    assert "claimed" in svg and "other debits" not in svg and "¥100,000" in svg


def test_timeline_scales_and_ticks() -> None:
    labels = {"title": "t", "claimed": "c", "apart": "a", "other": "o"}
    points = [Point(date(2020, 8, 3), 1_000, "other"), Point(date(2020, 8, 27), 100_000, "claimed"),
              Point(date(2020, 8, 27), 90_000, "claimed")]
    svg = timeline_svg(points, labels, "ja")
    assert svg.startswith("<svg") and "xmlns" not in svg
    assert "2020/8/3" in svg and ">8/10<" in svg  # weekly ticks for a short period
    assert "10万円" in svg and "1,000円" in svg
    assert len(re.findall(r'<circle cx="([\d.]+)"', svg)) == 2
    xs = set(re.findall(r'<circle cx="([\d.]+)"', svg))
    assert len(xs) == 2  # two debits on one day stand apart
    assert timeline_svg([], labels, "en") == ""


# --- review answers -----------------------------------------------------------------


def answers_for(path: Path, chosen: dict[tuple[str, int], str]) -> Path:
    """An answers file for MIZUHO's findings: (date, amount) → answer."""
    from auditor.store.answers import Answer, AnswerStore
    from tests.conftest import scan
    from auditor.detect.rules import Context
    from auditor.ingest.statement import ReadOptions

    result = scan([MIZUHO], ReadOptions(), Context(load_catalogue(), frozenset({"line-pay"})))
    store = AnswerStore(path)
    for finding in result.findings:
        answer = chosen.get((finding.date.isoformat(), finding.amount))
        if answer:
            store.set(finding, Answer(answer), datetime(2024, 1, 1))
    store.save()
    return path


def test_answers_decide_the_claim(cli: Cli, tmp_path: Path) -> None:
    path = answers_for(tmp_path / "answers.json", {("2020-06-10", 3000): "mine",
                                                   ("2020-07-07", 1000): "not-sure",
                                                   ("2020-08-27", 100000): "not-mine"})
    run = cli("report", MIZUHO, "-a", "line-pay", "--lang", "en", "--answers", path)
    rows = claimed_rows(run.out)
    dates = [(row[1], row[5]) for row in rows]
    assert ("2020-08-27", "¥100,000") in dates
    assert ("2020-06-10", "¥3,000") not in dates and ("2020-07-07", "¥1,000") not in dates
    review = run.out[run.out.index("## For your review"):]
    assert '| 2020-07-07 | — | ﾒﾙﾍﾟｲ | Merpay | ¥1,000 |' in review
    assert 'you answered "not sure"' in review
    assert "2020-06-10" not in run.out  # "mine": left out entirely
    assert "1 you answered as yours" in run.err


def test_confirmed_only_claims_only_not_mine(cli: Cli, tmp_path: Path) -> None:
    path = answers_for(tmp_path / "answers.json", {("2020-08-27", 100000): "not-mine",
                                                   ("2020-08-27", 20000): "not-mine",
                                                   ("2020-07-07", 1000): "not-sure"})
    text = draft(cli, MIZUHO, "-a", "line-pay", "--lang", "en", "--answers", path,
                 "--confirmed-only")
    assert [(row[1], row[5]) for row in claimed_rows(text)] == [("2020-08-27", "¥100,000"),
                                                                ("2020-08-27", "¥20,000")]
    assert "| **Total** | **¥120,000** |" in text
    assert "| 2020-07-07 |" in text  # not sure: still listed apart
    assert "2020-09-22" not in text  # unreviewed: left out


def test_a_missing_answers_file_named_on_the_command_line_is_an_error(cli: Cli,
                                                                        tmp_path: Path) -> None:
    run = cli("report", MIZUHO, "--answers", tmp_path / "nope.json")
    assert run.code == 2 and "no such answers file" in run.err


def finding(day: int, amount: int, severity: Severity) -> Finding:
    reason = Reason("first-seen", severity, "first debit", "初めての出金")
    return Finding(file="s.csv", line=day, date=date(2020, 8, day), time=None, amount=amount,
                   description="ﾄﾞｺﾓｺｳｻﾞ", wallet="docomo-koza", score=40, severity=severity,
                   reasons=(reason,))


def test_without_answers_low_findings_are_listed_apart() -> None:
    findings = [finding(1, 1000, Severity.low), finding(2, 2000, Severity.medium),
                finding(3, 3000, Severity.high)]
    claim = build_claim(findings, lambda f: None, holder=Holder(account="1234567"),
                        sources=[SourceFile("0012345.csv", "ab" * 32, "みずほ銀行", 3, None)],
                        debits=[Debit("s.csv", 1, date(2020, 8, 1), 1000)],
                        catalogue=load_catalogue(), version="9.9", today=date(2024, 1, 2))
    assert [e.finding.amount for e in claim.claimed] == [2000, 3000] and claim.total == 5000
    assert [e.status for e in claim.apart] == [Status.unreviewed]
    assert claim.holder.account == "***4567" and claim.sources[0].name == "***2345.csv"
    assert claim.services("ja") == [("ドコモ口座", 2, 5000)]
    assert claim.kind_of(claim.debits[0]) == "apart"
    for lang in ("ja", "en"):
        document = build_document(claim, lang)
        text = render_markdown(document) + render_html(document)
        assert "1234567" not in text and "0012345" not in text


@pytest.mark.parametrize(("answer", "severity", "confirmed_only", "status"), [
    ("mine", Severity.high, False, Status.mine),
    ("not-mine", Severity.low, False, Status.claimed),
    ("not-sure", Severity.high, False, Status.not_sure),
    (None, Severity.medium, False, Status.claimed),
    (None, Severity.low, False, Status.unreviewed),
    (None, Severity.high, True, Status.unconfirmed),
    ("not-mine", Severity.low, True, Status.claimed),
])
def test_status_of(answer: str | None, severity: Severity, confirmed_only: bool,
                   status: Status) -> None:
    assert status_of(finding(1, 1, severity), answer, confirmed_only) is status


# --- writing ------------------------------------------------------------------------


def test_existing_output_is_kept_without_force(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "draft.html"
    target.write_text("keep me", encoding="utf-8")
    run = cli("report", MIZUHO, "-a", "line-pay", "-f", "html", "-o", target)
    assert run.code == 2 and "--force" in run.err
    assert target.read_text(encoding="utf-8") == "keep me"
    run = cli("report", MIZUHO, "-a", "line-pay", "-f", "html", "-o", target, "--force")
    assert run.code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_force_never_overwrites_a_statement(cli: Cli, statement_file: Write) -> None:
    path = statement_file(MIZUHO.read_bytes(), "mizuho.csv")
    run = cli("report", path, "-o", path, "--force")
    assert run.code == 2 and "one of the statements" in run.err
    assert path.read_bytes() == MIZUHO.read_bytes()
