"""Statements of one layout finished together read exactly as each read alone."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from auditor.ingest.mixed import decode_rows
from auditor.ingest.statement import ReadOptions, Statement, file_report
from auditor.ingest.together import read_chunk, read_together
from auditor.run.chunk_rows import chunk_rows
from auditor.stitch.grouping import Ends
import auditor.run.chunks
from tests.conftest import SAMPLES
from tests.test_chunks import MUFG, ODD, compare, row

FIELDS = ("path", "layout", "encoding", "rejected", "skipped", "order", "balance_breaks",
          "notes", "account", "branch")


def variants(name: str) -> dict[str, bytes]:
    """A sample and its kin: newest first, out of order, a balance break, bad rows."""
    raw = (SAMPLES / f"{name}.csv").read_bytes()
    encoding = decode_rows(raw).encoding
    head, *body = decode_rows(raw).text.rstrip("\r\n").split("\n")
    body = [line.rstrip("\r") for line in body]
    broken = [line.replace(",", ",9", 1) if at == 2 else line for at, line in enumerate(body)]
    edited = body[:3] + [body[3].rsplit(",", 1)[0] + ',"1"'] + body[4:]
    cells = head.count(",") + 1
    bad = ",".join(['"x"'] * cells)
    made = {
        "same": body, "newest": body[::-1], "swapped": [body[1], body[0], *body[2:]],
        "edited": edited, "broken": broken, "bad_rows": [*body[:2], bad, *body[2:], "※ 以上"],
        "only_bad": [bad, bad], "one_row": body[:1],
    }
    return {f"{name}_{kind}.csv": "\r\n".join([head, *lines, ""]).encode(encoding)
            for kind, lines in made.items()}


def folder(tmp_path: Path) -> list[Path]:
    """Files of a few layouts, each kind of file among others of its layout."""
    for name in ("mufg", "jnb", "paypay_bank", "ja_bank", "generic_77", "shinsei", "sony"):
        for file, data in variants(name).items():
            (tmp_path / file).write_bytes(data)
    for file, data in ODD.items():  # (a quoted line break would send all MUFG files alone)
        if file != "quoted_break.csv":
            (tmp_path / file).write_bytes(data)
    # UTF-8 text that decodes as CP932 too: a row rejected once the file is read.
    (tmp_path / "foreign.csv").write_bytes((MUFG + row(1) + row(3)).encode("cp932")
                                           + row(2, "ペイペイ").encode("cp932").replace(
                                               "ペイペイ".encode("cp932"), "ペイペイ".encode()))
    for sample in sorted(SAMPLES.glob("*.csv")):
        (tmp_path / sample.name).write_bytes(sample.read_bytes())
    return sorted(tmp_path.glob("*.csv"))


def test_files_finished_together_are_the_statements_read_alone(tmp_path: Path) -> None:
    paths = folder(tmp_path)
    options = ReadOptions(year=2020)
    chunk = read_chunk(paths, options, 50_000)
    alone = read_together(paths, options)
    taken = set()
    for finished in chunk.joint:
        reports, ends = finished.reports(), Ends.each(finished.frame, finished.starts)
        for k, index in enumerate(finished.members):
            statement, mine = alone[index], finished.statement(k)
            assert isinstance(statement, Statement)
            assert [getattr(mine, f) for f in FIELDS] == [getattr(statement, f) for f in FIELDS]
            pd.testing.assert_frame_equal(mine.frame, statement.frame, check_exact=True)
            assert reports[k] == file_report(statement.path, statement)
            assert repr(ends[k]) == repr(Ends.of(statement.frame))
            taken.add(paths[index].name)
    for index, got in chunk.alone.items():
        assert type(got) is type(alone[index])
        assert index not in taken
    # Each kind of file was taken together, but those only a lone read can read exactly.
    names = {"mufg_newest.csv", "mufg_swapped.csv", "mufg_edited.csv", "mufg_bad_rows.csv",
             "jnb_newest.csv", "jnb_swapped.csv", "generic_77_same.csv", "rejects.csv",
             "mufg_one_row.csv", "paypay_bank_broken.csv"}
    assert names <= taken
    assert not taken & {"mixed.csv", "foreign.csv", "mufg_only_bad.csv", "ja_bank_same.csv",
                        "header_only.csv"}
    assert any(statement.balance_breaks for statement in alone if isinstance(statement, Statement)
               and statement.path.name in taken)


def test_a_chunk_is_one_frame_as_its_files_frames_put_end_to_end(tmp_path: Path) -> None:
    paths = folder(tmp_path)
    chunk = read_chunk(paths, ReadOptions(year=2020), 50_000)
    statements = {i: got for i, got in chunk.alone.items() if isinstance(got, Statement)}
    frame, banks = chunk_rows(chunk.joint, statements, paths)
    read = {i: got for i, got in enumerate(read_together(paths, ReadOptions(year=2020)))
            if isinstance(got, Statement) and len(got.frame)}
    frames = [statement.frame for statement in read.values()]
    lengths = [len(each) for each in frames]
    expected = pd.concat(frames, ignore_index=True)
    expected["account"] = np.repeat([str(i) for i in read], lengths)
    expected["file"] = np.repeat([str(statement.path) for statement in read.values()], lengths)
    pd.testing.assert_frame_equal(frame, expected, check_exact=True)
    assert repr(frame["time"].tolist()) == repr(expected["time"].tolist())  # None, not NaN
    assert banks == {str(i): None if s.layout.generic else s.layout.bank for i, s in read.items()}


def test_files_of_one_layout_with_and_without_times_keep_their_own_missing_times(
        tmp_path: Path) -> None:
    paths = folder(tmp_path)
    only = [p for p in paths if p.name.startswith(("jnb", "mufg_"))]
    chunk = read_chunk(only, ReadOptions(), 50_000)
    frame, _ = chunk_rows(chunk.joint, {}, only)
    times = frame.groupby("file")["time"].agg(lambda column: column.notna().any())
    assert times.any() and not times.all() and frame["time"].dtype == object


@pytest.mark.parametrize("allowed", [frozenset(), frozenset({"paypay", "line-pay"})])
def test_files_finished_together_are_audited_as_each_alone(tmp_path: Path,
                                                           allowed: frozenset[str]) -> None:
    """Findings, reports, suggestions and balance ends: a mixed chunk, file by file."""
    outcomes = compare(folder(tmp_path), ReadOptions(year=2020), allowed)
    assert sum(len(o.findings) for o in outcomes) > 0 and sum(o.failed for o in outcomes) >= 1


def test_a_chunk_whose_audit_at_once_fails_audits_each_file_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(auditor.run.chunks, "examine_accounts", broken)
    outcomes = compare(folder(tmp_path), ReadOptions(year=2020))
    assert sum(len(o.findings) for o in outcomes) > 0
