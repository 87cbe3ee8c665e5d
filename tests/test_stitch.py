"""Stitching a year of overlapping monthly downloads: every row once, the copy, the gap, why."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.detect.audit import examine
from auditor.detect.rules import Context
from auditor.detect.wallets import load_catalogue
from auditor.ingest.statement import read_statement
from auditor.ingest.statement import DEFAULT_MAX_BYTES
from auditor.run.repeats import repeated_files
from auditor.stitch import Account, Chain, Why, stitch
from tests.downloads import TIMED, Balance, Year, downloads

CASES = [("mufg", "column"), ("yucho", "column"), ("paypay_bank", "column"),
         ("shinsei_2018", "column"), ("mizuho", "column"), ("jnb", "blank"),
         ("smbc_wareki", "blank"), ("mufg", "none"), ("kyoto", "none"), ("rakuten", "none")]


def stitched(year: Year, folder: Path, same_account: bool = False
             ) -> tuple[dict[str, str], list[Account]]:
    """The year's files written, copies dropped by their hash, read and stitched."""
    paths = year.write(folder)
    repeats = repeated_files(paths, DEFAULT_MAX_BYTES)
    copies = {str(paths[i]): str(paths[first]) for i, first in repeats.items()}
    statements = [read_statement(p) for i, p in enumerate(paths) if i not in repeats]
    return copies, stitch(statements, same_account)


def held(year: Year) -> list[int]:
    """The year's rows some download holds, oldest first."""
    return sorted(set().union(*(one.rows for one in year.downloads)))


def check_rows(year: Year, account: Account, folder: Path, indexes: list[int]) -> None:
    """The timeline is exactly those rows of the year, each once, with every place it is in."""
    frame, rows = account.frame, [year.rows[i] for i in indexes]
    assert [d.date() for d in frame["date"]] == [r.txn.when.date() for r in rows]
    assert list(frame["debit"]) == [r.txn.debit for r in rows]
    assert list(frame["credit"]) == [r.txn.credit for r in rows]
    assert list(frame["seq"]) == list(range(len(rows)))
    if year.layout in TIMED:
        assert list(frame["time"]) == [f"{r.txn.when:%H:%M:%S}" for r in rows]
    if frame["balance"].notna().any():
        assert list(frame["balance"]) == [r.balance for r in rows]
    places: dict[int, list[tuple[str, int]]] = {i: [] for i in indexes}
    for one in year.downloads:
        for i, line in zip(one.rows, one.lines, strict=True):
            if not one.copy_of and i in places:
                places[i].append((str(folder / one.name), line))
    assert [account.provenance.places(seq) for seq in range(len(rows))] == \
        [tuple(places[i]) for i in indexes]
    assert list(frame["line"]) == [places[i][0][1] for i in indexes]


def check_gaps(year: Year, account: Account, printed_balance: bool) -> None:
    """The missing month is a gap; with a balance, the only one, and the yen it moved."""
    days = [r.txn.when.date() for r in year.rows]
    lost = [year.rows[i].txn.when.date() for i in year.uncovered]
    spans = [j.uncovered for j in account.gaps if j.uncovered is not None]
    assert len(spans) == len(account.gaps)
    holding = [(a, b) for a, b in spans if all(a <= d <= b for d in lost)]
    assert len(holding) == 1
    if printed_balance:
        (gap,) = account.gaps
        assert account.breaks == (gap,) and gap.chain is Chain.breaks
        assert gap.missing == sum(year.rows[i].txn.credit - year.rows[i].txn.debit
                                  for i in year.uncovered)
    for join, (a, b) in zip(account.gaps, spans, strict=True):
        if (a, b) not in holding:  # days without a row, that no balance vouches for
            assert not any(a <= d <= b for d in days) and join.chain is Chain.unknown


