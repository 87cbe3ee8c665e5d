"""The accounts of a bank export for the run's ``accounts``: one entry each, masked."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

import pandas as pd

from auditor.ingest.account import mask
from auditor.models import Finding
from auditor.stitch.summary import AccountSummary

# An account as a part of the export saw it: its number as written, its first line, its
# rows and its first and last day. Plain values: a Dask worker sends them back as they are.
Seen = tuple[str, int, int, date, date]


def seen_in(frame: pd.DataFrame) -> list[Seen]:
    """Each account of the frame (in the order they first appear): its line, rows and days."""
    if frame.empty:
        return []
    grouped = frame.groupby("account", sort=False, observed=True)
    stats = pd.DataFrame({"line": grouped["line"].min(), "rows": grouped.size(),
                          "first": grouped["date"].min(), "last": grouped["date"].max()})
    return [(str(account), int(line), int(rows), first.date(), last.date())
            for account, line, rows, first, last in zip(
                stats.index, stats["line"], stats["rows"], stats["first"], stats["last"],
                strict=True)]


def export_accounts(seen: Iterable[Seen], path: str, bank: str | None,
                    findings: Sequence[Finding]) -> tuple[AccountSummary, ...]:
    """One entry per account, in the order the export first names them, its findings counted.

    Each is the export's only file, with no joins: an export holds every row of an account
    once, and never needs stitching. The number is kept (in memory only) to tell the
    findings of one account of the file from another's.
    """
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # findings, yen at risk
    for finding in findings:
        if finding.file == path and finding.account is not None:
            counts = found[finding.account]
            counts[0] += 1
            counts[1] += finding.amount if finding.counts else 0
    # Built whole, not counted() after: an export may hold a few hundred thousand accounts.
    return tuple(
        AccountSummary(mask(account) or "***", bank, (path,), (first, last), rows,
                       findings=found[account][0] if account in found else 0,
                       at_risk=found[account][1] if account in found else 0, number=account)
        for account, _, rows, first, last in sorted(seen, key=lambda s: s[1]))
