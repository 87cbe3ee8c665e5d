"""Dates of a statement's rows: (year, month, day) to days, years a bank left out filled in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from auditor.ingest.balance import NEWEST_FIRST, chain_breaks, order_by_balance
from auditor.ingest.rows import RowProblems
from auditor.ingest.years import infer_years
from auditor.wording import Said

FIRST_YEAR, LAST_YEAR = 1678, 2261  # whole years within pandas' nanosecond timestamps


@dataclass(frozen=True)
class Dating:
    """What fills in a missing year: the user's --year, the file's date, the row order."""

    year: int | None
    today: date
    order: str | None


def balance_order(balance: np.ndarray, debit: np.ndarray, credit: np.ndarray,
                   good: np.ndarray) -> str | None:
    """The row order the balance chain supports (balance: float, NaN where empty)."""
    values = balance[good]
    down, up = chain_breaks(values, (credit - debit)[good].astype(float))
    return order_by_balance(down, up)


def to_dates(ymd: np.ndarray, rows: RowProblems, dating: Dating, notes: list[str],
              label: str) -> np.ndarray:
    """Turn (year, month, day) into datetime64[D], filling in years a bank left out."""
    valid = rows.good & (ymd[:, 1] > 0)
    years, months, days = ymd[:, 0].copy(), np.maximum(ymd[:, 1], 1), np.maximum(ymd[:, 2], 1)
    missing = valid & (years < 0)
    # A year the file itself gives (9999/12/31) is out of range whatever --year says.
    rows.flag(valid & ~missing & ((years < FIRST_YEAR) | (years > LAST_YEAR)),
              Said("reject.year_range", first=FIRST_YEAR, last=LAST_YEAR, column=label))
    valid &= rows.good
    if missing.any():
        newest_first = None if dating.order is None else dating.order == NEWEST_FIRST
        years[missing] = infer_years(months[missing], days[missing], dating.year, dating.today,
                                     notes, newest_first)
    # Each distinct date once (a year of statements holds a few hundred): one number per
    # row names its date, and the calendar works on those alone.
    stamps = (np.where(valid, years, 2000) * 1_000_000 + np.minimum(months, 999) * 1000
              + np.minimum(days, 999))
    codes, distinct_stamps = pd.factorize(stamps)
    when = calendar_days(distinct_stamps // 1_000_000, distinct_stamps // 1000 % 1000,
                          distinct_stamps % 1000)[codes]
    rows.flag(valid & np.isnat(when), Said("reject.no_such_day"))
    return when


def calendar_days(years: np.ndarray, months: np.ndarray, days: np.ndarray) -> np.ndarray:
    """datetime64[D] per row, NaT where the day does not exist (30 February, 31 April).

    Plain arithmetic on arrays: pandas' to_datetime on year/month/day columns took a tenth
    of a second per million rows. Years that nanosecond timestamps cannot hold are NaT too,
    as they were there (time-of-day arithmetic later works in nanoseconds).
    """
    real = ((years >= FIRST_YEAR) & (years <= LAST_YEAR) & (months >= 1) & (months <= 12)
            & (days >= 1))
    safe_years, safe_months = np.where(real, years, 2000), np.where(real, months, 1)
    month_start = ((safe_years - 1970) * 12 + safe_months - 1).astype("datetime64[M]")
    when = month_start.astype("datetime64[D]") + (np.where(real, days, 1) - 1)
    # A day past the month's end lands in the next month: that date does not exist.
    real &= when < (month_start + 1).astype("datetime64[D]")
    return np.where(real, when, np.datetime64("NaT", "D"))
