"""Audit a bank export: each account on its own history, and the export's one file report."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from auditor.detect.audit import Window
from auditor.detect.rules import Context
from auditor.detect.groupwise import examine_accounts
from auditor.export.read import Export
from auditor.hidden import Hidden
from auditor.models import FileReport, Finding
from auditor.wording import Said


@dataclass(frozen=True)
class Audited:
    """An export's (or one part's) findings, each naming its account, and what was hidden."""

    findings: tuple[Finding, ...]
    hidden: Hidden
    accounts: int


def in_account_order(frame: pd.DataFrame) -> pd.DataFrame:
    """Each account's rows together (accounts as they first appear), each in time order.

    A stable sort: identical rows keep the order the bank wrote them in, never merged.
    """
    if frame.empty:
        return frame
    codes, _ = pd.factorize(frame["account"])
    order = np.lexsort((frame["time"].fillna("").to_numpy(dtype=object).astype(str),
                        frame["date"].to_numpy(), codes))
    return frame.iloc[order].reset_index(drop=True)


def audit_frame(frame: pd.DataFrame, ctx: Context, window: Window,
                bank: str | None) -> Audited:
    """Every account of the frame (in account order) audited; findings carry the account."""
    accounts = frame["account"].unique().tolist()
    examined = examine_accounts(frame, ctx, window, banks=dict.fromkeys(accounts, bank),
                                named=True)
    findings: list[Finding] = []
    hidden = Hidden()
    for account in accounts:
        found = examined.get(account)
        if found is None:
            continue
        findings += found.findings
        hidden += found.hidden
    return Audited(tuple(findings), hidden, len(accounts))


def balance_breaks(frame: pd.DataFrame) -> tuple[int, ...]:
    """Lines where an account's balance does not follow from its row before (account order)."""
    balance = frame["balance"].to_numpy(dtype=float, na_value=np.nan)
    change = (frame["credit"] - frame["debit"]).to_numpy(dtype=float)
    account = frame["account"].array  # compared as it is: no copy of millions of strings
    same = np.asarray(account[1:] == account[:-1], dtype=bool)
    expected = balance[:-1] + change[1:]
    known = same & ~np.isnan(expected) & ~np.isnan(balance[1:])
    breaks = known & (expected != balance[1:])
    return tuple(sorted(int(line) for line in frame["line"].to_numpy()[1:][breaks]))


def export_report(export: Export, frame: pd.DataFrame, accounts: int,
                  breaks: Iterable[int] = ()) -> FileReport:
    """The export's entry in ``files``: its rows, rejected rows, totals, period and breaks."""
    period = None if frame.empty else (frame["date"].min().date(), frame["date"].max().date())
    return FileReport(
        path=str(export.path), layout=export.layout.id, bank=export.layout.bank, account=None,
        encoding=export.encoding, rows=len(frame), rejected=tuple(export.rejected),
        skipped=tuple(export.skipped), debit_total=int(frame["debit"].sum()),
        credit_total=int(frame["credit"].sum()), period=period, order="oldest-first",
        balance_breaks=tuple(breaks),
        notes=(*export.notes, Said("export.note", accounts=accounts)), accounts=accounts,
    )
