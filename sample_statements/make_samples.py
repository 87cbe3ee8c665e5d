"""Write one synthetic bank statement per supported layout, plus truth.json and README.md."""

from __future__ import annotations

import json
import random
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Literal

HERE = Path(__file__).resolve().parent
SEED = "statement-auditor/samples/v1"
MIN_BALANCE = 50_000  # raise the opening balance until the account never drops below this

Quoting = Literal["none", "all", "nonempty", "text"]
Order = Literal["oldest", "newest"]
Tag = Literal["ordinary", "flag", "own", "lookalike"]
DateFmt = Callable[[date], str]
AmountFmt = Callable[[int], str]
Lines = Callable[["Statement"], list[str]]
Spelling = tuple[str, str]  # (type code, descriptor text) as the bank prints them
Hit = tuple[str, int, str]  # ("YYYY-MM-DD[ HH:MM:SS]", amount, descriptor text)


# --- date forms --------------------------------------------------------------------------


def d_compact(d: date) -> str:
    """20200105 (ゆうちょ, 楽天)."""
    return f"{d:%Y%m%d}"


def d_slash(d: date) -> str:
    """2020/1/5, not zero-padded (MUFG, SMBC)."""
    return f"{d.year}/{d.month}/{d.day}"


def d_slash0(d: date) -> str:
    """2020/01/05 (住信SBI, 新生 and most others)."""
    return f"{d:%Y/%m/%d}"


def d_dot(d: date) -> str:
    """2020.01.05 (みずほ)."""
    return f"{d:%Y.%m.%d}"


def d_iso(d: date) -> str:
    """2023-02-19 (岩手)."""
    return d.isoformat()


def d_kanji(d: date) -> str:
    """2025年2月17日 (ソニー 2025)."""
    return f"{d.year}年{d.month}月{d.day}日"


def d_kanji0(d: date) -> str:
    """2026年04月01日 (京都, 全銀協 13 columns)."""
    return f"{d.year}年{d.month:02d}月{d.day:02d}日"


def d_month_day(d: date) -> str:
    """4月30日, no year (JA)."""
    return f"{d.month}月{d.day}日"


def era(d: date) -> tuple[str, str, int]:
    """Return (kanji era, letter, era year) for a date in Heisei or Reiwa."""
    if d >= date(2019, 5, 1):
        return "令和", "R", d.year - 2018
    return "平成", "H", d.year - 1988


def d_wareki(d: date) -> str:
    """H31.04.30 / R01.05.07 (SMBC 年月日（和暦）)."""
    _, letter, year = era(d)
    return f"{letter}{year:02d}.{d.month:02d}.{d.day:02d}"


def wareki_long(d: date) -> str:
    """令和 02 年 10 月 01 日, as in ゆうちょ's preamble."""
    name, _, year = era(d)
    return f"{name} {year:02d} 年 {d.month:02d} 月 {d.day:02d} 日"


# --- amount forms ------------------------------------------------------------------------


def a_plain(n: int) -> str:
    """7000."""
    return str(n)


def a_comma(n: int) -> str:
    """7,000."""
    return f"{n:,}"


def a_yen(n: int) -> str:
    r"""\7,000: JA's yen prefix is byte 0x5C, which cp932 decodes as a backslash."""
    return "\\" + f"{n:,}"


def a_six(n: int) -> str:
    """7000.000000 (ソニー 2025 writes six decimals even for yen)."""
    return f"{n}.000000"


# --- descriptor vocabularies -------------------------------------------------------------
# Each kind maps to the spellings a bank might print; one is picked per statement (atm and
# debit per row). "{auth}" becomes six random digits, "{authw}" six full-width digits.

LOOKALIKE_KINDS = frozenset({"phone", "card_look", "wallet_in", "market_in"})
CREDIT_KINDS = frozenset({"salary", "transfer_in", "interest", "wallet_in", "market_in"})

PLAIN: dict[str, tuple[Spelling, ...]] = {
    "salary": (("給与", "ｷﾕｳﾖ ｶ)ｻﾝﾌﾟﾙｼﾖｳｼﾞ"), ("給与", "給与　カ）サンプルシヨウジ")),
    "rent": (("振込", "ﾔﾁﾝ ｶ)ｻﾝﾌﾟﾙﾌﾄﾞｳｻﾝ"),),
    "power": (("口座振替", "ﾃﾞﾝｷﾀﾞｲ"), ("口座振替", "トウキヨウデンリヨク")),
    "phone": (("口座振替", "ＮＴＴドコモ"), ("口座振替", "ドコモケイタイ")),
    "card": (("口座振替", "ﾐﾂｲｽﾐﾄﾓｶｰﾄﾞ"),),
    "card_look": (("口座振替", "ＰＡＹＰＡＹカ－ド"), ("口座振替", "ラクテンカード")),
    "atm": (("カード", "ATM ｼﾊﾗｲ"), ("カード", "ｶｰﾄﾞ")),
    "debit": (("デビット", "Vﾃﾞﾋﾞﾂﾄ ｻﾝﾌﾟﾙﾏｰﾄ"), ("デビット", "ＪＣＢデビット　サンプルストア")),
    "transfer_out": (("振込", "ﾌﾘｺﾐ ﾃｽﾄ ﾊﾅｺ"),),
    "transfer_in": (("振込", "ﾌﾘｺﾐ ｻﾝﾌﾟﾙ ｼﾞﾛｳ"),),
    "interest": (("利息", "利息"),),
    "wallet_in": (("振込", "ﾍﾟｲﾍﾟｲ"),),
    "market_in": (("振込", "ﾒﾙｶﾘ"),),
}

