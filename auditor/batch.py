"""Scan many statements: expand folders, read and audit each, never stop at a bad file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from auditor.audit import Window, audit
from auditor.models import Finding, ScanResult
from auditor.rules import Context
from auditor.statement import ReadOptions, read_all

STATEMENT_SUFFIXES = {".csv", ".tsv", ".txt"}


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders replaced by the statement files below them (sorted)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*")
                                if p.is_file() and p.suffix.lower() in STATEMENT_SUFFIXES))
        else:
            found.append(path)  # a missing file is reported by the reader, in order
    return found


def scan(paths: Iterable[Path], options: ReadOptions, ctx: Context,
         window: Window = Window()) -> ScanResult:
    """Read and audit every statement; unreadable ones are reported, the rest audited."""
    reports = []
    findings: list[Finding] = []
    for report, statement in read_all(expand(paths), options):
        reports.append(report)
        if statement is not None:
            findings.extend(audit(statement, ctx, window))
    return ScanResult(tuple(reports), tuple(findings))
