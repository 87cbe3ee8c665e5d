"""Bank exports among a scan's files: picked out, read and audited account by account."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from auditor.detect.audit import Window
from auditor.detect.rules import Context
from auditor.export.audit import audit_frame, balance_breaks, export_report, in_account_order
from auditor.export.detect import is_export
from auditor.export.read import read_export
from auditor.hidden import Hidden
from auditor.ingest.statement import ReadOptions, failed_report
from auditor.models import FileReport, Finding, ScanResult

Outcome = tuple[FileReport, tuple[Finding, ...], Hidden]


def exports_among(files: Sequence[Path], options: ReadOptions) -> list[Path]:
    """The files that are bank exports (many accounts), in the order given."""
    return [path for path in files if is_export(path, options)]


def audit_export(path: Path, options: ReadOptions, ctx: Context, window: Window) -> Outcome:
    """Read one export and audit every account in it; a failure is the file's one-line error."""
    try:
        export = read_export(path, options)
        frame = in_account_order(export.frame)
        bank = None if export.layout.generic else export.layout.bank
        audited = audit_frame(frame, ctx, window, bank)
        report = export_report(export, frame, audited.accounts, balance_breaks(frame))
    except Exception as exc:  # a bug must not lose the rest of a batch
        return failed_report(path, exc, "reading"), (), Hidden()
    return report, audited.findings, audited.hidden


def with_exports(result: ScanResult, outcomes: Sequence[Outcome]) -> ScanResult:
    """The scan's result with each export's file report and findings added after the rest."""
    if not outcomes:
        return result
    return replace(
        result, files=(*result.files, *(report for report, _, _ in outcomes)),
        findings=(*result.findings, *(f for _, found, _ in outcomes for f in found)),
        account_ids=(*result.account_ids, *("" for _ in outcomes)),
        hidden=sum((hidden for _, _, hidden in outcomes), result.hidden))