VOCAB_OVERRIDES: dict[str, dict[str, tuple[Spelling, ...]]] = {
    "plain": {},
    "yucho": {
        "salary": (("給与", "ｻﾝﾌﾟﾙｼﾖｳｼﾞ"),),
        "rent": (("自払", "JC ｻﾝﾌﾟﾙﾔﾁﾝ"),),
        "power": (("自払", "ﾃﾞﾝｷﾀﾞｲ"), ("料　金", "トウキヨウデンリヨク")),
        "phone": (("自払", "ＮＴＴドコモ"), ("自払", "ドコモケイタイ")),
        "card": (("自払", "ﾐﾂｲｽﾐﾄﾓｶｰﾄﾞ"),),
        "card_look": (("自払", "ＰＡＹＰＡＹカ－ド"), ("自払", "ラクテンカード")),
        "atm": (("カード", ""),),
        "debit": (("ＰＥ", "ｻﾝﾌﾟﾙﾂｳﾊﾝ"), ("ＰＥ", "ｻﾝﾌﾟﾙｶﾞｽ")),
        "transfer_out": (("送金", "ﾃｽﾄ ﾊﾅｺ"),),
        "transfer_in": (("振込", "ｻﾝﾌﾟﾙ ｼﾞﾛｳ"),),
        "interest": (("利子", ""),),
    },
    "mufg": {
        "salary": (("振込１", "ｷﾕｳﾖ ｶ)ｻﾝﾌﾟﾙｼﾖｳｼﾞ"),),
        "rent": (("振込ＩＢ１", "ｶ)ｻﾝﾌﾟﾙﾌﾄﾞｳｻﾝ"),),
        "power": (("口座振替３", "ﾃﾞﾝｷﾀﾞｲ"), ("口座振替３", "トウキヨウデンリヨク")),
        "phone": (("口座振替３", "ドコモケイタイ"), ("口座振替３", "ＮＴＴドコモ")),
        "card": (("口座振替３", "ﾐﾂｲｽﾐﾄﾓｶｰﾄﾞ"),),
        "card_look": (("口座振替３", "ラクテンカード"), ("口座振替３", "ＰＡＹＰＡＹカ－ド")),
        "atm": (("カ－ド", ""), ("カードＣ１", "")),
        "debit": (("デビット１", "{authw}　サンプルマート"),),
        "transfer_out": (("振込ＩＢ１", "ﾃｽﾄ ﾊﾅｺ"),),
        "transfer_in": (("振込９", "ｻﾝﾌﾟﾙ ｼﾞﾛｳ"),),
        "interest": (("利息", ""),),
        "wallet_in": (("振込９", "ﾍﾟｲﾍﾟｲ"),),
        "market_in": (("振込９", "ﾒﾙｶﾘ"),),
    },
    "smbc": {
        "salary": (("", "ｷﾕｳﾖ ｶ)ｻﾝﾌﾟﾙｼﾖｳｼﾞ"),),
        "rent": (("", "JC ｻﾝﾌﾟﾙﾔﾁﾝ"),),
        "debit": (("", "V{auth}"), ("", "V{auth}　ｻﾝﾌﾟﾙﾏｰﾄ")),
        "transfer_out": (("", "パソコン振込 ﾃｽﾄ ﾊﾅｺ"),),
        "transfer_in": (("", "振込　ｻﾝﾌﾟﾙ ｼﾞﾛｳ"),),
        "interest": (("", "普通預金利息"),),
        "wallet_in": (("", "振込　ﾍﾟｲﾍﾟｲ"),),
        "market_in": (("", "振込　ﾒﾙｶﾘ"),),
    },
    "rakuten": {
        "salary": (("", "給与　カ）サンプルシヨウジ"),),
        "power": (("", "ＤＦ．トウキヨウデンリヨク"),),
        "phone": (("", "ＤＦ．ドコモケイタイ"), ("", "ＮＴＴドコモ")),
        "card_look": (("", "ラクテンカードサービス"),),
        "debit": (("", "VISAデビット　サンプルマート"), ("", "JCBデビット A{auth} サンプルストア")),
        "transfer_in": (("", "振込　サンプル　ジロウ"),),
        "interest": (("", "普通預金利息"),),
    },
    "sumishin": {
        "salary": (("", "給与＊サンプルシヨウジ"),),
        "rent": (("", "振込　サンプルフドウサン"),),
        "power": (("", "口座振替　トウキヨウデンリヨク"),),
        "phone": (("", "口座振替　ＮＴＴドコモ"),),
        "card": (("", "口座振替　ミツイスミトモカード"),),
        "card_look": (("", "口座振替　ラクテンカード"),),
        "atm": (("", "ＡＴＭ　セブン銀行"), ("", "ＡＴＭ　イーネット")),
        "debit": (("", "デビット {auth}"),),
        "transfer_out": (("", "ことら送金　テスト　ハナコ"),),
        "transfer_in": (("", "振込＊サンプル　ジロウ"),),
        "wallet_in": (("", "振込＊ペイペイ"),),
        "market_in": (("", "振込＊メルカリ"),),
    },
    "paypay": {
        "card_look": (("", "ＰＡＹＰＡＹカ－ド"),),
        "debit": (("", "Vデビット　サンプルマート"), ("", "Vデビット　サンプルストア")),
        "interest": (("", "利息"),),
    },
    "sony": {
        "salary": (("", "振込 ｷﾕｳﾖ ｶ)ｻﾝﾌﾟﾙｼﾖｳｼﾞ"),),
        "debit": (("", "Visaデビット 01　{auth}　ＳＡＭＰＬＥ　ＭＡＲＴ"),),
        "transfer_in": (("", "振込 サンプル　ジロウ"),),
        "interest": (("", "決算お利息"),),
    },
    "shinsei": {
        "salary": (("", "振込・振替:ｷﾕｳﾖ ｶ)ｻﾝﾌﾟﾙｼﾖｳｼﾞ"),),
        "rent": (("", "ＮＥＴ 振込・振替"),),
        "atm": (("", "ATM 現金出金（提携取引）"),),
        "debit": (("", "SAMPLE MART Ｊデビット出金"), ("", "SAMPLE STORE Ｊデビット出金")),
        "transfer_out": (("", "ＮＥＴ 振込・振替"),),
        "transfer_in": (("", "振込・振替:ｻﾝﾌﾟﾙ ｼﾞﾛｳ"),),
        "interest": (("", "税引前利息"),),
        "wallet_in": (("", "振込・振替:ﾍﾟｲﾍﾟｲ"),),
        "market_in": (("", "振込・振替:ﾒﾙｶﾘ"),),
    },
    "gmo": {
        "debit": (("", "Visaデビット　{auth}　ｻﾝﾌﾟﾙﾏｰﾄ"),),
        "interest": (("", "利息"),),
    },
    "zengin": {
        "salary": (("振込入金", "ｷﾕｳﾖ ｶ)ｻﾝﾌﾟﾙｼﾖｳｼﾞ"),),
        "rent": (("振込", "ｶ)ｻﾝﾌﾟﾙﾌﾄﾞｳｻﾝ"),),
        "power": (("口座振替", "ﾃﾞﾝｷﾀﾞｲ"), ("口座振替", "ﾄｳｷﾖｳﾃﾞﾝﾘﾖｸ")),
        "phone": (("口座振替", "NTTﾄﾞｺﾓ"), ("口座振替", "ﾄﾞｺﾓｹｲﾀｲ")),
        "card": (("口座振替", "ﾐﾂｲｽﾐﾄﾓｶｰﾄﾞ"),),
        "card_look": (("口座振替", "PAYPAYｶｰﾄﾞ"), ("口座振替", "ﾗｸﾃﾝｶｰﾄﾞ")),
        "atm": (("出金", "ATM"), ("出金", "ｶｰﾄﾞ")),
        "debit": (("デビット", "Vﾃﾞﾋﾞﾂﾄ ｻﾝﾌﾟﾙﾏｰﾄ"),),
        "transfer_out": (("振込", "ﾃｽﾄ ﾊﾅｺ"),),
        "transfer_in": (("振込入金", "ｻﾝﾌﾟﾙ ｼﾞﾛｳ"),),
        "interest": (("利息", "ﾘｿｸ"),),
        "wallet_in": (("振込入金", "ﾍﾟｲﾍﾟｲ"),),
        "market_in": (("振込入金", "ﾒﾙｶﾘ"),),
    },
    "iwate": {
        "rent": (("", "JC ｻﾝﾌﾟﾙﾔﾁﾝ"),),
        "phone": (("", "NTTﾄﾞｺﾓ"),),
        "card_look": (("", "ﾗｸﾃﾝｶｰﾄﾞ"),),
        "atm": (("", "ATMｼﾊﾗｲ"),),
        "transfer_out": (("", "ﾌﾘｺﾐ"),),
        "interest": (("", "ｹﾂｻﾝﾘｿｸ"),),
    },
}


def vocabulary(family: str) -> dict[str, tuple[Spelling, ...]]:
    """Return the plain vocabulary with a bank family's spellings laid over it."""
    return {**PLAIN, **VOCAB_OVERRIDES[family]}


def identity(text: str) -> str:
    """Leave a descriptor as it is."""
    return text


def rakuten_kana(text: str) -> str:
    """Write voiced marks as separate ゛/゜ and the long vowel as U+FF0D, as 楽天銀行 does."""
    out: list[str] = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        if len(parts) == 2 and "\u30a1" <= parts[0] <= "\u30fa" and parts[1] in "\u3099\u309a":
            out.append(parts[0] + ("\u309b" if parts[1] == "\u3099" else "\u309c"))
        elif ch == "ー":
            out.append("\uff0d")
        else:
            out.append(ch)
    return "".join(out)


# --- the data model ----------------------------------------------------------------------


@dataclass(frozen=True)
class Txn:
    """One transaction, independent of how a bank prints it."""

    when: datetime
    debit: int
    credit: int
    kind: str
    code: str
    text: str
    tag: Tag = "ordinary"


@dataclass(frozen=True)
class Row:
    """A transaction with its place in the statement and the balance after it."""

    number: int  # 1-based, in chronological order
    day_seq: int  # 1-based counter within the day
    txn: Txn
    balance: int


