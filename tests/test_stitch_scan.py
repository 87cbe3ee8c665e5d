"""A year of downloads scanned at once: each row counted once in scan, report and --new-only."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import replace
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.detect.audit import Window
from auditor.detect.campaigns import campaigns
from auditor.detect.rules import Context
from auditor.detect.wallets import load_catalogue
from auditor.ingest.account import mask_path
from auditor.ingest.statement import ReadOptions
from auditor.models import Finding, ScanResult
from auditor.report.gather import gather
from auditor.run.batch import BatchOptions
from auditor.run.pipeline import ScanJob, run_scan
from tests.conftest import Run
from tests.downloads import Year, downloads, pieces

Cli = Callable[..., Run]


def scanned(year: Year, folder: Path, same_account: bool = False, jobs: int = 1) -> ScanResult:
    year.write(folder)
    return run_scan(job(year, [folder], same_account, jobs))


def job(year: Year, paths: list[Path], same_account: bool = False, jobs: int = 1) -> ScanJob:
    return ScanJob(paths, ReadOptions(), Context(load_catalogue(), frozenset(year.own)),
                   batch=BatchOptions(jobs=jobs), same_account=same_account)


def what(findings: tuple[Finding, ...] | list[Finding]) -> list[tuple[object, ...]]:
    """What a finding says about its transaction, whichever file it was read from."""
    return sorted((f.date, f.time, f.amount, f.description, f.wallet, f.score, f.rules,
                   tuple(r.en for r in f.reasons)) for f in findings)


def allowing(year: Year) -> list[str]:
    """The holder's wallets as --allow options."""
    return [option for wallet in year.own for option in ("--allow", wallet)]


def places(year: Year, folder: Path, index: int) -> list[tuple[str, int]]:
    """Every (file, line) holding row index of the year, copies left out."""
    return [(str(folder / one.name), line) for one in year.downloads if not one.copy_of
            for i, line in zip(one.rows, one.lines, strict=True) if i == index]


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_row_is_one_finding_naming_every_file_holding_it(jobs: int, tmp_path: Path) -> None:
    year = downloads("mizuho", seed=6, missing=7, names="account")
    result = scanned(year, tmp_path, jobs=jobs)
    burst = [f for f in result.findings if f.counts]
    assert len(burst) == len(year.flagged) == 4
    assert sorted(list(f.seen_in) for f in burst) == \
        sorted(places(year, tmp_path, i) for i in year.flagged)
    for finding in burst:
        assert len(finding.seen_in) == 2  # the burst sits in an overlap
        assert (finding.file, finding.line) == finding.seen_in[0]
    assert result.at_risk() == sum(year.rows[i].txn.debit for i in year.flagged)


def test_the_account_line_has_its_files_rows_gap_and_findings(tmp_path: Path) -> None:
    year = downloads("mufg", seed=3, missing=5, names="account")
    result = scanned(year, tmp_path)
    (account,) = result.accounts
    kept = [one for one in year.downloads if not one.copy_of]
    (copy,) = [one for one in year.downloads if one.copy_of]
    names = {Path(file).name for file in account.files}
    assert len(names) == len(kept) and len(names & {copy.name, copy.copy_of}) == 1
    assert names <= {one.name for one in year.downloads}
    assert account.label == "***" + year.account[-4:]
    assert account.rows == len(set().union(*(one.rows for one in kept)))
    assert account.gaps == 1 and account.breaks == 1  # the month not downloaded
    assert account.findings == len(result.findings)
    assert account.at_risk == result.at_risk()
    summary = result.summary()
    assert summary["repeats"] == 1 and summary["accounts"] == 1
    assert summary["files"] == len(year.downloads)


@pytest.mark.parametrize(("layout", "balance"), [("mufg", "column"), ("jnb", "blank"),
                                                 ("kyoto", "none")])
