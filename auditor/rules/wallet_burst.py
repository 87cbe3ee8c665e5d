"""wallet-burst: several debits to one wallet close together (the 2020 ドコモ口座 pattern)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from auditor.models import Severity
from auditor.rules import Context, Hit, Rule
from auditor.wording import day, yen


@dataclass(frozen=True)
class _Debits:
    """One wallet's debits in time order, as arrays: bursts are judged on slices of them."""

    seqs: np.ndarray
    amounts: np.ndarray
    stamps: np.ndarray
    timed: np.ndarray
    hours: np.ndarray
    usual: np.ndarray
    day_max: np.ndarray

    @classmethod
    def of(cls, ordered: pd.DataFrame) -> _Debits:
        return cls(ordered.index.to_numpy(), ordered["debit"].to_numpy(), ordered["ts"].to_numpy(),
                   ordered["timed"].to_numpy(dtype=bool), ordered["ts"].dt.hour.to_numpy(),
                   ordered["usual"].to_numpy(dtype=float), ordered["day_max"].to_numpy())


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Debits to one wallet on one day, or minutes apart where the bank prints times.

    A wallet the holder does not use is high. For one of the holder's own wallets, a busy
    day is an alarm only when it breaks their habits (see _signs): none is low (listed, no
    alarm), one is medium, more are high.
    """
    hits: list[Hit] = []
    for wallet_id, group in debits[debits["wallet"].notna()].groupby("wallet", sort=False):
        wallet = ctx.catalogue.get(str(wallet_id))
        ordered = group.sort_values("ts", kind="stable")
        rows, own = _Debits.of(ordered), bool(ordered["own"].iloc[0])
        for start, stop in _bursts(ordered, ctx):
            count, total = stop - start, int(rows.amounts[start:stop].sum())
            when_en, when_ja = _when(rows.stamps[start], rows.stamps[stop - 1],
                                     bool(rows.timed[start:stop].all()))
            en = f"one of {count} debits to {wallet.name_en} {when_en}, {yen(total)} in all"
            ja = f"{when_ja}に{wallet.name_ja}への出金が{count}件、合計{yen(total)}"
            severity = None
            if own:
                severity, en, ja = _own(_signs(rows, start, stop, ctx), en, ja)
            reason = RULE.reason(en, ja, severity)  # one reason shared by the burst's rows
            hits.extend(Hit(int(seq), reason) for seq in rows.seqs[start:stop])
    return hits


def _own(signs: list[tuple[str, str]], en: str, ja: str) -> tuple[Severity, str, str]:
    """A burst on one of the holder's own wallets: low, medium or high by the signs."""
    if not signs:  # a busy day of ordinary top-ups, hours apart or without times
        return (Severity.low, f"{en}; your usual amounts, so listed for information only",
                f"{ja}（普段どおりの金額のため、参考として表示しています）")
    severity = Severity.medium if len(signs) == 1 else Severity.high
    return (severity, f"{en}: " + ", ".join(sign_en for sign_en, _ in signs),
            f"{ja}。" + "、".join(sign_ja for _, sign_ja in signs))


def _signs(rows: _Debits, start: int, stop: int, ctx: Context) -> list[tuple[str, str]]:
    """What in the burst rows[start:stop] breaks the holder's habits with the wallet, in words.

    Speed (burst_fast within burst_minutes) and amounts (spike_factor times the usual) are
    signs of their own; a count above any earlier day's (and at least burst_many) and the
    night only add to one of them: a holder's busy day of small top-ups, one of them at
    night, is still their habit.
    """
    settings, count, timed = ctx.settings, stop - start, rows.timed[start:stop]
    signs = []
    fast = _most_within(rows.stamps[start:stop][timed], np.timedelta64(settings.burst_minutes, "m"))
    if fast >= settings.burst_fast:
        signs.append((f"{fast} within {settings.burst_minutes} minutes",
                      f"{settings.burst_minutes}分以内に{fast}件"))
    usual, mean = float(rows.usual[start]), float(rows.amounts[start:stop].mean())
    if usual == usual and mean >= settings.spike_factor * usual:  # usual is NaN when unknown
        signs.append((f"about {mean / usual:.0f} times your usual top-up of {yen(int(usual))}",
                      f"普段のチャージ額{yen(int(usual))}の約{mean / usual:.0f}倍"))
    if not signs:
        return signs
    busiest = int(rows.day_max[start])
    if count >= settings.burst_many and 0 < busiest < count:  # against earlier days only
        signs.insert(0, (f"more at once than you ever topped it up (at most {busiest} a day "
                         "before)", f"これまでにない件数（以前は1日{busiest}件まで）"))
    hours = rows.hours[start:stop][timed]
    if ((hours >= settings.night_from) & (hours < settings.night_to)).any():
        signs.append(("in the middle of the night", "深夜"))
    return signs


def _most_within(stamps: np.ndarray, span: np.timedelta64) -> int:
    """The most timestamps (in order) that fit in one window of ``span``."""
    if len(stamps) < 2:
        return len(stamps)
    firsts = np.searchsorted(stamps, stamps - span, side="left")
    return int((np.arange(len(stamps)) - firsts + 1).max())


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
            "同じ決済サービスへの短時間の連続出金", Severity.high, check, Severity.low)
