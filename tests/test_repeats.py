"""A file given twice, under its own name or another, is read once and counted once."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from auditor.run.repeats import repeated_files
from tests.conftest import SAMPLES, Run
from tests.downloads import downloads

Cli = Callable[..., Run]
MIZUHO = SAMPLES / "mizuho.csv"


def scan_json(cli: Cli, *args: str | Path) -> dict:
    run = cli("scan", *args, "-a", "line-pay", "-f", "json")
    assert run.code == 1, run.err
    return json.loads(run.out)


def test_the_same_file_twice_counts_once(cli: Cli, tmp_path: Path) -> None:
    copy = tmp_path / "mizuho (1).csv"
    shutil.copy(MIZUHO, copy)
    once = scan_json(cli, MIZUHO)
    twice = scan_json(cli, MIZUHO, MIZUHO, copy)
    assert twice["findings"] == once["findings"]
    assert twice["summary"]["at_risk"] == once["summary"]["at_risk"]
    assert [f["rows"] for f in twice["files"]] == [once["files"][0]["rows"], 0, 0]
    assert all("the same bytes as" in f["notes"][0] and "mizuho.csv" in f["notes"][0]
               for f in twice["files"][1:])


def test_a_report_claims_a_repeated_file_once(cli: Cli, tmp_path: Path) -> None:
    once = cli("report", MIZUHO, "-a", "line-pay", "--lang", "en")
    twice = cli("report", MIZUHO, MIZUHO, "-a", "line-pay", "--lang", "en")
    assert once.code == twice.code == 0
    assert once.err.splitlines()[-1] == twice.err.splitlines()[-1]  # the same claim


def test_the_generated_browser_copy_is_found(tmp_path: Path) -> None:
    year = downloads("mufg", seed=2, duplicate=True)
    paths = year.write(tmp_path)
    copies = {paths[i].name: paths[j].name for i, j in repeated_files(paths, 10**8).items()}
    assert copies == {one.name: one.copy_of for one in year.downloads if one.copy_of}


def test_only_regular_files_within_the_limit_are_hashed(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # opening it to hash would hang
    big = tmp_path / "big.csv"
    shutil.copy(MIZUHO, big)
    assert repeated_files([fifo, fifo, MIZUHO, big], MIZUHO.stat().st_size - 1) == {}
    assert repeated_files([MIZUHO, big], 10**8) == {1: 0}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_repeats_keep_their_place_in_a_batch(cli: Cli, jobs: str) -> None:
    files = [SAMPLES / "mufg.csv", MIZUHO, SAMPLES / "mufg.csv", SAMPLES / "yucho.csv", MIZUHO]
    found = scan_json(cli, *files, "-j", jobs)
    assert [f["path"] for f in found["files"]] == [str(p) for p in files]
    assert [bool(f["notes"]) and "same bytes" in f["notes"][0] for f in found["files"]] == [
        False, False, True, False, True]
