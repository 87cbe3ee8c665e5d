"""Stitching one account's overlapping downloads: every row once, repeats kept, gaps told."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from auditor.detect.audit import audit
from auditor.detect.rules import Context
from auditor.detect.wallets import load_catalogue
from auditor.ingest.statement import Statement, read_statement
from auditor.stitch.accounts import CHAIN, NUMBER, TOLD, Download, duplicates, group
from auditor.stitch.timeline import stitch
from tests.downloads import NO_GENERIC_WITHOUT_BALANCE, Year, downloads

CASES = [("mufg", "column"), ("yucho", "column"), ("mizuho", "column"), ("paypay_bank", "column"),
         ("jnb", "blank"), ("rakuten", "none"), ("smbc_wareki", "blank"), ("mufg", "none")]


def _download(statement: Statement) -> Download:
    frame = statement.frame
    period = None if frame.empty else (frame["date"].iloc[0].date(), frame["date"].iloc[-1].date())
    return Download(statement.layout.bank, statement.account_id, frame, period)


def read_year(year: Year, folder: Path) -> tuple[list[Path], list[Statement], dict[int, int]]:
    paths = year.write(folder)
    hashes = [hashlib.sha256(path.read_bytes()).hexdigest() for path in paths]
    return paths, [read_statement(path) for path in paths], duplicates(hashes)


def year_rows(year: Year, places: tuple[tuple[int, int], ...], kept: list[int]) -> set[int]:
    """The year's row index behind each (file, line) a stitched row was seen at."""
    found = set()
    for file, line in places:
        one = year.downloads[kept[file]]
        found.add(dict(zip(one.lines, one.rows, strict=True))[line])
    return found


def check_stitched(year: Year, folder: Path, same_account: bool = False) -> None:
    _, statements, repeated = read_year(year, folder)
    kept = [i for i in range(len(statements)) if i not in repeated]
    assert [year.downloads[i].copy_of for i in repeated] == [
        year.downloads[j].name for j in repeated.values()]
    loaded = [_download(statements[i]) for i in kept]
    accounts = group(loaded, same_account)
    assert len(accounts) == 1 and sorted(accounts[0].files) == list(range(len(kept)))
    timeline = stitch([loaded[i].frame for i in accounts[0].files],
                      [loaded[i].period for i in accounts[0].files])
    order = list(accounts[0].files)
    behind = [year_rows(year, tuple((order[f], line) for f, line in places), kept)
              for places in timeline.seen]
    # Each stitched row is one row of the year wherever it was seen, and each row is there once.
    assert all(len(rows) == 1 for rows in behind)
    got = [rows.pop() for rows in behind]
    covered = sorted(set(range(len(year.rows))) - set(year.uncovered))
    assert got == covered
    assert len(timeline.frame) == len(covered)
    gaps = [join.gap for join in timeline.joins if join.gap]
    if year.missing is None:
        assert gaps == []
    else:  # the rows of the month not downloaded (past the download before it) lie inside
        days = [year.rows[i].txn.when.date() for i in year.uncovered]
        assert len(gaps) == 1 and gaps[0][0] <= min(days) and max(days) <= gaps[0][1]


@pytest.mark.parametrize(("layout", "balance"), CASES)
def test_a_year_of_downloads_stitches_back_to_its_rows(layout: str, balance: str,
                                                        tmp_path: Path) -> None:
    year = downloads(layout, seed=4, missing=5, balance=balance, names="account")
    check_stitched(year, tmp_path)


def test_identical_repeats_inside_one_download_are_kept(tmp_path: Path) -> None:
    year = downloads("mufg", seed=1, balance="none", names="account", missing=None)
    assert any(year.repeats.values())  # the generator put identical rows in some download
    check_stitched(year, tmp_path)


def test_files_without_a_number_join_on_their_balance_chain(tmp_path: Path) -> None:
    year = downloads("mufg", seed=3, balance="column", names="plain", missing=None)
    _, statements, repeated = read_year(year, tmp_path)
    loaded = [_download(s) for i, s in enumerate(statements) if i not in repeated]
    assert all(not one.account_id for one in loaded)
    accounts = group(loaded)
    assert [a.why for a in accounts] == [CHAIN] and len(accounts[0].files) == len(loaded)


