"""Audit each account of a frame of many on its own history (one examine per account)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import numpy as np
import pandas as pd

from auditor.detect.audit import Examined, Window, examine
from auditor.detect.debits import wallet_debits
from auditor.detect.rules import Context
from auditor.ingest.layouts import Layout
from auditor.ingest.statement import Statement


def examine_accounts(frame: pd.DataFrame, ctx: Context, window: Window = Window(), *,
                     banks: Mapping[str, str | None] | None = None) -> dict[str, Examined]:
    """Each account's findings, as a scan of that account alone would give them.

    frame: normalised statement columns plus ``account`` and ``file``, each account's rows in
    time order. Only accounts with a wallet debit are examined: without one, no rule has a
    row to judge (wallet_debits looks at each row alone, so this changes no finding).
    """
    banks = banks or {}
    wanted = _with_wallet_debits(frame, ctx, banks)
    found: dict[str, Examined] = {}
    for account, rows in frame[frame["account"].isin(wanted)].groupby("account", sort=False):
        rows = rows.reset_index(drop=True).assign(seq=np.arange(len(rows), dtype=np.int64))
        statement = Statement(Path(rows["file"].iat[0]), _layout(banks.get(str(account))), "",
                              rows, [], [], "oldest-first", ())
        found[str(account)] = examine(statement, ctx, window)
    return found


def _with_wallet_debits(frame: pd.DataFrame, ctx: Context,
                        banks: Mapping[str, str | None]) -> set[str]:
    """The accounts with at least one wallet debit, found once for all rows of each bank."""
    rows = frame.assign(seq=np.arange(len(frame), dtype=np.int64))
    bank = rows["account"].map(dict(banks)).fillna("") if banks else pd.Series("", rows.index)
    wanted: set[str] = set()
    for name, part in rows.groupby(bank, sort=False):
        debits = wallet_debits(part, ctx.catalogue, ctx.allowed, name or None, ctx.allowed_until)
        wanted.update(debits["account"].unique().tolist())
    return wanted


def _layout(bank: str | None) -> Layout:
    """What examine asks of a layout: the bank whose channel markers apply, if known."""
    return Layout(id="export", bank=bank or "", header=(), columns={}, generic=bank is None)
