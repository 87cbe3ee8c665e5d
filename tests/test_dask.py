"""scan --engine dask: the same findings as one machine, rows rejected by line, campaigns."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from auditor.export import blocks as cutting
from auditor.export import engine
from auditor.export.blocks import blocks, check_quotes
from auditor.errors import StatementError
from tests.conftest import ROOT, Run
from tests.test_export import EXPORT, HEADER, ROWS

sys.path[:0] = [str(ROOT / "benchmarks" / "bank"), str(ROOT / "benchmarks" / "corpus")]
from bank_model import Bank  # noqa: E402
from bank_write import write_export  # noqa: E402

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Two workers in this process (threads): what a cluster does, without the start-up."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address="127.0.0.1:0") as cluster:
        yield cluster.scheduler_address


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blocks of 64 kB and parts of a thousand rows: several of each, in a small file."""
    monkeypatch.setattr(cutting, "BLOCK_BYTES", 65536)
    monkeypatch.setattr(engine, "ROWS_PER_PART", 1000)


def _scan(cli: Callable[..., Run], *args: str | Path) -> Run:
    return cli("scan", *args, "--lang", "en")


def test_dask_finds_what_one_machine_finds(tmp_path: Path, scheduler: str, small_parts: None,
                                           cli: Callable[..., Run]) -> None:
    path = tmp_path / "export.csv"
    write_export(Bank(accounts=150, hit_share=0.2, seed="d"), path, "date")
    alone = json.loads(_scan(cli, path, "-f", "json").out)
    run = _scan(cli, path, "--engine", "dask", "--scheduler", scheduler, "-f", "json")
    assert run.code == 1, run.err
    spread = json.loads(run.out)
    assert spread["findings"] == alone["findings"] != []
    assert len(list(tmp_path.iterdir())) == 3  # the Parquet parts are gone; truth files stay
    (mine,), (theirs,) = spread["files"], alone["files"]
    assert {k: v for k, v in mine.items() if k != "encoding"} == {
        k: v for k, v in theirs.items() if k != "encoding"}


def test_rejected_rows_keep_their_lines_across_blocks(tmp_path: Path, scheduler: str,
                                                     cli: Callable[..., Run],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cutting, "BLOCK_BYTES", 300)  # about two rows a block
    monkeypatch.setattr(engine, "ROWS_PER_PART", 1)
    path = tmp_path / "bank.csv"
    path.write_bytes(EXPORT)
    out = tmp_path / "out"
    run = _scan(cli, path, "--engine", "dask", "--scheduler", scheduler, "-f", "jsonl",
                "--output-dir", out)
    assert run.code == 3, run.err  # two rows rejected
    assert "bank.csv: line 8: row rejected: amount not a number" in run.err
    assert "bank.csv: line 11: row rejected: no account in column 照会口座" in run.err
    found = [(row["account"], row["line"]) for row in map(json.loads, run.out.splitlines())]
    assert found == [("***1111", 3), ("***1111", 4), ("***1111", 5), ("***1111", 9),
                     ("***3333", 12)]
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    (campaign,) = summary["campaigns"]  # two accounts, in two parts or one, one campaign
    assert (campaign["accounts"], campaign["findings"]) == (2, 5)


def test_parquet_output_holds_the_findings(tmp_path: Path, scheduler: str,
                                           cli: Callable[..., Run]) -> None:
    import pandas as pd

    path = tmp_path / "bank.csv"
    path.write_bytes(EXPORT)
    run = _scan(cli, path, "--engine", "dask", "--scheduler", scheduler, "-f", "parquet",
                "-o", tmp_path / "found.parquet")
    assert run.code == 3 and run.out == ""
    table = pd.read_parquet(tmp_path / "found.parquet")
    assert table["line"].tolist() == [3, 4, 5, 9, 12]
    assert set(table["account"]) == {"***1111", "***3333"}


