"""Read and audit the statements a draft is drawn from, keeping what the draft needs."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from auditor.detect.audit import Window, audit
from auditor.run.batch import expand
from auditor.models import FileReport, Finding, ScanResult
from auditor.report.claim import Debit, SourceFile
from auditor.detect.rules import Context
from auditor.ingest.statement import ReadOptions, Statement, read_all

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Gathered:
    """The scan, plus each read file's fingerprint and every debit for the timeline."""

    result: ScanResult
    sources: tuple[SourceFile, ...]
    debits: tuple[Debit, ...]


def gather(paths: Iterable[Path], options: ReadOptions, ctx: Context,
           window: Window = Window()) -> Gathered:
    """Read every file (unreadable ones are reported, not fatal) and audit the rest.

    Unlike a scan, a crash while auditing is not turned into a file error: a draft that
    silently missed a file would understate the claim, so the run stops (exit 4).
    """
    reports: list[FileReport] = []
    findings: list[Finding] = []
    sources: list[SourceFile] = []
    debits: list[Debit] = []
    for report, statement in read_all(expand(paths), options):
        reports.append(report)
        if statement is None:
            continue
        findings.extend(audit(statement, ctx, window))
        sources.append(_source(report, statement))
        debits.extend(_debits(statement))
    return Gathered(ScanResult(tuple(reports), tuple(findings)), tuple(sources), tuple(debits))


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
    return SourceFile(name=statement.path.name, sha256=sha256_of(statement.path),
                      bank=None if generic else statement.layout.bank, rows=report.rows,
                      period=report.period,
                      bank_en=None if generic else statement.layout.bank_en or None)


def _debits(statement: Statement) -> list[Debit]:
    frame = statement.frame
    rows = frame[frame["debit"] > 0]
    path = str(statement.path)
    return [Debit(path, int(line), when.date(), int(amount))
            for line, when, amount in zip(rows["line"], rows["date"], rows["debit"], strict=True)]
