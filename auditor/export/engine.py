"""Audit a bank export on Dask: a local cluster by default, or a scheduler's workers.

The CSV is cut into blocks at line breaks; each block is parsed and written to Parquet,
split by a hash of the account, so each part holds whole accounts; then each part is
audited by the same code as a scan on one machine. Findings come back to this process (a
few per hundred accounts), where the campaigns across all parts are counted.
"""

from __future__ import annotations

import gc
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from auditor.errors import StatementError, UsageError
from auditor.export.accounts import export_accounts
from auditor.export import blocks as cutting
from auditor.export.blocks import header_of, iter_blocks
from auditor.export.detect import is_export
from auditor.export.output import lined
from auditor.export.parquet_input import is_parquet
from auditor.export.parts import Converted, Part, audit_part, convert_block
from auditor.hidden import Hidden
from auditor.ingest.account import mask_path
from auditor.ingest.mixed import decode_rows
from auditor.ingest.statement import DEFAULT_MAX_BYTES, failed_report
from auditor.models import FileReport, Finding, ScanResult
from auditor.run.pipeline import ScanJob, with_answers
from auditor.stitch.summary import AccountSummary
from auditor.wording import Said

Progress = Callable[[int, int], None]  # (done, total)
ROWS_PER_PART = 250_000  # about 100 MB of a worker's memory at a time, however large the export
_BYTES_PER_ROW = 120  # a 全銀協 row of CP932, to size the parts before reading the rows


def run_dask(job: ScanJob, scheduler: str | None = None,
             progress: Progress | None = None, lines: str | None = None) -> ScanResult:
    """Audit the job's one export on Dask; its unreadable rows are rejected by line.

    lines: a language to have the workers write each finding's JSON line in (for
    write_jsonl), while they audit.
    """
    client_of = _dask()
    if len(job.paths) != 1:
        raise UsageError(Said("dask.one_file", count=len(job.paths)))
    path = job.paths[0]
    if not is_export(path, replace(job.options, max_bytes=DEFAULT_MAX_BYTES)):
        raise UsageError(Said("dask.no_export", path=mask_path(str(path))))
    with client_of(scheduler, job.batch.jobs) as client, _work_folder(path) as work, \
            _collected_once():
        try:
            report, findings, hidden, accounts = _audit(client, job, path, str(work), progress,
                                                        lines)
        except StatementError as exc:  # a quoted line break, or a header the parts lost
            report, findings, hidden, accounts = (failed_report(path, exc, "reading"), (),
                                                  Hidden(), ())
    result = ScanResult((report,), findings, ("",), accounts=accounts, hidden=hidden)
    return with_answers(result, job.answers)


