"""The files `auditor identify` read: one row each, its layout and encoding on a line under it."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from auditor.ingest.account import mask_path
from auditor.models import FileReport
from auditor.render.fit import Column, FittedTable, Row
from auditor.render.safety import printable
from auditor.wording import in_lang, say, yen

# (key, right-aligned, folds to this width: a long path, the period at its "–")
_COLUMNS = (("listing.file", False, 24), ("listing.rows", True, None),
            ("listing.rejected", True, None), ("listing.debits", True, None),
            ("listing.credits", True, None), ("listing.period", False, 12),
            ("listing.breaks", True, None))


def identify_table(reports: Iterable[FileReport], lang: str) -> FittedTable:
    """One row per input file: rows, totals, period, balance breaks; layout and encoding below."""
    columns = tuple(Column(say(key, lang), right=right, fold=cap is not None, cap=cap)
                    for key, right, cap in _COLUMNS)
    rows = []
    for report in reports:
        path = Text(printable(mask_path(report.path)))
        if report.error:
            note = say("table.below", lang, label=say("listing.error", lang),
                       value=printable(in_lang(report.error, lang)))
            rows.append(Row((path, *(Text("") for _ in _COLUMNS[1:])), (Text(note, "red"),)))
            continue
        period = "" if report.period is None else f"{report.period[0]} – {report.period[1]}"
        rows.append(Row((path, *map(Text, (
            str(report.rows), str(len(report.rejected)), yen(report.debit_total),
            yen(report.credit_total), period, str(len(report.balance_breaks))))),
            (Text(_read_as(report, lang)),)))
    return FittedTable(say("listing.statements", lang), columns, tuple(rows), lang)


def _read_as(report: FileReport, lang: str) -> str:
    """ "Layout: mufg (三菱UFJ銀行); Encoding: cp932" """
    bank = in_lang(report.bank or "", lang)  # the generic layout's "unknown bank" too
    layout = say("table.below", lang, label=say("listing.layout", lang),
                 value=f"{report.layout} ({bank})")
    if report.accounts is not None:  # a bank export: how many accounts it holds
        layout += say("label.sentence_separator", lang) + say(
            "identify.export", lang, accounts=report.accounts)
    if report.encoding is None:  # an empty file has none
        return layout
    encoding = say("table.below", lang, label=say("listing.encoding", lang),
                   value=report.encoding)
    return layout + say("label.sentence_separator", lang) + encoding
