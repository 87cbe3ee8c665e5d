"""The holder's history for many accounts at once, where none of their own top-ups is a spike."""

from __future__ import annotations

from bisect import insort

import numpy as np

from auditor.detect.rules import Settings

# What with_history's ledger gives each debit: columns usual, base, spike, day_max.
Columns = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def quiet_history(accts: np.ndarray, days: np.ndarray, wallets: np.ndarray, kinds: np.ndarray,
                  amounts: np.ndarray, own: np.ndarray, settings: Settings,
                  bases: tuple[int, int]) -> Columns:
    """As the ledger judges them, debits (by account, day and wallet code) of accounts none
    of whose own top-ups reach spike_min_amount: none of those can be a spike, so every one
    joins the history and each day's usual is a plain prefix of it (no walk, no order).

    kinds: each debit's kind code (the general history it joins); bases: the ledger's
    codes for a wallet's own history and for the general one.
    """
    count, enough = len(days), settings.spike_min_history
    usual, base = np.full(count, np.nan), np.zeros(count, dtype=np.int8)
    spike, day_max = np.zeros(count, dtype=bool), np.zeros(count, dtype=np.int64)
    if not count:
        return usual, base, spike, day_max
    run = _starts(accts, days, wallets)
    first = np.maximum.accumulate(np.where(run, np.arange(count), 0))
    mine, mine_median, mine_top = _before(accts * (wallets.max() + 1) + wallets, days, amounts,
                                          own)
    general, median, top = _before(accts * (kinds.max() + 1) + kinds, days, amounts, own)
    wallet = own[first] & (mine >= enough)
    known = wallet | (general >= enough)
    median, top = np.where(wallet, mine_median, median), np.where(wallet, mine_top, top)
    usual[known], base[known] = median[known], np.where(wallet, bases[0], bases[1])[known]
    spike[known] = ((amounts >= settings.spike_min_amount)
                    & (amounts >= median * settings.spike_factor)
                    & (amounts >= top * settings.spike_over_max))[known]
    return usual, base, spike, _busiest(accts, wallets, run, own[first])


def _starts(*keys: np.ndarray) -> np.ndarray:
    """Where each run of equal keys starts (rows in key order)."""
    change = np.zeros(len(keys[0]), dtype=bool)
    change[0] = True
    for key in keys:
        change[1:] |= key[1:] != key[:-1]
    return change


def _before(streams: np.ndarray, days: np.ndarray, amounts: np.ndarray,
            own: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per debit, of its stream's own top-ups on earlier days: how many, their median and
    the largest (NaN and 0 when none)."""
    order = np.lexsort((days, streams))
    ranked, took = streams[order], own[order]
    group = _starts(ranked, days[order])
    stream = _starts(ranked)
    seen = np.concatenate([[0], np.cumsum(took)[:-1]])  # own top-ups before each row
    at = np.arange(len(order))
    before = seen[np.maximum.accumulate(np.where(group, at, 0))]
    many = before - seen[np.maximum.accumulate(np.where(stream, at, 0))]
    medians, tops = _prefix(ranked[took], amounts[order][took])
    last = np.maximum(before - 1, 0)
    has = many > 0
    median = np.where(has, medians[last] if len(medians) else np.nan, np.nan)
    top = np.where(has, tops[last] if len(tops) else 0, 0)
    out = np.empty_like(order)
    out[order] = at
    return many[out], median[out], top[out]


# Streams up to this long get their running medians from sorted prefixes, by column;
# a longer one (a holder's daily top-ups over years) is walked: its padding would cost more.
SHORT = 64


def _prefix(streams: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Running median and maximum of each stream's values (streams contiguous)."""
    medians = np.empty(len(values))
    if not len(values):
        return medians, values.astype(np.int64)
    first = _starts(streams)
    starts = np.flatnonzero(first)
    lengths = np.diff(np.append(starts, len(values)))
    short = lengths <= SHORT
    _sorted_medians(values, starts[short], lengths[short], medians)
    for start, length in zip(starts[~short].tolist(), lengths[~short].tolist(), strict=True):
        medians[start:start + length] = _walked_medians(values[start:start + length].tolist())
    # A running maximum per stream: each stream lifted above all before it.
    lift = np.cumsum(first) * (int(values.max()) + 1)
    return medians, np.maximum.accumulate(values + lift) - lift


def _sorted_medians(values: np.ndarray, starts: np.ndarray, lengths: np.ndarray,
                    medians: np.ndarray) -> None:
    """Each stream's running median, from its first k values sorted, for each k at once."""
    if not len(starts):
        return
    width = int(lengths.max())
    padded = np.full((len(starts), width), np.inf)
    rank = np.arange(width)
    inside = rank < lengths[:, None]
    padded[inside] = values[(starts[:, None] + rank)[inside]]
    for k in range(1, width + 1):
        chosen = np.flatnonzero(lengths >= k)
        prefix = np.sort(padded[chosen, :k], axis=1)
        medians[starts[chosen] + k - 1] = (prefix[:, (k - 1) // 2] + prefix[:, k // 2]) / 2


def _walked_medians(values: list[int]) -> list[float]:
    held: list[int] = []
    out = []
    for value in values:
        insort(held, value)
        middle, odd = divmod(len(held), 2)
        out.append(float(held[middle]) if odd else (held[middle - 1] + held[middle]) / 2)
    return out


def _busiest(accts: np.ndarray, wallets: np.ndarray, run: np.ndarray,
             own: np.ndarray) -> np.ndarray:
    """Per debit, the most debits to its wallet on any earlier day of the holder's own."""
    starts = np.flatnonzero(run)
    sizes = np.diff(np.append(starts, len(run))) * own[starts]
    streams = accts[starts] * (wallets.max() + 1) + wallets[starts]
    order = np.lexsort((starts, streams))  # each stream's days in time order
    ranked, size = streams[order], sizes[order]
    # A running maximum per stream: each stream lifted above all before it.
    lift = np.cumsum(_starts(ranked)) * (int(size.max()) + 1)
    most = np.maximum.accumulate(size + lift) - lift
    earlier = np.where(_starts(ranked), 0, np.concatenate([[0], most[:-1]]))
    per_run = np.empty_like(earlier)
    per_run[order] = earlier
    return np.repeat(per_run, np.diff(np.append(starts, len(run))))


__all__ = ["Columns", "quiet_history"]