@dataclass(frozen=True)
class Layout:
    """How one bank (and version) writes its CSV."""

    id: str
    bank: str
    header: str
    columns: tuple[str, ...]
    encoding: str
    date: DateFmt
    amount: AmountFmt
    vocab: str = "plain"
    quoting: Quoting = "none"
    delimiter: str = ","
    eol: str = "\r\n"
    order: Order = "oldest"
    preamble: Lines | None = None
    trailer: Lines | None = None
    wallet_code: str = "口座振替"
    memo: str = ""
    kana: Callable[[str], str] = identity
    bom: bool = False  # write U+FEFF first (the UTF-16 codecs do not add one)
    note: str = ""


@dataclass(frozen=True)
class Plan:
    """What one statement holds: period, the holder's wallets and the unauthorised debits."""

    layout: str
    start: str
    end: str
    scenario: str
    story: str
    own: tuple[tuple[str, str], ...]  # (wallet id, descriptor text)
    hits: tuple[Hit, ...] = ()
    account: str | None = None
    pinned: tuple[tuple[str, str, int], ...] = ()  # (date, kind, amount) ordinary rows


@dataclass(frozen=True)
class Statement:
    """A generated statement: its layout, plan and rows in chronological order."""

    layout: Layout
    plan: Plan
    rows: tuple[Row, ...]
    opening: int

    @property
    def closing(self) -> int:
        return self.rows[-1].balance

    @property
    def first(self) -> date:
        return self.rows[0].txn.when.date()

    @property
    def last(self) -> date:
        return self.rows[-1].txn.when.date()

    @property
    def printed_at(self) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time(9, 12))

    def in_file_order(self) -> tuple[Row, ...]:
        return self.rows if self.layout.order == "oldest" else tuple(reversed(self.rows))


# --- preambles and trailers --------------------------------------------------------------


def yucho_preamble(st: Statement) -> list[str]:
    """ゆうちょダイレクト: 7 lines of account information before the header."""
    at = st.printed_at
    return [
        "お客さま口座情報",
        f'現在高：,"{st.closing:,}",円,',
        f"出力日時：{wareki_long(at.date())} {at:%H} 時 {at:%M} 分",
        f"お客さま口座番号：{st.plan.account}",
        "照会対象：期間指定",
        f"日付指定：{wareki_long(st.first)} ～ {wareki_long(st.last)}",
        f"明細件数：{len(st.rows)}",
    ]


def mizuho_preamble(st: Statement) -> list[str]:
    """みずほダイレクト: 11 metadata lines, then one blank line, then the header on line 13."""
    assert st.plan.account is not None
    branch, number = st.plan.account.split("-")
    return [
        "みずほダイレクト　入出金明細照会",
        "お取引店,サンプル支店",
        f"店番,{branch}",
        "科目,普通預金",
        f"口座番号,{number}",
        "口座名義,ｻﾝﾌﾟﾙ ﾀﾛｳ ｻﾏ",
        f"照会開始日,{d_dot(st.first)}",
        f"照会終了日,{d_dot(st.last)}",
        f"明細件数,{len(st.rows)}",
        f'現在残高,"{st.closing:,}"',
        f"出力日時,{d_dot(st.printed_at.date())} {st.printed_at:%H:%M}",
        "",
    ]


def mizuho_trailer(st: Statement) -> list[str]:
    """みずほ: note lines after the table."""
    at = st.printed_at
    return [
        "",
        f"※このデータは{at.year}年{at.month:02d}月{at.day:02d}日 "
        f"{at:%H}時{at:%M}分現在のものです。",
        "※お取引内容は通帳の表示と異なる場合があります。",
    ]


def shinsei_preamble(st: Statement) -> list[str]:
    """新生 until 2018 (UTF-16 TSV): 8 lines before the header."""
    return [
        f"入出金明細\t円普通預金\t{st.plan.account}\tJPY : \t期間指定でのご照会",
        "",
        f"現在残高\t{st.closing}\tJPY",
        "",
        f"スタート日\t{d_slash0(st.first)}\t終了日\t{d_slash0(st.last)}",
        "",
        "",
        "",
    ]


def shinsei_en_preamble(st: Statement) -> list[str]:
    """新生 until 2018, English screen: the same 8 lines in English (wording inferred)."""
    return [
        f"Account Activity\tYen Savings\t{st.plan.account}\tJPY : \tInquiry by Period",
        "",
        f"Current Balance\t{st.closing}\tJPY",
        "",
        f"Start Date\t{d_slash0(st.first)}\tEnd Date\t{d_slash0(st.last)}",
        "",
        "",
        "",
    ]


# --- the layout table --------------------------------------------------------------------

ZENGIN13 = (
    '"照会口座","番号","勘定日","（起算日）","出金金額（円）","入金金額（円）","小切手区分",'
    '"残高（円）","取引区分","明細区分","金融機関名","支店名","摘要"'
)
PAYPAY_HEAD = (
    '"操作日(年)","操作日(月)","操作日(日)","操作時刻(時)","操作時刻(分)","操作時刻(秒)",'
    '"取引順番号","摘要","お支払金額","お預り金額","残高"'
)
PAYPAY_COLS = ("year", "month", "day", "hour", "minute", "second", "seq", "desc", "debit",
               "credit", "balance")
SMBC_HEAD = "年月日,お引出し,お預入れ,お取り扱い内容,残高,メモ,ラベル"
SHINSEI_HEAD = '"取引日","摘要","出金金額","入金金額","残高"'

