"""wallet-burst: several debits to one wallet close together (the 2020 ドコモ口座 pattern)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from auditor.models import Severity
from auditor.rules import Context, Hit, Rule
from auditor.wording import day, yen


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Debits to one wallet on one day, or minutes apart where the bank prints times."""
    hits: list[Hit] = []
    for wallet_id, group in debits[debits["wallet"].notna()].groupby("wallet", sort=False):
        wallet = ctx.catalogue.get(str(wallet_id))
        for cluster in _clusters(group, ctx):
            total, count = int(cluster["debit"].sum()), len(cluster)
            when = day(cluster["date"].iloc[0])
            span = _span(cluster)
            for seq in cluster.index:
                hits.append(RULE.hit(
                    seq,
                    f"one of {count} debits to {wallet.name_en} on {when}{span[0]}, "
                    f"{yen(total)} in all",
                    f"{when}{span[1]}に{wallet.name_ja}への出金が{count}件、合計{yen(total)}",
                ))
    return hits


def _clusters(group: pd.DataFrame, ctx: Context) -> list[pd.DataFrame]:
    """Runs of debits on the same day (or within minutes, when times are known)."""
    settings = ctx.settings
    found = [same_day for _, same_day in group.groupby("date", sort=False)
             if len(same_day) >= settings.burst_count]
    timed = group[group["timed"]].sort_values("ts")
    if len(timed) >= settings.burst_timed_count:
        gaps = np.diff(timed["ts"].to_numpy()) > np.timedelta64(settings.burst_minutes, "m")
        labels = np.concatenate([[0], np.cumsum(gaps)])
        for _, run in timed.groupby(labels):
            if len(run) >= settings.burst_timed_count and not _within(run, found):
                found.append(run)
    return found


def _within(run: pd.DataFrame, found: list[pd.DataFrame]) -> bool:
    return any(set(run.index) <= set(cluster.index) for cluster in found)


def _span(cluster: pd.DataFrame) -> tuple[str, str]:
    if not cluster["timed"].all():
        return "", ""
    first, last = cluster["time"].min(), cluster["time"].max()
    return f" between {first} and {last}", f" {first}〜{last}"


RULE = Rule("wallet-burst", "Several debits to one wallet within a day or minutes",
            "同じ決済サービスへの短時間の連続出金", Severity.high, check)
