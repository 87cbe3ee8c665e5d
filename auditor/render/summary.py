"""The end-of-run summary for a person at the terminal: on stderr, never data."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from auditor.detect.campaigns import breakdown, campaigns
from auditor.i18n import word
from auditor.models import ScanResult
from auditor.render.accounts import account_notes, accounts_table
from auditor.render.fit import Column, FittedTable, Row
from auditor.render.safety import printable
from auditor.wording import in_lang, yen


def run_tables(result: ScanResult, lang: str, top: int = 10) -> Group:
    """Findings by severity; the accounts; by wallet and bank; most at risk; the campaigns."""
    parts = breakdown(result, top)
    counts = result.summary()
    line = word("run_line", lang).format(**{**counts, "at_risk": yen(counts["at_risk"]),
                                           "audited": counts["files"] - counts["failed"] - counts["repeats"]})
    shown: list[FittedTable | Text] = [Text(line)]
    if result.accounts:
        shown.append(accounts_table(result.accounts, lang))
        shown.extend(Text(f"auditor: {note}") for note in account_notes(result.accounts, lang))
    for title, key, rows in (("by_wallet", "wallet", parts["by_wallet"]),
                             ("by_bank", "bank", parts["by_bank"]),
                             ("top_accounts", "account", parts["top_accounts"])):
        if rows:
            shown.append(_table(word(title, lang), key, rows, lang))
    found = campaigns(result)
    if found:
        rows = [(c.wallet, str(c.accounts), str(c.findings), yen(c.amount),
                 c.first.isoformat(), c.last.isoformat()) for c in found]
        shown.append(_titled(word("campaigns", lang), lang, ("wallet", "accounts", "findings",
                                                             "at_risk", "from", "to"), rows))
    return Group(*shown)


def _titled(title: str, lang: str, keys: tuple[str, ...],
            rows: list[tuple[str, ...]]) -> FittedTable:
    """A small table that fits the terminal: its first column, a name, folds if it must."""
    columns = tuple(Column(word(key, lang), right=key in ("accounts", "findings", "at_risk"),
                           fold=not number) for number, key in enumerate(keys))
    return FittedTable(title, columns, tuple(Row(tuple(map(Text, row))) for row in rows), lang)


def _table(title: str, key: str, rows: list[dict[str, object]], lang: str) -> FittedTable:
    shown = []
    for row in rows:
        name = row[key]  # a bank read with the generic layout is said in the reader's words
        shown.append((printable(in_lang(name, lang) if isinstance(name, str) else str(name)),
                      str(row["findings"]), yen(int(str(row["at_risk"])))))
    return _titled(title, lang, (key, "findings", "at_risk"), shown)
