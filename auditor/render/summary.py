"""The end-of-run summary for a person at the terminal: on stderr, never data."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from auditor.campaigns import breakdown, campaigns
from auditor.models import ScanResult
from auditor.render.safety import printable
from auditor.wording import yen


def run_tables(result: ScanResult, top: int = 10) -> Group:
    """Findings by severity, wallet and bank; the accounts most at risk; the campaigns."""
    parts = breakdown(result, top)
    counts = result.summary()
    tables: list[Table | Text] = [Text(
        f"{counts['files']} files: {counts['files'] - counts['failed']} audited, "
        f"{counts['failed']} failed; findings {counts['high']} high, {counts['medium']} medium, "
        f"{counts['low']} low; {yen(counts['at_risk'])} at risk")]
    for title, key, rows in (("By wallet", "wallet", parts["by_wallet"]),
                             ("By bank", "bank", parts["by_bank"]),
                             ("Accounts most at risk", "account", parts["top_accounts"])):
        if rows:
            tables.append(_table(title, key, rows))
    found = campaigns(result)
    if found:
        table = Table(title="Campaigns: one wallet, many accounts", title_justify="left")
        for column in ("wallet", "accounts", "findings", "at risk", "from", "to"):
            table.add_column(column, justify="right" if column in ("accounts", "findings", "at risk") else "left")
        for c in found:
            table.add_row(c.wallet, str(c.accounts), str(c.findings), yen(c.amount),
                          c.first.isoformat(), c.last.isoformat())
        tables.append(table)
    return Group(*tables)


def _table(title: str, key: str, rows: list[dict[str, object]]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(key)
    table.add_column("findings", justify="right")
    table.add_column("at risk", justify="right")
    for row in rows:
        table.add_row(Text(printable(str(row[key]))), str(row["findings"]),
                      yen(int(row["at_risk"])))  # type: ignore[call-overload]
    return table
