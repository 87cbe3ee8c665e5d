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
        for members in _merged(_clusters(group, ctx)):
            cluster = group.loc[sorted(members)]
            total, count = int(cluster["debit"].sum()), len(cluster)
            when_en, when_ja = _when(cluster)
            for seq in cluster.index:
                hits.append(RULE.hit(
                    seq,
                    f"one of {count} debits to {wallet.name_en} {when_en}, {yen(total)} in all",
                    f"{when_ja}に{wallet.name_ja}への出金が{count}件、合計{yen(total)}",
                ))
    return hits


def _clusters(group: pd.DataFrame, ctx: Context) -> list[set[int]]:
    """Rows on the same day (enough of them), and rows minutes apart (where times exist)."""
    settings = ctx.settings
    found = [set(same_day.index) for _, same_day in group.groupby("date", sort=False)
             if len(same_day) >= settings.burst_count]
    timed = group[group["timed"]].sort_values("ts")
    if len(timed) >= settings.burst_timed_count:
        gaps = np.diff(timed["ts"].to_numpy()) > np.timedelta64(settings.burst_minutes, "m")
        labels = np.concatenate([[0], np.cumsum(gaps)])
        found += [set(run.index) for _, run in timed.groupby(labels)
                  if len(run) >= settings.burst_timed_count]
    return found


def _merged(clusters: list[set[int]]) -> list[set[int]]:
    """Join clusters that share a row, so each row belongs to one burst with one count."""
    merged: list[set[int]] = []
    for cluster in clusters:
        overlapping = [m for m in merged if m & cluster]
        for m in overlapping:
            merged.remove(m)
            cluster = cluster | m
        merged.append(cluster)
    return merged


def _when(cluster: pd.DataFrame) -> tuple[str, str]:
    first, last = day(cluster["date"].min()), day(cluster["date"].max())
    if not cluster["timed"].all():
        return (f"on {first}", first) if first == last else (f"from {first} to {last}",
                                                               f"{first}〜{last}")
    start, end = cluster["ts"].min(), cluster["ts"].max()
    if first == last:
        return (f"on {first} between {start:%H:%M:%S} and {end:%H:%M:%S}",
                f"{first} {start:%H:%M:%S}〜{end:%H:%M:%S}")
    return (f"between {start:%Y-%m-%d %H:%M:%S} and {end:%Y-%m-%d %H:%M:%S}",
            f"{start:%Y-%m-%d %H:%M:%S}〜{end:%Y-%m-%d %H:%M:%S}")


RULE = Rule("wallet-burst", "Several debits to one wallet within a day or minutes",
            "同じ決済サービスへの短時間の連続出金", Severity.high, check)
