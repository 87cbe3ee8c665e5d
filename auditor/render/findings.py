"""Render a scan's findings for people: one row per finding, its reasons on lines under it."""

from __future__ import annotations

from rich.text import Text

from auditor.i18n import word
from auditor.ingest.account import mask, mask_path
from auditor.models import Finding, ScanResult
from auditor.render.fit import Column, FittedTable, Row
from auditor.render.safety import printable
from auditor.wording import say, yen

_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}
# An account column wider than this folds: a long file name must not push out the descriptor.
_ACCOUNT_CAP = 14


def findings_table(result: ScanResult, lang: str) -> FittedTable:
    """One row per finding; every cell plain text, so descriptors never become markup.

    Reasons are sentences under the row rather than codes with a legend: a clerk reads the
    finding's own figures ("one of 4 debits ... ¥300,000 in all") without looking anything up.
    """
    # With several files, which account each finding is of (***1234, or the file's name).
    labels = (result.labels() if len(result.files) > 1 or any(f.account for f in result.findings)
              else None)
    timed = any(finding.time for finding in result.findings)  # many banks give no time
    columns = ((Column(say("table.account", lang), fold=True, cap=_ACCOUNT_CAP),)
               if labels is not None else ())
    columns += (Column(word("date", lang)),)
    columns += (Column(word("time", lang)),) if timed else ()
    columns += (Column(word("description", lang), fold=True), Column(word("wallet", lang)),
                Column(word("amount", lang), right=True), Column(word("severity", lang)))
    rows = []
    for finding in result.findings:
        account = () if labels is None else (
            Text(printable(mask(finding.account) or labels.get(finding.file)
                           or mask_path(finding.file))),)
        cells = (*account, *_cells(finding, timed), _severity(finding, lang))
        reasons = tuple(printable(reason.text(lang)) for reason in finding.reasons)
        rows.append(Row(cells, _notes(finding, lang), reasons))
    return FittedTable(word("findings_title", lang), columns, tuple(rows), lang)


def _cells(finding: Finding, timed: bool) -> tuple[Text, ...]:
    """Date, time (if the table has a time column), descriptor, wallet, amount."""
    time = (Text(finding.time or ""),) if timed else ()
    return (Text(finding.date.isoformat()), *time, Text(printable(finding.description)),
            Text(finding.wallet or "?"), Text(yen(finding.amount)))


def _severity(finding: Finding, lang: str) -> Text:
    severity = finding.severity.value
    return Text(f"{word(severity, lang)} ({finding.score})", style=_STYLE[severity])


def _notes(finding: Finding, lang: str) -> tuple[Text, ...]:
    """What the holder answered, and the credit that paid it back."""
    notes = []
    if finding.answer:
        notes.append(Text(word("answer_" + finding.answer, lang)))
    if finding.refund is not None:
        notes.append(Text(word("refunded", lang).format(date=finding.refund.date.isoformat(),
                                                        line=finding.refund.line)))
    return tuple(notes)