LAYOUTS: tuple[Layout, ...] = (
    Layout("yucho", "ゆうちょ銀行",
           "取引日,入出金明細ＩＤ,受入金額（円）,払出金額（円）,詳細１,詳細２,現在（貸付）高,",
           ("date", "yucho_id", "credit", "debit", "code", "desc", "balance", "blank"),
           "cp932", d_compact, a_plain, vocab="yucho", preamble=yucho_preamble,
           wallet_code="ＲＴ"),
    Layout("mufg", "三菱UFJ銀行",
           '"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高","メモ",'
           '"未資金化区分","入払区分"',
           ("date", "code", "desc", "debit", "credit", "balance", "memo", "blank", "mufg_flow"),
           "cp932", d_slash, a_comma, vocab="mufg", quoting="all"),
    Layout("mufg_6col", "三菱UFJ銀行 (Eco通帳なし)",
           '"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高"',
           ("date", "code", "desc", "debit", "credit", "balance"),
           "cp932", d_slash, a_comma, vocab="mufg", quoting="all"),
    Layout("smbc", "三井住友銀行 (2022-)", SMBC_HEAD,
           ("date", "debit", "credit", "desc", "balance", "memo", "blank"),
           "cp932", d_slash, a_plain, vocab="smbc", quoting="text"),
    Layout("smbc_2018", "三井住友銀行 (-2022, negative withdrawals)", SMBC_HEAD,
           ("date", "neg_debit", "credit", "desc", "balance", "memo", "blank"),
           "cp932", d_slash, a_plain, vocab="smbc", quoting="text"),
    Layout("smbc_wareki", "三井住友銀行 (和暦)",
           '"年月日（和暦）","お引出し","お預入れ","お取り扱い内容","残高"',
           ("date", "debit", "credit", "desc", "balance"),
           "cp932", d_wareki, a_plain, vocab="smbc", quoting="text"),
    Layout("mizuho", "みずほ銀行", "明細通番,日付,お引出金額,お預入金額,残高,お取引内容",
           ("seq", "date", "debit", "credit", "balance", "desc"),
           "cp932", d_dot, a_plain, preamble=mizuho_preamble, trailer=mizuho_trailer),
    Layout("rakuten", "楽天銀行", "取引日,入出金(円),取引後残高(円),入出金内容",
           ("date", "signed", "balance", "desc"),
           "cp932", d_compact, a_plain, vocab="rakuten", kana=rakuten_kana),
    Layout("rakuten_old", "楽天銀行 (旧/法人)", "取引日,入出金(円),残高(円),入出金先内容",
           ("date", "signed", "balance", "desc"),
           "cp932", d_compact, a_plain, vocab="rakuten", kana=rakuten_kana),
    Layout("sumishin", "住信SBIネット銀行",
           '"日付","内容","出金金額(円)","入金金額(円)","残高(円)","メモ"',
           ("date", "desc", "debit", "credit", "balance", "memo"),
           "cp932", d_slash0, a_comma, vocab="sumishin", quoting="nonempty", order="newest",
           memo="-"),
    Layout("paypay_bank", "PayPay銀行", PAYPAY_HEAD + ',"メモ"', PAYPAY_COLS + ("memo",),
           "cp932", d_slash0, a_plain, vocab="paypay", quoting="all",
           note="Date and time split over six columns, zero-padded (padding inferred)."),
    Layout("jnb", "ジャパンネット銀行 (旧11列)", PAYPAY_HEAD, PAYPAY_COLS,
           "cp932", d_slash0, a_plain, vocab="paypay", quoting="all",
           note="Zero padding of the split date/time inferred."),
    Layout("sony", "ソニー銀行 (2025-)",
           '"取引日","摘要","参考情報","通貨","預入額","引出額","差引残高"',
           ("date", "desc", "blank", "jpy", "credit", "debit", "balance"),
           "cp932", d_kanji, a_six, vocab="sony", quoting="all"),
    Layout("sony_old", "ソニー銀行 (-2020)",
           '"お取り引き日","摘要","参考情報","お預け入れ額","お引き出し額","差し引き残高"',
           ("date", "desc", "blank", "credit", "debit", "balance"),
           "cp932", d_slash0, a_plain, vocab="sony", quoting="all",
           note="Date and amount forms not confirmed; 2020/06/01 and plain integers chosen."),
    Layout("aeon", "イオン銀行",
           '"日付","お取引内容","お引出し","お預入れ","残高（お借入れはマイナス表示）"',
           ("date", "desc", "debit", "credit", "balance"),
           "cp932", d_slash0, a_plain, quoting="all",
           note="Date form and encoding not confirmed; 2020/06/01 and cp932 chosen."),
    Layout("shinsei_2018", "新生銀行 (-2018, UTF-16 TSV)",
           "取引日\t照会番号\t摘要\tお支払金額\tお預り金額\t残高",
           ("date", "ref", "desc", "debit", "credit", "balance"),
           "utf-16-le", d_slash0, a_plain, vocab="shinsei", delimiter="\t", order="newest",
           preamble=shinsei_preamble, bom=True,
           note="Only 3 of the 8 preamble lines are documented; the rest are left blank."),
    Layout("shinsei_2018_en", "新生銀行 (-2018, English, UTF-16 TSV)",
           "Value Date\tRef No.\tDescription\tDR\tCR\tRunning Balance",
           ("date", "ref", "desc", "debit", "credit", "balance"),
           "utf-16-be", d_slash0, a_plain, vocab="shinsei", delimiter="\t", eol="\n",
           order="newest", preamble=shinsei_en_preamble, bom=True,
           note="DR = withdrawal, CR = deposit (same positions as the Japanese form); "
                "English preamble wording inferred."),
    Layout("shinsei_2021", "新生銀行 (-2021, Shift_JIS)", SHINSEI_HEAD,
           ("date", "desc", "debit", "credit", "balance"),
           "cp932", d_slash0, a_plain, vocab="shinsei", quoting="all", order="newest"),
    Layout("shinsei", "SBI新生銀行 (2022-)", SHINSEI_HEAD,
           ("date", "desc", "debit", "credit", "balance"),
           "utf-8-sig", d_slash0, a_plain, vocab="shinsei", quoting="all", order="newest"),
    Layout("shinsei_memo", "SBI新生銀行 (メモ付き)", SHINSEI_HEAD + ',"メモ"',
           ("date", "desc", "debit", "credit", "balance", "memo"),
           "utf-8-sig", d_slash0, a_plain, vocab="shinsei", quoting="all", order="newest"),
    Layout("shinsei_en", "新生銀行 (English, Shift_JIS)",
           '"Value Date","Description","Debit","Credit","Balance"',
           ("date", "desc", "debit", "credit", "balance"),
           "cp932", d_slash0, a_plain, vocab="shinsei", quoting="all", order="newest"),
    Layout("jibun", "auじぶん銀行 (旧)", "年月日,入金,出金,お取引内容,残高",
           ("date", "credit", "debit", "desc", "balance"),
           "cp932", d_slash0, a_plain, order="newest",
           note="Date form not confirmed; 2019/10/01 chosen."),
    Layout("gmo_aozora", "GMOあおぞらネット銀行", "取引日,摘要,お支払金額,お預り金額,残高,メモ",
           ("date", "desc", "debit", "credit", "balance", "memo"),
           "utf-8", d_slash0, a_plain, vocab="gmo", eol="\n",
           note="UTF-8 without BOM, LF; date form 2021/04/01 chosen."),
    Layout("ja_bank", "JAバンク",
           '"番号","明細区分","取扱日付","起算日","お支払金額","お預り金額","取引区分",'
           '"残高","摘要"',
           ("seq3", "blank", "date", "blank", "debit", "credit", "code", "balance", "desc"),
           "cp932", d_month_day, a_yen, vocab="zengin", quoting="all", wallet_code="出金"),
    Layout("hokuriku", "北陸銀行",
           '"取扱日付","起算日","お支払金額","お預り金額","取引区分","残高","摘要"',
           ("date", "blank", "debit", "credit", "code", "balance", "desc"),
           "cp932", d_kanji, a_comma, vocab="zengin", quoting="all",
           note="Date form 2024年1月5日 and comma amounts chosen."),
    Layout("gunma", "群馬銀行",
           '"取扱日付","お支払金額","お預り金額","取引区分","残高","摘要","メモ"',
           ("date", "debit", "credit", "code", "balance", "desc", "memo"),
           "cp932", d_slash0, a_plain, vocab="zengin", quoting="all",
           note="Date form 2024/02/01 chosen."),
    Layout("yokohama", "横浜銀行",
           '"取扱日付","お支払金額","お預り金額","取引区分","残高","摘要"',
           ("date", "debit", "credit", "code", "balance", "desc"),
           "cp932", d_slash0, a_comma, vocab="zengin", quoting="all",
           note="Date form 2024/04/01 and comma amounts chosen."),
    Layout("hyakugo", "百五銀行",
           '"日付","振替文言","お支払い金額","お預かり金額","摘要","残高","取扱店番"',
           ("date", "code", "debit", "credit", "desc", "balance", "branch_no"),
           "cp932", d_slash, a_plain, vocab="zengin", quoting="all",
           note="Date form 2024/6/3 (unpadded) chosen."),
    Layout("tokyo_star", "東京スター銀行",
           '"日付","お支払い金額","お預かり金額","摘要","残高","備考"',
           ("date", "debit", "credit", "desc", "balance", "memo"),
           "cp932", d_slash0, a_comma, vocab="zengin", quoting="all",
           note="Date form 2024/08/01 and comma amounts chosen."),
    Layout("iwate", "岩手銀行", "年月日,お支払金額,お預かり金額,取引内容,差引残高,メモ",
           ("date", "debit", "credit", "desc", "balance", "memo"),
           "cp932", d_iso, a_plain, vocab="iwate"),
    Layout("kyoto", "京都銀行 (全銀協13列)", ZENGIN13,
           ("account", "seq", "date", "blank", "debit", "credit", "blank", "balance", "flow",
            "code", "bank_name", "branch_name", "desc"),
           "cp932", d_kanji0, a_comma, vocab="zengin", quoting="all"),
    Layout("generic_77", "七十七銀行 (unknown format)",
           "取引日,摘要,お引出し金額,お預け入れ金額,差引残高,メモ",
           ("date", "desc", "debit", "credit", "balance", "memo"),
           "cp932", d_slash0, a_plain,
           note="Invented header from common words; no real 七十七 CSV was found."),
)
LAYOUT_BY_ID = {layout.id: layout for layout in LAYOUTS}


