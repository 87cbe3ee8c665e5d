"""Render a scan's findings for people: a Rich table, one row per finding."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from auditor.i18n import word
from auditor.ingest.account import mask, mask_path
from auditor.models import Finding, ScanResult
from auditor.render.safety import printable
from auditor.wording import yen

_STYLE = {"high": "bold red", "medium": "yellow", "low": "dim"}


def findings_table(result: ScanResult, lang: str) -> Table:
    """One row per finding; every cell a Text, so descriptors never become markup."""
    table = Table(title=word("findings_title", lang), title_justify="left", show_lines=True)
    # With several files, which account each finding is of (***1234, or the file's name).
    labels = (result.labels() if len(result.files) > 1 or any(f.account for f in result.findings)
              else None)
    columns = (("account", "left"),) if labels is not None else ()
    for key, justify in (*columns, ("date", "left"), ("time", "left"), ("description", "left"),
                         ("wallet", "left"), ("amount", "right"), ("severity", "left"),
                         ("reasons", "left")):
        table.add_column(word(key, lang), justify=justify)  # type: ignore[arg-type]
    for finding in result.findings:
        account = () if labels is None else (
            Text(printable(mask(finding.account) or labels.get(finding.file)
                           or mask_path(finding.file))),)
        table.add_row(*account, *_cells(finding, lang))
    return table


def _cells(finding: Finding, lang: str) -> list[Text]:
    severity = finding.severity.value
    answered = f"\n{word('answer_' + finding.answer, lang)}" if finding.answer else ""
    if finding.refund is not None:
        answered += "\n" + word("refunded", lang).format(date=finding.refund.date.isoformat(),
                                                        line=finding.refund.line)
    return [
        Text(finding.date.isoformat()), Text(finding.time or ""),
        Text(printable(finding.description)), Text(finding.wallet or "?"),
        Text(yen(finding.amount)),
        Text(f"{word(severity, lang)} ({finding.score}){answered}", style=_STYLE[severity]),
        Text("\n".join(f"• {printable(r.text(lang))}" for r in finding.reasons)),
    ]
