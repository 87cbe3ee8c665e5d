"""wallet-burst: several debits to one wallet close together (the 2020 ドコモ口座 pattern)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from auditor.models import Reason, Severity
from auditor.detect.rules import Context, Hit, Rule
from auditor.wording import Bi, both, day, yen


@dataclass(frozen=True)
class _Debits:
    """Each account's debits to one wallet in time order, as arrays: bursts are judged on
    slices of them."""

    seqs: np.ndarray
    amounts: np.ndarray
    stamps: np.ndarray
    timed: np.ndarray
    hours: np.ndarray
    usual: np.ndarray
    day_max: np.ndarray
    dates: np.ndarray
    own: np.ndarray
    wallets: list[str]

    @classmethod
    def of(cls, ordered: pd.DataFrame) -> _Debits:
        return cls(ordered.index.to_numpy(), ordered["debit"].to_numpy(), ordered["ts"].to_numpy(),
                   ordered["timed"].to_numpy(dtype=bool), ordered["ts"].dt.hour.to_numpy(),
                   ordered["usual"].to_numpy(dtype=float), ordered["day_max"].to_numpy(),
                   ordered["date"].to_numpy(), ordered["own"].to_numpy(dtype=bool),
                   ordered["wallet"].astype(str).tolist())


def check(debits: pd.DataFrame, ctx: Context) -> list[Hit]:
    """Debits to one wallet on one day, or minutes apart where the bank prints times.

    A wallet the holder does not use is high. For one of the holder's own wallets, each row
    of a busy day is an alarm only when it breaks their habits (see _signs): none is low
    (listed, no alarm), one is medium, more are high. Each account's (column ``acct``)
    debits count alone.
    """
    hits: list[Hit] = []
    candidates = _candidates(debits, ctx)
    # One sort and one set of arrays for every account and wallet, sliced per group.
    group = candidates.groupby(["acct", "wallet"], sort=False).ngroup().to_numpy()
    rows = _Debits.of(candidates.assign(_group=group).sort_values(["_group", "ts"],
                                                                  kind="stable"))
    for begin, end in _groups(np.sort(group)):
        wallet = ctx.catalogue.get(rows.wallets[begin])
        for start, stop in _bursts(rows, begin, end, ctx):
            count, total = stop - start, int(rows.amounts[start:stop].sum())
            when = _when(rows.stamps[start], rows.stamps[stop - 1],
                         bool(rows.timed[start:stop].all()))
            burst = both("rule.wallet-burst", count=count, wallet=Bi(wallet.name_en, wallet.name_ja),
                         when=when, total=yen(total))
            if not rows.own[begin]:
                reason = RULE.reason(*burst)  # one reason shared by the burst's rows
                hits.extend(Hit(int(seq), reason) for seq in rows.seqs[start:stop])
                continue
            reasons: dict[tuple[Bi, ...], Reason] = {}
            for seq, signs in zip(rows.seqs[start:stop], _signs(rows, start, stop, ctx),
                                  strict=True):
                if tuple(signs) not in reasons:
                    reasons[tuple(signs)] = RULE.reason(*_own(signs, burst))
                hits.append(Hit(int(seq), reasons[tuple(signs)]))
    return hits


def _groups(codes: np.ndarray) -> list[tuple[int, int]]:
    """[start, stop) of each run of equal codes."""
    if not len(codes):
        return []
    starts = np.flatnonzero(np.concatenate([[True], codes[1:] != codes[:-1]]))
    return list(zip(starts.tolist(), np.append(starts[1:], len(codes)).tolist(), strict=True))


def _candidates(debits: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """The debits of each account and wallet that could hold a burst: a day with enough
    debits, or timed debits minutes apart. Most accounts have neither, and cost no loop."""
    settings = ctx.settings
    named = debits[debits["wallet"].notna()]
    group = named.groupby(["acct", "wallet"], sort=False).ngroup().to_numpy()
    size = named.groupby([group, named["date"].to_numpy()])["debit"].transform("size")
    chosen = np.unique(group[size.to_numpy() >= settings.burst_count])
    timed = named["timed"].to_numpy(dtype=bool)
    if timed.any():
        stamps = pd.DataFrame({"group": group[timed], "ts": named["ts"].to_numpy()[timed]})
        stamps = stamps.sort_values(["group", "ts"], kind="stable")
        near, at = stamps["group"].to_numpy(), stamps["ts"].to_numpy()
        close = (near[1:] == near[:-1]) & (np.diff(at) <= np.timedelta64(settings.burst_minutes,
                                                                          "m"))
        # A "run" of one timed debit is a burst only where the settings say one is enough.
        found = near if settings.burst_timed_count <= 1 else near[1:][close]
        chosen = np.union1d(chosen, found)
    return named[np.isin(group, chosen)]


def _own(signs: list[Bi], burst: Bi) -> tuple[str, str, Severity]:
    """A row of a burst on one of the holder's own wallets: low, medium or high by its signs."""
    if not signs:  # an ordinary top-up on a busy day: hours apart, or without times
        return (*both("rule.wallet-burst.usual", burst=burst), Severity.low)
    separator = both("rule.wallet-burst.sign_separator")
    listed = Bi(separator.en.join(s.en for s in signs), separator.ja.join(s.ja for s in signs))
    return (*both("rule.wallet-burst.signs", burst=burst, signs=listed),
            Severity.medium if len(signs) == 1 else Severity.high)


