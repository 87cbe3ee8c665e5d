"""Render a scan's findings: a Rich table, CSV, and the summary line."""

from __future__ import annotations

import csv
from typing import TextIO

from rich.table import Table
from rich.text import Text

from auditor.i18n import word
from auditor.models import Finding, ScanResult
from auditor.render.safety import csv_safe, printable
from auditor.wording import yen

CSV_COLUMNS = ("file", "line", "date", "time", "amount", "description", "wallet", "score",
               "severity", "rules", "reasons", "answer")
_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def findings_table(result: ScanResult, lang: str) -> Table:
    """One row per finding; every cell a Text, so descriptors never become markup."""
    table = Table(title=word("findings_title", lang), title_justify="left", show_lines=True)
    for key, justify in (("date", "left"), ("time", "left"), ("description", "left"),
                         ("wallet", "left"), ("amount", "right"), ("severity", "left"),
                         ("reasons", "left")):
        table.add_column(word(key, lang), justify=justify)  # type: ignore[arg-type]
    for finding in result.findings:
        table.add_row(*_cells(finding, lang))
    return table


def _cells(finding: Finding, lang: str) -> list[Text]:
    severity = finding.severity.value
    answered = f"\n{word('answer_' + finding.answer, lang)}" if finding.answer else ""
    return [
        Text(finding.date.isoformat()), Text(finding.time or ""),
        Text(printable(finding.description)), Text(finding.wallet or "?"),
        Text(yen(finding.amount)),
        Text(f"{word(severity, lang)} ({finding.score}){answered}", style=_STYLE[severity]),
        Text("\n".join(f"• {printable(r.text(lang))}" for r in finding.reasons)),
    ]


def write_csv(result: ScanResult, out: TextIO, lang: str) -> None:
    """The findings as CSV; text cells are escaped against spreadsheet formulas."""
    # CRLF (RFC 4180) also makes the writer quote a cell holding a lone CR, which a
    # spreadsheet would otherwise read as the end of the row.
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for finding in result.findings:
        row = finding.to_dict(lang)
        row["rules"] = ";".join(row["rules"])
        row["reasons"] = " / ".join(row["reasons"])
        writer.writerow([csv_safe(row[column]) for column in CSV_COLUMNS])


def summary_line(result: ScanResult, lang: str) -> str:
    """One line for stderr: files, findings by severity, yen at risk."""
    counts = result.summary()
    if not result.findings and not counts["failed"]:
        return word("none", lang)
    return word("summary", lang).format(**{**counts, "at_risk": yen(counts["at_risk"])})