def _audit(client: Any, job: ScanJob, path: Path, work: str, progress: Progress | None,
           lines: str | None
           ) -> tuple[FileReport, tuple[Finding, ...], Hidden, tuple[AccountSummary, ...]]:
    header = header_of(path)
    options = replace(job.options, encoding=job.options.encoding or _encoding(path))
    threads = max(1, sum(client.nthreads().values()))
    parts = _rounded(path.stat().st_size // (_BYTES_PER_ROW * ROWS_PER_PART) + 1, threads)
    today = job.options.today or date.today()
    # Each block is sent as soon as it is cut: the workers convert while this reads on.
    sent = [client.submit(convert_block, index, block, header, work, parts, options, today,
                          pure=False)
            for index, block in enumerate(iter_blocks(path, _block_bytes(path, threads)))]
    total = len(sent) + parts
    converted: list[Converted] = _gather(sent, progress, 0, total)
    failed = next((c.error for c in converted if c.error is not None), None)
    if failed is not None:
        raise StatementError(failed)
    bank = None if not converted or converted[0].generic else converted[0].bank
    audited: list[Part] = _gather([
        client.submit(audit_part, pieces, work, job.ctx, job.window, bank, lines, number,
                      pure=False)
        for number, pieces in enumerate(_pieces(converted, parts))], progress, len(sent), total)
    report, findings = _report(path, converted, audited), _ordered(audited, lines)
    accounts = export_accounts((s for p in audited for s in p.seen), str(path), report.bank,
                               findings)
    return report, findings, sum((p.hidden for p in audited), Hidden()), accounts


def _rounded(count: int, threads: int) -> int:
    """count, or the next multiple of the workers' threads: none waits alone at the end."""
    return -(-max(1, count) // threads) * threads


def _block_bytes(path: Path, threads: int) -> int:
    """A block's size: about BLOCK_BYTES at most, the blocks as many as a multiple of the
    threads (each ends at the last line break before its size: a 64th more is for that)."""
    body = path.stat().st_size
    size = -(-body // _rounded(-(-body // cutting.BLOCK_BYTES), threads))
    return size + size // 64


def _pieces(converted: list[Converted], parts: int) -> list[list[tuple[int, int]]]:
    """Per part: (block, row group) of every block holding its rows, in file order."""
    found: list[list[tuple[int, int]]] = [[] for _ in range(parts)]
    for index, block in enumerate(converted):
        for part, group in block.groups.items():
            found[part].append((index, group))
    return found


def _ordered(audited: list[Part], lang: str | None) -> tuple[Finding, ...]:
    """Findings as a scan on one machine lists them: accounts as they first appear, each
    account's in time order (a part keeps them so); with their JSON lines, if written."""
    keyed = sorted((first, part, n) for part, found in enumerate(audited)
                   for n, (first, _) in enumerate(found.findings))
    findings = [audited[part].findings[n][1] for _, part, n in keyed]
    if lang is None:
        return tuple(findings)
    return lined(findings, _merged(audited, [part for _, part, _ in keyed]), lang)


def _merged(audited: list[Part], order: list[int]) -> TextIO:
    """The parts' JSON lines, in the findings' order, copied into one file of this machine's
    (gone once closed): each part's file is read once, line after line, never held whole."""
    merged = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")
    with ExitStack() as stack:
        files = {number: stack.enter_context(
                     Path(str(audited[number].lines)).open(encoding="utf-8", newline="\n"))
                 for number in dict.fromkeys(order)}
        for number in order:
            merged.write(files[number].readline())
    return merged


def _report(path: Path, converted: list[Converted], audited: list[Part]) -> FileReport:
    """The export's one entry in ``files``, added up over its blocks and parts."""
    periods = [c.period for c in converted if c.period is not None]
    notes = list(dict.fromkeys(note for c in converted for note in c.notes))
    accounts = sum(p.accounts for p in audited)
    first = converted[0] if converted else None
    return FileReport(
        path=str(path), layout=first and first.layout, bank=first and first.bank,
        encoding=None, rows=sum(c.rows for c in converted),
        rejected=tuple(r for c in converted for r in c.rejected),
        skipped=tuple(s for c in converted for s in c.skipped),
        debit_total=sum(c.debit_total for c in converted),
        credit_total=sum(c.credit_total for c in converted),
        period=(min(p[0] for p in periods), max(p[1] for p in periods)) if periods else None,
        order="oldest-first", balance_breaks=tuple(sorted(b for p in audited for b in p.breaks)),
        notes=(*notes, Said("export.note", accounts=accounts)), accounts=accounts)


def _gather(futures: list[Any], progress: Progress | None, done: int,
            total: int) -> list[Any]:
    """The tasks' results in submission order, counting each as it finishes.

    Each result is fetched as soon as its task ends, while the others still run: a part's
    findings take a while to unpickle, and the last part's alone is left for the end.
    """
    from distributed import as_completed

    position = {future.key: n for n, future in enumerate(futures)}
    results: list[Any] = [None] * len(futures)
    for future, result in as_completed(futures, with_results=True):
        results[position[future.key]] = result
        future.release()  # the worker may forget it now
        done += 1
        if progress is not None:
            progress(done, total)
    return results


def _encoding(path: Path) -> str:
    """The export's encoding, told once from its first megabyte for every block alike."""
    if is_parquet(path):
        return "utf-8"
    with path.open("rb") as handle:
        head = handle.read(1 << 20)
    return decode_rows(head[:head.rfind(b"\n") + 1] or head).encoding


@contextmanager
def _collected_once() -> Iterator[None]:
    """The cyclic collector paused while the findings come in, and what is kept then set
    aside from it: hundreds of thousands of findings would otherwise be walked again at
    every collection, while they are unpickled here and while they are written out."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # kept to the end of the run; reference counting frees what it drops
        if paused:
            gc.enable()


@contextmanager
def _work_folder(path: Path) -> Iterator[Path]:
    """The Parquet parts, beside the export: where a cluster's workers can see it too."""
    work = Path(tempfile.mkdtemp(prefix=".auditor-parts-", dir=path.resolve().parent))
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _dask() -> Callable[[str | None, int | None], Any]:
    """The client maker, or the one-line error naming the extra to install (exit 2)."""
    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        raise UsageError(Said("dask.missing")) from None
    from auditor.export.cluster import client

    return client
