"""A chunk of files read together and audited in one pass gives each file what it gets alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from auditor.detect.audit import Window
from auditor.detect.rules import Context
from auditor.detect.wallets import load_catalogue
from auditor.ingest.statement import ReadOptions
from auditor.run.batch import CHUNK, Audited, audit_file, chunks
import auditor.run.chunks
from auditor.run.chunks import audit_chunk
from tests.conftest import ROOT, SAMPLES
from tests.downloads import downloads

sys.path[:0] = [str(ROOT / "benchmarks" / "bank"), str(ROOT / "benchmarks" / "corpus")]
from bank_model import Bank  # noqa: E402
from bank_write import write_files  # noqa: E402

MUFG = '"日付","摘要","摘要内容","支払い金額","預かり金額","差引残高","メモ","未資金化区分","入払区分"\r\n'


def row(day: int, text: str = "ﾄﾞｺﾓｺｳｻﾞ", amount: str = "30000") -> str:
    return f'"2020/9/{day}","口座振替","{text}","{amount}","","","","","支払い"\r\n'


# Files the joint read must leave to the reader of one file, or that it cannot read at all.
ODD = {
    "rejects.csv": (MUFG + row(1) + row(2, amount="12x") + row(3) + "※ 以上\r\n").encode("cp932"),
    "quoted_break.csv": (MUFG + row(1, 'ﾄﾞｺﾓ\r\nｺｳｻﾞ') + row(2)).encode("cp932"),
    "exponent.csv": (MUFG + row(1, amount="3.0E+04") + row(2)).encode("cp932"),
    "no_newline.csv": (MUFG + row(1) + row(2)).rstrip("\r\n").encode("cp932"),
    "blank_lines.csv": (MUFG + row(1) + "\r\n\r\n" + row(2) + row(3)).encode("cp932"),
    "header_only.csv": MUFG.encode("cp932"),
    "empty.csv": b"",
    "not_a_statement.csv": "a,b,c\r\n1,2,3\r\n".encode("utf-8"),
    "utf8.csv": (MUFG + row(4) + row(5, "ペイペイ")).encode("utf-8"),
    "mixed.csv": (MUFG + row(1)).encode("cp932") + row(2, "ペイペイ").encode("utf-8"),
}


def same(chunk: list[Audited], alone: list[Audited]) -> None:
    assert len(chunk) == len(alone)
    for one, other in zip(chunk, alone, strict=True):
        # (ends by repr: an unknown opening balance is NaN, never equal to itself)
        assert (one.report, one.findings, one.account_id, one.suggestions, one.family,
                repr(one.ends), one.hidden, one.examined) == (
            other.report, other.findings, other.account_id, other.suggestions, other.family,
            repr(other.ends), other.hidden, other.examined), one.report.path


def compare(paths: list[Path], options: ReadOptions = ReadOptions(),
            allowed: frozenset[str] = frozenset(), hold: bool = False) -> list[Audited]:
    ctx = Context(load_catalogue(), allowed)
    window = Window()
    chunk = audit_chunk(paths, options, ctx, window, hold=hold, ends=True)
    same(chunk, [audit_file(p, options, ctx, window, hold=hold, ends=True) for p in paths])
    return chunk


@pytest.mark.parametrize("allowed", [frozenset(), frozenset({"paypay", "line-pay"})])
def test_the_samples_and_odd_files_in_one_chunk(tmp_path: Path, allowed: frozenset[str]) -> None:
    for name, data in ODD.items():
        (tmp_path / name).write_bytes(data)
    paths = sorted(SAMPLES.glob("*.csv")) + sorted(tmp_path.glob("*.csv"))
    outcomes = compare(paths, ReadOptions(year=2020), allowed)
    assert sum(o.failed for o in outcomes) >= 2 and sum(len(o.findings) for o in outcomes) > 0
    # A quoted line break sends its whole layout's files to the reader of one file: without
    # it, the MUFG files (rejected rows, a missing last newline, blank lines) are read jointly.
    compare([p for p in paths if p.name != "quoted_break.csv"], ReadOptions(year=2020), allowed)


@pytest.mark.parametrize("alone_rows", [50_000, 45])
def test_a_generated_bank_in_one_chunk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       alone_rows: int) -> None:
    """Long statements are audited alone, the rest together: the same either way."""
    monkeypatch.setattr(auditor.run.chunks, "ALONE_ROWS", alone_rows)
    write_files(Bank(accounts=90, hit_share=0.3, seed="c",
                     layouts=("mufg", "yucho", "sony", "smbc", "rakuten", "kyoto")), tmp_path)
    outcomes = compare(sorted(tmp_path.glob("*.csv")))
    assert sum(len(o.findings) for o in outcomes) > 0


def test_downloads_read_together_are_held_as_read_alone(tmp_path: Path) -> None:
    year = downloads("mufg", seed=4, overlap=6, duplicate=True)
    for one in year.downloads:
        (tmp_path / one.name).write_bytes(one.data)
    paths = sorted(tmp_path.glob("*.csv"))
    held = compare(paths, hold=True)
    for outcome, path in zip(held, paths, strict=True):
        alone = audit_file(path, ReadOptions(), Context(load_catalogue(), frozenset()), Window(),
                           hold=True)
        assert outcome.statement is not None and alone.statement is not None
        assert outcome.statement.frame[["line", "date", "debit", "credit", "seq"]].equals(
            alone.statement.frame[["line", "date", "debit", "credit", "seq"]])


def test_chunks_cover_every_file_once_in_order() -> None:
    files = [Path(f"{n}.csv") for n in range(1234)]
    for jobs in (1, 2, 8):
        cut = chunks(files, jobs)
        assert [p for chunk in cut for p in chunk] == files
        assert max(len(chunk) for chunk in cut) <= CHUNK and (jobs == 1 or len(cut) >= jobs)
    assert chunks([], 2) == []
