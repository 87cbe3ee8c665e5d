"""The history judged by column matches the ledger walked day by day, debit for debit."""

from __future__ import annotations

from unittest import mock

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from auditor.detect import habits, usual
from auditor.detect.rules import Settings

KINDS = {"paypay": "wallet", "merpay": "wallet", "sbi": "brokerage"}
SMALL = Settings(spike_min_history=2, spike_min_amount=5_000, habit_min_days=3)
# (account, day, wallet, amount, own): few of each, so histories overlap and days repeat.
ROW = st.tuples(st.integers(0, 2), st.integers(0, 12), st.sampled_from([*KINDS, "other"]),
                st.sampled_from([100, 500, 1_000, 1_500, 3_000, 4_999, 5_000, 20_000, 90_000]),
                st.booleans())


def _named(rows: list[tuple[int, int, str, int, bool]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["acct", "day", "wallet", "debit", "own"])
    frame["date"] = pd.Timestamp("2024-01-01") + pd.to_timedelta(frame.pop("day"), unit="D")
    frame.index = pd.RangeIndex(100, 100 + len(frame))
    return frame.sort_values(["acct", "date", "wallet"], kind="stable")


def _same(left: habits.Columns, right: habits.Columns) -> None:
    for one, other in zip(left, right, strict=True):
        np.testing.assert_array_equal(one, other)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(ROW, max_size=40))
def test_quiet_accounts_by_column_as_walked(rows: list[tuple[int, int, str, int, bool]]) -> None:
    # Own top-ups below spike_min_amount: the accounts the column path takes.
    named = _named([(a, d, w, amount if not own else min(amount, 4_999), own)
                    for a, d, w, amount, own in rows])
    _same(habits._quiet(named, SMALL, KINDS), habits._walk(named, SMALL, KINDS))
    with mock.patch.object(usual, "SHORT", 2):  # the longer streams' medians walked
        _same(habits._quiet(named, SMALL, KINDS), habits._walk(named, SMALL, KINDS))


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(ROW, max_size=40))
def test_with_history_as_walked(rows: list[tuple[int, int, str, int, bool]]) -> None:
    # Any own amounts: accounts with a possible own spike are walked, the rest by column.
    named = _named(rows)
    judged = habits.with_history(named, SMALL, KINDS).loc[named.index]
    walked = habits._walk(named, SMALL, KINDS)
    _same(tuple(judged[c].to_numpy() for c in ("usual", "base", "spike", "day_max")), walked)
