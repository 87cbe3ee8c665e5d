"""One-line messages about each input file, written to stderr."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TextIO

from auditor.models import FileReport

_SHOWN_REJECTS = 5


def report_messages(reports: Iterable[FileReport], err: TextIO | None = None) -> None:
    """Say, per file, what failed, which rows were rejected and any note; never cell values."""
    err = err or sys.stderr
    for report in reports:
        if report.error:
            err.write(f"auditor: {report.path}: {report.error}\n")
        for line, reason in report.rejected[:_SHOWN_REJECTS]:
            err.write(f"auditor: {report.path}: line {line}: row rejected: {reason}\n")
        if len(report.rejected) > _SHOWN_REJECTS:
            more = len(report.rejected) - _SHOWN_REJECTS
            err.write(f"auditor: {report.path}: {more} more rejected rows (see --format json)\n")
        if report.balance_breaks:
            lines = ", ".join(str(line) for line in report.balance_breaks[:10])
            err.write(f"auditor: {report.path}: balance does not follow at line(s) {lines}"
                      " (a row may be missing or edited)\n")
        for note in report.notes:
            err.write(f"auditor: {report.path}: note: {note}\n")
