"""Severity that reflects the holder: their own wallets' habits, and wallets they plainly use."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import pytest

from auditor.detect.audit import examine
from auditor.models import Finding, Severity, Suggestion
from auditor.detect.rules import Context, Settings
from auditor.ingest.statement import read_statement
from auditor.detect.wallets import load_catalogue
from tests.builders import mufg, paypay

Write = Callable[..., Path]


def examined(statement_file: Write, raw: bytes, allowed: Iterable[str] = ()):  # noqa: ANN201
    return examine(read_statement(statement_file(raw)),
                   Context(load_catalogue(), frozenset(allowed), Settings()))


def found(statement_file: Write, raw: bytes, allowed: Iterable[str] = ()) -> list[Finding]:
    return examined(statement_file, raw, allowed).findings


def reason_of(finding: Finding, rule: str) -> str:
    [text] = [r.en for r in finding.reasons if r.rule == rule]
    return text


SALARY = ("2020/1/6", "キユウヨ", None, 300_000)
# PayPay from the first week, every month for half a year, everyday amounts.
HABIT = [(f"2020/{month}/{day}", "ＲＴＫ　ペイペイ", amount, None)
         for month, day, amount in ((1, 8, 3_000), (2, 10, 2_000), (3, 9, 3_000), (4, 13, 1_000),
                                    (5, 11, 3_000), (6, 8, 2_000))]


# --- first run, no allow list: a wallet the holder plainly uses ---------------------------------

def test_a_wallet_used_from_the_start_is_taken_as_the_holders_own(statement_file: Write) -> None:
    result = examined(statement_file, mufg(SALARY, *HABIT))
    assert result.findings == []
    assert result.suggestions == [Suggestion("paypay", "PayPay", "PayPay", 6, date(2020, 1, 8),
                                             date(2020, 6, 8))]


def test_an_allow_list_turns_the_guess_off(statement_file: Write) -> None:
    result = examined(statement_file, mufg(SALARY, *HABIT), allowed={"merpay"})
    assert result.suggestions == []
    assert [f.severity for f in result.findings] == [Severity.medium] * 6


def test_a_wallet_that_starts_after_months_of_history_stays_flagged(statement_file: Write) -> None:
    late = [(f"2020/{6 + i}/10", text, amount, None) for i, (_, text, amount, _) in enumerate(HABIT)]
    result = examined(statement_file, mufg(SALARY, *late))
    assert result.suggestions == []
    assert len(result.findings) == 6
    assert result.findings[0].rules == ("unrecognised-wallet", "first-seen")
    assert {f.severity for f in result.findings} == {Severity.medium}


FIVE_WEEKS = [(day, "ＲＴＫ　ペイペイ", 2_000, None)
              for day in ("2020/1/8", "2020/1/20", "2020/2/1", "2020/2/12")]


@pytest.mark.parametrize("rows", [HABIT[:3], FIVE_WEEKS], ids=["three-top-ups", "five-weeks"])
def test_too_little_use_is_no_habit(statement_file: Write, rows: list[tuple]) -> None:
    result = examined(statement_file, mufg(SALARY, *rows))
    assert result.suggestions == [] and result.findings


def test_large_amounts_from_the_start_are_no_habit(statement_file: Write) -> None:
    large = [(when, text, 50_000, None) for when, text, _, _ in HABIT]
    result = examined(statement_file, mufg(SALARY, *large))
    assert result.suggestions == [] and len(result.findings) == 6


def test_a_burst_on_a_wallet_taken_as_own_is_still_flagged(statement_file: Write) -> None:
    burst = [("2020/7/2", "ＲＴＫ　ペイペイ", 50_000, None)] * 4
    result = examined(statement_file, mufg(SALARY, *HABIT, *burst))
    assert [s.wallet for s in result.suggestions] == ["paypay"]
    assert [(f.amount, f.severity) for f in result.findings] == [(50_000, Severity.high)] * 4
    assert result.findings[0].rules == ("wallet-burst", "amount-spike")
    assert "about 20 times your usual top-up of ¥2,500" in reason_of(result.findings[0],
                                                                    "wallet-burst")


def test_scan_prints_the_suggestion_once_and_json_lists_it(cli: Callable[..., object],
                                                           statement_file: Write) -> None:
    path = statement_file(mufg(SALARY, *HABIT))
    table = cli("scan", path)
    assert table.code == 0 and table.out == ""
    assert table.err.count("looks like yours: PayPay, 6 top-ups") == 1
    assert "`auditor allow paypay`?" in table.err
    data = json.loads(cli("scan", path, "-f", "json").out)
    assert [s["command"] for s in data["suggestions"]] == ["auditor allow paypay"]
    assert "looks like yours" not in cli("scan", path, "-f", "json").err
    assert "ご自身で利用しているようです" in cli("scan", path, "--lang", "ja").err


def test_allow_none_checks_every_top_up(cli: Callable[..., object], statement_file: Write) -> None:
    # A holder who uses no wallet at all says so: nothing is taken as theirs.
    path = statement_file(mufg(SALARY, *HABIT))
    data = json.loads(cli("scan", path, "--allow", "none", "-f", "json").out)
    assert data["suggestions"] == []
    assert [f["severity"] for f in data["findings"]] == ["medium"] * 6
    assert cli("scan", path, "--allow", "nonee").code == 2  # a typo is still an error


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


def test_the_holders_own_top_up_on_a_burst_day_stays_low(statement_file: Write) -> None:
    # Two large charges the holder did not make, and their own ¥2,000 the same day.
    day = [("2020/9/1", "ＲＴＫ　ペイペイ", amount, None) for amount in (50_000, 30_000, 2_000)]
    usual = [(f"2020/{month}/10", "ＲＴＫ　ペイペイ", 2_000, None) for month in range(1, 9)]
    rows = found(statement_file, mufg(*usual, *day), allowed={"paypay"})
    assert [(f.amount, f.severity) for f in rows] == [
        (50_000, Severity.high), (30_000, Severity.high), (2_000, Severity.low)]


def test_a_top_up_hours_after_a_night_burst_stays_low(statement_file: Write) -> None:
    night = _day_at("2020/9/1", ["02:23", "02:25", "02:27", "02:29", "16:32"], 2_000)
    rows = found(statement_file, paypay(*USUAL, *night), allowed={"paypay"})
    assert [f.severity for f in rows] == [Severity.high] * 4 + [Severity.low]


def test_a_recurring_large_amount_becomes_usual(statement_file: Write) -> None:
    # Monthly ¥10,000 into the brokerage, then ¥50,000 every month from March: after two
    # months it is the holder's own amount, not a spike.
    amounts = [10_000, 10_000, 10_000, 50_000, 50_000, 50_000, 50_000, 50_000, 50_000]
    rows = found(statement_file, mufg(*[(f"2020/{month}/10", "振替　ＳＢＩ証券", amount, None)
                                        for month, amount in enumerate(amounts, 1)]),
                 allowed={"sbi-securities"})
    assert [(f.date.month, f.rules) for f in rows] == [(4, ("amount-spike",)),
                                                       (5, ("amount-spike",))]


def test_a_brokerage_is_not_judged_by_wallet_top_ups(statement_file: Write) -> None:
    # ¥2,000 PayPay top-ups say nothing about what is usual for a brokerage.
    usual = [(f"2020/{month}/10", "ＲＴＫ　ペイペイ", 2_000, None) for month in range(1, 9)]
    sbi = [("2020/2/20", "振替　ＳＢＩ証券", 50_000, None), ("2020/5/20", "振替　ＳＢＩ証券", 50_000, None)]
    assert found(statement_file, mufg(*usual, *sbi), allowed={"paypay", "sbi-securities"}) == []


# A holder who pays ¥30,000 into SBI証券 every month from the start, and lists only PayPay.
INSTALMENTS = [(f"2020/{month}/27", "ﾌﾘｶｴ SBIｼﾖｳｹﾝ", 30_000, None) for month in range(1, 8)]


def test_monthly_instalments_into_a_brokerage_are_the_holders_own(statement_file: Write) -> None:
    result = examined(statement_file, mufg(SALARY, *INSTALMENTS), allowed={"paypay"})
    assert [f for f in result.findings if f.severity.rank >= Severity.medium.rank] == []
    assert [s.wallet for s in result.suggestions] == ["sbi-securities"]


def test_a_pull_far_above_the_instalments_is_still_flagged(statement_file: Write) -> None:
    pulls = [("2020/8/3", "ﾌﾘｶｴ SBIｼﾖｳｹﾝ", 3_000_000, None)] * 2
    result = examined(statement_file, mufg(SALARY, *INSTALMENTS, *pulls), allowed={"paypay"})
    assert [f.severity for f in result.findings if f.amount == 3_000_000] == [Severity.high] * 2


def test_an_allow_list_still_keeps_a_wallets_habit_flagged(statement_file: Write) -> None:
    result = examined(statement_file, mufg(SALARY, *HABIT, *INSTALMENTS), allowed={"merpay"})
    assert [s.wallet for s in result.suggestions] == ["sbi-securities"]
    assert {f.wallet for f in result.findings if f.severity is Severity.medium} == {"paypay"}


def test_allow_none_takes_no_brokerage_as_the_holders_own(statement_file: Write) -> None:
    result = examined(statement_file, mufg(SALARY, *INSTALMENTS), allowed={"none"})
    assert result.suggestions == []
    assert {f.severity for f in result.findings} == {Severity.medium}