# --- the scenario table ------------------------------------------------------------------


def burst(day: str, amounts: tuple[int, ...], text: str, at: str = "14:05:12",
          gap_s: int = 37) -> tuple[Hit, ...]:
    """Debits to one wallet on one day, gap_s seconds apart (only PayPay銀行 shows the time)."""
    start = datetime.fromisoformat(f"{day} {at}")
    return tuple(((start + timedelta(seconds=i * gap_s)).isoformat(sep=" "), amount, text)
                 for i, amount in enumerate(amounts))


def drip(days: tuple[str, ...], amounts: tuple[int, ...], text: str) -> tuple[Hit, ...]:
    """Small debits to one wallet spread over months."""
    return tuple((day, amount, text) for day, amount in zip(days, amounts, strict=True))


PLANS: tuple[Plan, ...] = (
    Plan("yucho", "2020-06-01", "2020-09-30", "docomo-burst",
         "ドコモ口座 charged four times in one afternoon via 即時振替 (ＲＴ / (ﾄﾞｺﾓｺｳｻﾞ)).",
         own=(("paypay", "(ﾍﾟｲﾍﾟｲ)"), ("rakuten-edy", "(ﾗｸﾃﾝｴﾃﾞｲ)")),
         hits=burst("2020-09-04", (50000, 50000, 50000, 30000), "(ﾄﾞｺﾓｺｳｻﾞ)"),
         account="10980-12345671"),
    Plan("mufg", "2020-01-06", "2020-04-30", "allowed-wallet-spike",
         "Holder tops up PayPay (ＲＴＫ　ペイペイ) in small amounts; one 280,000 yen charge.",
         own=(("paypay", "ＲＴＫ　ペイペイ"),),
         hits=(("2020-03-14", 280000, "ＲＴＫ　ペイペイ"),)),
    Plan("mufg_6col", "2019-10-01", "2020-01-31", "merpay-burst",
         "メルペイ charged three times over two days; holder only uses PayPay.",
         own=(("paypay", "ＲＴＫ　ペイペイ"),),
         hits=(("2019-12-08", 100000, "メルペイ"), ("2019-12-08", 100000, "メルペイ"),
               ("2019-12-09", 98000, "メルペイ"))),
    Plan("smbc", "2022-10-03", "2023-01-31", "clean",
         "No fraud: own AEON Pay (JD /AEON PAY) and PayPay top-ups plus look-alikes only.",
         own=(("aeon-pay", "JD /AEON PAY"), ("paypay", "ﾍﾟｲﾍﾟｲ"))),
    Plan("smbc_2018", "2020-07-01", "2020-09-30", "kyash-burst",
         "Kyash (ＫＹＡＳＨ) charged three times the day after bank charge launched.",
         own=(("line-pay", "ﾗｲﾝﾍﾟｲ"),),
         hits=burst("2020-09-08", (100000, 100000, 30000), "ＫＹＡＳＨ")),
    Plan("smbc_wareki", "2019-03-01", "2019-06-28", "dbarai-era-change",
         "d払い (ﾃﾞｲｰﾊﾞﾗｲ) burst in Reiwa 1; rows span H31.04.30 -> R01.05.01.",
         own=(("rakuten-edy", "ﾗｸﾃﾝｴﾃﾞｲ"),),
         hits=burst("2019-05-21", (30000, 30000, 30000), "ﾃﾞｲｰﾊﾞﾗｲ"),
         pinned=(("2019-04-26", "debit", 3240), ("2019-04-30", "atm", 20000),
                 ("2019-05-01", "debit", 1180), ("2019-05-07", "atm", 30000))),
    Plan("mizuho", "2020-06-01", "2020-09-30", "docomo-burst",
         "ドコモ口座 (ドコモコウザ) 100,000/90,000/90,000/20,000 on one day.",
         own=(("line-pay", "ﾗｲﾝﾍﾟｲ"), ("merpay", "ﾒﾙﾍﾟｲ")),
         hits=burst("2020-08-27", (100000, 90000, 90000, 20000), "ドコモコウザ"),
         account="480-0012345"),
    Plan("rakuten", "2020-07-01", "2020-10-30", "docomo-two-days",
         "ドコモ口座 written ト゛コモコウサ゛ (separate voiced marks), over two days.",
         own=(("rakuten-edy", "ラクテンエデイ"),),
         hits=burst("2020-08-21", (100000, 100000), "ドコモコウザ")
         + (("2020-08-22", 100000, "ドコモコウザ"),)),
    Plan("rakuten_old", "2021-01-04", "2021-04-30", "linepay-burst",
         "LINE Pay written ラインヘ゜イ (separate handakuten) twice in one evening.",
         own=(("merpay", "メルペイ"),),
         hits=burst("2021-03-19", (49000, 49000), "ラインペイ", at="21:40:05")),
    Plan("sumishin", "2020-05-01", "2020-08-31", "paypay-burst",
         "フリカエ　ＰＡＹＰＡＹ four times over two days; holder only moves money to SBI証券.",
         own=(("sbi-securities", "振替　ＳＢＩ証券"),),
         hits=burst("2020-08-12", (50000, 50000, 50000), "フリカエ　ＰＡＹＰＡＹ")
         + (("2020-08-13", 50000, "フリカエ　ＰＡＹＰＡＹ"),)),
    Plan("paypay_bank", "2022-06-01", "2022-09-30", "paypay-night-burst",
         "Five PayPay charges (PAYPAY / ペイペイ) minutes apart at 02:41; holder uses メルペイ.",
         own=(("merpay", "ﾒﾙﾍﾟｲ"),),
         hits=burst("2022-08-19", (30000, 30000, 30000), "PAYPAY", at="02:41:07", gap_s=161)
         + burst("2022-08-19", (30000, 20000), "ペイペイ", at="02:52:44", gap_s=208)),
    Plan("jnb", "2019-09-02", "2019-12-27", "paypay-drip",
         "Small PayPay charges (ペイペイ) drip every few weeks; holder uses LINE Pay.",
         own=(("line-pay", "ﾗｲﾝﾍﾟｲ"),),
         hits=drip(("2019-09-14", "2019-10-03", "2019-10-29", "2019-11-18", "2019-12-09",
                    "2019-12-24"), (1000, 2000, 1000, 3000, 2000, 3000), "ペイペイ")),
    Plan("sony", "2025-01-06", "2025-04-30", "aupay-burst",
         "au PAY (ｴｰﾕｰﾍﾟｲ) charged three times in one day; holder uses PayPay.",
         own=(("paypay", "ﾍﾟｲﾍﾟｲ"),),
         hits=burst("2025-03-09", (50000, 50000, 50000), "ｴｰﾕｰﾍﾟｲ")),
    Plan("sony_old", "2020-06-01", "2020-09-30", "multi-wallet",
         "メルペイ (ﾒﾙﾍﾟｲ) then LINE Pay (ﾗｲﾝﾍﾟｲ) drained on consecutive days.",
         own=(("au-pay", "ｴｰﾕｰﾍﾟｲ"),),
         hits=(("2020-09-10", 100000, "ﾒﾙﾍﾟｲ"), ("2020-09-10", 50000, "ﾒﾙﾍﾟｲ"),
               ("2020-09-11", 49800, "ﾗｲﾝﾍﾟｲ"))),
    Plan("aeon", "2020-06-01", "2020-09-30", "docomo-then-dbarai",
         "ドコモ口座 (ﾄﾞｺﾓｺｳｻﾞ) burst, then d払い (ﾃﾞｲｰﾊﾞﾗｲ) the next day.",
         own=(("aeon-pay", "AEON PAY"),),
         hits=burst("2020-09-03", (100000, 100000, 100000), "ﾄﾞｺﾓｺｳｻﾞ")
         + (("2020-09-04", 30000, "ﾃﾞｲｰﾊﾞﾗｲ"),)),
    Plan("shinsei_2018", "2018-05-01", "2018-08-31", "edy-burst",
         "楽天Edy (ﾗｸﾃﾝｴﾃﾞｲ) charged three times over two days; holder uses PayPal.",
         own=(("paypal", "ﾍﾟｲﾊﾟﾙ"),),
         hits=(("2018-07-20", 20000, "ﾗｸﾃﾝｴﾃﾞｲ"), ("2018-07-20", 20000, "ﾗｸﾃﾝｴﾃﾞｲ"),
               ("2018-07-21", 25000, "ﾗｸﾃﾝｴﾃﾞｲ")),
         account="400-1234567"),
    Plan("shinsei_2018_en", "2018-01-05", "2018-04-27", "linepay-max",
         "Two LINE Pay (ﾗｲﾝﾍﾟｲ) charges of 249,000 on one day; English headers.",
         own=(("rakuten-edy", "ﾗｸﾃﾝｴﾃﾞｲ"),),
         hits=burst("2018-03-16", (249000, 249000), "ﾗｲﾝﾍﾟｲ"),
         account="400-7654321"),
    Plan("shinsei_2021", "2020-08-03", "2020-11-30", "dbarai",
         "d払い (デイーバライ, the passbook spelling) three times in one day.",
         own=(("merpay", "ﾒﾙﾍﾟｲ"),),
         hits=burst("2020-11-17", (30000, 30000, 30000), "デイーバライ")),
    Plan("shinsei", "2023-02-01", "2023-05-31", "kyash-two-days",
         "Kyash written キヤツシユ (small kana full size) over two days; holder uses au PAY.",
         own=(("au-pay", "ｴｰﾕｰﾍﾟｲ"),),
         hits=(("2023-04-08", 30000, "キヤツシユ"), ("2023-04-08", 30000, "キヤツシユ"),
               ("2023-04-09", 40000, "キヤツシユ"))),
    Plan("shinsei_memo", "2023-06-01", "2023-09-29", "paypay-drip",
         "Small PayPay (ﾍﾟｲﾍﾟｲ) charges over four months; holder uses 楽天ペイ.",
         own=(("rakuten-pay", "ﾗｸﾃﾝﾍﾟｲ"),),
         hits=drip(("2023-06-17", "2023-07-09", "2023-08-02", "2023-08-26", "2023-09-19"),
                   (500, 1500, 1000, 2000, 1500), "ﾍﾟｲﾍﾟｲ")),
    Plan("shinsei_en", "2021-09-01", "2021-12-28", "paypal-small",
         "Three small PayPal (ﾍﾟｲﾊﾟﾙ) debits; holder charges Kyash (ＫＹＡＳＨ).",
         own=(("kyash", "ＫＹＡＳＨ"),),
         hits=(("2021-11-05", 3000, "ﾍﾟｲﾊﾟﾙ"), ("2021-11-06", 7000, "ﾍﾟｲﾊﾟﾙ"),
               ("2021-11-20", 12000, "ﾍﾟｲﾊﾟﾙ"))),
    Plan("jibun", "2019-10-01", "2020-01-31", "allowed-wallet-spike",
         "Holder charges au PAY (ｴｰﾕｰﾍﾟｲ) a few thousand a time; then 4 x 50,000 in a day.",
         own=(("au-pay", "ｴｰﾕｰﾍﾟｲ"),),
         hits=burst("2019-12-14", (50000, 50000, 50000, 50000), "ｴｰﾕｰﾍﾟｲ")),
    Plan("gmo_aozora", "2021-04-01", "2021-07-30", "merpay-burst",
         "メルペイ charged twice in one morning; holder uses PayPay.",
         own=(("paypay", "ﾍﾟｲﾍﾟｲ"),),
         hits=burst("2021-06-11", (50000, 50000), "メルペイ", at="06:12:40")),
    Plan("ja_bank", "2023-11-01", "2024-02-29", "paypay-new-year",
         "PayPay (ﾍﾟｲﾍﾟｲ) debits across New Year; dates carry no year.",
         own=(("famipay", "ﾌｱﾐﾍﾟｲ"),),
         hits=(("2023-12-30", 20000, "ﾍﾟｲﾍﾟｲ"), ("2023-12-31", 20000, "ﾍﾟｲﾍﾟｲ"),
               ("2024-01-02", 30000, "ﾍﾟｲﾍﾟｲ"))),
    Plan("hokuriku", "2024-01-04", "2024-04-30", "linepay",
         "LINE Pay (ﾗｲﾝﾍﾟｲ) charged twice; holder uses PayPay.",
         own=(("paypay", "ﾍﾟｲﾍﾟｲ"),),
         hits=burst("2024-03-22", (49800, 49800), "ﾗｲﾝﾍﾟｲ")),
    Plan("gunma", "2024-02-01", "2024-05-31", "merpay",
         "メルペイ (ﾒﾙﾍﾟｲ) charged three times; holder charges モバイルSuica.",
         own=(("mobile-suica", "ﾓﾊﾞｲﾙｽｲｶ"),),
         hits=burst("2024-04-13", (40000, 40000, 20000), "ﾒﾙﾍﾟｲ")),
    Plan("yokohama", "2024-04-01", "2024-07-31", "aupay",
         "au PAY (ｴｰﾕｰﾍﾟｲ) charged twice on consecutive days; holder uses PayPay.",
         own=(("paypay", "ﾍﾟｲﾍﾟｲ"),),
         hits=(("2024-06-07", 50000, "ｴｰﾕｰﾍﾟｲ"), ("2024-06-08", 50000, "ｴｰﾕｰﾍﾟｲ"))),
    Plan("hyakugo", "2024-06-03", "2024-09-30", "multi-wallet",
         "楽天Edy (ﾗｸﾃﾝｴﾃﾞｲ) and PayPal (ﾍﾟｲﾊﾟﾙ) charged the same day; holder uses PayPay.",
         own=(("paypay", "ﾍﾟｲﾍﾟｲ"),),
         hits=(("2024-08-16", 25000, "ﾗｸﾃﾝｴﾃﾞｲ"), ("2024-08-16", 25000, "ﾗｸﾃﾝｴﾃﾞｲ"),
               ("2024-08-16", 10000, "ﾍﾟｲﾊﾟﾙ"))),
    Plan("tokyo_star", "2024-08-01", "2024-11-29", "multi-wallet",
         "Kyash (ＫＹＡＳＨ) then PayPal (ﾍﾟｲﾊﾟﾙ); holder uses メルペイ.",
         own=(("merpay", "ﾒﾙﾍﾟｲ"),),
         hits=(("2024-10-04", 30000, "ＫＹＡＳＨ"), ("2024-10-04", 30000, "ＫＹＡＳＨ"),
               ("2024-10-05", 5000, "ﾍﾟｲﾊﾟﾙ"))),
    Plan("iwate", "2023-02-01", "2023-05-31", "paypay-burst",
         "RS ﾍﾟｲﾍﾟｲ three times in one day; holder charges au PAY (RS ｴｰﾕｰﾍﾟｲ).",
         own=(("au-pay", "RS ｴｰﾕｰﾍﾟｲ"),),
         hits=burst("2023-04-21", (20000, 20000, 20000), "RS ﾍﾟｲﾍﾟｲ")),
    Plan("kyoto", "2026-01-05", "2026-04-30", "paypay-with-dbarai-allowed",
         "Holder uses d払い (ﾃﾞｲｰﾊﾞﾗｲ, allowed); PayPay (ﾍﾟｲﾍﾟｲ) charged twice.",
         own=(("d-barai", "ﾃﾞｲｰﾊﾞﾗｲ"),),
         hits=(("2026-03-27", 100000, "ﾍﾟｲﾍﾟｲ"), ("2026-03-27", 100000, "ﾍﾟｲﾍﾟｲ")),
         account="0123456"),
    Plan("generic_77", "2020-07-01", "2020-09-30", "docomo-burst-77",
         "The 七十七 case: ﾄﾞｺﾓｺｳｻﾞ 100,000/90,000/90,000/20,000 on 2020-09-01.",
         own=(("paypay", "ﾍﾟｲﾍﾟｲ"),),
         hits=burst("2020-09-01", (100000, 90000, 90000, 20000), "ﾄﾞｺﾓｺｳｻﾞ",
                    at="14:05:03", gap_s=19)),
)


