"""--output-dir: findings.csv, findings.jsonl, files.csv and summary.json, each atomic."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TextIO

from auditor.fs.atomic import OutputError, atomic_output
from auditor.fs.reason import os_reason
from auditor.detect.campaigns import run_summary
from auditor.models import FileReport, ScanResult
from auditor.render import json_dump
from auditor.render.findings_csv import EXCEL_BOM, write_csv
from auditor.render.safety import csv_safe, json_inert
from auditor.wording import Said

FILE_COLUMNS = ("path", "status", "layout", "bank", "account", "encoding", "rows", "rejected",
                "debit_total", "credit_total", "period_from", "period_to", "balance_breaks",
                "error")


def write_output_dir(result: ScanResult, folder: Path, lang: str, excel: bool = False) -> None:
    """Write the four files of a batch run into folder (created if missing).

    excel: the two CSV files start with the byte-order mark Excel needs to read UTF-8.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = os_reason(exc.errno, exc.strerror)
        raise OutputError(Said("output.cannot_create_folder", path=folder,
                               reason=reason)) from None
    with atomic_output(folder / "findings.csv") as out:
        write_csv(result, out, lang, excel)
    with atomic_output(folder / "findings.jsonl") as out:
        _write_jsonl(result, out, lang)
    with atomic_output(folder / "files.csv") as out:
        if excel:
            out.write(EXCEL_BOM)
        _write_files(result.files, out)
    with atomic_output(folder / "summary.json") as out:
        json_dump(run_summary(result), out)


def _write_jsonl(result: ScanResult, out: TextIO, lang: str) -> None:
    labels = result.labels()
    for finding in result.findings:
        row = finding.to_dict(lang, labels.get(finding.file))
        out.write(json_inert(json.dumps(row, ensure_ascii=False)) + "\n")


def _write_files(reports: tuple[FileReport, ...], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FILE_COLUMNS)
    for report in reports:
        period = report.period or (None, None)
        row = {
            **report.to_dict(), "status": _status(report),
            "rejected": len(report.rejected), "balance_breaks": len(report.balance_breaks),
            "period_from": period[0].isoformat() if period[0] else "",
            "period_to": period[1].isoformat() if period[1] else "",
        }
        writer.writerow([csv_safe("" if row[c] is None else row[c]) for c in FILE_COLUMNS])


def _status(report: FileReport) -> str:
    if report.error:
        return "failed"
    return "audited" if report.repeat_of is None else "repeat"
