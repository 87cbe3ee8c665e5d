"""The documented exit codes and how a run's outcome maps to one."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditor.models import FileReport, ScanResult, Severity


class ExitCode(IntEnum):
    """0 clean, 1 findings, 2 usage or config, 3 some input unread, 4 internal error.

    141 is 128 + SIGPIPE: what the shell reports for `git log | head` or `seq 1e9 | head`,
    whose writer the closed pipe stopped. The output's reader went away, so there is nobody
    to tell and nothing is printed.
    """

    OK = 0
    FINDINGS = 1
    USAGE = 2
    INPUT = 3
    INTERNAL = 4
    CLOSED = 141

    @staticmethod
    def for_reading(reports: Iterable[FileReport], findings: bool = False) -> ExitCode:
        """The code for a run; when several apply, 4 beats 3 beats 1 beats 0."""
        reports = list(reports)
        if any(r.internal for r in reports):
            return ExitCode.INTERNAL
        if any(r.error or r.rejected for r in reports):
            return ExitCode.INPUT
        return ExitCode.FINDINGS if findings else ExitCode.OK

    @staticmethod
    def for_scan(result: ScanResult, threshold: Severity) -> ExitCode:
        """A scan's code: its files, and findings at least as severe as threshold (exit 1)."""
        return ExitCode.for_reading(result.files, findings=result.alarming(threshold))