def test_a_line_break_inside_a_quoted_cell_is_refused_with_its_line(
        tmp_path: Path, scheduler: str, cli: Callable[..., Run]) -> None:
    path = tmp_path / "bank.csv"
    broken = ROWS[2].replace("ﾄﾞｺﾓｺｳｻﾞ", "ﾄﾞｺﾓ\nｺｳｻﾞ")
    path.write_bytes((HEADER + "".join([*ROWS[:2], broken, *ROWS[3:]])).encode("cp932"))
    run = _scan(cli, path, "--engine", "dask", "--scheduler", scheduler)
    assert run.code == 3
    assert "bank.csv: a quoted cell holds a line break (near line 4)" in run.err
    assert "Traceback" not in run.err


def test_without_dask_installed_the_engine_names_the_extra(
        tmp_path: Path, cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    path = tmp_path / "bank.csv"
    path.write_bytes(EXPORT)
    run = _scan(cli, path, "--engine", "dask")
    assert run.code == 2
    assert run.err.strip().splitlines() == [
        "auditor: --engine dask and Parquet (in or out) need the dask extra, which is not "
        "installed: pip install 'statement-auditor[dask]' (in a clone: pip install '.[dask]')"]


def test_the_default_cluster_runs_on_this_machine(tmp_path: Path, cli: Callable[..., Run]) -> None:
    path = tmp_path / "bank.csv"
    path.write_bytes(EXPORT)
    run = _scan(cli, path, "--engine", "dask", "--jobs", "1", "-f", "jsonl")
    assert run.code == 3, run.err
    assert len(run.out.splitlines()) == 5


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["ﾄﾞｺﾓｺｳｻﾞ", "ｶ)ｻﾝﾌﾟﾙ", "ー表", "\\", "a,b"]), min_size=1,
                max_size=30), st.integers(1, 64))
def test_blocks_cut_only_at_line_breaks_and_count_lines(texts: list[str], size: int) -> None:
    import tempfile

    lines = [f'"{text}","{n}"\r\n'.encode("cp932") for n, text in enumerate(texts)]
    body = b"".join(lines)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        path.write_bytes(b'"a","b"\r\n' + body)
        cut = blocks(path, size)
        data = path.read_bytes()
        assert b"".join(data[b.start:b.end] for b in cut) == body
        for block in cut:
            assert data[block.end - 1:block.end] == b"\n"
            assert block.first_line == 2 + data[9:block.start].count(b"\n")
            check_quotes(data[block.start:block.end], block.first_line)


def test_quotes_are_checked_line_by_line() -> None:
    check_quotes(b'"a ""quoted"" word",1\r\n', 2)
    with pytest.raises(StatementError, match="near line 3"):
        check_quotes(b'"a",1\r\n"b\r\nc",2\r\n', 2)


def test_a_parquet_export_reads_as_its_csv(tmp_path: Path, scheduler: str,
                                           cli: Callable[..., Run]) -> None:
    import io

    import pandas as pd

    table = pd.read_csv(io.BytesIO(EXPORT), encoding="cp932", dtype=str, keep_default_na=False)
    path = tmp_path / "bank.parquet"
    table.to_parquet(path, row_group_size=3, index=False)  # four row groups: four blocks
    for engine_args in ((), ("--engine", "dask", "--scheduler", scheduler)):
        run = _scan(cli, path, *engine_args, "-f", "json")
        assert run.code == 3, run.err
        result = json.loads(run.out)
        assert [(f["account"], f["line"]) for f in result["findings"]] == [
            ("***1111", 3), ("***1111", 4), ("***1111", 5), ("***1111", 9), ("***3333", 12)]
        assert [r["line"] for r in result["files"][0]["rejected"]] == [8, 11]


