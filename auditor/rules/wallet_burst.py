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
        ordered = group.sort_values("ts", kind="stable")
        seqs, amounts = ordered.index.to_numpy(), ordered["debit"].to_numpy()
        stamps, timed = ordered["ts"].to_numpy(), ordered["timed"].to_numpy()
        for start, stop in _bursts(ordered, ctx):
            count, total = stop - start, int(amounts[start:stop].sum())
            when_en, when_ja = _when(stamps[start], stamps[stop - 1],
                                     bool(timed[start:stop].all()))
            en = f"one of {count} debits to {wallet.name_en} {when_en}, {yen(total)} in all"
            ja = f"{when_ja}に{wallet.name_ja}への出金が{count}件、合計{yen(total)}"
            reason = RULE.reason(en, ja)  # one reason shared by the burst's rows
            hits.extend(Hit(int(seq), reason) for seq in seqs[start:stop])
    return hits


def _bursts(ordered: pd.DataFrame, ctx: Context) -> list[tuple[int, int]]:
    """Bursts as [start, stop) positions in time order.

    A day with enough debits, and a run of debits minutes apart, are each a stretch of
    consecutive rows in time order; stretches that overlap are one burst, so a row is
    counted in one burst only. One pass, however many debits the statement holds.
    """
    settings = ctx.settings
    stretches = _busy_days(ordered["date"].to_numpy(), settings.burst_count)
    timed = np.flatnonzero(ordered["timed"].to_numpy())
    if len(timed) >= settings.burst_timed_count:
        stamps = ordered["ts"].to_numpy()[timed]
        apart = np.diff(stamps) > np.timedelta64(settings.burst_minutes, "m")
        for first, last in _runs(apart, settings.burst_timed_count):
            stretches.append((int(timed[first]), int(timed[last]) + 1))
    return _merge(stretches)


def _busy_days(dates: np.ndarray, least: int) -> list[tuple[int, int]]:
    """[start, stop) of each day that holds at least ``least`` debits (dates in order)."""
    starts = np.flatnonzero(np.concatenate([[True], dates[1:] != dates[:-1]]))
    stops = np.append(starts[1:], len(dates))
    return [(int(a), int(b)) for a, b in zip(starts, stops, strict=True) if b - a >= least]


def _runs(apart: np.ndarray, least: int) -> list[tuple[int, int]]:
    """(first, last) indexes of runs whose neighbours are close, at least ``least`` long."""
    breaks = np.flatnonzero(apart)
    firsts = np.concatenate([[0], breaks + 1])
    lasts = np.append(breaks, len(apart))
    return [(int(a), int(b)) for a, b in zip(firsts, lasts, strict=True) if b - a + 1 >= least]


def _merge(stretches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, stop in sorted(stretches):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], stop))
        else:
            merged.append((start, stop))
    return merged


def _when(earliest: np.datetime64, latest: np.datetime64, timed: bool) -> tuple[str, str]:
    """The burst's span in words: its day(s), and its times where the bank gives them."""
    start, end = pd.Timestamp(earliest), pd.Timestamp(latest)
    first, last = day(start), day(end)
    if not timed:
        return (f"on {first}", first) if first == last else (f"from {first} to {last}",
                                                               f"{first}〜{last}")
    if first == last:
        return (f"on {first} between {start:%H:%M:%S} and {end:%H:%M:%S}",
                f"{first} {start:%H:%M:%S}〜{end:%H:%M:%S}")
    return (f"between {start:%Y-%m-%d %H:%M:%S} and {end:%Y-%m-%d %H:%M:%S}",
            f"{start:%Y-%m-%d %H:%M:%S}〜{end:%Y-%m-%d %H:%M:%S}")


RULE = Rule("wallet-burst", "Several debits to one wallet within a day or minutes",
            "同じ決済サービスへの短時間の連続出金", Severity.high, check)