@pytest.mark.parametrize(("layout", "balance"), CASES)
def test_a_year_of_downloads_stitches_back_to_its_rows(layout: str, balance: Balance,
                                                       tmp_path: Path) -> None:
    year = downloads(layout, seed=3, overlap=7, duplicate=True, missing=5, balance=balance,
                     names="account")
    copies, accounts = stitched(year, tmp_path)
    (copy,) = [one for one in year.downloads if one.copy_of]
    assert copies == {str(tmp_path / copy.name): str(tmp_path / str(copy.copy_of))}
    (account,) = accounts
    check_rows(year, account, tmp_path, held(year))
    assert len(held(year)) == len(year.rows) - len(year.uncovered)
    check_gaps(year, account, balance == "column")
    assert {link.why for link in account.links} == {Why.number}
    assert len(account.links) == len(account.files) - 1 == len(year.downloads) - 2
    assert account.masked == "***" + year.account[-4:]
    unchained = sum(join.matched for join in account.joins) if balance != "column" else 0
    assert account.unchained == unchained


@pytest.mark.parametrize("layout", ["mufg", "paypay_bank", "kyoto"])
def test_identical_rows_inside_one_download_all_stay(layout: str, tmp_path: Path) -> None:
    year = downloads(layout, seed=4, missing=2, names="account")
    _, (account,) = stitched(year, tmp_path)
    check_rows(year, account, tmp_path, held(year))
    seq_of = {i: seq for seq, i in enumerate(held(year))}
    groups = {g for one in year.downloads for g in year.repeats[one.name]}
    files = [sum(set(g) <= set(one.rows) for one in year.downloads if not one.copy_of)
             for g in groups]
    assert 1 in files and 2 in files  # alone in one download, and in an overlap
    columns = ["date", "time", "description", "channel", "debit", "credit"]
    for group in groups:
        rows = account.frame.loc[[seq_of[i] for i in group], columns].astype(str)
        assert len(rows.drop_duplicates()) == 1 and len(rows) == len(group)


def test_unnumbered_files_join_by_their_balance_chain(tmp_path: Path) -> None:
    year = downloads("mufg", seed=5, missing=None, names="plain")
    _, (account,) = stitched(year, tmp_path)
    assert {link.why for link in account.links} == {Why.chain}
    assert account.number is None and account.account_id == ""
    check_rows(year, account, tmp_path, held(year))
    assert account.gaps == () and account.breaks == ()


def test_a_missing_month_parts_unnumbered_files_the_balance_cannot_join(tmp_path: Path) -> None:
    year = downloads("mufg", seed=5, missing=6, names="plain")
    _, accounts = stitched(year, tmp_path)
    assert len(accounts) == 2
    before, after = accounts
    assert before.frame["date"].iloc[-1] < after.frame["date"].iloc[0]
    assert len(before.frame) + len(after.frame) == len(held(year))


def test_told_they_are_one_account_joins_what_nothing_else_can(tmp_path: Path) -> None:
    year = downloads("mufg", seed=5, missing=6, names="plain", balance="none")
    _, (account,) = stitched(year, tmp_path, same_account=True)
    assert {link.why for link in account.links} == {Why.told}
    check_rows(year, account, tmp_path, held(year))
    check_gaps(year, account, printed_balance=False)


def test_the_burst_in_an_overlap_is_one_finding_naming_both_files(tmp_path: Path) -> None:
    year = downloads("mizuho", seed=6, missing=7, names="account")
    _, (account,) = stitched(year, tmp_path)
    ctx = Context(load_catalogue(), frozenset(year.own))
    found = examine(account.statement(), ctx, sources=account.provenance).findings
    burst = [f for f in found if f.amount in (100000, 90000, 20000) and f.severity != "low"]
    assert sorted(f.amount for f in burst) == [20000, 90000, 90000, 100000]
    holders = [one for one in year.downloads if set(year.flagged) <= set(one.rows)
               and not one.copy_of]
    for finding in burst:
        assert [Path(file).name for file, _ in finding.seen_in] == [h.name for h in holders]
        assert finding.file == finding.seen_in[0][0] and finding.line == finding.seen_in[0][1]
    alone = [f for one in year.downloads if not one.copy_of
             for f in examine(read_statement(tmp_path / one.name), ctx).findings
             if f.amount == 100000]
    assert len(alone) == 2  # what auditing each file alone reports

