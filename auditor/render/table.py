"""Rich tables; every cell is a Text object so statement text can never inject markup."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text

from auditor.ingest.account import mask_path
from auditor.models import FileReport
from auditor.render.safety import printable
from auditor.wording import yen


def identify_table(reports: Iterable[FileReport]) -> Table:
    """One row per input file: layout, encoding, rows, totals, period, balance breaks."""
    table = Table(title="Statements / 明細ファイル", title_justify="left")
    for name, justify in (("File", "left"), ("Layout", "left"), ("Encoding", "left"),
                          ("Rows", "right"), ("Rejected", "right"), ("Debits", "right"),
                          ("Credits", "right"), ("Period", "left"), ("Breaks", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for report in reports:
        if report.error:
            table.add_row(Text(printable(mask_path(report.path))), Text("error", style="red"),
                          Text(printable(report.error)))
            continue
        period = "" if report.period is None else f"{report.period[0]} – {report.period[1]}"
        table.add_row(
            Text(printable(mask_path(report.path))), Text(f"{report.layout} ({report.bank})"),
            Text(report.encoding or ""),
            Text(str(report.rows)), Text(str(len(report.rejected))), Text(yen(report.debit_total)),
            Text(yen(report.credit_total)), Text(period), Text(str(len(report.balance_breaks))),
        )
    return table