# --- generating a statement --------------------------------------------------------------


def month_starts(start: date, end: date) -> Iterator[date]:
    """Yield the first day of every month that overlaps start..end."""
    current = start.replace(day=1)
    while current <= end:
        yield current
        current = (current + timedelta(days=32)).replace(day=1)


def on_day(month: date, day: int) -> date:
    """Return the given day of the month (clamped), moved back to a weekday."""
    last = ((month + timedelta(days=32)).replace(day=1) - timedelta(days=1)).day
    d = month.replace(day=min(day, last))
    while d.weekday() >= 5:
        d -= timedelta(days=1)
    return d


def any_day(month: date, rng: random.Random) -> date:
    """A random weekday in the month."""
    return on_day(month, rng.randrange(1, 29))


def fill(text: str, rng: random.Random) -> str:
    """Replace {auth}/{authw} with a random six-digit authorisation number."""
    digits = f"{rng.randrange(100000, 1000000)}"
    wide = digits.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return text.replace("{authw}", wide).replace("{auth}", digits)


def at_time(d: date, rng: random.Random) -> datetime:
    """A plausible time of day for an ordinary transaction."""
    return datetime.combine(d, time(rng.randrange(7, 23), rng.randrange(60), rng.randrange(60)))


def ordinary(kind: str, d: date, amount: int, spelling: Spelling, rng: random.Random) -> Txn:
    """Build an ordinary or look-alike transaction."""
    code, text = spelling
    tag: Tag = "lookalike" if kind in LOOKALIKE_KINDS else "ordinary"
    credit = kind in CREDIT_KINDS
    return Txn(at_time(d, rng), 0 if credit else amount, amount if credit else 0, kind, code,
               fill(text, rng), tag)


