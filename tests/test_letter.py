"""auditor report as a letter: one per bank account, the facts a bank asks a victim for, the
holder's own voice, one day said as one day, --final, the chart, and the account kept private."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from auditor import __version__
from auditor.detect.wallets import load_catalogue
from auditor.ingest.statement import read_statement
from auditor.models import Finding, Severity
from auditor.report.accounts import split
from auditor.report.claim import Debit, SourceFile
from auditor.report.desks import load_desks, parse_desks
from auditor.stitch.summary import AccountSummary
from auditor.report.limits import claim_limit, notice_limit
from tests.conftest import GOLDEN, SAMPLES, Run
from tests.test_report import MIZUHO, answers_for, claimed_rows

Cli = Callable[..., Run]
LETTERS = GOLDEN / "letters"
TODAY = date(2020, 9, 10)  # a fortnight after the ドコモ口座 burst: within every limit
# The samples' holders' own wallets: shinsei_2018.csv then has nothing to claim.
ALLOWED = ("-a", "line-pay", "-a", "paypay", "-a", "docomo-koza", "-a", "paypal", "-a",
           "rakuten-edy")
ONE_DAY = ("-a", "line-pay", "-a", "merpay")  # only the four debits of 2020-08-27 remain
FULL_NUMBER = "0012345"  # mizuho.csv's account number, as its preamble prints it


class _Today(date):
    @classmethod
    def today(cls) -> _Today:
        return cls(TODAY.year, TODAY.month, TODAY.day)


@pytest.fixture(autouse=True)
def _fixed_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The letter is dated and its limits judged on TODAY; no real answers are read."""
    import auditor.cli.report_cmd as report_cmd

    monkeypatch.setattr(report_cmd, "date", _Today)
    monkeypatch.setenv("AUDITOR_ANSWERS", str(tmp_path / "no-answers.json"))


def letter(cli: Cli, *args: str | Path) -> Run:
    run = cli("report", *args)
    assert run.code == 0, run.err
    return run


# --- the golden letters -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_golden_letter(cli: Cli, lang: str, update_golden: bool) -> None:
    run = letter(cli, MIZUHO, "-a", "line-pay", "--lang", lang, "--found", "2020-09-05",
                 "--name", "山田 太郎")
    text = run.out.replace(f"auditor {__version__}", "auditor VERSION")
    golden = LETTERS / f"mizuho_{lang}.md"
    if update_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_letter_carries_what_a_bank_asks_for(cli: Cli) -> None:
    ja = letter(cli, MIZUHO, "-a", "line-pay", "--found", "2020-09-05").out
    assert "| 口座名義（カナ） | ＿＿＿" in ja and "| 店番 | 480 |" in ja  # the statement's 店番
    assert "| 口座番号（全桁・手書きで記入） | ＿＿＿" in ja and "| 口座番号の下4桁（照合用） | ***2345 |" in ja
    assert "| 発見日（出金に気づいた日） | 2020年9月5日 |" in ja
    assert "| 届出日（貴行へ届け出た日） | ＿＿＿" in ja
    assert "2020年10月5日までに届出（2020年9月5日から30日）" in ja
    assert "最初の出金（2020年6月10日）：2022年6月10日まで" in ja
    for blank in ("警察署", "届出日", "受理番号"):
        assert f"| {blank} | ＿＿＿" in ja
    assert "暗証番号を他人に教えたことも" in ja and "キャッシュカードを他人に貸したことも" in ja
    assert "メルペイ、ドコモ口座に登録したことも" in ja
    assert "運営事業者および警察に提供することに同意します" in ja
    assert "金融サービス利用者相談室：0570-016811" in ja
    assert "株式会社メルペイ（メルペイ）" in ja and "株式会社NTTドコモ（ドコモ口座）：0120-885-360" in ja
    en = letter(cli, MIZUHO, "-a", "line-pay", "--lang", "en").out
    assert "| Date I noticed the debits (発見日) | ＿＿＿" in en
    assert "30 days after the date I noticed them" in en
    assert "the first debit (10 June 2020): report by 10 June 2022" in en


def test_a_service_the_holder_uses_is_never_denied(cli: Cli) -> None:
    # docomo allowed: its burst is still claimed, but the holder holds the service.
    text = letter(cli, MIZUHO, *ONE_DAY, "-a", "docomo-koza", "--lang", "en").out
    assert len(claimed_rows(text)) == 4
    assert "I have never registered with docomo Koza" not in text
    assert "I have never told anyone my cash card PIN" in text


def test_reasons_are_the_holders_own_words(cli: Cli) -> None:
    text = letter(cli, MIZUHO, "-a", "line-pay", "--lang", "en").out
    reasons = " ".join(row[6] for row in claimed_rows(text))
    assert "a service I have never registered with" in reasons
    assert "on my statements" in reasons
    assert not re.search(r"\byou(r)?\b", reasons), reasons
    ja = " ".join(row[6] for row in claimed_rows(letter(cli, MIZUHO, "-a", "line-pay").out))
    assert "私が登録していないドコモ口座へ100,000円が出金されています" in ja


