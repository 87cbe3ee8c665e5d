"""The seven rules, each read end to end from small statements: when it fires, when it must not."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from auditor.detect.audit import audit
from auditor.models import SEVERITY_SCORE, Finding, Reason, Severity
from auditor.detect.rules import Context, Settings
from auditor.ingest.statement import read_statement
from auditor.detect.wallets import load_catalogue
from tests.builders import mufg, paypay

Write = Callable[..., Path]
Row = tuple  # (date, description, debit, credit) or (date, time, description, debit, credit)

DOCOMO_EN, DOCOMO_JA = "docomo Koza", "ドコモ口座"


def findings(statement_file: Write, raw: bytes, allowed: Iterable[str] = (),
             settings: Settings = Settings()) -> list[Finding]:
    statement = read_statement(statement_file(raw))
    return audit(statement, Context(load_catalogue(), frozenset(allowed), settings))


def only(found: list[Finding]) -> Finding:
    assert len(found) == 1, [f.rules for f in found]
    return found[0]


def reason(finding: Finding, rule: str) -> Reason:
    [match] = [r for r in finding.reasons if r.rule == rule]
    return match


SALARY = ("2020/6/1", "キユウヨ", None, 300_000)  # opens three months of history before September
SEVENTY_SEVEN = (  # 七十七銀行, 2020: four pulls into ドコモ口座 within a minute, ¥300,000 in all
    ("2020/9/1", "14:05", "ドコモコウザ", 100_000, None),
    ("2020/9/1", "14:05", "ドコモコウザ", 90_000, None),
    ("2020/9/1", "14:06", "ドコモコウザ", 90_000, None),
    ("2020/9/1", "14:06", "ドコモコウザ", 20_000, None),
)


# --- look-alikes -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["ＰＡＹＰＡＹカ－ド", "ラクテンカード", "ＮＴＴドコモ", "ドコモケイタイ"])
def test_look_alike_debits_fire_nothing(statement_file: Write, text: str) -> None:
    # At night, after months of history, and in a burst: a wallet here would trip four rules.
    raw = paypay(("2020/6/1", "12:00", "キユウヨ", None, 300_000),
                 *[("2020/9/1", f"02:0{n}", text, 50_000, None) for n in range(4)])
    assert findings(statement_file, raw) == []


@pytest.mark.parametrize("text", ["ﾍﾟｲﾍﾟｲ", "ﾒﾙｶﾘ"])
def test_credits_from_wallets_fire_nothing(statement_file: Write, text: str) -> None:
    raw = paypay(("2020/6/1", "12:00", "キユウヨ", None, 300_000),
                 *[("2020/9/1", f"02:0{n}", text, None, 50_000) for n in range(4)])
    assert findings(statement_file, raw) == []


def test_ordinary_monthly_top_ups_to_an_allowed_wallet_raise_nothing(statement_file: Write) -> None:
    amounts = [10_000, 8_000, 12_000, 10_000, 15_000, 10_000, 9_000, 10_000, 20_000, 10_000]
    raw = mufg(SALARY, *[(f"2020/{month}/25", "ＲＴＫ　ペイペイ", amount, None)
                         for month, amount in zip(range(1, 11), amounts)])
    assert findings(statement_file, raw, allowed={"paypay"}) == []


def test_ordinary_daytime_top_ups_at_paypay_bank_raise_nothing(statement_file: Write) -> None:
    raw = paypay(*[(f"2020/{month}/10", "12:30", "ペイペイ", 5_000, None) for month in range(1, 10)],
                 ("2020/9/20", "18:45", "ＰＡＹＰＡＹ", 5_000, None))
    assert findings(statement_file, raw, allowed={"paypay"}) == []


# --- unrecognised-wallet -----------------------------------------------------------------------

def test_unrecognised_wallet_fires_on_a_wallet_not_allowed(statement_file: Write) -> None:
    found = only(findings(statement_file, mufg(("2020/9/1", "ドコモコウザ", 10_000, None))))
    assert found.rules == ("unrecognised-wallet",)
    assert (found.wallet, found.amount, found.score, found.severity) == (
        "docomo-koza", 10_000, 40, Severity.medium)
    assert found.reasons == (Reason(
        "unrecognised-wallet", Severity.medium,
        f"¥10,000 was charged to {DOCOMO_EN}, a service not on your list of wallets you use",
        f"利用登録していない{DOCOMO_JA}へ¥10,000がチャージされています",
    ),)


def test_unrecognised_wallet_quiet_when_the_wallet_is_allowed(statement_file: Write) -> None:
    raw = mufg(("2020/9/1", "ドコモコウザ", 10_000, None))
    assert findings(statement_file, raw, allowed={"docomo-koza"}) == []


def test_unrecognised_wallet_quiet_when_another_wallet_is_allowed(statement_file: Write) -> None:
    # Allowing PayPay does not cover ドコモ口座.
    found = only(findings(statement_file, mufg(("2020/9/1", "ドコモコウザ", 10_000, None)),
                          allowed={"paypay"}))
    assert found.rules == ("unrecognised-wallet",)
    assert findings(statement_file, mufg(("2020/9/1", "ＲＴＫ　ペイペイ", 10_000, None)),
                    allowed={"paypay"}) == []


# --- wallet-burst ------------------------------------------------------------------------------

def test_wallet_burst_fires_on_the_2020_seventy_seven_bank_pattern(statement_file: Write) -> None:
    found = findings(statement_file, paypay(*SEVENTY_SEVEN))
    assert [f.amount for f in found] == [100_000, 90_000, 90_000, 20_000]
    assert [f.time for f in found] == ["14:05:00", "14:05:00", "14:06:00", "14:06:00"]
    for finding in found:
        assert finding.rules == ("unrecognised-wallet", "wallet-burst", "near-cap")
        assert [r.severity for r in finding.reasons] == [Severity.medium, Severity.high,
                                                         Severity.medium]
        assert (finding.score, finding.severity) == (100, Severity.high)
        assert reason(finding, "wallet-burst") == Reason(
            "wallet-burst", Severity.high,
            f"one of 4 debits to {DOCOMO_EN} on 2020-09-01 between 14:05:00 and 14:06:00, "
            "¥300,000 in all",
            f"2020-09-01 14:05:00〜14:06:00に{DOCOMO_JA}への出金が4件、合計¥300,000",
        )
    assert reason(found[3], "unrecognised-wallet").en == (
        f"¥20,000 was charged to {DOCOMO_EN}, a service not on your list of wallets you use")


def test_wallet_burst_fires_on_an_allowed_wallet(statement_file: Write) -> None:
    # Four within a minute is out of anyone's habit (one sign: medium); the month's ¥300,000
    # also reaches the cap, so the row is high.
    found = findings(statement_file, paypay(*SEVENTY_SEVEN), allowed={"docomo-koza"})
    assert len(found) == 4
    for finding in found:
        assert finding.rules == ("wallet-burst", "near-cap")
        assert reason(finding, "wallet-burst") == Reason(
            "wallet-burst", Severity.medium,
            f"one of 4 debits to {DOCOMO_EN} on 2020-09-01 between 14:05:00 and 14:06:00, "
            "¥300,000 in all: 4 within 10 minutes",
            f"2020-09-01 14:05:00〜14:06:00に{DOCOMO_JA}への出金が4件、合計¥300,000。10分以内に4件",
        )
        assert (finding.score, finding.severity) == (80, Severity.high)


BUSY_DAY = (("2020/9/1", "ＲＴＫ　ペイペイ", 10_000, None),
            ("2020/9/1", "ＲＴＫ　ペイペイ", 20_000, None),
            ("2020/9/1", "ＲＴＫ　ペイペイ", 30_000, None))


def test_wallet_burst_fires_on_three_debits_one_day_without_times(statement_file: Write) -> None:
    found = findings(statement_file, mufg(*BUSY_DAY))
    assert [f.rules for f in found] == [("unrecognised-wallet", "wallet-burst")] * 3
    assert {reason(f, "wallet-burst") for f in found} == {Reason(
        "wallet-burst", Severity.high,
        "one of 3 debits to PayPay on 2020-09-01, ¥60,000 in all",
        "2020-09-01にPayPayへの出金が3件、合計¥60,000",
    )}
    assert [(f.score, f.severity) for f in found] == [(100, Severity.high)] * 3


def test_wallet_burst_is_low_on_a_busy_day_of_an_allowed_wallet(statement_file: Write) -> None:
    # The holder's own wallet, three top-ups in a day and nothing unusual: listed, no alarm.
    found = findings(statement_file, mufg(*BUSY_DAY), allowed={"paypay"})
    assert [f.rules for f in found] == [("wallet-burst",)] * 3
    assert {f.reasons for f in found} == {(Reason(
        "wallet-burst", Severity.low,
        "one of 3 debits to PayPay on 2020-09-01, ¥60,000 in all; your usual amounts, so listed "
        "for information only",
        "2020-09-01にPayPayへの出金が3件、合計¥60,000（普段どおりの金額のため、参考として表示しています）",
    ),)}
    assert [(f.score, f.severity) for f in found] == [(15, Severity.low)] * 3


def test_wallet_burst_fires_on_two_timed_debits_ten_minutes_apart(statement_file: Write) -> None:
    raw = paypay(("2020/9/1", "09:00", "ペイペイ", 5_000, None),
                 ("2020/9/1", "09:10", "ペイペイ", 5_000, None))
    found = findings(statement_file, raw)
    assert [reason(f, "wallet-burst") for f in found] == [Reason(
        "wallet-burst", Severity.high,
        "one of 2 debits to PayPay on 2020-09-01 between 09:00:00 and 09:10:00, ¥10,000 in all",
        "2020-09-01 09:00:00〜09:10:00にPayPayへの出金が2件、合計¥10,000",
    )] * 2
    own = findings(statement_file, raw, allowed={"paypay"})
    assert [(f.rules, f.severity) for f in own] == [(("wallet-burst",), Severity.low)] * 2


def test_wallet_burst_quiet_when_timed_debits_are_more_than_ten_minutes_apart(
        statement_file: Write) -> None:
    raw = paypay(("2020/9/1", "09:00", "ペイペイ", 5_000, None),
                 ("2020/9/1", "09:10:01", "ペイペイ", 5_000, None))
    assert findings(statement_file, raw, allowed={"paypay"}) == []


def test_wallet_burst_quiet_when_two_untimed_debits_share_a_day(statement_file: Write) -> None:
    raw = mufg(("2020/9/1", "ＲＴＫ　ペイペイ", 10_000, None),
               ("2020/9/1", "ＲＴＫ　ペイペイ", 10_000, None))
    assert findings(statement_file, raw, allowed={"paypay"}) == []


def test_wallet_burst_quiet_when_debits_go_to_different_wallets(statement_file: Write) -> None:
    raw = mufg(("2020/9/1", "ＲＴＫ　ペイペイ", 10_000, None),
               ("2020/9/1", "ﾒﾙﾍﾟｲ", 10_000, None),
               ("2020/9/1", "ドコモコウザ", 10_000, None))
    assert findings(statement_file, raw, allowed={"paypay", "merpay", "docomo-koza"}) == []


def test_wallet_burst_quiet_when_three_debits_fall_on_three_days(statement_file: Write) -> None:
    raw = mufg(*[(f"2020/9/{day}", "ＲＴＫ　ペイペイ", 10_000, None) for day in (1, 2, 3)])
    assert findings(statement_file, raw, allowed={"paypay"}) == []


def test_wallet_burst_names_the_span_of_a_run_across_midnight(statement_file: Write) -> None:
    raw = paypay(("2020/9/1", "23:58", "ペイペイ", 1_000, None),
                 ("2020/9/2", "00:02", "ペイペイ", 1_000, None))
    found = findings(statement_file, raw, allowed={"paypay"})
    assert [f.rules[0] for f in found] == ["wallet-burst"] * 2
    text = reason(found[0], "wallet-burst")
    assert "between 00:02:00 and 23:58:00" not in text.en
    assert text.en.index("23:58:00") < text.en.index("00:02:00")
    assert text.ja.index("23:58:00") < text.ja.index("00:02:00")


# --- amount-spike ------------------------------------------------------------------------------

def _monthly(amounts: Iterable[int], text: str = "ＲＴＫ　ペイペイ") -> list[tuple]:
    return [(f"2020/{month}/10", text, amount, None) for month, amount in enumerate(amounts, 1)]


def test_amount_spike_fires_far_above_the_usual_top_up(statement_file: Write) -> None:
    raw = mufg(*_monthly([10_000, 10_000, 10_000, 100_000]))
    found = only(findings(statement_file, raw, allowed={"paypay"}))
    assert (found.date.isoformat(), found.amount) == ("2020-04-10", 100_000)
    assert found.reasons == (Reason(
        "amount-spike", Severity.high,
        "¥100,000 to PayPay is 10 times your usual top-up of ¥10,000",
        "PayPayへの¥100,000は、普段のチャージ額¥10,000の10倍です",
    ),)
    assert (found.score, found.severity) == (70, Severity.high)


def test_amount_spike_is_medium_below_the_high_factor(statement_file: Write) -> None:
    raw = mufg(*_monthly([10_000, 10_000, 10_000, 90_000]))
    found = only(findings(statement_file, raw, allowed={"paypay"}))
    assert found.reasons == (Reason(
        "amount-spike", Severity.medium,
        "¥90,000 to PayPay is 9 times your usual top-up of ¥10,000",
        "PayPayへの¥90,000は、普段のチャージ額¥10,000の9倍です",
    ),)


def test_amount_spike_usual_is_the_median(statement_file: Write) -> None:
    raw = mufg(*_monthly([5_000, 12_000, 10_000, 8_000, 100_000]))
    found = only(findings(statement_file, raw, allowed={"paypay"}))
    assert reason(found, "amount-spike").en == (
        "¥100,000 to PayPay is 11 times your usual top-up of ¥9,000")


@pytest.mark.parametrize("earlier", range(Settings().spike_min_history))
def test_amount_spike_quiet_when_history_is_too_short(statement_file: Write, earlier: int) -> None:
    raw = mufg(*_monthly([10_000] * earlier + [100_000]))
    assert findings(statement_file, raw, allowed={"paypay"}) == []


def test_amount_spike_fires_once_history_is_long_enough(statement_file: Write) -> None:
    raw = mufg(*_monthly([10_000] * Settings().spike_min_history + [100_000]))
    assert only(findings(statement_file, raw, allowed={"paypay"})).rules == ("amount-spike",)


def test_amount_spike_quiet_when_below_the_everyday_amount(statement_file: Write) -> None:
    # 20 times the usual, but ¥20,000 is below Settings.spike_min_amount.
    raw = mufg(*_monthly([1_000, 1_000, 1_000, 20_000]))
    assert findings(statement_file, raw, allowed={"paypay"}) == []


def test_amount_spike_quiet_when_not_twice_the_largest_earlier_one(statement_file: Write) -> None:
    # 6 times the median ¥10,000, but less than twice the earlier ¥40,000.
    raw = mufg(*_monthly([10_000, 10_000, 40_000, 60_000]))
    assert findings(statement_file, raw, allowed={"paypay"}) == []


def test_amount_spike_quiet_when_below_the_factor(statement_file: Write) -> None:
    raw = mufg(*_monthly([10_000, 10_000, 10_000, 49_999]))
    assert findings(statement_file, raw, allowed={"paypay"}) == []


def test_amount_spike_does_not_raise_the_baseline_for_the_next(statement_file: Write) -> None:
    # Had the first spike joined the history, the second would need ¥200,000 (twice the max).
    raw = mufg(*_monthly([10_000, 10_000, 10_000, 100_000, 100_000]))
    found = findings(statement_file, raw, allowed={"paypay"})
    assert [f.date.isoformat() for f in found] == ["2020-04-10", "2020-05-10"]
    for finding in found:
        assert finding.rules == ("amount-spike",)
        assert reason(finding, "amount-spike").en == (
            "¥100,000 to PayPay is 10 times your usual top-up of ¥10,000")


def test_amount_spike_quiet_when_the_wallet_is_not_allowed(statement_file: Write) -> None:
    # A stranger wallet is already flagged as unrecognised; it has no usual amount.
    raw = mufg(*_monthly([10_000, 10_000, 10_000, 100_000], text="ﾒﾙﾍﾟｲ"))
    found = findings(statement_file, raw)
    assert [f.rules for f in found] == [("unrecognised-wallet",)] * 4


def test_amount_spike_history_is_per_wallet(statement_file: Write) -> None:
    # メルペイ's own history says ¥100,000 is usual there, whatever PayPay's is.
    raw = mufg(*_monthly([10_000, 10_000, 10_000]),
               *[(f"2020/{month}/20", "ﾒﾙﾍﾟｲ", 100_000, None) for month in (1, 2, 3, 4)])
    assert findings(statement_file, raw, allowed={"paypay", "merpay"}) == []


def test_amount_spike_judges_a_new_wallet_by_the_holders_wallets(statement_file: Write) -> None:
    raw = mufg(*_monthly([10_000, 10_000, 10_000]), ("2020/4/10", "ﾒﾙﾍﾟｲ", 100_000, None))
    found = only(findings(statement_file, raw, allowed={"paypay", "merpay"}))
    assert found.reasons == (Reason(
        "amount-spike", Severity.high,
        "¥100,000 to Merpay is 10 times your usual top-up to your wallets of ¥10,000",
        "メルペイへの¥100,000は、普段の決済サービスへのチャージ額¥10,000の10倍です",
    ),)


# --- near-cap ----------------------------------------------------------------------------------

def test_near_cap_fires_when_a_month_reaches_most_of_the_cap(statement_file: Write) -> None:
    raw = mufg(("2020/9/3", "ドコモコウザ", 150_000, None),
               ("2020/9/20", "ドコモコウザ", 100_000, None))
    found = findings(statement_file, raw, allowed={"docomo-koza"})
    assert len(found) == 2
    for finding in found:
        assert finding.reasons == (Reason(
            "near-cap", Severity.medium,
            f"¥250,000 went to {DOCOMO_EN} in 2020-09: 83% of its ¥300,000 monthly limit",
            f"2020-09の{DOCOMO_JA}への出金合計¥250,000は、月間上限¥300,000の83%に達しています",
        ),)
        assert (finding.score, finding.severity) == (40, Severity.medium)


def test_near_cap_fires_at_exactly_the_cap_share(statement_file: Write) -> None:
    raw = mufg(("2020/9/3", "ドコモコウザ", 120_000, None),
               ("2020/9/20", "ドコモコウザ", 120_000, None))
    found = findings(statement_file, raw, allowed={"docomo-koza"})
    assert [f.rules for f in found] == [("near-cap",)] * 2
    assert "80% of its ¥300,000 monthly limit" in found[0].reasons[0].en


def test_near_cap_quiet_just_below_the_cap_share(statement_file: Write) -> None:
    raw = mufg(("2020/9/3", "ドコモコウザ", 120_000, None),
               ("2020/9/20", "ドコモコウザ", 119_999, None))
    assert findings(statement_file, raw, allowed={"docomo-koza"}) == []


def test_near_cap_quiet_when_the_total_spans_two_calendar_months(statement_file: Write) -> None:
    raw = mufg(("2020/8/31", "ドコモコウザ", 150_000, None),
               ("2020/9/1", "ドコモコウザ", 150_000, None))
    assert findings(statement_file, raw, allowed={"docomo-koza"}) == []


def test_near_cap_counts_each_month_on_its_own(statement_file: Write) -> None:
    raw = mufg(("2020/8/5", "ドコモコウザ", 100_000, None),
               ("2020/9/5", "ドコモコウザ", 150_000, None),
               ("2020/9/25", "ドコモコウザ", 150_000, None))
    found = findings(statement_file, raw, allowed={"docomo-koza"})
    assert [f.date.isoformat() for f in found] == ["2020-09-05", "2020-09-25"]
    assert "¥300,000 went to" in found[0].reasons[0].en and "100%" in found[0].reasons[0].en


def test_near_cap_quiet_when_the_wallet_has_no_monthly_cap(statement_file: Write) -> None:
    raw = mufg(("2020/9/3", "ＲＴＫ　ペイペイ", 500_000, None),
               ("2020/9/20", "ＲＴＫ　ペイペイ", 500_000, None))
    assert findings(statement_file, raw, allowed={"paypay"}) == []


# --- first-seen --------------------------------------------------------------------------------

def test_first_seen_fires_on_the_first_debit_after_long_history(statement_file: Write) -> None:
    raw = mufg(SALARY, ("2020/9/1", "ドコモコウザ", 10_000, None),
               ("2020/9/5", "ドコモコウザ", 10_000, None))
    first, second = findings(statement_file, raw)
    assert first.rules == ("unrecognised-wallet", "first-seen")
    assert reason(first, "first-seen") == Reason(
        "first-seen", Severity.low,
        f"first debit ever to {DOCOMO_EN} in 92 days of history (since 2020-06-01)",
        f"2020-06-01以降92日間の履歴で初めての{DOCOMO_JA}への出金です",
    )
    assert (first.score, first.severity) == (55, Severity.medium)
    assert second.rules == ("unrecognised-wallet",)


def test_first_seen_fires_for_a_wallet_like_payee(statement_file: Write) -> None:
    raw = mufg(SALARY, ("2020/9/1", "ＲＴＫ　ナントカ", 5_000, None))
    found = only(findings(statement_file, raw))
    assert found.rules == ("first-seen", "wallet-like")
    assert reason(found, "first-seen") == Reason(
        "first-seen", Severity.low,
        "first debit ever to this payee in 92 days of history (since 2020-06-01)",
        "2020-06-01以降92日間の履歴で初めてのこの支払先への出金です",
    )


@pytest.mark.parametrize(("opened", "fires"), [("2020/8/2", True), ("2020/8/3", False)])
def test_first_seen_needs_first_seen_days_of_history(statement_file: Write, opened: str,
                                                      fires: bool) -> None:
    # 2020/8/2 -> 2020/9/1 is exactly Settings.first_seen_days (30); 2020/8/3 is 29.
    raw = mufg((opened, "キユウヨ", None, 300_000), ("2020/9/1", "ドコモコウザ", 10_000, None))
    rules = only(findings(statement_file, raw)).rules
    assert ("first-seen" in rules) is fires
    assert Settings().first_seen_days == 30


def test_first_seen_quiet_when_history_is_short(statement_file: Write) -> None:
    raw = mufg(("2020/8/20", "キユウヨ", None, 300_000), ("2020/9/1", "ドコモコウザ", 10_000, None))
    assert only(findings(statement_file, raw)).rules == ("unrecognised-wallet",)


def test_first_seen_quiet_when_the_wallet_is_allowed(statement_file: Write) -> None:
    raw = mufg(SALARY, ("2020/9/1", "ドコモコウザ", 10_000, None))
    assert findings(statement_file, raw, allowed={"docomo-koza"}) == []


def test_first_seen_quiet_when_the_wallet_was_seen_early(statement_file: Write) -> None:
    # The first ドコモ口座 debit came on the first day; a later one is no news.
    raw = mufg(("2020/6/1", "ドコモコウザ", 1_000, None), ("2020/9/1", "ドコモコウザ", 10_000, None))
    assert [f.rules for f in findings(statement_file, raw)] == [("unrecognised-wallet",)] * 2


def test_first_seen_follows_the_settings(statement_file: Write) -> None:
    raw = mufg(("2020/8/25", "キユウヨ", None, 300_000), ("2020/9/1", "ドコモコウザ", 10_000, None))
    found = only(findings(statement_file, raw, settings=Settings(first_seen_days=7)))
    assert reason(found, "first-seen").en == (
        f"first debit ever to {DOCOMO_EN} in 7 days of history (since 2020-08-25)")


# --- wallet-like -------------------------------------------------------------------------------

YUCHO_HEADER = ("お客さま口座情報\r\n照会対象：全期間\r\n"
                "取引日,入出金明細ＩＤ,受入金額（円）,払出金額（円）,詳細１,詳細２,現在（貸付）高,\r\n")
SUMISHIN_HEADER = '"日付","内容","出金金額(円)","入金金額(円)","残高(円)","メモ"\r\n'


def yucho(channel: str, payee: str) -> bytes:
    return (YUCHO_HEADER + f"20200901,202009010000001,,5000,{channel},{payee},,\r\n").encode("cp932")


def sumishin(text: str) -> bytes:
    return (SUMISHIN_HEADER + f'"2020/09/01","{text}","5,000",,"",""\r\n').encode("cp932")


def test_wallet_like_fires_on_a_yucho_rt_debit_to_an_unknown_payee(statement_file: Write) -> None:
    statement = read_statement(statement_file(yucho("ＲＴ", "(ﾅﾝﾄｶﾍﾟｲ)")))
    assert statement.layout.id == "yucho"
    found = only(audit(statement, Context(load_catalogue(), frozenset())))
    assert (found.description, found.wallet) == ("(ﾅﾝﾄｶﾍﾟｲ)", None)
    assert found.reasons == (Reason(
        "wallet-like", Severity.medium,
        "¥5,000 left as an instant debit (ＲＴ) with the payee in brackets, the way wallet "
        "top-ups are charged, to a payee that is no wallet you have listed",
        "¥5,000が即時振替（ＲＴ）の形で出金されていますが、登録された決済サービスではありません",
    ),)
    assert (found.score, found.severity) == (40, Severity.medium)


def test_wallet_like_fires_on_a_sumishin_furikae(statement_file: Write) -> None:
    found = only(findings(statement_file, sumishin("フリカエ　ナントカ")))
    assert found.reasons == (Reason(
        "wallet-like", Severity.medium,
        "¥5,000 left as a フリカエ pull, the way wallet top-ups are charged, to a payee that is "
        "no wallet you have listed",
        "¥5,000がフリカエ（振替）の形で出金されていますが、登録された決済サービスではありません",
    ),)


@pytest.mark.parametrize(("text", "shape_en", "shape_ja"), [
    ("ＲＴＫ　ナントカ", "a ＲＴＫ account transfer", "ＲＴＫ口座振替"),
    ("ﾅﾝﾄｶ ﾁｬｰｼﾞ", "a チャージ (top-up)", "チャージ"),
])
def test_wallet_like_fires_on_other_markers(statement_file: Write, text: str, shape_en: str,
                                            shape_ja: str) -> None:
    found = only(findings(statement_file, mufg(("2020/9/1", text, 5_000, None))))
    assert found.reasons == (Reason(
        "wallet-like", Severity.medium,
        f"¥5,000 left as {shape_en}, the way wallet top-ups are charged, to a payee that is no "
        "wallet you have listed",
        f"¥5,000が{shape_ja}の形で出金されていますが、登録された決済サービスではありません",
    ),)


@pytest.mark.parametrize("text", ["振込　ヤマダ　タロウ", "ﾓｸﾃｷﾖｷﾝﾌﾘｶｴ", "ＡＴＭ　セブン銀行"])
def test_wallet_like_quiet_when_an_ordinary_sumishin_debit(statement_file: Write,
                                                            text: str) -> None:
    assert findings(statement_file, sumishin(text)) == []


@pytest.mark.parametrize(("channel", "payee"), [
    ("振込", "(ﾅﾝﾄｶﾍﾟｲ)"),  # brackets but not the ＲＴ channel
    ("ＲＴ", "ﾅﾝﾄｶﾍﾟｲ"),  # ＲＴ without the bracketed payee (catalogue note: not a marker)
    ("ＲＴＸ", "(ﾅﾝﾄｶﾍﾟｲ)"),  # a longer code that merely contains RT
])
def test_wallet_like_quiet_when_the_yucho_shape_is_incomplete(statement_file: Write, channel: str,
                                                              payee: str) -> None:
    assert findings(statement_file, yucho(channel, payee)) == []


def test_wallet_like_quiet_when_the_payee_is_a_known_wallet(statement_file: Write) -> None:
    found = only(findings(statement_file, yucho("ＲＴ", "(ﾍﾟｲﾍﾟｲ)")))
    assert (found.rules, found.wallet) == (("unrecognised-wallet",), "paypay")
    assert findings(statement_file, yucho("ＲＴ", "(ﾍﾟｲﾍﾟｲ)"), allowed={"paypay"}) == []


# --- odd-hour ----------------------------------------------------------------------------------

def test_odd_hour_fires_on_a_wallet_debit_at_half_past_two(statement_file: Write) -> None:
    raw = paypay(("2020/9/1", "02:30", "ペイペイ", 5_000, None))
    found = only(findings(statement_file, raw, allowed={"paypay"}))
    assert found.time == "02:30:00"
    assert found.reasons == (Reason(
        "odd-hour", Severity.low,
        "¥5,000 was taken at 02:30:00, in the middle of the night",
        "深夜02:30:00に¥5,000が出金されています",
    ),)
    assert (found.score, found.severity) == (15, Severity.low)


@pytest.mark.parametrize("clock", ["00:00", "04:59:59"])
def test_odd_hour_fires_at_the_edges_of_the_night(statement_file: Write, clock: str) -> None:
    raw = paypay(("2020/9/1", clock, "ペイペイ", 5_000, None))
    assert only(findings(statement_file, raw, allowed={"paypay"})).rules == ("odd-hour",)


def test_odd_hour_fires_on_a_wallet_like_debit(statement_file: Write) -> None:
    raw = paypay(("2020/9/1", "03:00", "ﾅﾝﾄｶ ﾁｬｰｼﾞ", 5_000, None))
    assert only(findings(statement_file, raw)).rules == ("wallet-like", "odd-hour")


@pytest.mark.parametrize("clock", ["14:00", "05:00", "23:59:59"])
def test_odd_hour_quiet_when_in_the_day(statement_file: Write, clock: str) -> None:
    raw = paypay(("2020/9/1", clock, "ペイペイ", 5_000, None))
    assert findings(statement_file, raw, allowed={"paypay"}) == []


def test_odd_hour_quiet_when_the_bank_prints_no_time(statement_file: Write) -> None:
    assert findings(statement_file, mufg(("2020/9/1", "ＲＴＫ　ペイペイ", 5_000, None)),
                    allowed={"paypay"}) == []


def test_odd_hour_quiet_when_the_time_cells_are_empty(statement_file: Write) -> None:
    # An empty time must not pass for midnight.
    raw = paypay(("2020/9/1", "", "ペイペイ", 5_000, None))
    statement = read_statement(statement_file(raw))
    assert statement.frame["time"].isna().all()
    assert audit(statement, Context(load_catalogue(), frozenset({"paypay"}))) == []


def test_odd_hour_quiet_when_the_debit_is_no_wallet(statement_file: Write) -> None:
    raw = paypay(("2020/9/1", "02:30", "Ｖデビット　コンビニ", 5_000, None))
    assert findings(statement_file, raw) == []


def test_odd_hour_follows_the_settings(statement_file: Write) -> None:
    raw = paypay(("2020/9/1", "05:30", "ペイペイ", 5_000, None))
    found = only(findings(statement_file, raw, allowed={"paypay"},
                          settings=Settings(night_to=6)))
    assert found.rules == ("odd-hour",)


# --- no reason is more severe than its rule ----------------------------------------------------

def test_reason_severities_are_the_rules_severities(statement_file: Write) -> None:
    from auditor.detect.rules import all_rules

    raw = paypay(("2020/6/1", "12:00", "キユウヨ", None, 300_000),
                 *[(when, clock.replace("14", "02"), text, out, into)
                   for when, clock, text, out, into in SEVENTY_SEVEN])
    severities = {rule.id: rule.severity for rule in all_rules()}
    found = findings(statement_file, raw)
    assert found
    for finding in found:
        for r in finding.reasons:
            # A rule's listed severity is the highest it gives (wallet-burst is low on a
            # holder's ordinary busy day, amount-spike medium below its high factor).
            assert r.severity.rank <= severities[r.rule].rank
        assert finding.score == min(100, sum(SEVERITY_SCORE[r.severity] for r in finding.reasons))
