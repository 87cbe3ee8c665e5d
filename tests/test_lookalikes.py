"""Look-alikes stay quiet end to end: bills, cards, banks, brokers, fees, and the wrong bank."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from auditor.detect.audit import audit
from auditor.models import Finding
from auditor.detect.rules import Context
from auditor.ingest.statement import read_statement
from auditor.detect.wallets import load_catalogue
from tests.builders import mufg, paypay

Write = Callable[..., Path]

IWATE_HEADER = "年月日,お支払金額,お預かり金額,取引内容,差引残高,メモ"
SUMISHIN_HEADER = '"日付","内容","出金金額(円)","入金金額(円)","残高(円)","メモ"'
UNKNOWN_HEADER = "取引日,摘要,お引出し金額,お預け入れ金額,差引残高,メモ"  # no layout: generic


def iwate(*texts: str) -> bytes:
    rows = [f"2023-04-{day:02d},5000,,{text},,"
            for day, text in enumerate(texts, start=1)]
    return ("\r\n".join([IWATE_HEADER, *rows]) + "\r\n").encode("cp932")


def sumishin(*texts: str) -> bytes:
    rows = [f'"2020/09/{day:02d}","{text}","5,000",,"",""' for day, text in enumerate(texts, 1)]
    return ("\r\n".join([SUMISHIN_HEADER, *rows]) + "\r\n").encode("cp932")


def unknown_bank(*texts: str) -> bytes:
    rows = [f"2020/09/{day:02d},{text},5000,,," for day, text in enumerate(texts, start=1)]
    return ("\r\n".join([UNKNOWN_HEADER, *rows]) + "\r\n").encode("cp932")


def found(statement_file: Write, raw: bytes, allowed: Iterable[str] = ()) -> list[Finding]:
    return audit(read_statement(statement_file(raw)), Context(load_catalogue(), frozenset(allowed)))


LOOK_ALIKES = [
    "ドコモ光", "ドコモでんき", "ＮＴＴドコモ", "NTTﾄﾞｺﾓ ｹｲﾀｲ", "ﾄﾞｺﾓｼｮｯﾌﾟ",
    "ＰＡＹＰＡＹカ－ド", "PAYPAYｶｰﾄﾞ", "PayPay カード", "振込　ペイペイ銀行", "ﾌﾘｺﾐ PAYPAY ｷﾞﾝｺｳ",
    "au PAY カード", "楽天カード", "ﾗｸﾃﾝｶｰﾄﾞ", "メルペイスマート払い", "KYASH ｶｰﾄﾞ ﾃｽｳﾘﾖｳ",
    "Ｖデビット　ＰＡＹＰＡＹドーム", "Vﾃﾞﾋﾞﾂﾄ ｱﾏｿﾞﾝ", "ｳｴﾙﾈﾂﾄ ﾊﾞｽﾁｹｯﾄ", "ﾌﾟﾘﾝｼﾊﾟﾙ",
    "ｷｬｯｼｭｻｰﾋﾞｽ", "SPRING", "ONLINE PAYMENT", "AIRLINE PAYMENT", "ｻｰﾋﾞｽﾁｬｰｼﾞ",
    "ﾍﾟｲﾍﾟｲ証券", "V457321　AU PAY ﾏｰｹﾂﾄ", "VISAテ゛ヒ゛ット　ＰＡＹＰＡＹモ－ル",
    "デビット　ＫＹＡＳＨ　ＣＡＲＤ　ＦＥＥ", "PAYPAYｷﾞﾝ",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_fire_nothing_even_in_a_night_burst(statement_file: Write, text: str) -> None:
    # At night, after months of history, and four in minutes: a wallet here would be high.
    raw = paypay(("2020/6/1", "12:00", "キユウヨ", None, 300_000),
                 *[("2020/9/1", f"02:0{n}", text, 50_000, None) for n in range(4)])
    assert found(statement_file, raw) == []


@pytest.mark.parametrize("text", ["ﾍﾟｲﾍﾟｲ", "ﾒﾙﾍﾟｲ", "ﾒﾙｶﾘ", "ｷﾔﾂｼﾕﾊﾞﾂｸ", "ﾗｲﾝﾍﾟｲ ｼﾕﾂｷﾝ"])
def test_credits_from_wallets_are_never_top_ups(statement_file: Write, text: str) -> None:
    # Refunds, withdrawals back to the bank, cashback and sales money all come in as credits.
    raw = mufg(*[(f"2020/9/{day}", text, None, 50_000) for day in (1, 1, 1, 2)])
    assert found(statement_file, raw) == []


@pytest.mark.parametrize("allowed", [(), ("paypay",), ("merpay",)])
def test_a_brokerage_sharing_a_brand_is_never_the_wallet(statement_file: Write,
                                                         allowed: tuple[str, ...]) -> None:
    # PayPay証券 is a brokerage with no part in the 2020 pulls: monthly investing, not PayPay.
    rows = [(f"2020/{month}/27", text, 30_000, None) for month, text in
            ((1, "ＰＡＹＰＡＹ証券"), (4, "ﾍﾟｲﾍﾟｲｼﾖｳｹﾝ"), (7, "口座振替 PAYPAYｼﾖｳｹﾝ"))]
    assert found(statement_file, mufg(*rows), allowed=allowed) == []
    sbi = found(statement_file, mufg(("2020/9/1", "振替　ＳＢＩ証券", 100_000, None)))
    assert [row.wallet for row in sbi] == ["sbi-securities"]  # a catalogued pull service


# --- channel markers: only at the bank where they mean a wallet charge ---------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    (iwate("RS ﾄｳｷﾖｳｶﾞｽ"), ["wallet-like"]),  # 岩手's pull channel, payee unknown
    (iwate("ﾌﾘｶｴ ﾄｳｷﾖｳﾃﾞﾝﾘﾖｸ", "ＲＴＫ　ナントカ"), []),  # other banks' channels mean nothing here
    (sumishin("ﾌﾘｶｴ ﾄｳｷﾖｳﾃﾞﾝﾘﾖｸ"), ["wallet-like"]),
    (sumishin("RS ﾄｳｷﾖｳｶﾞｽ", "ＲＴＫ　ナントカ"), []),
    (mufg(("2020/9/1", "RS ﾄｳｷﾖｳｶﾞｽ", 5_000, None), ("2020/9/2", "ﾌﾘｶｴ ﾄｳｷﾖｳﾃﾞﾝﾘﾖｸ", 5_000, None)),
     []),
    (mufg(("2020/9/1", "ＲＴＫ　ナントカ", 5_000, None)), ["wallet-like"]),
    (mufg(("2020/9/1", "ｻｰﾋﾞｽﾁｬｰｼﾞ", 5_000, None)), []),  # a fee that says チャージ
    (mufg(("2020/9/1", "ﾅﾝﾄｶ ﾁｬｰｼﾞ", 5_000, None)), ["wallet-like"]),  # any bank
    (unknown_bank("ＲＴＫ　ナントカ", "RS ﾅﾝﾄｶ"), []),  # an unknown bank: no bank's channel
    (unknown_bank("ﾅﾝﾄｶ ﾁｬｰｼﾞ"), ["wallet-like"]),
], ids=["iwate-rs", "iwate-others", "sumishin-furikae", "sumishin-others", "mufg-others",
        "mufg-rtk", "service-charge", "charge", "unknown-bank", "unknown-bank-charge"])
def test_a_channel_marker_counts_only_at_its_bank(statement_file: Write, raw: bytes,
                                                  expected: list[str]) -> None:
    assert [rule for row in found(statement_file, raw) for rule in row.rules] == expected


def test_a_wallet_named_at_any_bank_is_still_a_wallet(statement_file: Write) -> None:
    rows = found(statement_file, iwate("ﾌﾘｶｴ ﾍﾟｲﾍﾟｲ", "RTKﾍﾟｲﾍﾟｲ"))
    assert [row.wallet for row in rows] == ["paypay", "paypay"]


def test_builders_agree_with_the_layouts(statement_file: Write) -> None:
    for raw, layout in ((iwate("x"), "iwate"), (sumishin("x"), "sumishin"),
                        (unknown_bank("x"), "generic")):
        assert read_statement(statement_file(raw)).layout.id == layout