def _signs(rows: _Debits, start: int, stop: int, ctx: Context) -> list[list[Bi]]:
    """For each row of the burst rows[start:stop], what breaks the holder's habits, in words.

    Speed (the row is one of burst_fast within burst_minutes) and amount (spike_factor times
    the usual) are signs of their own; a count above any earlier day's (and at least
    burst_many) and the night only add to one of them: a holder's busy day of small top-ups,
    one of them at night, is still their habit, and so is their own top-up on the day of a
    burst they did not make.
    """
    settings, count = ctx.settings, stop - start
    fast = _fast(rows.stamps[start:stop], rows.timed[start:stop],
                 np.timedelta64(settings.burst_minutes, "m"))
    busiest, usual = int(rows.day_max[start]), float(rows.usual[start])
    many = count >= settings.burst_many and 0 < busiest < count  # against earlier days only
    out = []
    for offset, row in enumerate(range(start, stop)):
        signs = []
        if fast[offset] >= settings.burst_fast:
            signs.append(both("rule.wallet-burst.fast", count=fast[offset],
                              minutes=settings.burst_minutes))
        times = rows.amounts[row] / usual  # NaN when nothing is usual yet
        if times >= settings.spike_factor:
            signs.append(both("rule.wallet-burst.amount", times=times, usual=yen(int(usual))))
        if signs and many:
            signs.insert(0, both("rule.wallet-burst.many", busiest=busiest))
        if signs and rows.timed[row] and settings.night_from <= rows.hours[row] < settings.night_to:
            signs.append(both("rule.wallet-burst.night"))
        out.append(signs)
    return out


def _fast(stamps: np.ndarray, timed: np.ndarray, span: np.timedelta64) -> list[int]:
    """For each row, the most timed rows in one window of ``span`` that holds it (0 untimed)."""
    most = [0] * len(stamps)
    positions = np.flatnonzero(timed)
    times = stamps[positions]
    firsts = np.searchsorted(times, times - span, side="left")
    for last, first in enumerate(firsts.tolist()):
        for inside in positions[first:last + 1].tolist():
            most[inside] = max(most[inside], last - first + 1)
    return most


def _bursts(rows: _Debits, begin: int, end: int, ctx: Context) -> list[tuple[int, int]]:
    """Bursts among rows[begin:end] (one account's debits to one wallet) as [start, stop)
    positions in time order.

    A day with enough debits, and a run of debits minutes apart, are each a stretch of
    consecutive rows in time order; stretches that overlap are one burst, so a row is
    counted in one burst only. One pass, however many debits the statement holds.
    """
    settings = ctx.settings
    stretches = _busy_days(rows.dates[begin:end], settings.burst_count)
    timed = np.flatnonzero(rows.timed[begin:end])
    if len(timed) >= settings.burst_timed_count:
        stamps = rows.stamps[begin:end][timed]
        apart = np.diff(stamps) > np.timedelta64(settings.burst_minutes, "m")
        for first, last in _runs(apart, settings.burst_timed_count):
            stretches.append((int(timed[first]), int(timed[last]) + 1))
    return [(begin + start, begin + stop) for start, stop in _merge(stretches)]


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


def _when(earliest: np.datetime64, latest: np.datetime64, timed: bool) -> Bi:
    """The burst's span in words: its day(s), and its times where the bank gives them."""
    start, end = pd.Timestamp(earliest), pd.Timestamp(latest)
    first, last = day(start), day(end)
    if not timed:
        key = "rule.wallet-burst.on_day" if first == last else "rule.wallet-burst.days"
    else:
        key = "rule.wallet-burst.on_day_between" if first == last else "rule.wallet-burst.between"
    return both(key, first=first, last=last, start=start, end=end)


RULE = Rule("wallet-burst", *both("rule.wallet-burst.title"), Severity.high, check,
            Severity.low)
