"""audit(): scores, one finding per row, windows, time order, row order, and its properties."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.detect.audit import Window, audit
from auditor.models import SEVERITY_SCORE, Finding, Severity
from auditor.detect.rules import Context, Rule, all_rules
from auditor.ingest.statement import Statement, read_statement
from auditor.detect.wallets import load_catalogue
from tests.builders import commas, mufg, paypay

Write = Callable[..., Path]

SUMISHIN_HEADER = '"日付","内容","出金金額(円)","入金金額(円)","残高(円)","メモ"'


def context(allowed: Iterable[str] = ()) -> Context:
    return Context(load_catalogue(), frozenset(allowed))


def findings(statement_file: Write, raw: bytes, allowed: Iterable[str] = (),
             window: Window = Window(), name: str = "statement.csv") -> list[Finding]:
    return audit(read_statement(statement_file(raw, name)), context(allowed), window)


SALARY = ("2020/6/1", "キユウヨ", None, 300_000)
PAYPAY_SALARY = ("2020/6/1", "12:00", "キユウヨ", None, 300_000)


def seventy_seven(hour: str = "14") -> list[tuple]:
    """七十七銀行, 2020: four pulls into ドコモ口座 within a minute at PayPay銀行, ¥300,000."""
    return [("2020/9/1", f"{hour}:05", "ドコモコウザ", 100_000, None),
            ("2020/9/1", f"{hour}:05", "ドコモコウザ", 90_000, None),
            ("2020/9/1", f"{hour}:06", "ドコモコウザ", 90_000, None),
            ("2020/9/1", f"{hour}:06", "ドコモコウザ", 20_000, None)]


# --- scoring -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("score", "severity"), [
    (0, Severity.low), (15, Severity.low), (39, Severity.low), (40, Severity.medium),
    (55, Severity.medium), (69, Severity.medium), (70, Severity.high), (100, Severity.high),
])
def test_severity_bands_are_70_and_40(score: int, severity: Severity) -> None:
    assert Severity.for_score(score) is severity


def test_severity_scores_per_rule_severity() -> None:
    assert SEVERITY_SCORE == {Severity.low: 15, Severity.medium: 40, Severity.high: 70}


SCORED = {
    "odd-hour alone": ([("2020/9/1", "02:30", "ペイペイ", 5_000, None)], {"paypay"},
                       ("odd-hour",), 15, Severity.low),
    "wallet-like alone": ([("2020/9/1", "14:00", "ﾅﾝﾄｶ ﾁｬｰｼﾞ", 5_000, None)], set(),
                          ("wallet-like",), 40, Severity.medium),
    "medium plus low": ([("2020/9/1", "03:00", "ﾅﾝﾄｶ ﾁｬｰｼﾞ", 5_000, None)], set(),
                        ("wallet-like", "odd-hour"), 55, Severity.medium),
    "low medium low reach high": (
        [PAYPAY_SALARY, ("2020/9/1", "03:00", "ﾅﾝﾄｶ ﾁｬｰｼﾞ", 5_000, None)], set(),
        ("first-seen", "wallet-like", "odd-hour"), 70, Severity.high),
    "unrecognised alone": ([("2020/9/1", "14:00", "ドコモコウザ", 5_000, None)], set(),
                           ("unrecognised-wallet",), 40, Severity.medium),
    "unrecognised at night": ([("2020/9/1", "02:00", "ドコモコウザ", 5_000, None)], set(),
                              ("unrecognised-wallet", "odd-hour"), 55, Severity.medium),
    "high plus low": ([*[(f"2020/{month}/1", "12:00", "ペイペイ", 5_000, None) for month in (6, 7, 8)],
                       ("2020/9/1", "02:00", "ペイペイ", 50_000, None)], {"paypay"},
                      ("amount-spike", "odd-hour"), 85, Severity.high),
    "capped at 100": (seventy_seven(), set(),
                      ("unrecognised-wallet", "wallet-burst", "near-cap"), 100, Severity.high),
}


@pytest.mark.parametrize("case", SCORED.values(), ids=SCORED.keys())
def test_score_is_the_sum_of_rule_scores_capped_at_100(statement_file: Write, case: tuple) -> None:
    rows, allowed, rules, score, severity = case
    found = findings(statement_file, paypay(*rows), allowed)
    assert found
    last = found[-1]
    assert (last.rules, last.score, last.severity) == (rules, score, severity)
    for finding in found:
        total = sum(SEVERITY_SCORE[reason.severity] for reason in finding.reasons)
        assert finding.score == min(100, total)
        assert finding.severity is Severity.for_score(finding.score)


# --- one finding per row -----------------------------------------------------------------------

def test_one_finding_per_row_lists_every_rule_once_in_rule_order(statement_file: Write) -> None:
    found = findings(statement_file, paypay(PAYPAY_SALARY, *seventy_seven(hour="02")))
    assert [f.line for f in found] == [3, 4, 5, 6]
    # The two 02:05 debits share the earliest recorded moment: both are the first ever.
    for finding in found[:2]:
        assert finding.rules == ("unrecognised-wallet", "wallet-burst", "near-cap", "first-seen",
                                 "odd-hour")
    for finding in found[2:]:
        assert finding.rules == ("unrecognised-wallet", "wallet-burst", "near-cap", "odd-hour")
    order = [rule.id for rule in all_rules()]
    for finding in found:
        assert list(finding.rules) == sorted(finding.rules, key=order.index)
        assert (finding.score, finding.severity) == (100, Severity.high)
        assert finding.wallet == "docomo-koza"
        assert finding.description == "ドコモコウザ"


def test_a_rule_that_hits_a_row_twice_is_listed_once(statement_file: Write) -> None:
    # Three on 9/1 make a same-day burst; with 00:02 on 9/2 they also make a timed run, so
    # wallet-burst hits the 9/1 rows twice.
    raw = paypay(("2020/9/1", "23:55", "ペイペイ", 1_000, None),
                 ("2020/9/1", "23:58", "ペイペイ", 1_000, None),
                 ("2020/9/1", "23:59", "ペイペイ", 1_000, None),
                 ("2020/9/2", "00:02", "ペイペイ", 1_000, None))
    found = findings(statement_file, raw, allowed={"paypay"})
    assert [f.rules for f in found] == [("wallet-burst",)] * 3 + [("wallet-burst", "odd-hour")]
    # Four within minutes is one sign (medium); the one after midnight has the night too.
    assert [f.score for f in found] == [40, 40, 40, 85]


def test_identical_repeated_debits_are_never_merged(statement_file: Write) -> None:
    row = ("2020/9/1", "ドコモコウザ", 10_000, None)
    found = findings(statement_file, mufg(row, row, row, row))
    assert [f.line for f in found] == [2, 3, 4, 5]
    assert [(f.date, f.amount, f.rules) for f in found] == [
        (date(2020, 9, 1), 10_000, ("unrecognised-wallet", "wallet-burst"))] * 4
    assert "one of 4 debits" in found[0].reasons[1].en


def test_identical_timed_debits_are_never_merged(statement_file: Write) -> None:
    row = ("2020/9/1", "14:05", "ペイペイ", 10_000, None)
    found = findings(statement_file, paypay(row, row, row, row), allowed={"paypay"})
    assert [f.line for f in found] == [2, 3, 4, 5]
    assert {f.time for f in found} == {"14:05:00"}
    assert [f.reasons[0].en for f in found] == [
        "one of 4 debits to PayPay on 2020-09-01 between 14:05:00 and 14:05:00, ¥40,000 in all: "
        "4 within 10 minutes"] * 4


def test_rows_nothing_fires_on_give_no_finding(statement_file: Write) -> None:
    raw = mufg(SALARY, ("2020/9/1", "デンキダイ", 8_000, None),
               ("2020/9/2", "ドコモコウザ", 1_000, None), ("2020/9/3", "ヤマダ　タロウ", None, 1))
    found = findings(statement_file, raw)
    assert [(f.line, f.amount) for f in found] == [(4, 1_000)]


def test_a_statement_without_wallet_debits_gives_no_findings(statement_file: Write) -> None:
    assert findings(statement_file, mufg(SALARY, ("2020/9/1", "ﾍﾟｲﾍﾟｲ", None, 5_000))) == []


# --- window ------------------------------------------------------------------------------------

WINDOWED = mufg(SALARY,
                ("2020/8/15", "ドコモコウザ", 10_000, None),
                ("2020/9/1", "ドコモコウザ", 20_000, None),
                ("2020/9/15", "ドコモコウザ", 30_000, None))


@pytest.mark.parametrize(("window", "amounts"), [
    (Window(), [10_000, 20_000, 30_000]),
    (Window(since=date(2020, 9, 1)), [20_000, 30_000]),
    (Window(until=date(2020, 8, 31)), [10_000]),
    (Window(since=date(2020, 9, 1), until=date(2020, 9, 1)), [20_000]),
    (Window(since=date(2020, 8, 16), until=date(2020, 8, 31)), []),
    (Window(since=date(2020, 10, 1)), []),
])
def test_window_limits_the_findings_reported(statement_file: Write, window: Window,
                                             amounts: list[int]) -> None:
    assert [f.amount for f in findings(statement_file, WINDOWED, window=window)] == amounts


def test_window_keeps_history_before_since_for_first_seen(statement_file: Write) -> None:
    raw = mufg(SALARY, ("2020/9/1", "ドコモコウザ", 10_000, None))
    found = findings(statement_file, raw, window=Window(since=date(2020, 9, 1)))
    assert [f.rules for f in found] == [("unrecognised-wallet", "first-seen")]
    assert found[0].reasons[1].ja == "2020-06-01以降92日間の履歴で初めてのドコモ口座への出金です"


def test_window_keeps_a_first_debit_before_since_from_being_first_again(
        statement_file: Write) -> None:
    found = findings(statement_file, WINDOWED, window=Window(since=date(2020, 9, 1)))
    assert [f.rules for f in found] == [("unrecognised-wallet",)] * 2
    everything = findings(statement_file, WINDOWED)
    assert everything[0].rules == ("unrecognised-wallet", "first-seen")


def test_window_keeps_history_before_since_for_amount_spike(statement_file: Write) -> None:
    raw = mufg(*[(f"2020/{month}/10", "ＲＴＫ　ペイペイ", 10_000, None) for month in (6, 7, 8)],
               ("2020/9/10", "ＲＴＫ　ペイペイ", 100_000, None))
    found = findings(statement_file, raw, allowed={"paypay"},
                     window=Window(since=date(2020, 9, 1)))
    assert [(f.amount, f.rules) for f in found] == [(100_000, ("amount-spike",))]
    assert found[0].reasons[0].en == "¥100,000 to PayPay is 10 times your usual top-up of ¥10,000"


def test_window_keeps_the_whole_month_for_near_cap(statement_file: Write) -> None:
    raw = mufg(("2020/9/3", "ドコモコウザ", 150_000, None), ("2020/9/20", "ドコモコウザ", 100_000, None))
    found = findings(statement_file, raw, allowed={"docomo-koza"},
                     window=Window(since=date(2020, 9, 10)))
    assert [(f.amount, f.rules) for f in found] == [(100_000, ("near-cap",))]
    assert "¥250,000 went to docomo Koza in 2020-09" in found[0].reasons[0].en


def test_window_holds_its_ends() -> None:
    window = Window(date(2020, 9, 1), date(2020, 9, 30))
    assert window.holds(date(2020, 9, 1)) and window.holds(date(2020, 9, 30))
    assert not window.holds(date(2020, 8, 31)) and not window.holds(date(2020, 10, 1))
    assert Window().holds(date(1990, 1, 1))


# --- order -------------------------------------------------------------------------------------

def test_findings_come_out_in_time_order(statement_file: Write) -> None:
    raw = paypay(PAYPAY_SALARY,
                 ("2020/8/20", "23:10", "ドコモコウザ", 1_000, None),
                 ("2020/9/1", "01:00", "ペイペイ", 2_000, None),
                 *seventy_seven(),
                 ("2020/9/1", "22:00", "ﾅﾝﾄｶ ﾁｬｰｼﾞ", 3_000, None),
                 ("2020/9/2", "03:00", "ペイペイ", 4_000, None))
    found = findings(statement_file, raw, allowed={"paypay"})
    stamps = [(f.date, f.time) for f in found]
    assert stamps == sorted(stamps)
    assert [f.line for f in found] == list(range(3, 11))


def _sumishin_rows() -> list[tuple[str, str, int | None, int | None]]:
    return [
        ("2020/06/01", "給与　カブシキガイシヤ", None, 300_000),
        ("2020/06/10", "フリカエ　ＰＡＹＰＡＹ", 10_000, None),
        ("2020/07/10", "フリカエ　ＰＡＹＰＡＹ", 10_000, None),
        ("2020/08/10", "フリカエ　ＰＡＹＰＡＹ", 10_000, None),
        ("2020/09/01", "ドコモコウザ", 50_000, None),
        ("2020/09/01", "ドコモコウザ", 40_000, None),
        ("2020/09/01", "ドコモコウザ", 30_000, None),
        ("2020/09/02", "フリカエ　ＰＡＹＰＡＹ", 100_000, None),
        ("2020/09/03", "フリカエ　ナントカ", 5_000, None),
        ("2020/09/04", "振込　ヤマダ　タロウ", 3_000, None),
    ]


def sumishin(rows: list[tuple[str, str, int | None, int | None]], newest_first: bool) -> bytes:
    """住信SBI, with a running balance consistent in the order the rows are given (oldest first)."""
    balance, lines = 0, []
    for when, text, out, into in rows:
        balance += (into or 0) - (out or 0)
        lines.append(f'"{when}","{text}","{commas(out)}","{commas(into)}","{balance:,}",""')
    if newest_first:
        lines.reverse()
    return ("\r\n".join([SUMISHIN_HEADER, *lines]) + "\r\n").encode("cp932")


def _comparable(found: list[Finding]) -> list[tuple]:
    return [(f.date, f.time, f.amount, f.description, f.wallet, f.score, f.severity, f.reasons)
            for f in found]


def test_newest_first_statement_gives_the_same_findings(statement_file: Write) -> None:
    rows = _sumishin_rows()
    oldest = read_statement(statement_file(sumishin(rows, newest_first=False), "oldest.csv"))
    newest = read_statement(statement_file(sumishin(rows, newest_first=True), "newest.csv"))
    assert (oldest.layout.id, oldest.order, oldest.balance_breaks) == (
        "sumishin", "oldest-first", ())
    assert (newest.layout.id, newest.order, newest.balance_breaks) == (
        "sumishin", "newest-first", ())
    ctx = context({"paypay"})
    from_oldest, from_newest = audit(oldest, ctx), audit(newest, ctx)
    assert _comparable(from_newest) == _comparable(from_oldest)
    assert [(f.amount, f.rules) for f in from_oldest] == [
        # No time of day: all three debits of 9/1 are the first ever to ドコモ口座; ¥50,000 is
        # also five times the holder's usual ¥10,000 top-up to their own wallet.
        (50_000, ("unrecognised-wallet", "wallet-burst", "amount-spike", "first-seen")),
        (40_000, ("unrecognised-wallet", "wallet-burst", "first-seen")),
        (30_000, ("unrecognised-wallet", "wallet-burst", "first-seen")),
        (100_000, ("amount-spike",)),
        (5_000, ("first-seen", "wallet-like")),
    ]
    # Each finding points at its own line: top to bottom in one file, bottom to top in the other.
    count = len(rows)
    assert [f.line for f in from_oldest] == [6, 7, 8, 9, 10]
    assert [f.line for f in from_newest] == [count + 3 - line for line in [6, 7, 8, 9, 10]]


# --- properties --------------------------------------------------------------------------------

PAYEES = ["ドコモコウザ", "ＲＴＫ　ペイペイ", "ﾒﾙﾍﾟｲ", "ＲＴＫ　ナントカ", "ﾅﾝﾄｶ ﾁｬｰｼﾞ", "ヤマダ　タロウ",
          "ＰＡＹＰＡＹカ－ド"]
AMOUNTS = [1_000, 10_000, 30_000, 49_000, 95_000, 150_000]
DAYS = ["2020/5/1", "2020/6/15", "2020/7/15", "2020/8/31", "2020/9/1", "2020/9/2"]
ALLOWED = st.sets(st.sampled_from(["paypay", "merpay", "docomo-koza"]))
PROPERTY_SETTINGS = settings(max_examples=30, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])


def _days(distinct_payees: bool) -> st.SearchStrategy[list[list[tuple[str, int]]]]:
    row = st.tuples(st.sampled_from(PAYEES), st.sampled_from(AMOUNTS))
    day = st.lists(row, min_size=1, max_size=5,
                   unique_by=(lambda r: r[0]) if distinct_payees else None)
    return st.lists(day, min_size=len(DAYS), max_size=len(DAYS))


def _untimed(days: list[list[tuple[str, int]]]) -> bytes:
    return mufg(("2020/4/1", "キユウヨ", None, 300_000),
                *[(when, text, amount, None) for when, rows in zip(DAYS, days) for text, amount in rows])


def _shuffled_within_days(data: st.DataObject,
                          days: list[list[tuple[str, int]]]) -> list[list[tuple[str, int]]]:
    return [data.draw(st.permutations(rows)) for rows in days]


def _by_content(statement: Statement, ctx: Context,
                rules: Iterable[Rule] | None = None) -> Counter[tuple]:
    return Counter((f.date, f.amount, f.rules) for f in audit(statement, ctx, rules=rules))


def _read(directory: Path, name: str, raw: bytes) -> Statement:
    path = directory / name
    path.write_bytes(raw)
    return read_statement(path)


@pytest.mark.parametrize("distinct_payees", [False, True], ids=["payees-repeat", "payees-differ"])
@PROPERTY_SETTINGS
@given(allowed=ALLOWED, data=st.data())
def test_shuffling_rows_within_a_day_keeps_findings(
        tmp_path_factory: pytest.TempPathFactory, distinct_payees: bool, allowed: set[str],
        data: st.DataObject) -> None:
    # Without a time of day, no rule may depend on which same-day row the bank listed first;
    # with at most one debit per payee a day the cases differ, so both are drawn.
    days = data.draw(_days(distinct_payees=distinct_payees), label="days")
    directory = tmp_path_factory.mktemp("shuffle")
    ctx = context(allowed)
    before = _read(directory, "before.csv", _untimed(days))
    after = _read(directory, "after.csv", _untimed(_shuffled_within_days(data, days)))
    assert _by_content(after, ctx) == _by_content(before, ctx)


def test_shuffling_rows_within_a_day_keeps_first_seen(statement_file: Write) -> None:
    day = [("2020/9/1", "ドコモコウザ", 10_000, None), ("2020/9/1", "ドコモコウザ", 20_000, None)]
    one = findings(statement_file, mufg(SALARY, *day), name="one.csv")
    other = findings(statement_file, mufg(SALARY, *day[::-1]), name="other.csv")
    assert Counter((f.date, f.amount, f.rules) for f in one) == Counter(
        (f.date, f.amount, f.rules) for f in other)


def test_shuffling_rows_within_a_day_keeps_amount_spike(statement_file: Write) -> None:
    history = [(f"2020/{month}/10", "ＲＴＫ　ペイペイ", 10_000, None) for month in (6, 7, 8)]
    day = [("2020/9/1", "ＲＴＫ　ペイペイ", 49_000, None), ("2020/9/1", "ＲＴＫ　ペイペイ", 95_000, None)]
    one = findings(statement_file, mufg(*history, *day), {"paypay"}, name="one.csv")
    other = findings(statement_file, mufg(*history, *day[::-1]), {"paypay"}, name="other.csv")
    assert Counter((f.date, f.amount, f.rules) for f in one) == Counter(
        (f.date, f.amount, f.rules) for f in other)


CLOCKS = ["00:30", "02:05", "02:06", "04:59", "09:00", "09:05", "14:05", "14:06", "23:58"]


@PROPERTY_SETTINGS
@given(rows=st.lists(st.tuples(st.sampled_from(DAYS), st.sampled_from(CLOCKS),
                               st.sampled_from(PAYEES), st.sampled_from(AMOUNTS)),
                     min_size=1, max_size=12),
       allowed=ALLOWED)
def test_auditing_twice_gives_equal_findings(tmp_path_factory: pytest.TempPathFactory,
                                             rows: list, allowed: set[str]) -> None:
    ordered = sorted(rows, key=lambda r: (tuple(int(p) for p in r[0].split("/")), r[1]))
    raw = paypay(("2020/4/1", "12:00", "キユウヨ", None, 300_000),
                 *[(when, clock, text, amount, None) for when, clock, text, amount in ordered])
    directory = tmp_path_factory.mktemp("twice")
    statement = _read(directory, "statement.csv", raw)
    ctx = context(allowed)
    first = audit(statement, ctx)
    assert audit(statement, ctx) == first
    assert audit(_read(directory, "statement.csv", raw), ctx) == first