def test_dask_lists_the_accounts_one_machine_lists(tmp_path: Path, scheduler: str,
                                                   small_parts: None,
                                                   cli: Callable[..., Run]) -> None:
    path = tmp_path / "export.csv"
    write_export(Bank(accounts=60, hit_share=0.2, seed="a"), path, "date")
    alone = json.loads(_scan(cli, path, "-f", "json").out)
    spread = json.loads(_scan(cli, path, "--engine", "dask", "--scheduler", scheduler,
                              "-f", "json").out)
    assert len(alone["accounts"]) == 60 == spread["summary"]["accounts"]
    assert spread["accounts"] == alone["accounts"]
    assert sum(a["findings"] for a in spread["accounts"]) == len(spread["findings"])
    assert spread["files"][0]["accounts"] == 60


def test_a_parquet_cells_line_breaks_move_no_line_on_dask(tmp_path: Path, scheduler: str,
                                                          cli: Callable[..., Run]) -> None:
    import io

    import pandas as pd

    table = pd.read_csv(io.BytesIO(EXPORT), encoding="cp932", dtype=str, keep_default_na=False)
    table.loc[0, "摘要"] = "ｷﾕｳﾖ\r\n(8月分)"
    table.loc[3, "摘要"] = "ﾄﾞｺﾓｺｳｻﾞ\n"
    path = tmp_path / "bank.parquet"
    table.to_parquet(path, row_group_size=3, index=False)
    for engine_args in ((), ("--engine", "dask", "--scheduler", scheduler)):
        result = json.loads(_scan(cli, path, *engine_args, "-f", "json").out)
        assert [(f["account"], f["line"]) for f in result["findings"]] == [
            ("***1111", 3), ("***1111", 4), ("***1111", 5), ("***1111", 9), ("***3333", 12)]
        assert [r["line"] for r in result["files"][0]["rejected"]] == [8, 11]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_json_lines_written_on_the_workers_are_those_of_one_machine(
        tmp_path: Path, scheduler: str, small_parts: None, cli: Callable[..., Run],
        lang: str) -> None:
    path = tmp_path / "export.csv"
    write_export(Bank(accounts=60, hit_share=0.3, seed="l"), path, "date")
    alone = cli("scan", path, "-f", "jsonl", "--lang", lang).out
    spread = cli("scan", path, "--engine", "dask", "--scheduler", scheduler, "-f", "jsonl",
                 "--lang", lang).out
    assert spread == alone != ""


def test_lines_made_in_another_language_are_not_written(tmp_path: Path) -> None:
    import io

    from auditor.export.output import json_lines, lined, write_jsonl
    from auditor.models import Finding, Reason, ScanResult, Severity

    reason = Reason("first-seen", Severity.low, "first", "初めて")
    found = [Finding("x.csv", 2, date(2020, 1, 1), None, 100, "ﾍﾟｲﾍﾟｲ", "paypay", 10,
                     Severity.low, (reason,), account="1234567")]
    made = lined(found, io.StringIO("".join(json_lines(found, "ja"))), "ja")
    out = io.StringIO()
    write_jsonl(ScanResult((), made), out, "en")
    assert json.loads(out.getvalue())["reasons"] == ["first"]
    out = io.StringIO()
    write_jsonl(ScanResult((), made), out, "ja")
    assert json.loads(out.getvalue())["reasons"] == ["初めて"]


def _mapped_kb() -> int | None:
    """This process's file-backed resident memory (Linux), or None where it is not told."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    return next((int(line.split()[1]) for line in status.splitlines()
                 if line.startswith("RssFile:")), None)


def test_cutting_an_export_gives_back_the_pages_it_looked_at(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    row = '"2020-09-08","ﾄﾞｺﾓｺｳｻﾞ","100000"\r\n'.encode("cp932")
    path.write_bytes(b'"a","b","c"\r\n' + row * ((48 << 20) // len(row)))  # about 48 MB
    if _mapped_kb() is None:
        pytest.skip("no RssFile in /proc/self/status here")
    before = _mapped_kb()
    seen = [_mapped_kb() for _ in cutting.iter_blocks(path, 1 << 20)]  # the file still mapped
    assert len(seen) >= 40
    # Kept, the pages read would count here until the last block: about 48,000 kB.
    assert max(seen) - before < 16_000  # type: ignore[operator]
