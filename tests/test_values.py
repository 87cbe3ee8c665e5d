from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from auditor.ingest.values import parse_amount, parse_date, parse_time


@pytest.mark.parametrize(("cell", "yen"), [
    ("2,000", 2000), ("2000", 2000), ("\\7,000", 7000), ("¥1,234", 1234), ("￥1,234", 1234),
    ("1,234円", 1234), ("2.000000", 2), ("2000.000000", 2000), ("-1", -1), ("１２，３４５", 12345),
    ("△500", -500), ("▲500", -500), ("+300", 300), (" 40,000 ", 40000),
    ("", None), ("-", None), ("－", None), ("  ", None),
])
def test_amounts_as_banks_write_them(cell: str, yen: int | None) -> None:
    assert parse_amount(cell) == yen


@pytest.mark.parametrize("cell", ["abc", "2.5", "1,2a", "--5", "1 2 3 x"])
def test_not_amounts(cell: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(cell)


@pytest.mark.parametrize(("cell", "ymd"), [
    ("2012/6/22", (2012, 6, 22)),          # MUFG, SMBC
    ("2024/01/26", (2024, 1, 26)),         # 住信SBI, 新生
    ("20230407", (2023, 4, 7)),            # 楽天, ゆうちょ
    ("2026.04.01", (2026, 4, 1)),          # みずほ
    ("2025年2月17日", (2025, 2, 17)),       # ソニー
    ("2026年04月01日", (2026, 4, 1)),       # 京都
    ("H26.01.25", (2014, 1, 25)),          # SMBC 和暦
    ("H31.04.30", (2019, 4, 30)),          # last day of Heisei
    ("R01.05.01", (2019, 5, 1)),           # first day of Reiwa
    ("R02.05.01", (2020, 5, 1)),
    ("令和2年5月1日", (2020, 5, 1)),
    ("令和元年5月1日", (2019, 5, 1)),
    ("平成 30 年 07 月 22 日", (2018, 7, 22)),
    ("4月30日", (None, 4, 30)),            # JA Bank: no year
    ("2月29日", (None, 2, 29)),
    ("2023-02-19", (2023, 2, 19)),         # 岩手
    ("２０２０/１/５", (2020, 1, 5)),        # full-width digits
    ("2026/10/01 16:39:18", (2026, 10, 1)),
    ("Oct 6, 2022", (2022, 10, 6)),        # dateutil for forms no layout names
])
def test_dates_in_every_documented_form(cell: str, ymd: tuple[int | None, int, int]) -> None:
    assert parse_date(cell) == ymd


@pytest.mark.parametrize("cell", ["", "1", "合計", "※お取引明細", "2023/02/30", "H31.02.30",
                                  "13月1日", "abc def ghi"])
def test_not_dates(cell: str) -> None:
    with pytest.raises(ValueError):
        parse_date(cell)


def test_times() -> None:
    assert parse_time("14/05/09") == "14:05:09"
    assert parse_time("9:05") == "09:05:00"
    assert parse_time("//") is None
    with pytest.raises(ValueError):
        parse_time("25/00/00")


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_amount_round_trips_with_separators(value: int) -> None:
    assert parse_amount(f"{value:,}") == value
    assert parse_amount(str(value)) == value


@given(st.text(max_size=40))
def test_parsers_only_raise_value_error(cell: str) -> None:
    for parse in (parse_amount, parse_date, parse_time):
        try:
            parse(cell)
        except ValueError:
            pass


@pytest.mark.parametrize(("cell", "ymd"), [
    ("平成31年5月1日", (2019, 5, 1)),  # past the era's end, within its last year: kept
    ("昭和64年1月7日", (1989, 1, 7)), ("大正元年7月30日", (1912, 7, 30)),
    ("明治45年7月29日", (1912, 7, 29)), ("S64.01.07", (1989, 1, 7)),
])
def test_era_dates_at_the_edges(cell: str, ymd: tuple[int, int, int]) -> None:
    assert parse_date(cell) == ymd


@pytest.mark.parametrize("cell", [
    "令和0年5月1日", "R00.05.01", "R0.5.1", "平成0年1月8日",  # year 0 (令和0年 was 2018)
    "平成32年1月1日", "H32.01.01", "昭和65年1月1日", "大正16年1月1日", "明治46年1月1日",
    "令和元年4月30日", "R01.04.30", "平成元年1月7日", "大正元年7月29日",  # before the era began
])
def test_impossible_era_dates(cell: str) -> None:
    with pytest.raises(ValueError):
        parse_date(cell)
