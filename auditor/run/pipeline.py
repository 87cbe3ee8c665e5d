"""One scan from paths to its result: audit every file, then add the holder's answers.

`scan`, `review` and `report` all run this, so a statement is read and judged the same
way whichever command reads it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.detect.audit import Window
from auditor.models import ScanResult
from auditor.run.accounts import counted, stitched
from auditor.run.batch import (Audited, BatchOptions, Keep, Workers, audit_file, audit_many,
                               result_of, worker_count)
from auditor.run.chunks import audit_chunk
from auditor.fs.stdin import STDIN_NAME, Piped, is_stdin, take_stdin
from auditor.run.piped import in_order, shown_names, with_stdin_repeats
from auditor.run.repeats import repeat_report, repeated_files
from auditor.store.answers import annotate

if TYPE_CHECKING:
    from auditor.detect.rules import Context
    from auditor.ingest.statement import ReadOptions
    from auditor.store.answers import AnswerStore

Progress = Callable[[int], None]
HOLD_BYTES = 64 << 20  # statements kept for stitching while their files are this small together
HOLD_FILES = 256  # ... and this few


@dataclass(frozen=True)
class ScanJob:
    """What to scan and how: the same for every command that audits statements."""

    paths: Sequence[Path]
    options: ReadOptions
    ctx: Context
    window: Window = Window()
    batch: BatchOptions = BatchOptions()
    answers: AnswerStore | None = None  # the holder's review answers, shown on findings
    same_account: bool = False  # the holder says each bank's files are one account's
    piped: Piped | None = None  # standard input, once read (see with_stdin)

    def with_allowed(self, allowed: frozenset[str]) -> ScanJob:
        """The same job for a changed allow list (review re-scans after an allow)."""
        return replace(self, ctx=replace(self.ctx, allowed=allowed))


def with_stdin(job: ScanJob) -> ScanJob:
    """The job with standard input read, if a path is `-`: for a job run more than once."""
    if job.piped is not None:
        return job
    return replace(job, piped=take_stdin(job.paths, job.options.max_bytes))


def files_of(job: ScanJob) -> list[Path]:
    """The statement files the job reads, folders expanded (with the Parquet exports in them)."""
    from auditor.export.inputs import with_parquet_exports

    return with_parquet_exports(job.paths, job.options)


def run_scan(job: ScanJob, progress: Progress | None = None) -> ScanResult:
    """Audit every statement of the job; unreadable ones are reported, never fatal."""
    result, _ = run_keeping(job, None, progress)
    return result


def run_keeping(job: ScanJob, keep: Keep | None,
                progress: Progress | None = None) -> tuple[ScanResult, list[Any]]:
    """As run_scan, also returning what keep(report, statement) took from each read file."""
    from auditor.export.scan import audit_exports, exports_among, with_exports

    job = with_stdin(job)  # read once: its bytes may be an export, or a statement
    files = files_of(job)  # (a folder listed once: 10,000 files take a third of a second)
    exports = exports_among(files, job.options, job.piped)
    if not exports:
        return _run_statements(job, files, keep, progress)
    # A bank's export of many accounts is read whole and audited account by account; the
    # statements beside it go the usual way.
    rest = [path for path in files if path not in exports]
    result, kept = _run_statements(replace(job, paths=rest), rest, keep, progress) if rest else (
        ScanResult((), ()), [])
    outcomes = audit_exports(exports, job.options, job.ctx, job.window, job.piped)
    return with_answers(with_exports(result, outcomes), job.answers), kept


def _run_statements(job: ScanJob, files: list[Path], keep: Keep | None,
                    progress: Progress | None) -> tuple[ScanResult, list[Any]]:
    """The job's statement files (files: its paths, folders expanded) audited."""
    piped = with_stdin(job).piped
    repeats = repeated_files(files, job.options.max_bytes) if len(files) > 1 else {}
    repeats, stdin = with_stdin_repeats(files, piped, repeats, job.options.max_bytes)
    read = [path for index, path in enumerate(files) if index not in repeats]
    hold, ends = holds(read), len(read) > 1
    work = partial(audit_chunk, options=job.options, ctx=job.ctx, window=job.window, keep=keep,
                   hold=hold, ends=ends)
    # One pool for the whole run: reading, then auditing the accounts of a small run.
    with Workers(worker_count(job.batch.jobs, len(read))) as workers:
        # Standard input is read here, its statement kept and audited with the rest of its
        # account: workers cannot read it, and its bytes stay out of every task sent to them.
        audited = in_order(read, audit_many([p for p in read if not is_stdin(p)], work,
                                            job.batch, progress, workers),
                           None if stdin is None else audit_file(
                               STDIN_NAME, job.options, job.ctx, job.window, keep, hold=True,
                               ends=ends, piped=piped))
        joined = stitched(audited, shown_names(read), job, workers)
    outcomes = _listing_repeats(shown_names(files), repeats, joined.outcomes)
    kept = [outcome.kept for outcome in outcomes if outcome.kept is not None]
    result = with_answers(result_of(outcomes, len(files)), job.answers)
    return replace(result, accounts=counted(joined.accounts, result.findings)), kept


def holds(paths: Sequence[Path]) -> bool:
    """Whether each read statement is kept for stitching rather than read again if needed.

    Kept when there are a few files, small together (a holder's downloads): each is then
    read, and audited once its account is known. A bank's folder of thousands of customers
    seldom stitches: each file is audited as it is read, without sending its rows back and
    forth between processes, and only candidates for stitching are read again.
    """
    if not 2 <= len(paths) <= HOLD_FILES:
        return False
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            continue  # the reader says why
        if total > HOLD_BYTES:
            return False
    return True


def _listing_repeats(files: list[Path], repeats: dict[int, int],
                     outcomes: list[Audited]) -> list[Audited]:
    """The outcomes in input order, each repeated file listed where it was given."""
    read = iter(outcomes)
    listed: list[Audited] = []
    for index, path in enumerate(files):
        if index in repeats:
            listed.append(Audited(repeat_report(path, files[repeats[index]]), (), ""))
            continue
        outcome = next(read, None)
        if outcome is None:  # --fail-fast stopped before this file
            break
        listed.append(outcome)
    return listed


def with_answers(result: ScanResult, store: AnswerStore | None) -> ScanResult:
    """Each finding carrying the holder's answer about it, if they gave one."""
    if store is None or not len(store):
        return result
    answered = tuple(replace(finding, answer=None if answer is None else answer.value)
                     for finding, answer in annotate(result.findings, store))
    return replace(result, findings=answered)
