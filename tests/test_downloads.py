"""The one-account-many-downloads helper: its files read as it says, overlaps and gaps as stated."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.ingest.account import find_account
from auditor.ingest.statement import read_statement
from tests.downloads import NO_GENERIC_WITHOUT_BALANCE, TIMED, Year, downloads

CASES = [("mufg", "column"), ("yucho", "column"), ("mizuho", "column"), ("sumishin", "column"),
         ("paypay_bank", "column"), ("jnb", "blank"), ("shinsei_2018", "column"),
         ("rakuten", "none"), ("kyoto", "none"), ("smbc_wareki", "blank"), ("mufg", "none"),
         ("shinsei", "blank")]
LAYOUTS = ("mufg", "yucho", "mizuho", "sumishin", "paypay_bank", "jnb", "shinsei_2018", "rakuten",
           "kyoto", "smbc", "gmo_aozora", "iwate", "aeon", "sony", "hyakugo", "generic_77")


def check_reads(year: Year, folder: Path) -> None:
    """Every download reads back to exactly its rows, in order, amounts and dates."""
    for path, one in zip(year.write(folder), year.downloads, strict=True):
        read = read_statement(path)
        frame = read.frame
        assert read.rejected == [] and read.balance_breaks == (), one.name
        rows = [year.rows[i] for i in one.rows]
        assert len(frame) == len(rows)
        assert list(frame["line"]) == list(one.lines)
        assert [d.date() for d in frame["date"]] == [r.txn.when.date() for r in rows]
        assert list(frame["debit"]) == [r.txn.debit for r in rows]
        assert list(frame["credit"]) == [r.txn.credit for r in rows]
        printed = frame["balance"].dropna()
        assert list(printed) == ([r.balance for r in rows] if len(printed) else [])
        if year.layout in TIMED:
            assert list(frame["time"]) == [f"{r.txn.when:%H:%M:%S}" for r in rows]
        by_line = dict(zip(frame["line"], frame["debit"]))
        assert [by_line[line] for line in one.lines] == [r.txn.debit for r in rows]


@pytest.mark.parametrize(("layout", "balance"), CASES)
def test_every_download_reads_as_its_rows(layout: str, balance: str, tmp_path: Path) -> None:
    year = downloads(layout, seed=2, missing=6, balance=balance)
    check_reads(year, tmp_path)
    printed_balance = balance == "column"
    read = read_statement(tmp_path / year.downloads[0].name)
    assert read.frame["balance"].notna().all() == printed_balance
    assert (read.layout.id == "generic") == (balance == "none" or layout == "generic_77")


def test_downloads_cover_their_months_and_overlap_by_a_week() -> None:
    year = downloads("mufg", seed=5, overlap=7, duplicate=False, missing=None)
    assert len(year.downloads) == 12 and year.uncovered == () and year.missing is None
    for one in year.downloads:
        assert one.first.day == 1
        assert one.rows == tuple(i for i, r in enumerate(year.rows)
                                 if one.first <= r.txn.when.date() <= one.last)
    for before, after in zip(year.downloads, year.downloads[1:]):
        assert before.last == after.first + timedelta(days=6)
        shared = set(before.rows) & set(after.rows)
        assert shared == {i for i in after.rows if year.rows[i].txn.when.date() <= before.last}
    assert year.downloads[-1].last == year.rows[-1].txn.when.date().replace(month=12, day=31)
    assert set().union(*(one.rows for one in year.downloads)) == set(range(len(year.rows)))


def test_no_overlap_means_disjoint_downloads() -> None:
    year = downloads("sumishin", seed=1, overlap=0, duplicate=False)
    held = [i for one in year.downloads for i in one.rows]
    assert sorted(held) == list(range(len(year.rows)))


def test_the_missing_month_is_in_no_download_beyond_the_overlap() -> None:
    year = downloads("mufg", seed=8, overlap=7, missing=4)
    first, last = year.missing
    assert (first.month, first.day, last.day) == (5, 1, 31)
    assert all(one.first != first for one in year.downloads)
    uncovered = {i for i, r in enumerate(year.rows)
                 if first + timedelta(days=7) <= r.txn.when.date() <= last}
    assert set(year.uncovered) == uncovered and uncovered
    held = set().union(*(one.rows for one in year.downloads))
    assert held | uncovered == set(range(len(year.rows))) and not held & uncovered


def test_one_file_given_twice_has_the_same_bytes_and_another_name() -> None:
    year = downloads("yucho", seed=3, duplicate=True)
    (copy,) = [one for one in year.downloads if one.copy_of]
    original = next(one for one in year.downloads if one.name == copy.copy_of)
    assert copy.data == original.data and copy.name != original.name
    assert copy.name.endswith(" (1).csv") and copy.rows == original.rows
    assert len(year.downloads) == 13 and len({one.name for one in year.downloads}) == 13


@pytest.mark.parametrize("layout", ["mufg", "paypay_bank", "kyoto"])
def test_identical_repeats_are_there_and_some_sit_in_an_overlap(layout: str,
                                                                tmp_path: Path) -> None:
    year = downloads(layout, seed=4, missing=2)
    groups = [g for one in year.downloads for g in year.repeats[one.name]]
    holders = {g: sum(set(g) <= set(one.rows) for one in year.downloads if not one.copy_of)
               for g in groups}
    assert 2 in holders.values() and 1 in holders.values()  # in an overlap, and not
    for path, one in zip(year.write(tmp_path), year.downloads):
        frame = read_statement(path).frame.set_index("line")
        line_of = dict(zip(one.rows, one.lines))
        for group in year.repeats[one.name]:  # identical as the reader sees them too
            seen = {tuple(frame.loc[line_of[i], ["date", "time", "description", "debit",
                                                 "credit"]].astype(str)) for i in group}
            assert len(seen) == 1


def test_the_burst_sits_in_an_overlap_and_is_flagged() -> None:
    year = downloads("mizuho", seed=6, missing=7)
    assert [year.rows[i].txn.debit for i in year.flagged] == [100000, 90000, 90000, 20000]
    holders = [one for one in year.downloads if set(year.flagged) <= set(one.rows)
               and not one.copy_of]
    assert len(holders) == 2
    assert len({year.rows[i].txn.when.date() for i in year.flagged}) == 1


@pytest.mark.parametrize("names", ["account", "plain", "mixed"])
def test_file_names_carry_the_account_number_as_asked(names: str) -> None:
    year = downloads("mufg", seed=9, names=names)
    found = [find_account([], Path(one.name)) for one in year.downloads]
    if names == "account":
        assert found == [year.account] * len(found)
    elif names == "plain":
        assert found == [None] * len(found)
    else:
        assert set(found) == {year.account, None}


@pytest.mark.parametrize("layout", ["yucho", "mizuho", "shinsei_2018"])
def test_banks_that_print_the_number_in_the_preamble(layout: str, tmp_path: Path) -> None:
    year = downloads(layout, seed=1, names="plain")
    for path in year.write(tmp_path):
        assert read_statement(path).account == year.account


def test_the_same_seed_makes_the_same_files() -> None:
    one, again, other = (downloads("sony", seed=s, missing=3) for s in (11, 11, 12))
    assert [(d.name, d.data) for d in one.downloads] == [(d.name, d.data) for d in again.downloads]
    assert [d.data for d in one.downloads] != [d.data for d in other.downloads]


def test_bad_requests_are_refused() -> None:
    for kwargs in ({"months": 1}, {"overlap": 28}, {"missing": 12}):
        with pytest.raises(ValueError):
            downloads("mufg", **kwargs)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(layout=st.sampled_from(LAYOUTS), seed=st.integers(0, 10_000),
       overlap=st.integers(0, 20), missing=st.none() | st.integers(0, 11),
       balance=st.sampled_from(["column", "blank", "none"]))
def test_any_split_reads_back_and_covers_the_year(tmp_path: Path, layout: str, seed: int,
                                                  overlap: int, missing: int | None,
                                                  balance: str) -> None:
    if balance == "none" and layout in NO_GENERIC_WITHOUT_BALANCE:
        balance = "blank"
    year = downloads(layout, seed=seed, overlap=overlap, missing=missing, balance=balance)
    held = set().union(*(one.rows for one in year.downloads))
    assert held | set(year.uncovered) == set(range(len(year.rows)))
    assert (year.uncovered == ()) == (missing is None)
    folder = tmp_path / f"{layout}-{seed}-{overlap}-{missing}-{balance}"
    folder.mkdir()
    check_reads(year, folder)