def test_findings_of_the_downloads_are_those_of_the_whole_year(layout: str, balance: str,
                                                               tmp_path: Path) -> None:
    year = downloads(layout, seed=8, missing=None, duplicate=False, balance=balance,
                     names="account")  # type: ignore[arg-type]
    (whole,) = pieces(year, [(0, len(year.rows))])
    alone = tmp_path / "whole"
    alone.mkdir()
    (alone / whole.name).write_bytes(whole.data)
    split = tmp_path / "split"
    split.mkdir()
    stitched = scanned(year, split)
    assert what(stitched.findings) == what(run_scan(job(year, [alone])).findings)
    assert len(stitched.accounts) == 1


def test_told_so_joins_files_nothing_else_joins(tmp_path: Path) -> None:
    year = downloads("mufg", seed=5, missing=6, names="plain", balance="none",
                     duplicate=False)
    # No number and no balance to chain them: each file alone, unless the holder says so.
    assert len(scanned(year, tmp_path).accounts) == len(year.downloads)
    (account,) = scanned(year, tmp_path, same_account=True).accounts
    assert {meeting.why for meeting in account.meetings} == {"same account, as told"}


def test_an_unnumbered_account_is_one_account_in_campaigns(tmp_path: Path) -> None:
    year = downloads("mufg", seed=5, missing=None, names="plain", duplicate=False)
    result = scanned(year, tmp_path)
    (account,) = result.accounts
    assert {meeting.why for meeting in account.meetings} == {"balance chain"}
    serious = [f for f in result.findings if f.counts]
    assert serious
    # Its findings kept in two of its files (as when two bursts sit in different months)
    # are still one account's: the files have no number, only the stitch says so.
    moved = [replace(serious[0], file=account.files[0]),
             replace(serious[0], file=account.files[-1])]
    (campaign,) = campaigns(replace(result, findings=tuple(moved)), min_accounts=1)
    assert campaign.accounts == 1 and campaign.findings == 2


def test_the_draft_counts_each_debit_once(tmp_path: Path) -> None:
    year = downloads("mufg", seed=3, missing=5, names="account")
    year.write(tmp_path)
    gathered = gather(job(year, [tmp_path]))
    kept = set().union(*(one.rows for one in year.downloads))
    debits = [i for i in kept if year.rows[i].txn.debit > 0]
    assert len(gathered.debits) == len(debits)
    assert len(gathered.result.findings) == len({f.identity() for f in gathered.result.findings})


def test_json_and_table_name_the_account(cli: Cli, tmp_path: Path) -> None:
    year = downloads("mufg", seed=3, missing=5, names="account")
    year.write(tmp_path)
    run = cli("scan", tmp_path, *allowing(year), "--format", "json")
    data = json.loads(run.out)
    assert data["schema"] == 2
    (account,) = data["accounts"]
    assert account["account"] == "***" + year.account[-4:] and account["gaps"] == 1
    assert {f["account"] for f in data["findings"]} == {account["account"]}
    assert all(len(f["seen_in"]) >= 1 for f in data["findings"])
    assert data["summary"]["repeats"] == 1
    table = cli("scan", tmp_path, *allowing(year))
    assert "***" + year.account[-4:] in table.out
    assert "Accounts" in table.err and "a download missing?" in table.err


def test_new_only_reports_a_stitched_row_once_across_runs(cli: Cli, tmp_path: Path) -> None:
    year = downloads("mizuho", seed=6, missing=None, names="account", duplicate=False)
    paths = year.write(tmp_path)
    state = tmp_path / "state.sqlite3"
    half = cli("scan", *paths[:5], *allowing(year), "--new-only", "--state", state, "-f", "json")
    whole = cli("scan", *paths, *allowing(year), "--new-only", "--state", state, "-f", "json")
    again = cli("scan", *paths, *allowing(year), "--new-only", "--state", state, "-f", "json")
    counted = [f for run in (half, whole) for f in json.loads(run.out)["findings"]
               if f["severity"] != "low"]
    assert sorted(f["amount"] for f in counted if f["amount"] >= 20000) == \
        sorted(year.rows[i].txn.debit for i in year.flagged)
    repeat = json.loads(again.out)
    assert repeat["findings"] == []
    assert [(a["findings"], a["at_risk"]) for a in repeat["accounts"]] == [(0, 0)]


