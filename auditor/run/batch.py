"""Scan many statements: expand folders, audit files in parallel, never stop at a bad file."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from auditor.detect.audit import Examined, Window, examine
from auditor.hidden import Hidden
from auditor.models import FileReport, Finding, ScanResult, Suggestion
from auditor.run.orphans import die_with_parent
from auditor.stitch.grouping import Ends, family
from auditor.detect.rules import Context
from auditor.fs.stdin import Piped
from auditor.ingest.statement import (ReadOptions, Statement, failed_report, file_report,
                                      read_piped, read_statement)
from auditor.wording import Said

STATEMENT_SUFFIXES = {".csv", ".tsv", ".txt"}
_SERIAL_BELOW = 4  # a pool costs more than it saves for a handful of tasks
CHUNK = 1024  # files read and audited by one task (more: fewer, larger joint reads)
# What a caller takes from each read statement besides its findings (run in the worker, so
# it must be a module-level function and return something small and picklable).
Keep = Callable[[FileReport, Statement], Any]


@dataclass(frozen=True)
class BatchOptions:
    """How a many-file run behaves."""

    jobs: int | None = None  # worker processes; None: one per core
    fail_fast: bool = False  # stop at the first file that cannot be read


@dataclass(frozen=True)
class Audited:
    """One file's outcome, small enough to send back from a worker process."""

    report: FileReport
    findings: tuple[Finding, ...]
    account_id: str
    suggestions: tuple[Suggestion, ...] = ()
    kept: Any = None  # what the caller's keep() took from the statement
    # Which files may be one account's (the bank, and the columns of an unknown bank's).
    family: tuple[str, tuple[str, ...]] | None = None
    statement: Statement | None = None  # held for stitching (small runs), else read again
    examined: bool = True  # False: read only, audited once its account is known
    ends: Ends | None = None  # for a run of several files: what a balance chain could join
    hidden: Hidden = Hidden()  # its findings outside the report window

    @property
    def failed(self) -> bool:
        return self.report.error is not None


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders replaced by the statement files below them (sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            # Not only regular files: a FIFO, a device or a dangling link named like a
            # statement is listed too, and the reader says why it was not read (it used to
            # be skipped without a word). Folders named like statements are not files.
            inside = sorted(p for p in path.rglob("*")
                            if p.suffix.lower() in STATEMENT_SUFFIXES and not p.is_dir())
            # A folder with no statement in it stays in the list, so the reader reports it
            # (exit 3) instead of the run passing as "nothing found" (exit 0).
            found.extend(inside or [path])
        else:
            found.append(path)  # a missing file is reported by the reader, in order
    return found


def audit_file(path: Path, options: ReadOptions, ctx: Context, window: Window,
               keep: Keep | None = None, hold: bool = False, ends: bool = False,
               piped: Piped | None = None) -> Audited:
    """Read and audit one file (or what was piped in); any failure is the file's one-line error.

    With hold, the file is only read: its statement comes back (one more pickle from a
    worker) to be audited once the run knows which files are one account's.
    """
    try:
        statement = read_statement(path, options) if piped is None else read_piped(piped, options)
        return outcome_of(path, statement, None if hold else examine(statement, ctx, window),
                          keep, ends)
    except Exception as exc:  # a bug in one file must not lose the rest of a batch
        return failed_outcome(path, exc)


def failed_outcome(path: Path, error: Exception) -> Audited:
    """A file's outcome when reading or auditing it failed: its one-line error, no findings."""
    return Audited(failed_report(path, error, "auditing"), (), "")


def outcome_of(path: Path, statement: Statement, examined: Examined | None, keep: Keep | None,
               ends: bool) -> Audited:
    """A read file's outcome: its report, findings and what stitching needs of it.

    With no examined, the file was only read: its statement goes back to be audited once
    its account is known.
    """
    report = file_report(path, statement)
    kept = None if keep is None else keep(report, statement)
    chain = Ends.of(statement.frame) if ends else None
    if examined is None:
        return Audited(report, (), statement.account_id, (), kept, family(statement),
                       statement, examined=False, ends=chain)
    return Audited(report, tuple(examined.findings), statement.account_id,
                   tuple(examined.suggestions), kept, family(statement), ends=chain,
                   hidden=examined.hidden)


def audit_many(files: list[Path], work: Callable[[Sequence[Path]], list[Audited]],
               batch: BatchOptions, progress: Callable[[int], None] | None = None,
               workers: Workers | None = None) -> list[Audited]:
    """Each file's outcome in input order; with --fail-fast, up to the first failure.

    ``work`` audits a chunk of files at once (see auditor.run.chunks): hundreds per task,
    so the fixed cost of a task is paid once per chunk, not once per file.
    """
    outcomes: list[Audited] = []
    pool = workers or Workers(worker_count(batch.jobs, len(files)))
    try:
        for chunk in pool.map(work, chunks(files, pool.jobs), chunksize=1):
            for outcome in chunk:
                outcomes.append(outcome)
                if progress:
                    progress(len(outcomes))
                if batch.fail_fast and outcome.failed:
                    return outcomes
    finally:
        if workers is None:
            pool.close()
    return outcomes


def chunks(files: Sequence[Path], jobs: int) -> list[Sequence[Path]]:
    """The files cut into tasks: a few per worker at least (for balance), at most CHUNK."""
    if not files:
        return []
    size = max(1, min(CHUNK, -(-len(files) // (jobs * 4)) if jobs > 1 else CHUNK))
    return [files[start:start + size] for start in range(0, len(files), size)]


def usable_cores() -> int:
    """The cores this process may run on (its affinity mask where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def worker_count(jobs: int | None, files: int) -> int:
    """--jobs, capped at the usable cores and the files: more processes only compete."""
    cores = usable_cores()
    return max(1, min(jobs or cores, cores, files))


class Workers:
    """The run's one pool of worker processes, started when first needed, or none (serial).

    Reading and then auditing (a small run's accounts) share it: a second pool would
    start its processes all over again.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def map(self, work: Callable[[Any], Any], items: Sequence[Any],
            chunksize: int | None = None) -> Iterator[Any]:
        """work(item) for each item in order: in the workers, or here for a handful."""
        if self.jobs <= 1 or len(items) < _SERIAL_BELOW:
            return map(work, items)
        if self._pool is None:
            self._pool = worker_pool(self.jobs)
        chunk = chunksize or max(1, min(64, len(items) // (self.jobs * 8)))
        return self._pool.map(work, items, chunksize=chunk)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool whose workers end when this process does, however it ends (see orphans)."""
    # fork shares the imported libraries with the workers instead of importing them again.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                               initializer=die_with_parent, initargs=(os.getpid(),))


def result_of(outcomes: list[Audited], files: int) -> ScanResult:
    """The scan's result; a run stopped early (--fail-fast) says where it stopped."""
    reports = tuple(o.report for o in outcomes)
    if len(outcomes) < files and reports:
        last = reports[-1]
        note = Said("note.fail_fast")
        reports = (*reports[:-1], replace(last, notes=(*last.notes, note)))
    return ScanResult(
        files=reports,
        findings=tuple(f for o in outcomes for f in o.findings),
        account_ids=tuple(o.account_id for o in outcomes),
        suggestions=_merged(s for o in outcomes for s in o.suggestions),
        hidden=sum((o.hidden for o in outcomes), Hidden()),
    )


def _merged(suggestions: Iterable[Suggestion]) -> tuple[Suggestion, ...]:
    """One suggestion per wallet for the whole run, however many files showed it."""
    by_wallet: dict[str, Suggestion] = {}
    for suggestion in suggestions:
        seen = by_wallet.get(suggestion.wallet)
        by_wallet[suggestion.wallet] = suggestion if seen is None else seen.merged(suggestion)
    return tuple(sorted(by_wallet.values(), key=lambda s: (s.first, s.wallet)))
