"""Read and audit the statements a draft is drawn from, keeping what the draft needs."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import AuditorError
from auditor.ingest.account import mask_path
from auditor.ingest.statement import Statement
from auditor.models import FileReport, ScanResult
from auditor.report.claim import Debit, SourceFile
from auditor.run.pipeline import ScanJob, run_keeping
from auditor.wording import Said

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Gathered:
    """The scan, plus each read file's fingerprint and every debit for the timeline."""

    result: ScanResult
    sources: tuple[SourceFile, ...]
    debits: tuple[Debit, ...]


@dataclass(frozen=True)
class Kept:
    """What a draft takes from one read statement, besides its findings."""

    source: SourceFile
    debits: tuple[Debit, ...]


def gather(job: ScanJob) -> Gathered:
    """Scan as `auditor scan` does (unreadable files are reported, not fatal), keeping more.

    Unlike a scan, a crash while auditing a file stops the run (exit 4): a draft that
    silently missed a file would understate the claim.
    """
    result, kept = run_keeping(job, keep)
    for report in result.files:
        if report.internal:
            raise AuditorError(Said("cli.report.no_draft", path=mask_path(report.path),
                                    error=report.error))
    # A row two downloads of one account hold is one debit: counted where it is kept.
    again = frozenset().union(*(account.repeats for account in result.accounts))
    return Gathered(result, tuple(k.source for k in kept),
                    tuple(debit for k in kept for debit in k.debits
                          if (debit.file, debit.line) not in again))


def keep(report: FileReport, statement: Statement) -> Kept:
    """The file's fingerprint and its debits (run in the worker that read it)."""
    return Kept(_source(report, statement), tuple(_debits(statement)))


def sha256_of(path: Path) -> str:
    """The file's SHA-256 in hex, read in chunks (statements can be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _source(report: FileReport, statement: Statement) -> SourceFile:
    # Hashed after reading: a file changed in between would show a different fingerprint
    # from the one the bank computes, which is the point of printing it.
    generic = statement.layout.generic  # "unknown bank" is no bank name
    # Bytes piped in were hashed as they were read: there is no file to hash again.
    digest = statement.sha256 or sha256_of(statement.path)
    return SourceFile(name=statement.path.name, sha256=digest,
                      bank=None if generic else statement.layout.bank, rows=report.rows,
                      period=report.period,
                      bank_en=None if generic else statement.layout.bank_en or None,
                      path=str(statement.path), branch=statement.branch,
                      layout=statement.layout.id)


def _debits(statement: Statement) -> list[Debit]:
    frame = statement.frame
    rows = frame[frame["debit"] > 0]
    path = str(statement.path)
    return [Debit(path, int(line), when.date(), int(amount))
            for line, when, amount in zip(rows["line"], rows["date"], rows["debit"], strict=True)]
