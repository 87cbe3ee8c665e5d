"""Render a scan's findings as CSV, each text cell escaped against spreadsheet formulas."""

from __future__ import annotations

import csv
from typing import TextIO

from auditor.models import ScanResult
from auditor.render.safety import csv_safe

CSV_COLUMNS = ("file", "account", "line", "date", "time", "amount", "description", "wallet", "score",
               "severity", "rules", "reasons", "answer", "refund")
# What --excel puts first: Excel reads a CSV as the system's code page (CP932 in Japan)
# unless it starts with a UTF-8 byte-order mark. Not by default: a program reading the
# file as plain UTF-8 (Python's csv module, cut, awk, older csvkit) would then see a
# first column named "\ufefffile".
EXCEL_BOM = "\ufeff"


def write_csv(result: ScanResult, out: TextIO, lang: str, excel: bool = False) -> None:
    """The findings as CSV; text cells are escaped against spreadsheet formulas."""
    # CRLF (RFC 4180) also makes the writer quote a cell holding a lone CR, which a
    # spreadsheet would otherwise read as the end of the row.
    if excel:
        out.write(EXCEL_BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    labels = result.labels()
    for finding in result.findings:
        row = finding.to_dict(lang, labels.get(finding.file))
        row["rules"] = ";".join(row["rules"])
        row["reasons"] = " / ".join(row["reasons"])
        refund = row["refund"]
        row["refund"] = "" if refund is None else f"{refund['date']} line {refund['line']}"
        writer.writerow([csv_safe(row[column]) for column in CSV_COLUMNS])
