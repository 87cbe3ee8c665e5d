"""Messages for stderr: one line per problem with an input file, and the run's summary."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TextIO

from auditor.ingest.account import mask_path
from auditor.i18n import word
from auditor.models import FileReport, ScanResult
from auditor.render.safety import printable
from auditor.wording import in_lang, say, yen

_SHOWN_REJECTS = 5
_SHOWN_BREAKS = 10


def report_messages(reports: Iterable[FileReport], err: TextIO | None = None,
                    lang: str = "en") -> None:
    """Say, per file, what failed, which rows were rejected and any note; never cell values.

    File names and header names can hold control characters, so each line is made inert.
    """
    stream = err or sys.stderr
    for report in reports:
        for message in _messages(report, lang):
            # The path through mask_path: a file name may carry the account number.
            stream.write(printable(f"auditor: {mask_path(report.path)}: {message}") + "\n")


def _messages(report: FileReport, lang: str) -> Iterator[str]:
    if report.error:
        yield in_lang(report.error, lang)
    for line, reason in report.rejected[:_SHOWN_REJECTS]:
        yield say("message.rejected", lang, line=line, reason=reason)
    if len(report.rejected) > _SHOWN_REJECTS:
        yield say("message.more_rejected", lang, count=len(report.rejected) - _SHOWN_REJECTS)
    if report.balance_breaks:
        lines = say("message.line_separator", lang).join(
            str(line) for line in report.balance_breaks[:_SHOWN_BREAKS])
        yield say("message.breaks", lang, lines=lines)
    for note in report.notes:
        yield say("message.note", lang, note=note)


def hidden_lines(result: ScanResult, since: date | None, until: date | None,
                 lang: str) -> Iterator[str]:
    """For stderr: how many findings each option kept out of the output, if any."""
    hidden = result.hidden
    for count, one, many, day in (
            (hidden.since, "cli.scan.hidden_since_one", "cli.scan.hidden_since", since),
            (hidden.until, "cli.scan.hidden_until_one", "cli.scan.hidden_until", until),
            (hidden.reported_before, "cli.scan.hidden_reported_one", "cli.scan.hidden_reported",
             None)):
        if count:
            day_text = "" if day is None else day.isoformat()
            yield f"auditor: {say(one if count == 1 else many, lang, count=count, day=day_text)}"


def summary_line(result: ScanResult, lang: str) -> str:
    """One line for stderr: files, findings by severity, yen at risk."""
    counts = result.summary()
    if not result.findings and not counts["failed"]:
        return say("cli.scan.none_shown", lang) if result.hidden else word("none", lang)
    return word("summary", lang).format(**{**counts, "at_risk": yen(counts["at_risk"])})
