"""Rich tables; every cell is a Text object so statement text can never inject markup."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text

from auditor.ingest.account import mask_path
from auditor.models import FileReport
from auditor.render.safety import printable
from auditor.wording import in_lang, say, yen

_COLUMNS = (("listing.file", "left"), ("listing.layout", "left"), ("listing.encoding", "left"),
            ("listing.rows", "right"), ("listing.rejected", "right"),
            ("listing.debits", "right"), ("listing.credits", "right"),
            ("listing.period", "left"), ("listing.breaks", "right"))


def identify_table(reports: Iterable[FileReport], lang: str) -> Table:
    """One row per input file: layout, encoding, rows, totals, period, balance breaks."""
    table = Table(title=say("listing.statements", lang), title_justify="left")
    for key, justify in _COLUMNS:
        table.add_column(say(key, lang), justify=justify)  # type: ignore[arg-type]
    for report in reports:
        if report.error:
            table.add_row(Text(printable(mask_path(report.path))),
                          Text(say("listing.error", lang), style="red"),
                          Text(printable(in_lang(report.error, lang))))
            continue
        period = "" if report.period is None else f"{report.period[0]} – {report.period[1]}"
        bank = in_lang(report.bank or "", lang)  # the generic layout's "unknown bank" too
        table.add_row(
            Text(printable(mask_path(report.path))), Text(f"{report.layout} ({bank})"),
            Text(report.encoding or ""),
            Text(str(report.rows)), Text(str(len(report.rejected))), Text(yen(report.debit_total)),
            Text(yen(report.credit_total)), Text(period), Text(str(len(report.balance_breaks))),
        )
    return table