def account_life(plan: Plan, layout: Layout, rng: random.Random) -> list[Txn]:
    """Months of salary, rent, bills, ATM, debit purchases, own top-ups and look-alikes."""
    start, end = date.fromisoformat(plan.start), date.fromisoformat(plan.end)
    vocab = vocabulary(layout.vocab)
    pick = {kind: rng.choice(options) for kind, options in vocab.items()}
    salary, rent = rng.randrange(250, 330) * 1000, rng.randrange(55, 86) * 1000
    events: list[tuple[str, date, int]] = []
    for month in month_starts(start, end):
        events += [
            ("salary", on_day(month, 25), salary),
            ("rent", on_day(month, 27), rent),
            ("power", on_day(month, rng.randrange(10, 18)), rng.randrange(3800, 14000, 10)),
            ("phone", on_day(month, rng.randrange(18, 24)), rng.randrange(3500, 12000, 10)),
            ("card_look", on_day(month, 10), rng.randrange(20000, 121000, 10)),
        ]
        if month.month % 2 == 0:
            events.append(("card", on_day(month, 26), rng.randrange(15000, 81000, 10)))
        events += [("atm", any_day(month, rng), rng.randrange(10000, 41000, 1000))
                   for _ in range(rng.randrange(1, 3))]
        events += [("debit", any_day(month, rng), rng.randrange(500, 9000, 10))
                   for _ in range(rng.randrange(1, 3))]
        for index, _wallet in enumerate(plan.own):
            for _ in range(rng.randrange(1, 3) if index == 0 else 1):
                events.append((f"own{index}", any_day(month, rng),
                               rng.choice((1000, 2000, 3000, 5000, 10000))))
    span = (end - start).days
    events += [
        ("transfer_out", start + timedelta(days=span // 3), rng.randrange(10, 50) * 1000),
        ("transfer_in", start + timedelta(days=span // 2), rng.randrange(5, 30) * 1000),
        ("wallet_in", start + timedelta(days=span // 4), rng.randrange(5, 60) * 100),
        ("market_in", start + timedelta(days=2 * span // 3), rng.randrange(8, 90) * 100),
        ("interest", interest_day(start, end), rng.randrange(1, 30)),
    ]
    events += [(kind, date.fromisoformat(day), amount) for day, kind, amount in plan.pinned]
    txns: list[Txn] = []
    for kind, d, amount in events:
        if not start <= d <= end:
            continue
        if kind.startswith("own"):
            wallet_id, text = plan.own[int(kind[3:])]
            txns.append(Txn(at_time(d, rng), amount, 0, f"wallet:{wallet_id}", layout.wallet_code,
                            text, "own"))
            continue
        spelling = rng.choice(vocab[kind]) if kind in ("atm", "debit") else pick[kind]
        txns.append(ordinary(kind, d, amount, spelling, rng))
    return txns


def interest_day(start: date, end: date) -> date:
    """Interest is paid in February or August; otherwise at the end of the second month."""
    for month in month_starts(start, end):
        if month.month in (2, 8):
            return on_day(month, 20)
    return on_day(next(m for i, m in enumerate(month_starts(start, end)) if i == 1), 28)


def unauthorised(plan: Plan, layout: Layout, rng: random.Random) -> list[Txn]:
    """The debits an auditor must flag."""
    txns: list[Txn] = []
    for stamp, amount, text in plan.hits:
        when = datetime.fromisoformat(stamp)
        if len(stamp) == 10:
            when = datetime.combine(when.date(), time(rng.randrange(9, 20), rng.randrange(60), 0))
        txns.append(Txn(when, amount, 0, "wallet:unauthorised", layout.wallet_code, text, "flag"))
    return txns


def build(plan: Plan) -> Statement:
    """Generate the statement a plan describes, with a balance that never goes negative."""
    layout = LAYOUT_BY_ID[plan.layout]
    rng = random.Random(f"{SEED}:{plan.layout}")
    txns = sorted(account_life(plan, layout, rng) + unauthorised(plan, layout, rng),
                  key=lambda t: t.when)
    return assemble(layout, plan, txns, rng.randrange(40, 120) * 10000)


def assemble(layout: Layout, plan: Plan, txns: list[Txn], opening: int) -> Statement:
    """Number transactions (already in time order) and give each its balance after it.

    The opening balance is raised until the account never drops below MIN_BALANCE.
    """
    opening += max(0, MIN_BALANCE - min(running(opening, txns)))
    rows: list[Row] = []
    day_seq = 0
    balances = running(opening, txns)
    for number, (txn, balance) in enumerate(zip(txns, balances, strict=True), start=1):
        same_day = bool(rows) and rows[-1].txn.when.date() == txn.when.date()
        day_seq = day_seq + 1 if same_day else 1
        rows.append(Row(number, day_seq, txn, balance))
    return Statement(layout, plan, tuple(rows), opening)


def running(opening: int, txns: list[Txn]) -> list[int]:
    """Balances after each transaction, starting from opening."""
    out: list[int] = []
    balance = opening
    for txn in txns:
        balance += txn.credit - txn.debit
        out.append(balance)
    return out


# --- writing a statement -----------------------------------------------------------------

TEXT_ROLES = frozenset({"desc", "code", "memo"})


def cell(role: str, row: Row, st: Statement) -> str:
    """Render one column of one row."""
    layout, txn = st.layout, row.txn
    money = layout.amount
    when = txn.when
    values: dict[str, Callable[[], str]] = {
        "date": lambda: layout.date(when.date()),
        "debit": lambda: money(txn.debit) if txn.debit else "",
        "credit": lambda: money(txn.credit) if txn.credit else "",
        "neg_debit": lambda: "-" + money(txn.debit) if txn.debit else "",
        "signed": lambda: money(txn.credit) if txn.credit else "-" + money(txn.debit),
        "balance": lambda: money(row.balance),
        "desc": lambda: layout.kana(txn.text),
        "code": lambda: layout.kana(txn.code),
        "memo": lambda: layout.memo,
        "blank": lambda: "",
        "seq": lambda: str(row.number),
        "seq3": lambda: f"{row.number:03d}",
        "yucho_id": lambda: f"{when:%Y%m%d}{row.day_seq:07d}",
        "ref": lambda: f"{3100000 + row.number * 7:07d}",
        "year": lambda: f"{when.year}",
        "month": lambda: f"{when.month:02d}",
        "day": lambda: f"{when.day:02d}",
        "hour": lambda: f"{when.hour:02d}",
        "minute": lambda: f"{when.minute:02d}",
        "second": lambda: f"{when.second:02d}",
        "jpy": lambda: "JPY",
        "account": lambda: f"本店営業部 普通 {st.plan.account}",
        "flow": lambda: "入金" if txn.credit else "出金",
        "mufg_flow": lambda: mufg_flow(txn),
        "bank_name": lambda: "サンプル銀行" if txn.kind in ("salary", "transfer_in") else "",
        "branch_name": lambda: "本店" if txn.kind in ("salary", "transfer_in") else "",
        "branch_no": lambda: "101" if txn.kind == "atm" else "",
    }
    return values[role]()


def mufg_flow(txn: Txn) -> str:
    """MUFG 入払区分: 振替 for transfers, plain 入金/支払い otherwise."""
    if txn.kind in ("salary", "transfer_in", "wallet_in", "market_in"):
        return "振替入金"
    if txn.kind in ("rent", "transfer_out"):
        return "振替支払い"
    return "入金" if txn.credit else "支払い"


def quote(value: str, role: str, quoting: Quoting, delimiter: str) -> str:
    """Apply a layout's quoting rule to one field."""
    assert '"' not in value, value
    quoted = (quoting == "all" or (quoting == "nonempty" and value != "")
              or (quoting == "text" and role in TEXT_ROLES))
    if not quoted and delimiter in value:
        raise ValueError(f"unquoted field contains the delimiter: {value!r}")
    return f'"{value}"' if quoted else value


def row_lines(st: Statement) -> dict[int, int]:
    """The 1-based file line of every row (by Row.number), as render() writes them."""
    first = len(layout_preamble(st)) + 2  # the header is the line after the preamble
    return {row.number: first + index for index, row in enumerate(st.in_file_order())}


def layout_preamble(st: Statement) -> list[str]:
    """The lines a layout writes before its header (none for most banks)."""
    return list(st.layout.preamble(st)) if st.layout.preamble else []


def render(st: Statement) -> bytes:
    """The statement's bytes, exactly as the bank would ship them."""
    layout = st.layout
    assert len(layout.header.split(layout.delimiter)) == len(layout.columns), layout.id
    lines = layout_preamble(st)
    lines.append(layout.header)
    for row in st.in_file_order():
        fields = [quote(cell(role, row, st), role, layout.quoting, layout.delimiter)
                  for role in layout.columns]
        lines.append(layout.delimiter.join(fields))
    if layout.trailer:
        lines += layout.trailer(st)
    text = ("\ufeff" if layout.bom else "") + layout.eol.join(lines) + layout.eol
    return text.encode(layout.encoding)


# --- truth and README --------------------------------------------------------------------


def pairs(st: Statement, tag: Tag) -> list[list[str | int]]:
    """[date, amount] of every row with the given tag, oldest first."""
    return [[r.txn.when.date().isoformat(), r.txn.debit or r.txn.credit]
            for r in st.rows if r.txn.tag == tag]


def truth(st: Statement) -> dict[str, object]:
    """The truth.json entry of one statement."""
    entry: dict[str, object] = {
        "layout": st.layout.id,
        "encoding": st.layout.encoding,
        "scenario": st.plan.scenario,
        "allow": [wallet_id for wallet_id, _ in st.plan.own],
    }
    if st.plan.account:
        entry["account"] = st.plan.account
    entry |= {
        "rows": len(st.rows),
        "debit_total": sum(r.txn.debit for r in st.rows),
        "credit_total": sum(r.txn.credit for r in st.rows),
        "period": {"from": st.first.isoformat(), "to": st.last.isoformat()},
        "flag": pairs(st, "flag"),
        "own_wallet": pairs(st, "own"),
        "lookalike": pairs(st, "lookalike"),
    }
    return entry


EOL_NAMES = {"\r\n": "CRLF", "\n": "LF"}


def readme(statements: list[Statement]) -> str:
    """README.md describing every generated file."""
    head = [
        "# Sample statements",
        "",
        "One synthetic bank statement per layout the auditor reads, written byte for byte the way",
        "that bank ships it (encoding, BOM, delimiter, quoting, line ends, preamble, row order).",
        "**Everything in these files is synthetic**: names (サンプル, テスト), companies, account",
        "numbers and amounts are made up; no real person or account appears.",
        "",
        "Regenerate (deterministic, fixed seed, standard library only):",
        "",
        "```",
        "python sample_statements/make_samples.py",
        "```",
        "",
        "`truth.json` holds, per file: `layout`, `encoding` (Python codec), `scenario`, `allow`",
        "(the holder's own wallets), `account` (only where the file states one), `rows`,",
        "`debit_total`/`credit_total` (yen), `period`, and [date, amount] lists: `flag` (debits an",
        "auditor must flag), `own_wallet` (the holder's allowed top-ups) and `lookalike`",
        "(card bills, the docomo phone bill and money coming in from a wallet or marketplace,",
        "which must not be flagged). JA dates carry no year in the file; truth.json uses the",
        "real years.",
        "",
        "| File | Bank | Layout id | Encoding | Line ends | Row order | Date form | Scenario |",
        "|---|---|---|---|---|---|---|---|",
    ]
    body = []
    for st in statements:
        layout = st.layout
        encoding = layout.encoding + (" + BOM" if layout.bom else "")
        sample = layout.date(st.first) if "date" in layout.columns else "6 split columns"
        order = "newest first" if layout.order == "newest" else "oldest first"
        body.append(f"| `{layout.id}.csv` | {layout.bank} | `{layout.id}` | {encoding} | "
                    f"{EOL_NAMES[layout.eol]} | {order} | `{sample}` | "
                    f"`{st.plan.scenario}`: {st.plan.story} |")
    notes = [
        "",
        "## Notes",
        "",
        "- `utf-16-le`/`utf-16-be` files start with a BOM (U+FEFF); decode with `utf-16` or strip",
        "  the leading U+FEFF after decoding with the endian-specific codec.",
        "- `ja_bank.csv` amounts carry byte 0x5C, which Python's `cp932` decodes as `\\`",
        "  (shown as ¥ on Japanese systems).",
        "- `account` in truth.json joins branch and number with `-` where the file gives both.",
        "- 楽天 files write voiced marks separately (`ト゛`, `ヘ゜`) and the long vowel as U+FF0D.",
        "",
        "Choices where the research notes left a detail open:",
        "",
    ]
    notes += [f"- `{layout.id}`: {layout.note}" for layout in LAYOUTS if layout.note]
    return "\n".join(head + body + notes) + "\n"


def main() -> None:
    """Generate every statement, truth.json and README.md next to this script."""
    statements = [build(plan) for plan in PLANS]
    assert [st.layout.id for st in statements] == [layout.id for layout in LAYOUTS]
    for st in statements:
        assert 25 <= len(st.rows) <= 60, (st.layout.id, len(st.rows))
        (HERE / f"{st.layout.id}.csv").write_bytes(render(st))
    table = {f"{st.layout.id}.csv": truth(st) for st in statements}
    (HERE / "truth.json").write_text(json.dumps(table, ensure_ascii=False, indent=2) + "\n",
                                     encoding="utf-8", newline="\n")
    (HERE / "README.md").write_text(readme(statements), encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main()
