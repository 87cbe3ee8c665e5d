"""The holder's habits: wallets they plainly use, and their usual top-up before each day."""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterator, Mapping
from typing import Any
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from auditor.models import Suggestion
from auditor.detect.rules import Context, Settings
from auditor.detect.usual import Columns, quiet_history

# `--allow none`: the holder says they use no wallet at all, so nothing is taken as theirs.
NO_WALLETS = "none"
# Where a usual amount comes from: this wallet's own history, or the holder's own wallets.
NO_BASE, WALLET_BASE, GENERAL_BASE = 0, 1, 2


def presumed(debits: pd.DataFrame, ctx: Context, accounts: int = 1) -> list[list[Suggestion]]:
    """Per account (column ``acct``, its first date ``start``): the services used regularly
    from its start: with no allow list at all, any wallet; with one, a brokerage not on it
    (monthly instalments into the holder's account).

    Several top-ups of everyday amounts over months, the first within the statement's first
    weeks: that is the holder's own habit, not a fraud that starts after months of history.
    """
    found: list[list[Suggestion]] = [[] for _ in range(accounts)]
    if NO_WALLETS in ctx.allowed:
        return found
    settings = ctx.settings
    named = debits[debits["wallet"].notna() & ~debits["allowed"]]
    brokerage = named["wallet"].map(_kinds(ctx)).eq("brokerage").to_numpy(dtype=bool)
    # An allow list names the wallets the holder thought of; a brokerage they pay into
    # every month is seldom among them, and its regular instalments are theirs all the same.
    # Only everyday amounts make a habit; a burst among them (the fraud) changes nothing.
    # Instalments into a brokerage run larger than wallet top-ups, never into millions.
    everyday_max = np.where(brokerage, settings.habit_brokerage_max, settings.spike_min_amount)
    keep = (named["debit"].to_numpy() < everyday_max) & (brokerage | (not ctx.allowed))
    everyday = named[keep]
    if everyday.empty:
        return found
    groups = everyday.groupby(["acct", "wallet"], sort=False).agg(
        debits=("debit", "size"), first=("date", "min"), last=("date", "max"),
        start=("start", "first"))
    habit = groups[(groups["debits"] >= settings.habit_min_debits)
                   & ((groups["first"] - groups["start"]).dt.days <= settings.habit_start_days)
                   & ((groups["last"] - groups["first"]).dt.days >= settings.habit_min_days)]
    for (acct, wallet_id), size, first, last in zip(habit.index, habit["debits"].tolist(),
                                                    habit["first"], habit["last"], strict=True):
        wallet = ctx.catalogue.get(str(wallet_id))
        found[int(acct)].append(Suggestion(wallet.id, wallet.name_en, wallet.name_ja, int(size),
                                           first.date(), last.date()))
    return [sorted(each, key=lambda s: (s.first, s.wallet)) for each in found]


def _kinds(ctx: Context) -> dict[str, str]:
    return {wallet.id: wallet.kind for wallet in ctx.catalogue.wallets}


@dataclass
class _Amounts:
    """Top-ups judged ordinary so far, sorted for a running median, and the spikes seen."""

    values: list[int] = field(default_factory=list)
    largest: int = 0
    spikes: list[tuple[int, int]] = field(default_factory=list)  # (day number, amount)

    def add(self, amount: int) -> None:
        insort(self.values, amount)
        self.largest = max(self.largest, amount)

    def median(self) -> float:
        middle, odd = divmod(len(self.values), 2)
        if odd:
            return float(self.values[middle])
        return (self.values[middle - 1] + self.values[middle]) / 2

    def largest_by(self, day: int, settled: int) -> int:
        """The largest earlier top-up, counting spikes at least ``settled`` days old.

        A spike never joins the usual, but one that was not a one-off (the holder's monthly
        ¥50,000 into their brokerage) must not make every later one a spike too.
        """
        old = [amount for when, amount in self.spikes if when <= day - settled]
        return max([self.largest, *old])


