"""Severity that reflects the holder: their habits with their own wallets, and wallets not used."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from auditor.audit import audit
from auditor.models import Finding, Severity
from auditor.rules import Context, Settings
from auditor.statement import read_statement
from auditor.wallets import load_catalogue
from tests.builders import mufg, paypay

Write = Callable[..., Path]


def found(statement_file: Write, raw: bytes, allowed: Iterable[str] = ()) -> list[Finding]:
    return audit(read_statement(statement_file(raw)),
                 Context(load_catalogue(), frozenset(allowed), Settings()))


def reason_of(finding: Finding, rule: str) -> str:
    [text] = [r.en for r in finding.reasons if r.rule == rule]
    return text


# --- the holder's own wallet: habits decide ------------------------------------------------------

def _day_at(day: str, clocks: Iterable[str], amount: int) -> list[tuple]:
    return [(day, clock, "ペイペイ", amount, None) for clock in clocks]


USUAL = [row for month in range(1, 9) for row in _day_at(f"2020/{month}/15", ["12:30"], 2_000)]


def test_a_few_top_ups_hours_apart_are_low(statement_file: Write) -> None:
    raw = paypay(*USUAL, *_day_at("2020/9/1", ["09:10", "13:40", "19:05"], 2_000))
    rows = found(statement_file, raw, allowed={"paypay"})
    assert [(f.rules, f.severity) for f in rows] == [(("wallet-burst",), Severity.low)] * 3


def test_five_within_ten_minutes_at_night_are_high(statement_file: Write) -> None:
    clocks = ["02:41", "02:43", "02:45", "02:47", "02:49"]
    rows = found(statement_file, paypay(*USUAL, *_day_at("2020/9/1", clocks, 2_000)),
                 allowed={"paypay"})
    assert [f.severity for f in rows] == [Severity.high] * 5
    assert reason_of(rows[0], "wallet-burst") == (
        "one of 5 debits to PayPay on 2020-09-01 between 02:41:00 and 02:49:00, ¥10,000 in all: "
        "more at once than you ever topped it up (at most 1 a day before), 5 within 10 minutes, "
        "in the middle of the night")


def test_three_within_ten_minutes_by_day_are_medium(statement_file: Write) -> None:
    rows = found(statement_file, paypay(*USUAL, *_day_at("2020/9/1", ["12:00", "12:04", "12:08"],
                                                         2_000)), allowed={"paypay"})
    assert [f.severity for f in rows] == [Severity.medium] * 3


def test_many_times_the_usual_amount_is_high_on_separate_days(statement_file: Write) -> None:
    spikes = [(f"2020/9/{day}", "15:00", "ペイペイ", 50_000, None) for day in (3, 10, 17)]
    rows = found(statement_file, paypay(*USUAL, *spikes), allowed={"paypay"})
    assert [(f.amount, f.rules, f.severity) for f in rows] == [
        (50_000, ("amount-spike",), Severity.high)] * 3
    assert rows[2].reasons[0].en == "¥50,000 to PayPay is 25 times your usual top-up of ¥2,000"


def test_more_at_once_than_ever_alone_is_still_a_habit(statement_file: Write) -> None:
    # Without times, five ordinary top-ups in a day are a busy day, not a burst...
    usual = [(f"2020/{month}/10", "ＲＴＫ　ペイペイ", 3_000, None) for month in range(1, 9)]
    day = [("2020/9/1", "ＲＴＫ　ペイペイ", 3_000, None)] * 5
    rows = found(statement_file, mufg(*usual, *day), allowed={"paypay"})
    assert [f.severity for f in rows] == [Severity.low] * 5
    # ...and one of them at night changes nothing while they are hours apart.
    night = [*USUAL, *_day_at("2020/9/1", ["02:00", "09:00", "13:00", "17:00", "21:00"], 2_000)]
    assert {f.severity for f in found(statement_file, paypay(*night), allowed={"paypay"})} == {
        Severity.low}


def test_more_at_once_than_ever_adds_to_another_sign(statement_file: Write) -> None:
    usual = [(f"2020/{month}/10", "ＲＴＫ　ペイペイ", 3_000, None) for month in range(1, 9)]
    day = [("2020/9/1", "ＲＴＫ　ペイペイ", 20_000, None)] * 5  # about 7 times the usual
    rows = found(statement_file, mufg(*usual, *day), allowed={"paypay"})
    assert [f.severity for f in rows] == [Severity.high] * 5
    assert reason_of(rows[0], "wallet-burst").endswith(
        ": more at once than you ever topped it up (at most 1 a day before), about 7 times your "
        "usual top-up of ¥3,000")


def test_a_busy_day_like_earlier_busy_days_is_low(statement_file: Write) -> None:
    busy = [(f"2020/{month}/10", "ＲＴＫ　ペイペイ", 3_000, None) for month in range(1, 9)] * 5
    rows = found(statement_file, mufg(*sorted(busy, key=lambda r: int(r[0].split("/")[1])),
                                      *[("2020/9/1", "ＲＴＫ　ペイペイ", 3_000, None)] * 5),
                 allowed={"paypay"})
    assert {f.severity for f in rows} == {Severity.low}


# --- a wallet the holder does not use -------------------------------------------------------------

def test_a_wallet_not_used_is_at_least_medium(statement_file: Write) -> None:
    [row] = found(statement_file, mufg(("2020/9/1", "ﾒﾙﾍﾟｲ", 1_000, None)), allowed={"paypay"})
    assert (row.rules, row.severity) == (("unrecognised-wallet",), Severity.medium)


def test_a_name_cut_short_is_medium_and_says_so(statement_file: Write) -> None:
    [row] = found(statement_file, mufg(("2020/9/1", "ﾄﾞｺﾓｺｳｻ", 10_000, None)), allowed={"paypay"})
    assert (row.wallet, row.severity) == ("docomo-koza", Severity.medium)
    assert row.reasons[0].en == ("¥10,000 was charged to what is most likely docomo Koza (the bank "
                                 "cut the name short), a service not on your list of wallets you use")
    assert "途中で切れています" in row.reasons[0].ja


def test_a_brokerage_not_used_is_named_as_one(statement_file: Write) -> None:
    [row] = found(statement_file, mufg(("2020/9/1", "ﾌﾘｶｴ SBIｼﾖｳｹﾝ", 100_000, None)),
                  allowed={"paypay"})
    assert (row.wallet, row.severity) == ("sbi-securities", Severity.medium)
    assert row.reasons[0].en == ("¥100,000 was moved to SBI Securities, a brokerage not on your "
                                 "list of services you use")
    assert "証券会社" in row.reasons[0].ja


def test_near_the_kyash_daily_cap_on_one_day(statement_file: Write) -> None:
    day = [("2020/9/8", "ＫＹＡＳＨ", 100_000, None)] * 2 + [("2020/9/8", "ＫＹＡＳＨ", 50_000, None)]
    rows = found(statement_file, mufg(*day), allowed={"paypay"})
    assert [f.rules for f in rows] == [("unrecognised-wallet", "wallet-burst", "near-cap")] * 3
    assert reason_of(rows[0], "near-cap") == (
        "¥250,000 went to Kyash on 2020-09-08: 83% of its ¥300,000 daily limit")
    split = [("2020/9/8", "ＫＹＡＳＨ", 100_000, None), ("2020/9/9", "ＫＹＡＳＨ", 150_000, None)]
    assert all("near-cap" not in f.rules for f in found(statement_file, mufg(*split)))


def test_near_the_kyash_daily_cap_within_24_hours(statement_file: Write) -> None:
    rows = [("2020/9/8", "21:00", "ＫＹＡＳＨ", 130_000, None),
            ("2020/9/9", "20:59", "ＫＹＡＳＨ", 130_000, None),
            ("2020/9/10", "21:00", "ＫＹＡＳＨ", 100_000, None)]
    flagged = found(statement_file, paypay(*rows), allowed={"kyash"})
    assert [(f.amount, f.rules) for f in flagged] == [(130_000, ("near-cap",))] * 2
    assert reason_of(flagged[0], "near-cap") == (
        "¥260,000 went to Kyash within 24 hours: 87% of its ¥300,000 daily limit")
