"""Bank exports among a scan's files: picked out, read and audited account by account."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from auditor.detect.audit import Window
from auditor.detect.rules import Context
from auditor.errors import UsageError
from auditor.export.accounts import export_accounts, seen_in
from auditor.export.audit import audit_frame, balance_breaks, export_report, in_account_order
from auditor.export.inputs import is_export_input
from auditor.export.read import read_export
from auditor.fs.stdin import STDIN_NAME, Piped, is_stdin
from auditor.hidden import Hidden
from auditor.ingest.statement import ReadOptions, failed_report, unreadable
from auditor.models import FileReport, Finding, ScanResult
from auditor.run.piped import shown_names, with_stdin_repeats
from auditor.run.repeats import repeat_report, repeated_files
from auditor.stitch.summary import AccountSummary


class Outcome(NamedTuple):
    """One export's entry in ``files``, its findings, what was hidden and its accounts."""

    report: FileReport
    findings: tuple[Finding, ...]
    hidden: Hidden
    accounts: tuple[AccountSummary, ...] = ()


def exports_among(files: Sequence[Path], options: ReadOptions,
                  piped: Piped | None = None) -> list[Path]:
    """The files that are bank exports (many accounts), in the order given; `-` among them
    when the bytes piped in are one."""
    return [path for path in files if is_export_input(path, options, piped)]


def audit_exports(exports: Sequence[Path], options: ReadOptions, ctx: Context,
                  window: Window, piped: Piped | None = None) -> list[Outcome]:
    """Each export audited once: one given again (the same bytes, `-` too) is a repeat."""
    repeats = repeated_files(exports, options.max_bytes) if len(exports) > 1 else {}
    repeats, _ = with_stdin_repeats(exports, piped, repeats, options.max_bytes)
    shown = shown_names(exports)
    outcomes: list[Outcome] = []
    for index, path in enumerate(exports):
        if index in repeats:
            outcomes.append(Outcome(repeat_report(shown[index], shown[repeats[index]]), (),
                                    Hidden()))
        elif is_stdin(path) and piped is not None:
            outcomes.append(audit_export(STDIN_NAME, options, ctx, window, piped))
        else:
            outcomes.append(audit_export(path, options, ctx, window))
    return outcomes


def audit_export(path: Path, options: ReadOptions, ctx: Context, window: Window,
                 piped: Piped | None = None) -> Outcome:
    """Read one export and audit every account in it; a failure is the file's one-line error."""
    try:
        if piped is not None and piped.error is not None:
            raise unreadable(piped.error, options.max_bytes)
        export = read_export(path, options, None if piped is None else piped.raw)
        frame = in_account_order(export.frame)
        bank = None if export.layout.generic else export.layout.bank
        audited = audit_frame(frame, ctx, window, bank)
        report = export_report(export, frame, audited.accounts, balance_breaks(frame))
        accounts = export_accounts(seen_in(frame), str(path), export.layout.bank,
                                   audited.findings)
    except UsageError:  # a Parquet export without pyarrow: the run's error (exit 2)
        raise
    except Exception as exc:  # a bug must not lose the rest of a batch
        return Outcome(failed_report(path, exc, "reading"), (), Hidden())
    return Outcome(report, audited.findings, audited.hidden, accounts)


def with_exports(result: ScanResult, outcomes: Sequence[Outcome]) -> ScanResult:
    """The scan's result with each export's file report, findings and accounts after the rest."""
    if not outcomes:
        return result
    return replace(
        result, files=(*result.files, *(outcome.report for outcome in outcomes)),
        findings=(*result.findings, *(f for outcome in outcomes for f in outcome.findings)),
        account_ids=(*result.account_ids, *("" for _ in outcomes)),
        accounts=(*result.accounts, *(a for outcome in outcomes for a in outcome.accounts)),
        hidden=sum((outcome.hidden for outcome in outcomes), result.hidden))


def identify_export(path: Path, options: ReadOptions, piped: Piped | None = None) -> FileReport:
    """An export's entry in ``files`` as a scan gives it, read whole but audited not at all."""
    shown = STDIN_NAME if piped is not None else path
    try:
        if piped is not None and piped.error is not None:
            raise unreadable(piped.error, options.max_bytes)
        export = read_export(shown, options, None if piped is None else piped.raw)
        frame = in_account_order(export.frame)
        return export_report(export, frame, int(frame["account"].nunique()),
                             balance_breaks(frame))
    except UsageError:  # a Parquet export without pyarrow: the run's error (exit 2)
        raise
    except Exception as exc:  # a bug must not lose the rest of the listing
        return failed_report(shown, exc, "reading")


def identify_all(paths: Sequence[Path], options: ReadOptions,
                 piped: Piped | None = None) -> list[FileReport]:
    """Each input's entry in ``files`` (folders expanded): a bank export's as scan gives it."""
    from auditor.export.inputs import with_parquet_exports
    from auditor.ingest.statement import read_all

    reports = []
    for path in with_parquet_exports(paths, options):
        if is_export_input(path, options, piped):
            reports.append(identify_export(path, options, piped if is_stdin(path) else None))
        else:
            reports.extend(report for report, _ in read_all([path], options, piped))
    return reports