def test_a_missing_month_breaks_the_chain_and_is_told(tmp_path: Path) -> None:
    year = downloads("mufg", seed=3, balance="column", names="account", missing=4, overlap=0)
    _, statements, repeated = read_year(year, tmp_path)
    loaded = [_download(s) for i, s in enumerate(statements) if i not in repeated]
    (account,) = group(loaded)
    assert account.why == NUMBER
    timeline = stitch([loaded[i].frame for i in account.files],
                      [loaded[i].period for i in account.files])
    assert [j.balance_break for j in timeline.joins].count(True) == 1
    assert [j.gap is not None for j in timeline.joins].count(True) == 1


def test_told_so_joins_files_without_number_or_balance(tmp_path: Path) -> None:
    year = downloads("rakuten", seed=6, balance="none", names="plain", missing=None)
    _, statements, repeated = read_year(year, tmp_path)
    loaded = [_download(s) for i, s in enumerate(statements) if i not in repeated]
    assert len(group(loaded)) == len(loaded)  # nothing to join them on
    (account,) = group(loaded, same_account=True)
    assert account.why == TOLD
    timeline = stitch([loaded[i].frame for i in account.files],
                      [loaded[i].period for i in account.files])
    assert timeline.matched_without_balance > 0


def test_files_of_two_accounts_stay_apart(tmp_path: Path) -> None:
    one = downloads("mufg", seed=1, names="account", duplicate=False)
    two = downloads("mufg", seed=2, names="account", duplicate=False)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    reads = [read_statement(p) for p in one.write(tmp_path / "a") + two.write(tmp_path / "b")]
    accounts = group([_download(s) for s in reads])
    assert sorted(len(a.files) for a in accounts) == [12, 12]


# --- any split of one statement --------------------------------------------------------


def _pieces(frame: pd.DataFrame, cuts: list[int], overlaps: list[int]) -> list[pd.DataFrame]:
    """The frame cut at day boundaries, each piece reaching back `overlap` days."""
    days = frame["date"].drop_duplicates().tolist()
    bounds = sorted({c % len(days) for c in cuts} - {0})
    starts = [0, *bounds]
    ends = [*bounds, len(days)]
    pieces = []
    for n, (start, end) in enumerate(zip(starts, ends, strict=True)):
        back = max(0, start - overlaps[n % len(overlaps)])
        first, last = days[back], days[end - 1]
        pieces.append(frame[(frame["date"] >= first) & (frame["date"] <= last)])
    return pieces


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 50), cuts=st.lists(st.integers(1, 400), max_size=6),
       overlaps=st.lists(st.integers(0, 20), min_size=1, max_size=4),
       balance=st.sampled_from(["column", "none"]), layout=st.sampled_from(["mufg", "paypay_bank"]))
def test_any_split_stitches_back_to_the_whole(tmp_path_factory: pytest.TempPathFactory,
                                              seed: int, cuts: list[int], overlaps: list[int],
                                              balance: str, layout: str) -> None:
    if balance == "none" and layout in NO_GENERIC_WITHOUT_BALANCE:
        balance = "column"
    year = downloads(layout, seed=seed, months=2, rows=60, balance=balance, duplicate=False)
    folder = tmp_path_factory.mktemp("whole")
    statement = read_statement(year.write(folder)[0])
    whole = statement.frame
    pieces = _pieces(whole, cuts, overlaps)
    periods = [(p["date"].iloc[0].date(), p["date"].iloc[-1].date()) for p in pieces]
    timeline = stitch(pieces, periods)
    columns = ["date", "time", "description", "debit", "credit", "balance"]
    assert timeline.frame[columns].astype(object).equals(whole[columns].astype(object)) or (
        timeline.frame[columns].reset_index(drop=True).astype(str)
        .equals(whole[columns].reset_index(drop=True).astype(str)))
    assert len(timeline.frame) == len(whole)
    # The rules see the same history, so they find the same rows for the same reasons.
    ctx = Context(load_catalogue(), frozenset(year.own))
    found = audit(statement, ctx)
    assert found  # the year holds a ドコモ口座 burst
    assert audit(replace(statement, frame=timeline.frame), ctx) == found