# --- one day, one letter, no letter -------------------------------------------------------


def test_one_day_reads_as_one_day(cli: Cli) -> None:
    ja = letter(cli, MIZUHO, *ONE_DAY).out
    assert "2020年8月27日に、私の口座から" in ja and "から2020年8月27日" not in ja
    assert "| 出金日 | 2020年8月27日 |" in ja and "最初の出金" not in ja
    assert "2020年8月27日の出金：2022年8月27日までに届出" in ja
    en = letter(cli, MIZUHO, *ONE_DAY, "--lang", "en").out
    assert "On 27 August 2020, 4 debit(s) totalling ¥300,000" in en
    page = letter(cli, MIZUHO, *ONE_DAY, "-f", "html").out
    assert ">8/27<" in page and "2020/8/26" in page  # a chart of a few days marks each day
    assert "Between" not in en and "to 27 August 2020" not in en


def test_nothing_to_claim_writes_no_letter(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "letter.md"
    run = cli("report", MIZUHO, "--since", "2020-09-23", "--lang", "en", "-o", output)
    assert (run.code, run.out) == (0, "") and not output.exists()
    assert "nothing to claim, so no letter was written" in run.err
    ja = cli("report", MIZUHO, "--since", "2020-09-23", "--lang", "ja")
    assert (ja.code, ja.out) == (0, "") and "文書は作成しませんでした" in ja.err


def _accounts_folder(tmp_path: Path) -> Path:
    """Three accounts: mizuho.csv in two downloads (one account), yucho, and a clean one."""
    folder = tmp_path / "statements"
    folder.mkdir()
    lines = MIZUHO.read_bytes().split(b"\r\n")
    header = next(i for i, line in enumerate(lines) if line.startswith("明細通番".encode("cp932")))
    middle = header + 1 + (len(lines) - header) // 2
    (folder / "mizuho_first.csv").write_bytes(b"\r\n".join(lines[:middle]) + b"\r\n")
    (folder / "mizuho_second.csv").write_bytes(b"\r\n".join(lines[:header + 1] + lines[middle:]))
    (folder / "yucho.csv").write_bytes((SAMPLES / "yucho.csv").read_bytes())
    (folder / "shinsei.csv").write_bytes((SAMPLES / "shinsei_2018.csv").read_bytes())
    return folder


def test_one_letter_per_account(cli: Cli, tmp_path: Path) -> None:
    folder = _accounts_folder(tmp_path)
    refused = cli("report", folder, "-a", "line-pay", "-a", "paypay", "--lang", "en")
    assert refused.code == 2 and refused.out == "" and "--output-dir" in refused.err
    out = tmp_path / "letters"
    run = letter(cli, folder, *ALLOWED, "--output-dir", out, "--lang", "en")
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == len({n.split("_")[0] for n in names}) == 2, names  # not shinsei
    mizuho = (out / "mizuho-bank_2345.md").read_text(encoding="utf-8")
    assert "To: Mizuho Bank" in mizuho and "yucho.csv" not in mizuho
    assert "mizuho\\_first.csv" in mizuho and "mizuho\\_second.csv" in mizuho  # stitched: one
    assert len(claimed_rows(mizuho)) == 8  # as from mizuho.csv whole: none lost, none twice
    yucho = out / "japan-post-bank_5671.md"
    assert "To: Japan Post Bank" in yucho.read_text(encoding="utf-8")
    assert "Mizuho Bank): 8 debit(s) claimed (¥314,000) in " in run.err
    assert "***4567 (SBI Shinsei Bank): nothing to claim, no letter" in run.err


def test_final_drops_the_draft_banner(cli: Cli) -> None:
    for fmt, banner in (("md", "> この文書は auditor が"), ("html", '<p class="draft">')):
        assert banner in letter(cli, MIZUHO, "-a", "line-pay", "-f", fmt).out
        final = letter(cli, MIZUHO, "-a", "line-pay", "-f", fmt, "--final").out
        assert banner not in final and "下書き" not in final and "不正利用に関する調査・補償のお願い" in final


def test_split_keeps_every_file_and_names_each_letter_once() -> None:
    sources = [SourceFile(f"{name}.csv", "ab" * 32, "みずほ銀行", 3, None, "Mizuho Bank",
                          path=f"in/{name}.csv", layout="mizuho") for name in ("a", "b")]
    lost = Finding(file="in/c.csv", line=2, date=date(2020, 8, 27), time=None, amount=100,
                   description="ﾄﾞｺﾓｺｳｻﾞ", wallet="docomo-koza", score=40,
                   severity=Severity.medium, reasons=())
    debits = [Debit("in/a.csv", 2, date(2020, 8, 1), 5), Debit("in/b.csv", 2, date(2020, 8, 2), 7)]
    summary = AccountSummary("***2345", "みずほ銀行", ("in/a.csv",), None, 3)
    parts = split([summary], [lost], sources, debits)
    assert [p.label for p in parts] == ["***2345", "b.csv", "c.csv"]  # none dropped
    assert [p.stem for p in parts] == ["mizuho-bank_2345", "mizuho-bank_b", "bank_c"]
    assert [len(p.debits) for p in parts] == [1, 1, 0] and parts[2].findings == (lost,)
    other = AccountSummary("***2345", "みずほ銀行", ("in/b.csv",), None, 3)  # same 4 digits
    twice = split([summary, other], [], sources, [])
    assert [p.stem for p in twice] == ["mizuho-bank_2345", "mizuho-bank_2345-2"]


# --- the chart -----------------------------------------------------------------------------


def test_chart_shows_only_claimed_and_questioned_debits(cli: Cli, tmp_path: Path) -> None:
    answers = answers_for(tmp_path / "answers.json", {("2020-07-07", 1000): "not-sure"})
    page = letter(cli, MIZUHO, "-a", "line-pay", "-f", "html", "--lang", "en",
                  "--answers", answers).out
    svg = page[page.index("<svg"):page.index("</svg>")]
    tips = re.findall(r"<g><title>([^<]*)</title>", svg)  # one tooltip per bar
    assert sorted(tips) == sorted([
        "2020-06-10 ¥3,000", "2020-07-07 ¥1,000", "2020-08-17 ¥5,000", "2020-08-27 ¥100,000",
        "2020-08-27 ¥90,000", "2020-08-27 ¥90,000", "2020-08-27 ¥20,000", "2020-09-22 ¥5,000"])
    assert svg.count('fill="#e08a00"') == 2  # the one not sure: a dot and its swatch
    assert "other debits" not in svg


# --- privacy -------------------------------------------------------------------------------


def test_no_full_account_number_anywhere(cli: Cli, tmp_path: Path) -> None:
    folder = _accounts_folder(tmp_path)
    numbers = {read_statement(path).account for path in folder.iterdir()} - {None}
    digits = {re.sub(r"[^0-9]", "", number or "") for number in numbers}
    assert any(d.endswith(FULL_NUMBER) for d in digits) and len(digits) == 3  # never shown
    out = tmp_path / "letters"
    runs = [letter(cli, folder, "--output-dir", out, "--lang", lang, "-f", fmt, "--force")
            for lang in ("ja", "en") for fmt in ("md", "html")]
    runs.append(letter(cli, MIZUHO, "-f", "html", "--account", "480-0012345"))
    texts = [p.read_text(encoding="utf-8") for p in out.iterdir()]
    texts += [run.out + run.err for run in runs] + [p.name for p in out.iterdir()]
    assert len(texts) > 8
    for text in texts:
        seen = re.sub(r"[0-9a-f]{64}", "", text)  # the files' fingerprints are no number
        for number in digits:
            assert number[-5:] not in seen  # the last 4 digits, never a 5th
        assert "480-" not in seen


def test_holder_values_are_never_markup(cli: Cli) -> None:
    page = letter(cli, MIZUHO, "-a", "line-pay", "-f", "html", "--name", "<b>山田</b>",
                  "--bank", "[red]銀行[/red]<i>").out
    assert "<b>山田</b>" not in page and "&lt;b&gt;山田&lt;/b&gt;" in page
    assert "<i>" not in page and "[red]銀行[/red]&lt;i&gt;" in page
    text = letter(cli, MIZUHO, "-a", "line-pay", "--name", "*山田* | x").out
    assert "\\*山田\\* \\| x" in text


# --- data and dates ------------------------------------------------------------------------


def test_every_desk_is_a_known_wallet_with_both_names() -> None:
    wallets = load_catalogue().ids
    desks = load_desks()
    assert desks and set(desks) <= set(wallets)
    assert all(d.operator_ja and d.operator_en for d in desks.values())
    assert all(bool(d.phone_note_ja) == bool(d.phone_note_en) for d in desks.values())
    with pytest.raises(ValueError):
        parse_desks('[paypay]\noperator_ja = "x"\n')
    with pytest.raises(ValueError):
        parse_desks('[paypay]\noperator_ja = "x"\noperator_en = "y"\nfax = "1"\n')


def test_limits() -> None:
    assert notice_limit(date(2020, 9, 5)) == date(2020, 10, 5)
    assert claim_limit(date(2020, 8, 27)) == date(2022, 8, 27)
    assert claim_limit(date(2020, 2, 29)) == date(2022, 2, 28)


def test_old_debits_are_told_on_stderr(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.cli.report_cmd as report_cmd

    assert "more than 2 years old" not in letter(cli, MIZUHO, *ONE_DAY, "--found", "3d").err

    class Later(date):
        @classmethod
        def today(cls) -> Later:
            return cls(2022, 8, 28)

    monkeypatch.setattr(report_cmd, "date", Later)
    run = letter(cli, MIZUHO, *ONE_DAY, "--lang", "en")
    assert "4 claimed debit(s) are more than 2 years old" in run.err