def test_review_asks_once_about_a_row_two_downloads_hold(cli: Cli, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    year = downloads("mizuho", seed=6, missing=None, names="account", duplicate=False)
    (tmp_path / "downloads").mkdir()
    paths = year.write(tmp_path / "downloads")
    monkeypatch.setattr(sys, "stdin", io.StringIO("n\n" * 20))
    monkeypatch.setenv("COLUMNS", "300")  # each long temporary path on one line
    run = cli("review", *paths, *allowing(year), "--answers", tmp_path / "answers.json")
    assert run.code == 0
    assert f"(1/{len(year.flagged)})" in run.out and f"({len(year.flagged) + 1}/" not in run.out
    held = [mask_path(one.name) for one in year.downloads if set(year.flagged) <= set(one.rows)]
    assert len(held) == 2 and all(run.out.count(name) == len(year.flagged) for name in held)


def test_a_bug_auditing_an_account_still_audits_its_files(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.run.units

    real = auditor.run.units.examine

    def crash_on_accounts(statement: object, *args: object, **kwargs: object) -> object:
        if kwargs.get("sources") is not None:
            raise RuntimeError("bug")
        return real(statement, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(auditor.run.units, "examine", crash_on_accounts)
    year = downloads("mizuho", seed=6, missing=None, names="account", duplicate=False)
    result = scanned(year, tmp_path)
    assert all(any("not stitched" in note for note in r.notes) for r in result.files)
    # Each file audited alone: the burst in the overlap is found in both files holding it.
    assert len([f for f in result.findings if f.counts]) == 2 * len(year.flagged)
    assert not any(r.error for r in result.files)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_large_run_stitches_as_a_small_one(jobs: int, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import auditor.run.pipeline

    year = downloads("mufg", seed=3, missing=5, names="mixed")
    small = scanned(year, tmp_path, jobs=jobs)
    # Too many files to keep: each audited as read, the account's files read again.
    monkeypatch.setattr(auditor.run.pipeline, "HOLD_FILES", 1)
    large = run_scan(job(year, [tmp_path], jobs=jobs))
    assert large.findings == small.findings and large.accounts == small.accounts
    assert large.files == small.files and large.suggestions == small.suggestions


def test_only_files_a_chain_may_join_are_read_again(tmp_path: Path) -> None:
    from auditor.run.accounts import candidates
    from auditor.run.batch import audit_file

    year = downloads("mufg", seed=5, missing=None, names="plain", duplicate=False)
    other = downloads("mufg", seed=9, missing=None, names="plain", duplicate=False)
    paths = year.write(tmp_path)
    strangers = [tmp_path / f"other_{one.name}" for one in other.downloads[::4]]
    for path, one in zip(strangers, other.downloads[::4], strict=True):
        path.write_bytes(one.data)
    ctx = Context(load_catalogue(), frozenset())
    outcomes = [audit_file(p, ReadOptions(), ctx, Window(), ends=True) for p in paths + strangers]
    (picked,) = candidates(outcomes, same_account=False)
    assert picked == list(range(len(paths)))  # the year chains; the strangers' balances do not
    assert len(candidates(outcomes, same_account=True)[0]) == len(outcomes)


@pytest.mark.parametrize(("layout", "balance", "missing"), [
    ("mufg", "column", None), ("mufg", "column", 4), ("jnb", "blank", None),
    ("paypay_bank", "column", 2), ("yucho", "column", None)])
def test_every_file_a_chain_joins_is_a_candidate(layout: str, balance: str,
                                                 missing: int | None, tmp_path: Path) -> None:
    from auditor.ingest.statement import read_statement
    from auditor.run.accounts import candidates
    from auditor.run.batch import audit_file
    from auditor.stitch import stitch

    year = downloads(layout, seed=11, missing=missing, names="mixed", duplicate=False,
                     balance=balance)  # type: ignore[arg-type]
    paths = year.write(tmp_path)
    ctx = Context(load_catalogue(), frozenset())
    outcomes = [audit_file(p, ReadOptions(), ctx, Window(), ends=True) for p in paths]
    joined = {file for account in stitch([read_statement(p) for p in paths])
              if len(account.files) > 1 for file in account.files}
    picked = {str(paths[i]) for group in candidates(outcomes, False) for i in group}
    assert joined and joined <= picked