@dataclass
class _Ledger:
    """The holder's history as the days go by: per own wallet, and per kind of service."""

    settings: Settings
    kinds: Mapping[str, str]
    mine: dict[str, _Amounts] = field(default_factory=dict)
    general: dict[str, _Amounts] = field(default_factory=dict)
    busiest: dict[str, int] = field(default_factory=dict)

    def basis(self, wallet: str, own: bool) -> tuple[_Amounts | None, int]:
        """What a debit is judged against: its wallet's history, else the holder's own
        services of the same kind (wallets for a wallet: a brokerage's amounts are others)."""
        enough = self.settings.spike_min_history
        history = self.mine.setdefault(wallet, _Amounts())
        if own and len(history.values) >= enough:
            return history, WALLET_BASE
        general = self.general.setdefault(self.kinds.get(wallet, "wallet"), _Amounts())
        if len(general.values) >= enough:
            return general, GENERAL_BASE
        return None, NO_BASE

    def spike(self, amount: int, basis: _Amounts, day: int) -> bool:
        settings = self.settings
        return (amount >= settings.spike_min_amount
                and amount >= basis.median() * settings.spike_factor
                and amount >= basis.largest_by(day, settings.habit_min_days) * settings.spike_over_max)

    def learn(self, wallet: str, amount: int, day: int, spike: bool) -> None:
        """One of the holder's own top-ups, once its whole day was judged."""
        for amounts in (self.mine[wallet], self.general[self.kinds.get(wallet, "wallet")]):
            if spike:
                amounts.spikes.append((day, amount))
            else:
                amounts.add(amount)


