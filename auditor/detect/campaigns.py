"""Summarise a many-file run: by wallet, bank and account, and the campaigns across accounts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import PurePath
from typing import Any

from auditor.ingest.account import account_id, mask, mask_path
from auditor.models import Finding, ScanResult


@dataclass(frozen=True)
class Campaign:
    """One wallet service hitting several accounts within a date range (the 2020 wave)."""

    wallet: str
    accounts: int
    findings: int
    amount: int
    first: date
    last: date


def serious(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that count as money at risk (see Finding.counts)."""
    return [f for f in findings if f.counts]


def campaigns(result: ScanResult, min_accounts: int = 2) -> list[Campaign]:
    """Wallets whose serious findings span at least ``min_accounts`` distinct accounts."""
    account = result.account_of()
    stitched = result.account_index()
    by_wallet: dict[str, list[Finding]] = defaultdict(list)
    for finding in serious(result.findings):
        by_wallet[finding.wallet or "unknown"].append(finding)
    found = []
    for wallet, hits in by_wallet.items():
        # A file whose account is unknown counts as an account of its own, unless it was
        # stitched with others (a balance chain): then their account is one.
        # A bank export's row names its own account: one file holds many.
        accounts = {account_id(f.account) or account.get(f.file) or stitched.get(f.file, f.file)
                    for f in hits}
        if len(accounts) >= min_accounts:
            found.append(Campaign(wallet, len(accounts), len(hits), sum(f.amount for f in hits),
                                  min(f.date for f in hits), max(f.date for f in hits)))
    return sorted(found, key=lambda c: (-c.accounts, -c.amount, c.wallet))


def breakdown(result: ScanResult, top: int = 10) -> dict[str, Any]:
    """Serious findings by wallet, by bank and by account (masked), most at risk first."""
    reports = {r.path: r for r in result.files}
    labels = _account_labels(result)
    by_wallet: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_bank: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_account: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for finding in serious(result.findings):
        report = reports.get(finding.file)
        for table, key in ((by_wallet, finding.wallet or "unknown"),
                           (by_bank, (report.bank if report else None) or "unknown"),
                           (by_account, _export_label(finding) or labels.get(finding.file)
                            or _account_label(report, finding.file))):
            table[key][0] += 1
            table[key][1] += finding.amount
    return {
        "by_wallet": _ranked(by_wallet, "wallet"),
        "by_bank": _ranked(by_bank, "bank"),
        "top_accounts": _ranked(by_account, "account")[:top],
    }


def _export_label(finding: Finding) -> str | None:
    """A bank export's row: its own account, in the export (***1234 (export.csv))."""
    if finding.account is None:
        return None
    return f"{mask(finding.account)} ({mask_path(finding.file)})"


def _account_label(report: object, path: str) -> str:
    account = getattr(report, "account", None)
    shown = mask_path(path)  # summary.json and the terminal tables: the name may hold the account
    return f"{account} ({shown})" if account else shown


def _account_labels(result: ScanResult) -> dict[str, str]:
    """File → how the tables name its account: ***1234 (its first file, and how many more)."""
    labels = {}
    for account in result.accounts:
        more = f" +{len(account.files) - 1}" if len(account.files) > 1 else ""
        first = mask_path(account.files[0])
        named = account.label == mask_path(PurePath(account.files[0]).name)  # no number known
        label = first + more if named else f"{account.label} ({first}{more})"
        labels.update(dict.fromkeys(account.files, label))
    return labels


def _ranked(table: dict[str, list[int]], name: str) -> list[dict[str, Any]]:
    rows = [{name: key, "findings": count, "at_risk": amount}
            for key, (count, amount) in table.items()]
    return sorted(rows, key=lambda row: (-row["at_risk"], str(row[name])))


def run_summary(result: ScanResult) -> dict[str, Any]:
    """Everything summary.json holds (schema 1)."""
    return {
        "schema": 1,
        "summary": result.summary(),
        **breakdown(result),
        "campaigns": [{**asdict(c), "first": c.first.isoformat(), "last": c.last.isoformat()}
                      for c in campaigns(result)],
    }