def with_history(debits: pd.DataFrame, settings: Settings,
                 kinds: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Add what the holder's history said before each wallet debit's day.

    Columns: usual (the median earlier ordinary top-up, NaN when unknown), base (WALLET_BASE
    for the wallet's own history, GENERAL_BASE for the holder's own services of its kind,
    ``kinds`` by wallet id), spike (far above it), day_max (most debits to the wallet on any
    earlier day). Only the holder's own wallets make history, and a spike never joins it;
    other wallets are judged against the holder's own. Each day is judged as a whole
    against the days before, so the order a bank lists one day's rows in never matters.
    """
    named = debits[debits["wallet"].notna()].sort_values(["acct", "date", "wallet"],
                                                         kind="stable")
    kinds = kinds or {}
    # Only an account whose own top-ups reach spike_min_amount can have a spike among them,
    # and only a spike keeps a top-up out of the history: every other account is judged
    # at once, by column; those few are walked day by day.
    big = (named["own"].to_numpy(dtype=bool)
           & (named["debit"].to_numpy() >= settings.spike_min_amount))
    walked = np.isin(named["acct"].to_numpy(), named["acct"].to_numpy()[big])
    if settings.spike_min_history < 1:
        walked[:] = True
    usual, base = np.full(len(named), np.nan), np.zeros(len(named), dtype=np.int8)
    spike, day_max = np.zeros(len(named), dtype=bool), np.zeros(len(named), dtype=np.int64)
    for rows, columns in ((walked, _walk(named[walked], settings, kinds)),
                          (~walked, _quiet(named[~walked], settings, kinds))):
        usual[rows], base[rows], spike[rows], day_max[rows] = columns
    columns = pd.DataFrame({"usual": usual, "base": base, "spike": spike, "day_max": day_max},
                           index=named.index)
    return debits.join(columns)


def _quiet(named: pd.DataFrame, settings: Settings, kinds: Mapping[str, str]) -> Columns:
    """The accounts none of whose own top-ups could be a spike, judged by column."""
    wallets, ids = pd.factorize(named["wallet"])
    kind_codes, _ = pd.factorize(pd.Series([kinds.get(str(i), "wallet") for i in ids],
                                           dtype=object))
    days = named["date"].to_numpy("datetime64[D]").astype(np.int64)
    return quiet_history(named["acct"].to_numpy().astype(np.int64), days,
                         wallets.astype(np.int64), kind_codes.astype(np.int64)[wallets],
                         named["debit"].to_numpy().astype(np.int64),
                         named["own"].to_numpy(dtype=bool), settings,
                         (WALLET_BASE, GENERAL_BASE))


def _walk(named: pd.DataFrame, settings: Settings, kinds: Mapping[str, str]) -> Columns:
    """The accounts walked day by day, on a ledger each."""
    count = len(named)  # the history of each account (column acct) is its own
    usual, base = np.full(count, np.nan), np.zeros(count, dtype=np.int8)
    spike, day_max = np.zeros(count, dtype=bool), np.zeros(count, dtype=np.int64)
    days, owner, wallets, amounts, own = _columns(named)
    ledger, current = _Ledger(settings, kinds), None
    # Each day's runs of one wallet, found once for all accounts: one numpy pass, not one
    # per account and day (an export of 200k accounts has millions of such days).
    by_wallet = iter(_runs(days, owner, pd.factorize(named["wallet"])[0]))
    walked = (days.tolist(), wallets, amounts, own.tolist())  # read row by row: plain values
    for start, stop in _runs(days, owner):
        if owner[start] != current:  # a new account: a history of its own
            ledger, current = _Ledger(settings, kinds), owner[start]
        learned: list[tuple[str, int, bool]] = []
        for first, last in _until(by_wallet, stop):
            learned += _judge(ledger, first, last, walked, (usual, base, spike, day_max))
        for wallet, amount, was_spike in learned:
            ledger.learn(wallet, amount, int(days[start]), was_spike)
    return usual, base, spike, day_max


def _judge(ledger: _Ledger, first: int, last: int, rows: tuple[Any, ...],
           out: tuple[np.ndarray, ...]) -> list[tuple[str, int, bool]]:
    """One wallet's debits of one day against the history before it; what they teach it."""
    (days, wallets, amounts, own), (usual, base, spike, day_max) = rows, out
    wallet = wallets[first]
    basis, where = ledger.basis(wallet, own[first])
    day_max[first:last] = ledger.busiest.get(wallet, 0)
    if basis is not None:  # the day learns only once judged: one median for all its rows
        usual[first:last], base[first:last] = basis.median(), where
        for row in range(first, last):
            spike[row] = ledger.spike(amounts[row], basis, days[row])
    learned = [(wallet, amounts[row], bool(spike[row])) for row in range(first, last) if own[row]]
    if own[first]:
        ledger.busiest[wallet] = max(ledger.busiest.get(wallet, 0), last - first)
    return learned


def _columns(named: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, list[str], list[int],
                                           np.ndarray]:
    """Day numbers, accounts, wallets, amounts and own flags, as with_history walks them."""
    days = named["date"].to_numpy("datetime64[D]").astype(np.int64)
    return (days, named["acct"].to_numpy(), named["wallet"].tolist(),
            named["debit"].astype(np.int64).tolist(), named["own"].to_numpy(dtype=bool))


def _runs(days: np.ndarray, owner: np.ndarray,
          wallets: np.ndarray | None = None) -> list[tuple[int, int]]:
    """[start, stop) of each run of equal days and accounts (and wallet codes)."""
    if not len(days):
        return []
    change = (days[1:] != days[:-1]) | (owner[1:] != owner[:-1])
    if wallets is not None:
        change |= wallets[1:] != wallets[:-1]
    starts = np.flatnonzero(np.concatenate([[True], change]))
    stops = np.append(starts[1:], len(days))
    return list(zip(starts.tolist(), stops.tolist(), strict=True))


def _until(runs: Iterator[tuple[int, int]], stop: int) -> Iterator[tuple[int, int]]:
    """The next runs, up to the one that ends at stop (runs refine the day's run)."""
    for first, last in runs:
        yield first, last
        if last >= stop:
            return


__all__ = ["GENERAL_BASE", "NO_BASE", "WALLET_BASE", "presumed", "with_history"]
